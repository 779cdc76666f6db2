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

# %% [markdown]
# # Prüfbericht: Positionen und Codierung
#
# Das Codebuch, die maschinelle Codierung jeder Stellungnahme mit ihrer Sicherheit, die
# Argumentgruppen, Abweichungen von Korrekturen und menschlicher Codierung, und wie man einen
# Code korrigiert und den Bericht neu erstellt.

# %%
from analysis.report import context, council, inputs, position_review
from analysis.report.notebook import show

# %% tags=["parameters"]
processed = "../data/processed"  # folder with statements.parquet and positions.parquet
motion = None  # one motion's reference (any spelling), or None for all statements
codebook = None  # YAML codebook for the position labels; None: the built-in codes
language = "de"  # language of labels (only "de" exists)
sources = None  # folder ingest read the PDFs from; None: ../raw beside `processed`
gold = None  # gold.jsonl with human coding, for the comparison
redact = False  # hide personal data: True or "private" (private persons), "all" (everyone)
report_dir = None  # folder the HTML will be saved in (for relative links to the PDFs)
glossary = []  # your own glossary files (YAML, docs/language.md) on top of the shipped one

# %%
data = inputs.load(processed, sources=sources, gold=gold, codebook=codebook, glossary=glossary)
ctx = context.build(data, motion=motion, language=language, redact=redact, report_dir=report_dir)

# %% [markdown]
# ## Codebuch

# %%
show(position_review.codebook(ctx))

# %% [markdown]
# ## Codierung je Stellungnahme

# %%
show(position_review.coding_table(ctx))

# %% [markdown]
# ## Sicherheit

# %%
show(position_review.confidence(ctx))

# %% [markdown]
# ## Argumentgruppen

# %%
show(council.clusters(ctx))

# %% [markdown]
# ## Abweichungen

# %%
show(position_review.disagreements(ctx))

# %% [markdown]
# ## Lernkurve: Korrekturen als Beispiele
#
# Wie genau die übrigen Stellungnahmen eines Antrags codiert werden, nachdem 0, 3, 5 oder 10
# seiner Stellungnahmen von Hand korrigiert wurden, gemessen mit ausgelassenem Antrag
# (`statements evaluate --lomo --learning-curve 0 3 5 10`), neben denselben Stellungnahmen
# ohne die Korrekturen.

# %%
show(position_review.learning_curve(ctx))

# %% [markdown]
# ## Einen Code korrigieren
#
# Korrekturen stehen in `corrections.csv` im Ordner der verarbeiteten Daten. Der Bericht nimmt
# die korrigierten Werte statt der maschinellen und markiert sie; die maschinellen Werte bleiben
# in `positions.parquet` unverändert.

# %%
show(position_review.how_to_correct(ctx))
