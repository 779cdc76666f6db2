"""Sections of ``notebooks/01-ingest-quality.py``: what was read, what failed and why, OCR,
metadata completeness, and page snippets that show where quoted text sits in its PDF."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.corrections import short_id
from analysis.report import charts, review, snippets
from analysis.report import markup as m
from analysis.report.context import ReportContext
from analysis.report.motions import in_motion
from analysis.report.redaction import summary as redaction_summary


def scope(ctx: ReportContext) -> pd.DataFrame:
    """All rows of statements.parquet this notebook looks at (one motion's, or all)."""
    rows = ctx.inputs.statements
    return rows[in_motion(rows, ctx.motion)] if ctx.motion else rows


def overview(ctx: ReportContext) -> Markup:
    """Counts: files, statements read, files rejected, OCR, pages, motions."""
    rows = scope(ctx)
    ok = rows[rows["status"] == "ok"]
    facts = pd.DataFrame(
        {
            "Was": [
                "Dateien",
                "Gelesene Stellungnahmen",
                "Nicht lesbare Dateien",
                "Davon per Texterkennung (OCR) gelesen",
                "Seiten (gelesene Dateien)",
                "Anträge",
            ],
            "Anzahl": [
                rows["source_file"].nunique(),
                len(ok),
                int((rows["status"] != "ok").sum()),
                int(ok["ocr"].sum()),
                int(ok.drop_duplicates("source_file")["page_count"].sum()),
                1 if ctx.motion else len(ctx.motions),
            ],
        }
    )
    return m.table(facts, "Was gelesen wurde", numeric=["Anzahl"])


def motion_spellings(ctx: ReportContext) -> Markup:
    """Each motion with the spellings of its reference the letters use."""
    rows = ctx.inputs.statements
    table = pd.DataFrame(
        [
            {
                "Antrag": mo.ref,
                "Titel": mo.title,
                "Stellungnahmen": mo.statements,
                "Schreibweisen im Brief": ", ".join(
                    sorted(set(rows.loc[in_motion(rows, mo), "motion_ref"]))
                ),
            }
            for mo in ctx.motions
            if ctx.motion is None or mo.key == ctx.motion.key
        ],
        columns=["Antrag", "Titel", "Stellungnahmen", "Schreibweisen im Brief"],
    )
    return m.table(table, "Anträge und wie die Briefe sie nennen", numeric=["Stellungnahmen"])


UNASSIGNED_REASONS = {
    "none: too weak": "Titel passt zu wenig",
    "none: ambiguous": "passt zu mehreren Anträgen",
    "none: no motion title known": "kein Antragstitel bekannt",
}


def without_motion(ctx: ReportContext) -> Markup:
    """Statements tied to no motion (no number, no clear title match), with how closely their
    subject line came to a known motion's title and why they stayed open: for an analyst to
    settle with one line in corrections.csv."""
    rows = ctx.inputs.statements
    rows = rows[(rows["status"] == "ok") & rows["motion_ref"].isna()]
    if rows.empty:
        return m.para("Jede gelesene Stellungnahme ist einem Antrag zugeordnet.")
    score = rows.get("motion_match_score", pd.Series(0.0, index=rows.index))
    reason = rows.get("motion_ref_source", pd.Series(None, index=rows.index))
    table = pd.DataFrame(
        {
            "Kennung": rows["statement_id"].map(short_id),
            "Datei": rows["source_file"],
            "Betreff": rows["subject"].fillna("–"),
            "Bester Titelabgleich": score.map(lambda v: m.number(v, 2)),
            "Warum offen": reason.map(lambda r: UNASSIGNED_REASONS.get(r, "keine Nummer")),
        }
    )
    n = m.count(len(rows), "Stellungnahme", "Stellungnahmen")
    example = f"{short_id(rows['statement_id'].iloc[0])};BA-090/2020"
    return m.join(
        [
            m.table(table, f"Ohne Antrag: {n}", numeric=["Bester Titelabgleich"]),
            m.para(
                "Diese Stellungnahmen nennen keine Antragsnummer, und ihr Betreff passt zu "
                "keinem bekannten Antragstitel eindeutig (ab 0,55 und mit Abstand zum "
                "nächsten). Sie fehlen in den Berichten der Anträge, bis sie zugeordnet sind."
            ),
            m.para(
                m.join(
                    [
                        "So ordnen Sie eine zu: in corrections.csv im Ordner der Tabellen eine "
                        "Zeile mit Kennung und Antragsnummer (Spalten statement_id und "
                        "motion_ref), etwa",
                        m.tag("code", example) + ",",
                        "dann",
                        m.tag("code", "statements ingest"),
                        "erneut ausführen.",
                    ],
                    " ",
                )
            ),
        ]
    )


def failures(ctx: ReportContext) -> Markup:
    """Files that could not be read, why, and what to do."""
    rows = ctx.unassigned[ctx.unassigned["status"] == "error"]
    if rows.empty:
        return m.para("Alle Dateien konnten gelesen werden.")
    table = pd.DataFrame(
        {
            "Datei": rows["source_file"],
            "Problem": rows["error_kind"].map(ctx.labels.error),
            "Was zu tun ist": rows["error_kind"].map(ctx.labels.advice),
            "Technische Meldung": rows["error_message"],
        }
    )
    return m.table(table, f"{m.count(len(rows), 'nicht lesbare Datei', 'nicht lesbare Dateien')}")


def ocr_statements(ctx: ReportContext) -> Markup:
    """Statements whose text came from OCR: their words may contain recognition errors."""
    rows = ctx.coded[ctx.coded["ocr"]]
    if rows.empty:
        return m.para("Keine Stellungnahme musste per Texterkennung gelesen werden.")
    table = pd.DataFrame(
        {
            "Datei": rows["source_file"],
            "Absender": rows["sender"],
            "Seiten": [
                f"{a}–{b}" if a != b else str(a)
                for a, b in zip(rows["first_page"], rows["last_page"], strict=True)
            ],
        }
    )
    read = m.count(len(rows), "Stellungnahme", "Stellungnahmen")
    return m.table(table, f"Per Texterkennung gelesen: {read}")


SENDER_SOURCES = {
    "labelled": "Feld „Absender“",
    "letterhead": "Briefkopf",
    "return_address": "Absenderzeile",
    "signature_for": "Schluss („für den …“)",
    "email_signature": "E-Mail-Signatur",
    "speaker": "Kopfzeile (Name, Organisation)",
    "signature": "Unterschriftsblock",
    "header": "Kopfbereich",
}
REJECTED = {
    "recipient": "Empfänger",
    "date": "Datum",
    "agenda or stamp": "Tagesordnung oder Stempel",
    "title or subject": "Titel oder Betreff",
    "address": "Anschrift",
    "unreadable": "unleserlich",
    "too few letters": "zu kurz",
    "a person's name": "Name einer Person",
    "no organisation's name": "kein Name einer Organisation",
    "not named": "nicht genannt",
}


def metadata_sources(ctx: ReportContext) -> Markup:
    """Where each statement's sender, motion, date and signer were read and how sure that
    is, least sure sender first, with every signer: an analyst checks the doubtful ones in
    one look."""
    rows = scope(ctx)
    rows = rows[rows["status"] == "ok"]
    if rows.empty or "sender_source" not in rows:
        return m.para("Keine gelesenen Stellungnahmen.")
    rows = rows.sort_values(["sender_confidence", "source_file"], kind="stable")
    table = pd.DataFrame(
        {
            "Datei": rows["source_file"],
            "Absender": rows["sender_org"].fillna("–"),
            "Gelesen aus": rows["sender_source"].map(_source_label),
            "Sicherheit": rows["sender_confidence"].map(lambda v: m.number(v, 2)),
            "Unterzeichnet von": rows["authors"].map(
                lambda names: ", ".join(names) if names is not None and len(names) else "–"
            ),
            "Übrige Angaben gelesen aus": [_other_sources(row) for _, row in rows.iterrows()],
        }
    )
    return m.table(table, "Angaben der Stellungnahmen: Herkunft und Sicherheit")


FIELD_LABELS = {"motion_ref": "Antrag", "date": "Datum", "author": "Unterschrift"}
SOURCE_LABELS = {
    "labelled": "Feld mit Bezeichnung",
    "subject": "Betreff",
    "header": "Kopfbereich",
    "body": "Text",
    "date_line": "Orts- und Datumszeile",
    "sent": "E-Mail „Gesendet“",
    "running_header": "Druckkopf",
    "signature": "Unterschriftsblock",
    "chair": "Feld „Vorsitz“",
    "contact": "Ansprechpartner",
    "from": "E-Mail „Von“",
    "speaker": "Kopfzeile (Name, Organisation)",
    "closing_paragraph": "letzter Absatz",
    "title": "Antragstitel genannt",
    "topic": "Thema des Antrags",
    "oparl": "Ratsinformationssystem (files.csv)",
    "register": "Antragsliste (files.csv)",
    "analyst": "von Hand (corrections.csv)",
    **{reason: f"offen: {text}" for reason, text in UNASSIGNED_REASONS.items()},
}


def _other_sources(row: pd.Series) -> str:
    """Where motion, date and signer were read, with their confidence (``–`` when not found)."""
    parts = []
    for name, label in FIELD_LABELS.items():
        source = row.get(f"{name}_source")
        if isinstance(source, str):
            confidence = m.number(row.get(f"{name}_confidence", 0.0), 2)
            parts.append(f"{label}: {SOURCE_LABELS.get(source, source)} ({confidence})")
        else:
            parts.append(f"{label}: –")
    return "; ".join(parts)


def _source_label(source) -> str:
    if not isinstance(source, str):
        return "–"
    if source.startswith("none"):
        reasons = [REJECTED.get(r.strip(), r.strip()) for r in source[5:].split(",")]
        return "nicht gefunden (verworfen: " + ", ".join(reasons) + ")"
    return SENDER_SOURCES.get(source, source)


def completeness(ctx: ReportContext) -> Markup:
    """How many statements have each metadata field: chart and table."""
    frame = review.completeness(scope(ctx))
    chart = charts.metadata_completeness(frame)
    numbers = pd.DataFrame(
        {
            "Angabe": frame["field"],
            "Vorhanden": frame["filled"],
            "Von": frame["total"],
            "Anteil": frame["share"].map(m.percent),
        }
    )
    table = m.table(numbers, "Vollständigkeit der Angaben", numeric=["Vorhanden", "Von", "Anteil"])
    caption = "Die Zahlen stehen in der Tabelle darunter."
    return m.figure(charts.data_uri(chart), chart.alt, caption, table)


def redaction(ctx: ReportContext) -> Markup:
    """What the redaction hid, and why, counted (nothing when the report is not redacted)."""
    if ctx.redactor is None:
        return m.note("Dieser Bericht ist nicht geschwärzt: er ist nur für den internen Gebrauch.")
    table = redaction_summary(ctx.redactor, ctx.inputs.statements)
    return m.table(table, "Was geschwärzt wurde und warum", numeric=["Anzahl"])


def provenance_snippets(ctx: ReportContext, limit: int = 3) -> Markup:
    """Page crops for the first ``limit`` statements whose PDF was found, paragraph highlighted.

    The paragraph is the one holding the statement's best evidence sentence, or its first
    paragraph when there is no analysis yet. Reads the PDFs.
    """
    if ctx.redact:  # an image of the page cannot be redacted
        return m.note("Keine Seitenausschnitte: der Bericht ist geschwärzt.")
    chosen = _snippet_paragraphs(ctx, limit)
    if not chosen:
        return m.note(
            "Keine Seitenausschnitte: die PDF-Dateien wurden nicht gefunden (Parameter sources) "
            "oder es gibt keine gelesenen Absätze."
        )
    return m.join(_snippet(ctx, row, para) for row, para in chosen)


def _snippet_paragraphs(ctx: ReportContext, limit: int) -> list[tuple[pd.Series, pd.Series]]:
    paragraphs = ctx.inputs.paragraphs
    chosen = []
    for _, row in ctx.coded.iterrows():
        if len(chosen) >= limit:
            break
        path = ctx.inputs.pdf_paths.get(row["statement_id"])
        own = paragraphs[paragraphs["statement_id"] == row["statement_id"]]
        if path is None or own.empty:
            continue
        quotes = ctx.evidence[ctx.evidence["statement_id"] == row["statement_id"]].dropna(
            subset=["paragraph_no"]
        )
        number = (
            int(quotes["paragraph_no"].iloc[0]) if len(quotes) else int(own["paragraph_no"].min())
        )
        chosen.append((row, own[own["paragraph_no"] == number].iloc[0]))
    return chosen


def _snippet(ctx: ReportContext, row: pd.Series, para: pd.Series) -> Markup:
    box = snippets.Box(para["x0"], para["top"], para["x1"], para["bottom"])
    png = snippets.paragraph_snippet(
        ctx.inputs.pdf_paths[row["statement_id"]], int(para["page"]), box
    )
    excerpt = para["text"] if len(para["text"]) <= 160 else para["text"][:157] + "…"
    alt = (
        f"Ausschnitt aus Seite {int(para['page'])} von {row['source_file']}; markiert ist "
        f"Absatz {int(para['paragraph_no']) + 1}: „{excerpt}“"
    )
    caption = m.join(
        [
            m.tag("strong", row["sender"] or row["source_file"]),
            f"Seite {int(para['page'])}, Absatz {int(para['paragraph_no']) + 1} (markiert)",
            m.link(ctx.links.get(row["statement_id"]), row["source_file"]),
        ],
        " · ",
    )
    return m.figure(snippets.png_data_uri(png), alt, caption)
