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
# # Prüfbericht: Was gelesen wurde
#
# Welche Dateien gelesen wurden, welche nicht und warum, welche Seiten per Texterkennung (OCR)
# gelesen wurden, wie vollständig die Angaben sind, und an Seitenausschnitten, wo zitierter Text
# im PDF steht.

# %%
from analysis.report import context, ingest_quality, inputs, plain_language
from analysis.report.notebook import show

# %% tags=["parameters"]
processed = "../data/processed"  # folder with statements.parquet, paragraphs.parquet, …
motion = None  # one motion's reference (any spelling), or None for all statements
codebook = None  # YAML codebook for the position labels; None: the built-in codes
language = "de"  # language of labels (only "de" exists)
sources = None  # folder ingest read the PDFs from; None: ../raw beside `processed`
gold = None  # gold.jsonl with human coding (not used here; kept for one parameter set)
redact = False  # hide personal data: True or "private" (private persons), "all" (everyone)
report_dir = None  # folder the HTML will be saved in (for relative links to the PDFs)
glossary = []  # your own glossary files (YAML, docs/language.md) on top of the shipped one
snippets = 3  # how many page snippets to show

# %%
data = inputs.load(processed, sources=sources, gold=gold, codebook=codebook, glossary=glossary)
ctx = context.build(data, motion=motion, language=language, redact=redact, report_dir=report_dir)
show(ingest_quality.overview(ctx))

# %% [markdown]
# ## Anträge

# %%
show(ingest_quality.motion_spellings(ctx))

# %% [markdown]
# ### Stellungnahmen ohne Antrag
#
# Wer keine Antragsnummer nennt, wird dem Antrag zugeordnet, dessen Titel der Betreff oder der
# Anfang eindeutig nennt (Spalte `motion_match` in statements.parquet); die übrigen stehen hier.

# %%
show(ingest_quality.without_motion(ctx))

# %% [markdown]
# ## Nicht lesbare Dateien

# %%
show(ingest_quality.failures(ctx))

# %% [markdown]
# ## Lesbarkeit
#
# Wie schwer die Stellungnahmen zu lesen sind, und häufige schwere Wörter, die das Glossar
# noch nicht erklärt.

# %%
show(plain_language.hardest_to_read(ctx))
show(plain_language.uncovered_words(ctx))

# %% [markdown]
# ## Texterkennung (OCR)

# %%
show(ingest_quality.ocr_statements(ctx))

# %% [markdown]
# ## Vollständigkeit der Angaben

# %%
show(ingest_quality.completeness(ctx))

# %% [markdown]
# ## Herkunft der Angaben
#
# Woher Absender, Antrag, Datum und Unterschrift jeder Stellungnahme gelesen wurden (Briefkopf,
# Absenderzeile, Betreff, Schluss, E-Mail-Signatur …) und wie sicher das ist, die unsichersten
# Absender zuerst; fand sich kein glaubwürdiger Absender, steht dort, was verworfen wurde
# (Empfänger, Datum, Stempel …).

# %%
show(ingest_quality.metadata_sources(ctx))

# %% [markdown]
# ## Schwärzung
#
# Wer nicht bekannt in amtlicher Funktion schreibt, gilt als Privatperson: Name, Anschrift,
# Telefonnummer und E-Mail-Adresse werden in allen veröffentlichten Ausgaben ersetzt.

# %%
show(ingest_quality.redaction(ctx))

# %% [markdown]
# ## Herkunft im PDF
#
# Seitenausschnitte: der markierte Absatz ist der, aus dem der wichtigste Beleg der Stellungnahme
# stammt (ohne Auswertung: ihr erster Absatz). So lässt sich jeder Text bis auf die Seite
# zurückverfolgen.

# %%
show(ingest_quality.provenance_snippets(ctx, limit=snippets))
