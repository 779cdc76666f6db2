# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python (Stellungnahmen-Analyse)
#     language: python
#     name: stellungnahmen-analyse
# ---

# %% [markdown] tags=["remove-cell"]
# Bericht für den Stadtrat: die Stellungnahmen zu einem Antrag. `statements report` führt dieses
# Notebook je Antrag aus und speichert es als HTML ohne Code; in JupyterLab die Parameter unten
# anpassen und alle Zellen ausführen.

# %%
from analysis.report import appendix, context, council, inputs, plain_language, redaction
from analysis.report.notebook import show

# %% tags=["parameters"]
processed = "../data/processed"  # folder with statements.parquet (and positions.parquet …)
motion = None  # motion reference in any spelling, e.g. "BA-045/2021"; None: the first motion
codebook = None  # YAML codebook for the position labels; None: the built-in codes
language = "de"  # language of labels (only "de" exists)
sources = None  # folder ingest read the PDFs from; None: ../raw beside `processed`
gold = None  # gold.jsonl with human coding, for the agreement section
redact = False  # hide personal data: True or "private" (private persons), "all" (everyone)
report_dir = None  # folder the HTML will be saved in (for relative links to the PDFs)
glossary = []  # your own glossary files (YAML, docs/language.md) on top of the shipped one

# %%
data = inputs.load(processed, sources=sources, gold=gold, codebook=codebook, glossary=glossary)
ctx = context.build(
    data,
    motion=motion or context.first_motion(data),
    language=language,
    redact=redact,
    report_dir=report_dir,
)
show(council.heading(ctx))

# %% [markdown]
# ## Das Wichtigste in einfacher Sprache

# %%
show(plain_language.motion_summary(ctx))

# %% [markdown]
# ## Der Antrag und die Frage

# %%
show(council.motion_and_question(ctx))

# %% [markdown]
# ## Wer Stellung genommen hat

# %%
show(council.stakeholders(ctx))

# %% [markdown]
# ## Positionen nach Gruppe

# %%
show(council.position_matrix(ctx))

# %% [markdown]
# ## Haltung zum Antrag

# %%
show(council.stances(ctx))

# %% [markdown]
# ## Die Positionen im Einzelnen
#
# Je Position die Stellungnahmen mit ihren wichtigsten Belegstellen, wörtlich zitiert, mit Seite
# und Datei.

# %%
show(council.positions_in_detail(ctx))

# %% [markdown]
# ## Anliegen

# %%
show(council.concerns(ctx))

# %% [markdown]
# ## Argumentgruppen

# %%
show(council.clusters(ctx))

# %% [markdown]
# ## Mitunterzeichnende und gleichlautende Schreiben

# %%
show(council.form_letters(ctx))

# %% [markdown]
# ## Wörter kurz erklärt

# %%
show(plain_language.terms_explained(ctx))

# %% [markdown]
# ## Zur Prüfung durch Mitarbeitende

# %%
show(appendix.needs_review(ctx))

# %% [markdown]
# ## Übereinstimmung mit menschlicher Codierung

# %%
show(appendix.gold_agreement(ctx))

# %% [markdown]
# ## Methoden

# %%
show(appendix.methods(ctx))

# %% [markdown]
# ## Nachvollziehbarkeit
#
# Mit diesen Dateien und dieser Softwareversion lässt sich jede Zahl des Berichts wiederholen.

# %%
show(
    appendix.reproducibility(
        ctx,
        {
            "Verarbeitete Daten": processed,
            "Antrag": ctx.motion.ref if ctx.motion else None,
            "Codebuch": codebook,
            "Menschliche Codierung": gold,
            "Sprache": language,
            "Namen geschwärzt": {None: "nein", "private": "Privatpersonen", "all": "alle"}[
                redaction.mode(redact)
            ],
        },
    )
)
