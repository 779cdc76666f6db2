"""Report sections that every notebook can end with: what needs a person's review, agreement with
human coding, methods and limits, and the facts needed to reproduce every figure."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from markupsafe import Markup

import analysis
from analysis.codes import STANCES
from analysis.report import agreement, review
from analysis.report import markup as m
from analysis.report.context import ReportContext
from analysis.report.provenance import shown_path

PACKAGE = analysis.PACKAGE


def software_version() -> str:
    """The version of this package."""
    return analysis.__version__


def needs_review(ctx: ReportContext) -> Markup:
    """Statements to check by hand: unreadable files, OCR, missing metadata, uncertain codes."""
    ordered = review.by_expected_gain(ctx.coded)
    reasons = review.review_reasons(ordered)
    flagged = ordered[reasons.map(bool)]
    rows = [
        {
            "Datei": m.link(ctx.links.get(r.statement_id), r.source_file),
            "Absender": r.sender,
            "Gründe": "; ".join(reasons[i]),
        }
        for i, r in zip(flagged.index, flagged.itertuples(), strict=True)
    ]
    parts = [m.heading(3, "Unsichere Stellungnahmen")]
    if rows:
        caption = (
            f"{m.count(len(rows), 'Stellungnahme', 'Stellungnahmen')} zur Prüfung, "
            "die unsichersten zuerst"
        )
        parts.append(m.table(pd.DataFrame(rows), caption))
    else:
        parts.append(
            m.para("Keine: alle Stellungnahmen sind gelesen, zugeordnet und sicher codiert.")
        )
    parts += [m.heading(3, "Nicht lesbare oder keinem Antrag zugeordnete Dateien"), unreadable(ctx)]
    return m.join(parts)


ASSIGN_HINT = (
    "Diese Dateien stehen in keinem Antragsbericht. Bitte prüfen, ob sie zu diesem Antrag gehören."
)


def unreadable(ctx: ReportContext, lead: str = ASSIGN_HINT) -> Markup:
    """Files that could not be read, or read without a motion reference, with what to do."""
    rows = ctx.unassigned
    if rows.empty:
        return m.para("Alle Dateien wurden gelesen und einem Antrag zugeordnet.")
    table = pd.DataFrame(
        {
            "Datei": [
                m.link(ctx.links.get(s), f)
                for s, f in zip(rows["statement_id"], rows["source_file"], strict=True)
            ],
            "Problem": [
                ctx.labels.error(k) if st == "error" else "kein Antrag erkannt"
                for k, st in zip(rows["error_kind"], rows["status"], strict=True)
            ],
            "Was zu tun ist": [
                ctx.labels.advice(k)
                if st == "error"
                else "Antragsnummer im PDF prüfen und die Stellungnahme zuordnen."
                for k, st in zip(rows["error_kind"], rows["status"], strict=True)
            ],
        }
    )
    return m.para(lead) + m.table(table, f"{m.count(len(rows), 'Datei', 'Dateien')} ohne Zuordnung")


def gold_agreement(ctx: ReportContext) -> Markup:
    """Agreement of the machine's codes with a person's coding, when a gold file was given."""
    if ctx.inputs.gold is None:
        return m.para("Für diesen Bericht wurde keine menschliche Codierung angegeben.")
    if not ctx.has_positions:
        return m.note("Ohne Auswertung der Positionen gibt es nichts zu vergleichen.")
    matched = agreement.with_gold(ctx.coded, ctx.inputs.gold)
    if matched.empty:
        return m.para("Keine der Stellungnahmen dieses Berichts ist in der menschlichen Codierung.")
    rows = []
    for what, column in (("Position", "position"), ("Haltung", "stance")):
        found = agreement.agreement(matched[column], matched[f"gold_{column}"])
        rows.append(
            {
                "Merkmal": what,
                "Verglichen": found["n"],
                "Übereinstimmung": m.percent(found["accuracy"]),
                "Cohens κ": m.number(found["kappa"], 2),
            }
        )
    table = m.table(
        pd.DataFrame(rows),
        "Übereinstimmung mit der menschlichen Codierung",
        numeric=["Verglichen", "Übereinstimmung", "Cohens κ"],
    )
    labels = ctx.labels
    conf = agreement.confusion(matched["stance"], matched["gold_stance"], STANCES)
    conf.index = [labels.stance(c) for c in conf.index]
    conf.columns = [labels.stance(c) for c in conf.columns]
    conf_table = m.table(
        conf.reset_index(names="Mensch ↓ / Maschine →"),
        "Haltung: menschliche Codierung (Zeilen) und maschinelle (Spalten)",
        numeric=list(conf.columns),
    )
    return table + conf_table


def methods(ctx: ReportContext) -> Markup:
    """What the machine did (h3), its measured accuracy (h3) and its limits (h3)."""
    did = [
        "Die PDF-Dateien wurden gelesen; Seiten ohne Textebene (Scans) per Texterkennung (OCR).",
        "Briefkopf, Anschrift, Betreff, Grußformel, Unterschrift und Fußzeilen wurden anhand von "
        "Lage und Schrift erkannt; nur der eigentliche Text der Stellungnahme wurde ausgewertet.",
        "Antrag, Datum, Absender, Unterzeichnende und Gruppe wurden aus Briefkopf, "
        "Informationsblock und Unterschrift gelesen.",
    ]
    if ctx.has_positions:
        did.append(
            "Jeder lesbaren Stellungnahme wurden eine Position und eine Haltung nach dem Codebuch "
            "zugeordnet, mit den Sätzen, auf die sich die Zuordnung stützt, und einer Sicherheit "
            "zwischen 0 und 1; ähnliche Argumente wurden ohne Vorgaben zu Gruppen zusammengefasst."
        )
    corrected = int(ctx.coded["corrected"].sum())
    if corrected:
        what = m.count(corrected, "Codierung wurde", "Codierungen wurden")
        did.append(f"{what} von Hand korrigiert (corrections.csv).")
    return m.join(
        [
            m.heading(3, "Was die Maschine getan hat"),
            m.bullet_list(did),
            m.heading(3, "Gemessene Genauigkeit"),
            accuracy(ctx),
            m.heading(3, "Grenzen"),
            m.bullet_list(LIMITS),
        ]
    )


LIMITS = [
    "Die Zuordnung ist maschinell und kann irren; Stellungnahmen mit geringer Sicherheit stehen "
    "im Abschnitt zur Prüfung.",
    "Gezählt werden Stellungnahmen, nicht Mitglieder oder Unterstützende; eine Stellungnahme "
    "eines großen Verbands zählt wie die einer Einzelperson.",
    "Texterkennung bei Scans kann Wörter verfälschen; solche Stellungnahmen sind markiert.",
    "Die Gruppe (z. B. Verwaltung, Beirat) wird aus Absender und Funktion abgeleitet.",
    "Der Bericht bewertet nicht, ob Argumente zutreffen; er gibt wieder, was geschrieben wurde.",
]


MEASURES = (("macro_f1", "Macro-F1"), ("accuracy", "Anteil richtig"), ("kappa", "Cohens κ"))
TARGETS = (("position", "Position"), ("stance", "Haltung"))


def accuracy(ctx: ReportContext) -> Markup:
    """How often the machine agrees with people, and on which statements that was measured:
    the gold sets of ``evaluation.json`` (never more than they cover), how many statements of
    this report it could not place, and agreement with the statements an analyst checked."""
    parts = [unplaced(ctx)]
    figures = ctx.inputs.evaluation
    if not figures or accuracy_table(figures).empty:
        parts.append(
            m.para(
                "Nicht gemessen: Für diese Daten liegt keine Auswertung gegen eine menschliche "
                "Codierung vor (evaluation.json fehlt)."
            )
        )
    else:
        parts.append(m.table(accuracy_table(figures), "Gemessene Genauigkeit", numeric=["Wert"]))
        parts.append(m.para(_measured_where(figures)))
    parts.append(checked_here(ctx))
    return m.join(parts)


def unplaced(ctx: ReportContext) -> Markup:
    """How many statements the machine could not place (the codebook's fallback position)."""
    if not ctx.has_positions or ctx.coded.empty:
        return Markup("")
    fallback = (ctx.inputs.codebook or {}).get("fallback", "unclear")
    n = int((ctx.coded["machine_position"] == fallback).sum())
    total = m.count(len(ctx.coded), "Stellungnahme", "Stellungnahmen")
    return m.para(
        f"Bei {n} von {total} konnte die Maschine keine Position erkennen "
        f"(„{ctx.labels.position(fallback)}“); sie stehen im Abschnitt zur Prüfung."
    )


def checked_here(ctx: ReportContext) -> Markup:
    """Agreement with the statements of this report that an analyst checked (corrections.csv):
    the only figure measured on this motion itself."""
    checked = ctx.coded[ctx.coded["corrected"] | ctx.coded["note"].notna()]
    if checked.empty:
        return m.para(
            "Für die Stellungnahmen dieses Berichts selbst ist die Genauigkeit nicht gemessen: "
            "Niemand hat bisher eine davon von Hand geprüft (corrections.csv)."
        )
    same = int((checked["machine_position"] == checked["position"]).sum())
    stance = int((checked["machine_stance"] == checked["stance"]).sum())
    n = m.count(
        len(checked), "von Hand geprüften Stellungnahme", "von Hand geprüften Stellungnahmen"
    )
    return m.para(
        f"Gemessen an diesem Antrag selbst: Bei den {n} stimmte die Maschine in {same} Fällen "
        f"bei der Position und in {stance} Fällen bei der Haltung mit der Prüfung überein."
    )


def _set_name(name: str) -> str:
    """A gold file as a reader may see it: folder and file name, never a local path."""
    path = Path(name)
    return "/".join(p for p in (path.parent.name, path.name) if p)


def _measured_where(figures: dict) -> str:
    sets = [
        report["measured_on"]
        for report in figures.values()
        if isinstance(report, dict) and "measured_on" in report and "position" in report
    ]
    described = "; ".join(
        f"{_set_name(s['gold'])}: {m.count(s['statements'], 'Stellungnahme', 'Stellungnahmen')} "
        f"zu {m.count(s['motions'], 'Antrag', 'Anträgen')}"
        for s in sets
    )
    lomo = any(s["lomo"] for s in sets)
    how = (
        "Jeder Antrag wurde von einem Modell codiert, das die Stellungnahmen zu diesem Antrag "
        "nie gesehen hat („Antrag ausgelassen“). "
        if lomo
        else ""
    )
    return (
        f"Gemessen an menschlich codierten Stellungnahmen ({described}). {how}Die Zahlen gelten "
        "für Stellungnahmen, die diesen ähneln; wie genau die Codierung bei den Stellungnahmen "
        "dieses Berichts ist, zeigen sie nicht. 95-%-Intervall per Bootstrap."
    )


def accuracy_table(figures: dict) -> pd.DataFrame:
    """Headline measures in German, one row each: evaluation, target, measure, value, interval."""
    rows = []
    for title, report in figures.items():
        if not isinstance(report, dict) or "position" not in report:
            continue
        where = report.get("measured_on", {})
        lomo = where.get("lomo", title.startswith("leave-one-motion-out"))  # older files: title
        how = "Antrag ausgelassen" if lomo else "wie codiert"
        name = _set_name(where["gold"]) if where else title
        for key, target in TARGETS:
            for measure, label in MEASURES:
                value = report[key].get(measure, {})
                low, high = value.get("ci95", (None, None))
                interval = f"{_value(low)} bis {_value(high)}" if low is not None else "–"
                rows.append(
                    {
                        "Auswertung": f"{target}: {name} ({how}, n = {report.get('n')})",
                        "Kennzahl": label,
                        "Wert": _value(value.get("value")),
                        "95-%-Intervall": interval,
                    }
                )
        if "evidence_hit_rate" in report:
            rows.append(
                {
                    "Auswertung": f"Belegstellen: {name} ({how})",
                    "Kennzahl": "Trefferquote",
                    "Wert": _value(report["evidence_hit_rate"]),
                    "95-%-Intervall": "–",
                }
            )
    return pd.DataFrame(rows)


def _shown(value, report_dir: Path | None) -> str:
    """A parameter as the page shows it; a local path relative to the report."""
    if value is None:
        return "–"
    if isinstance(value, Path) or os.path.isabs(str(value)):
        return shown_path(value, report_dir)
    return str(value)


def _value(value) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return m.number(value, 0 if isinstance(value, int) else 3)


def reproducibility(ctx: ReportContext, parameters: dict) -> Markup:
    """Software version, the parameters and the hashes of every table and input file."""
    shown = {k: _shown(v, ctx.report_dir) for k, v in parameters.items()}
    facts = [("Software", f"{PACKAGE} {software_version()}"), *shown.items()]
    tables = pd.DataFrame(
        {"Datei": list(ctx.inputs.file_hashes), "SHA-256": list(ctx.inputs.file_hashes.values())}
    )
    files = ctx.coded[["source_file", "source_sha256"]].drop_duplicates("source_file")
    files = files.sort_values("source_file").rename(
        columns={"source_file": "Datei", "source_sha256": "SHA-256"}
    )
    return m.join(
        [
            m.definitions(facts),
            m.table(
                tables,
                "Verarbeitete Tabellen, aus denen dieser Bericht gelesen hat",
                class_="hashes",
            ),
            m.table(files, "Eingabedateien dieses Berichts", class_="hashes"),
        ]
    )
