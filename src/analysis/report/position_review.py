"""Sections of ``notebooks/02-positions.py``: the codebook, every statement's codes with their
confidence, disagreements (with corrections and with human coding), and how to correct a code."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from markupsafe import Markup

from analysis.codes import STANCES
from analysis.corrections import CORRECTION_COLUMNS, CORRECTIONS_FILE, short_id
from analysis.report import agreement, charts, council, review
from analysis.report import markup as m
from analysis.report.context import ReportContext
from analysis.report.provenance import shown_path


def codebook(ctx: ReportContext) -> Markup:
    """Position and stance codes with their German labels and definitions."""
    labels = ctx.labels
    positions = pd.DataFrame(
        {
            "Code": labels.position_order(),
            "Bezeichnung": [labels.position(c) for c in labels.position_order()],
            "Bedeutung": [labels.position_definitions.get(c) for c in labels.position_order()],
        }
    )
    stances = pd.DataFrame(
        {
            "Code": list(STANCES),
            "Bezeichnung": [labels.stance(c) for c in STANCES],
            "Bedeutung": [labels.stance_definitions.get(c) for c in STANCES],
        }
    )
    source = "aus dem angegebenen Codebuch" if ctx.inputs.codebook else "Standardcodes"
    return m.table(positions, f"Positionen ({source})") + m.table(stances, "Haltungen")


def coding_table(ctx: ReportContext) -> Markup:
    """Every readable statement with position, stance, confidence, cluster and corrections."""
    if not ctx.has_positions:
        return m.note(council.NO_ANALYSIS)
    coded = ctx.coded
    table = pd.DataFrame(
        {
            "Kurz-ID": coded["statement_id"].map(short_id),
            "Absender": coded["sender"],
            "Gruppe": coded["group_label"],
            "Position (Sicherheit)": _with_score(coded["position_label"], coded["position_score"]),
            "Haltung (Sicherheit)": _with_score(coded["stance_label"], coded["stance_score"]),
            "Argument\u00adgruppe": coded["cluster"].map(
                lambda c: "–" if pd.isna(c) else str(int(c))
            ),
            "Korrigiert": coded["corrected"].map({True: "ja", False: "nein"}),
        }
    )
    caption = "Codierung je Stellungnahme (Kurz-ID: die ersten Zeichen der statement_id)"
    return m.table(table, caption, numeric=["Argument\u00adgruppe"], class_="compact")


def _with_score(labels: pd.Series, scores: pd.Series) -> list[str]:
    return [f"{label} ({m.number(score, 2)})" for label, score in zip(labels, scores, strict=True)]


def confidence(ctx: ReportContext) -> Markup:
    """How sure the analysis is of its positions: chart and table."""
    if not ctx.has_positions:
        return m.note(council.NO_ANALYSIS)
    chart = charts.confidence(ctx.coded["position_score"].astype(float))
    numbers = chart.data.rename(columns={"label": "Sicherheit", "count": "Stellungnahmen"})
    return council.chart_with_table(chart, numbers, "Sicherheit der Positionen", ["Stellungnahmen"])


def disagreements(ctx: ReportContext) -> Markup:
    """Where a person's correction or the human coding differs from the machine's code."""
    if not ctx.has_positions:
        return m.note(council.NO_ANALYSIS)
    labels = ctx.labels
    parts = [m.heading(3, "Korrekturen von Hand")]
    corrected = ctx.coded[ctx.coded["corrected"]]
    if corrected.empty:
        parts.append(m.para(f"Keine: {CORRECTIONS_FILE} fehlt oder ändert nichts."))
    else:
        parts.append(
            m.table(
                pd.DataFrame(
                    {
                        "Kurz-ID": corrected["statement_id"].map(short_id),
                        "Absender": corrected["sender"],
                        "Maschine": [
                            f"{labels.position(p)} / {labels.stance(s)}"
                            for p, s in zip(
                                corrected["machine_position"],
                                corrected["machine_stance"],
                                strict=True,
                            )
                        ],
                        "Korrigiert": [
                            f"{labels.position(p)} / {labels.stance(s)}"
                            for p, s in zip(corrected["position"], corrected["stance"], strict=True)
                        ],
                        "Anmerkung": corrected["note"],
                    }
                ),
                "Von Hand korrigierte Codierungen",
            )
        )
    parts.append(m.heading(3, "Abweichungen von der menschlichen Codierung"))
    parts.append(_gold_differences(ctx))
    return m.join(parts)


def _gold_differences(ctx: ReportContext) -> Markup:
    if ctx.inputs.gold is None:
        return m.para("Keine menschliche Codierung angegeben (Parameter gold).")
    matched = agreement.with_gold(ctx.coded, ctx.inputs.gold)
    differ = matched[
        (matched["position"] != matched["gold_position"])
        | (matched["stance"] != matched["gold_stance"])
    ]
    if differ.empty:
        compared = m.count(
            len(matched), "verglichenen Stellungnahme", "verglichenen Stellungnahmen"
        )
        return m.para(f"Keine Abweichung bei {compared}.")
    labels = ctx.labels
    table = pd.DataFrame(
        {
            "Kurz-ID": differ["statement_id"].map(short_id),
            "Absender": differ["sender"],
            "Maschine": [
                f"{labels.position(p)} / {labels.stance(s)}"
                for p, s in zip(differ["position"], differ["stance"], strict=True)
            ],
            "Mensch": [
                f"{labels.position(p)} / {labels.stance(s)}"
                for p, s in zip(differ["gold_position"], differ["gold_stance"], strict=True)
            ],
        }
    )
    of = m.count(len(matched), "Stellungnahme", "Stellungnahmen")
    caption = f"{len(differ)} von {of} {'weicht' if len(differ) == 1 else 'weichen'} ab"
    return m.table(table, caption)


def how_to_correct(ctx: ReportContext) -> Markup:
    """Instructions and a ready-to-fill corrections file for the statements worth checking."""
    path = ctx.inputs.processed / CORRECTIONS_FILE
    steps = [
        Markup("Datei <code>")
        + m.esc(shown_path(path, ctx.report_dir))
        + Markup("</code> anlegen oder öffnen (UTF-8, Trennzeichen Komma oder Semikolon)."),
        "Je zu korrigierender Stellungnahme eine Zeile: statement_id (die Kurz-ID genügt), "
        "position, stance, note. "
        "Ein leeres Feld behält den maschinellen Code.",
        "Erlaubte Codes stehen oben im Codebuch (Spalte Code).",
        "Analyse neu rechnen: statements analyze --processed …; sie nimmt die korrigierten "
        "Stellungnahmen als Beispiele für die übrigen desselben Antrags (Spalte adapted_from).",
        "Bericht neu erstellen: statements report --processed … --out …; korrigierte Werte "
        "sind im Bericht als „von Hand korrigiert“ markiert.",
    ]
    ordered = review.by_expected_gain(ctx.coded)
    flagged = ordered[review.review_reasons(ordered).map(bool)]
    template = [",".join(CORRECTION_COLUMNS)] + [
        f"{short_id(r.statement_id)},{r.position or ''},{r.stance or ''},"
        for r in flagged.itertuples()
    ]
    parts = [
        m.bullet_list(steps, ordered=True),
        m.para("Vorlage mit den Stellungnahmen, die zur Prüfung markiert sind:"),
        m.tag("pre", "\n".join(template), class_="template"),
    ]
    if ctx.problems:
        parts += [
            m.note("Probleme mit der vorhandenen Korrekturdatei:"),
            m.bullet_list(ctx.problems),
        ]
    return m.join(parts)


def learning_curve(ctx: ReportContext) -> Markup:
    """How much the corrections of a few statements per motion help with the rest, as measured
    leave-one-motion-out (``statements evaluate --lomo --learning-curve``): chart and table per
    gold set."""
    figures = ctx.inputs.evaluation or {}
    curves = [
        (title.removeprefix("learning curve: "), report)
        for title, report in figures.items()
        if isinstance(report, dict) and "learning_curve" in report
    ]
    if not curves:
        return m.note(
            "Nicht gemessen: statements evaluate --processed … --gold … --lomo "
            "--learning-curve 0 3 5 10 misst, wie sehr Korrekturen den übrigen Stellungnahmen "
            "eines Antrags helfen."
        )
    parts = []
    for name, report in curves:
        rows = pd.DataFrame(report["learning_curve"])
        measured = rows[rows["statements"] > 0]
        if measured.empty:
            continue
        curve = measured.rename(
            columns={"position_macro_f1": "with", "position_macro_f1_without": "without"}
        )[["corrected", "with", "without"]]
        numbers = pd.DataFrame(
            {
                "Korrigiert je Antrag": measured["corrected"],
                "Übrige Stellungnahmen": measured["statements"],
                "Position mit Korrekturen": measured["position_macro_f1"].map(_f1),
                "Position ohne": measured["position_macro_f1_without"].map(_f1),
                "Haltung mit Korrekturen": measured["stance_macro_f1"].map(_f1),
                "Haltung ohne": measured["stance_macro_f1_without"].map(_f1),
            }
        )
        caption = f"Lernkurve: {Path(name).parent.name}/{Path(name).name}"
        parts.append(
            council.chart_with_table(
                charts.learning_curve(curve.reset_index(drop=True)),
                numbers,
                caption,
                list(numbers.columns),
            )
        )
        missing = rows.loc[rows["statements"] == 0, "corrected"].tolist()
        if missing:
            parts.append(
                m.para(
                    f"Für {', '.join(str(k) for k in missing)} Korrekturen je Antrag nicht "
                    "messbar: kein Antrag dieser Auswertung hat mehr Stellungnahmen."
                )
            )
    return m.join(parts)


def _f1(value) -> str:
    return m.number(value, 3) if value is not None else "–"
