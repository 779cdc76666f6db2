"""The index page of a report folder: one link per motion's report, the check pages, the
exports, and the files that are in no motion's report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from markupsafe import Markup

from analysis.report import appendix, plain_language
from analysis.report import markup as m
from analysis.report.context import ReportContext

TITLE = "Stellungnahmen zu Anträgen – Übersicht der Berichte"
CHECK_TITLES = {
    "texterfassung": "Prüfbericht: Was gelesen wurde (Texterfassung)",
    "codierung": "Prüfbericht: Positionen und Codierung",
}


def body(ctx: ReportContext, pages: dict[str, Path], exports: list[str]) -> Markup:
    """The index page's content (h1, then h2 sections)."""
    rows = [
        {
            "Antrag": m.link(f"{mo.slug}.html", mo.ref),
            "Titel": mo.title,
            "Datum": m.german_date(mo.date) if mo.date else "–",
            "Gremium": mo.body or "–",
            "Stellungnahmen": mo.statements,
            "Tabellen": m.join(
                [m.link(f"{mo.slug}.csv", "CSV"), m.link(f"{mo.slug}.xlsx", "XLSX")], " · "
            ),
        }
        for mo in ctx.motions
        if mo.slug in pages
    ]
    # Date and body come from a motions register or a fetch; without one the columns go.
    listed = [c for c in ("Datum", "Gremium") if any(r[c] != "–" for r in rows)]
    columns = ["Antrag", "Titel", *listed, "Stellungnahmen", "Tabellen"]
    motions_table = pd.DataFrame(rows, columns=columns)
    checks = [
        m.link(f"{slug}.html", title) for slug, title in CHECK_TITLES.items() if slug in pages
    ]
    files = [m.link(name, name) for name in sorted(set(exports)) if name.startswith("alle-")]
    parts = [
        m.heading(1, "Stellungnahmen zu Anträgen"),
        m.para(
            f"{m.count(len(rows), 'Bericht', 'Berichte')} für den Stadtrat, je Antrag einer.",
            class_="lead",
        ),
        m.heading(2, "Das Wichtigste in einfacher Sprache", id="einfach"),
        plain_language.index_summary(ctx),
        m.heading(2, "Berichte je Antrag", id="berichte"),
        m.table(motions_table, "Anträge mit Stellungnahmen", numeric=["Stellungnahmen"]),
        m.heading(2, "Prüfberichte", id="pruefberichte"),
        m.bullet_list(checks) if checks else m.para("Nicht erstellt."),
        m.heading(2, "Alle Stellungnahmen als Tabelle", id="tabellen"),
        m.para("CSV (UTF-8, Semikolon, Dezimalkomma; öffnet in Excel) und XLSX:"),
        m.bullet_list(files),
        m.heading(2, "Dateien ohne Bericht", id="ohne-bericht"),
        appendix.unreadable(ctx, "Diese Dateien stehen in keinem Antragsbericht."),
        m.heading(2, "Software", id="software"),
        m.para(f"{appendix.PACKAGE} {appendix.software_version()}"),
    ]
    return m.join(parts)
