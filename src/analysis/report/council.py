"""The sections of the council report (``notebooks/10-council-report.py``), each a pure function
from a :class:`~analysis.report.context.ReportContext` to HTML. Headings: the notebook's markdown
cells give the h2 sections; these functions give the h1 and the h3 below an h2."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.codes import STANCES
from analysis.report import charts, coding, motions, review
from analysis.report import markup as m
from analysis.report.context import ReportContext
from analysis.report.labels import GROUPS, POSITION_COLOURS, STANCE_COLOURS

QUOTES_PER_STATEMENT = 2
NO_ANALYSIS = (
    "Für diese Daten liegt noch keine Auswertung der Positionen vor (positions.parquet fehlt). "
    "Führen Sie `statements analyze --processed …` aus und erstellen Sie den Bericht neu; bis "
    "dahin zeigt dieser Abschnitt nichts."
)


def page_title(ctx: ReportContext) -> str:
    """The text of the page's ``<title>``."""
    name = ctx.motion.name if ctx.motion else "alle Anträge"
    return f"Stellungnahmen zu {name} – Bericht für den Stadtrat"


def heading(ctx: ReportContext) -> Markup:
    """The h1 and one sentence on what the report covers."""
    coded = ctx.coded
    dates = coded["date"].dropna().sort_values()
    span = (
        f" aus der Zeit vom {m.german_date(dates.iloc[0])} bis {m.german_date(dates.iloc[-1])}"
        if len(dates)
        else ""
    )
    name = ctx.motion.name if ctx.motion else "alle Anträge"
    readable = m.count(len(coded), "lesbare Stellungnahme", "lesbare Stellungnahmen")
    lead = (
        f"Dieser Bericht fasst {readable}{span} zusammen. Er wurde "
        "maschinell erstellt; alle Zitate sind wörtlich und mit Fundstelle belegt."
    )
    return m.heading(1, f"Stellungnahmen zu {name}") + m.para(lead, class_="lead")


def motion_and_question(ctx: ReportContext) -> Markup:
    """The motion (reference, title) and the question the report answers."""
    motion = ctx.motion
    facts = [
        ("Antrag", motion.ref if motion else "alle"),
        ("Titel", motion.title if motion and motion.title else "nicht angegeben"),
        *[(label, value) for label, value in _listed(motion) if value],
        ("Stellungnahmen", str(len(ctx.coded))),
    ]
    question = (
        "Was soll mit dem vorgeschlagenen Vorhaben geschehen – eine eigenständige Strategie, "
        "die Integration in eine bestehende Strategie, Zurückstellen oder Ablehnen? Und wie "
        "stehen die Einreichenden zum Antrag: Zustimmung, bedingte Zustimmung, Ablehnung oder "
        "neutral?"
    )
    return m.definitions(facts) + m.para(question)


def _listed(motion: motions.Motion | None) -> list[tuple[str, str | None]]:
    """What the motions register says about the motion (kind, date, body)."""
    if motion is None:
        return []
    return [
        ("Art", motion.kind),
        ("Datum", m.german_date(motion.date) if motion.date else None),
        ("Gremium", motion.body),
    ]


def stakeholders(ctx: ReportContext) -> Markup:
    """How many statements from which stakeholder groups: chart and table."""
    table = coding.counts(ctx.coded["stakeholder_group"], GROUPS)
    table["label"] = table["code"].map(ctx.labels.group)
    chart = charts.statements_by_group(table[["label", "count"]])
    numbers = pd.DataFrame(
        {
            "Gruppe": table["label"],
            "Stellungnahmen": table["count"],
            "Anteil": table["share"].map(m.percent),
        }
    )
    return chart_with_table(
        chart, numbers, "Stellungnahmen je Gruppe", ["Stellungnahmen", "Anteil"]
    )


def chart_with_table(
    chart: charts.Chart, numbers: pd.DataFrame, caption: str, numeric: list[str]
) -> Markup:
    """A chart, then the table of its numbers."""
    table = m.table(numbers, caption, numeric=numeric)
    return m.figure(
        charts.data_uri(chart), chart.alt, "Die Zahlen stehen in der Tabelle darunter.", table
    )


def position_matrix(ctx: ReportContext) -> Markup:
    """Stakeholder group × position: which groups want what."""
    if not ctx.has_positions:
        return m.note(NO_ANALYSIS)
    labels = ctx.labels
    matrix = coding.crosstab(
        ctx.coded, "stakeholder_group", "position", GROUPS, labels.position_order()
    )
    matrix.index = [labels.group(g) for g in matrix.index]
    matrix.columns = [labels.position(p) for p in matrix.columns]
    chart = charts.position_matrix(matrix)
    numbers = matrix.copy()
    numbers["Summe"] = numbers.sum(axis=1)
    numbers = numbers.reset_index(names="Gruppe")
    caption = "Positionen nach Gruppe (Anzahl der Stellungnahmen)"
    return chart_with_table(chart, numbers, caption, list(numbers.columns[1:]))


def stances(ctx: ReportContext) -> Markup:
    """The distribution of stances towards the motion."""
    if not ctx.has_positions:
        return m.note(NO_ANALYSIS)
    table = coding.counts(ctx.coded["stance"], STANCES)
    table["label"] = table["code"].map(ctx.labels.stance)
    table["colour"] = table["code"].map(lambda c: STANCE_COLOURS.get(c, charts.BAR))
    chart = charts.stance_distribution(table[["label", "count", "colour"]])
    numbers = pd.DataFrame(
        {
            "Haltung": table["label"],
            "Stellungnahmen": table["count"],
            "Anteil": table["share"].map(m.percent),
        }
    )
    return chart_with_table(chart, numbers, "Haltungen zum Antrag", ["Stellungnahmen", "Anteil"])


def positions_in_detail(ctx: ReportContext) -> Markup:
    """Per position (h3): each statement with its verbatim evidence and where it is."""
    if not ctx.has_positions:
        return m.note(NO_ANALYSIS)
    parts = []
    coded = ctx.coded.assign(_group=ctx.coded["stakeholder_group"].map(_group_rank))
    for code in [*ctx.labels.position_order(), None]:
        rows = coded[coded["position"].isna()] if code is None else coded[coded["position"] == code]
        if rows.empty:
            continue
        name = ctx.labels.position(code) if code else "Ohne Position (nicht ausgewertet)"
        colour = POSITION_COLOURS.get(code or "", "#000000")
        parts.append(
            m.tag(
                "h3",
                f"{name} ({len(rows)})",
                id=f"position-{code or 'ohne'}",
                style=f"border-left-color: {colour}",
            )
        )
        parts.extend(
            statement_card(ctx, row) for _, row in rows.sort_values(["_group", "sender"]).iterrows()
        )
    return m.join(parts)


def _group_rank(group) -> int:
    return GROUPS.index(group) if group in GROUPS else len(GROUPS)


def statement_card(ctx: ReportContext, row: pd.Series) -> Markup:
    """One statement: who, stance and confidence, then its best evidence quotes with sources."""
    facts = [
        m.tag("strong", row["sender"] or ctx.labels.missing),
        ctx.labels.group(row["stakeholder_group"]),
        f"Haltung: {ctx.labels.stance(row['stance'])}",
    ]
    if row["position_score"] == row["position_score"]:
        facts.append(f"Sicherheit {m.number(row['position_score'], 2)}")
    if row["corrected"]:
        facts.append(m.tag("span", "von Hand korrigiert", class_="badge"))
    head = m.tag("p", m.join(facts, " · "), class_="statement-head")
    quotes = ctx.evidence[ctx.evidence["statement_id"] == row["statement_id"]]
    body = [
        m.quote(q.text, source_line(ctx, row, q.page))
        for q in quotes.head(QUOTES_PER_STATEMENT).itertuples()
    ]
    if quotes.empty:
        body.append(m.para("Keine Belegstelle angegeben. " + source_line(ctx, row, None)))
    if len(quotes) > QUOTES_PER_STATEMENT:
        body.append(m.para(f"Weitere Belegstellen: {len(quotes) - QUOTES_PER_STATEMENT}."))
    if isinstance(row.get("note"), str):
        body.append(m.para(f"Anmerkung zur Korrektur: {row['note']}"))
    return m.tag("article", head + m.join(body), class_="statement")


def source_line(ctx: ReportContext, row: pd.Series, page) -> Markup:
    """``Unterzeichnet von … · Seite N · datei.pdf`` with the file linked when it was found."""
    parts = []
    if isinstance(row.get("signer"), str):
        parts.append(f"Unterzeichnet von {row['signer']}")
    parts.append(f"Seite {int(page)}" if page is not None and page == page else "Seite unbekannt")
    href = ctx.links.get(row["statement_id"])
    if href and page is not None and page == page:
        href = f"{href}#page={int(page)}"
    parts.append(m.link(href, row["source_file"]))
    return m.tag("cite", m.join(parts, " · "))


def concerns(ctx: ReportContext) -> Markup:
    """Concerns the statements raise, when the analysis names them."""
    if not ctx.has_positions:
        return m.note(NO_ANALYSIS)
    table = coding.concern_counts(ctx.coded)
    if table.empty:
        return m.note(
            "Die Auswertung weist für diesen Antrag keine Anliegen aus (positions.parquet hat "
            "keine Spalte concerns oder sie ist leer). Anliegen stehen dann nur in den Zitaten."
        )
    table["label"] = table["code"].map(ctx.labels.concern)
    chart = charts.concern_frequency(table[["label", "count"]], len(ctx.coded))
    numbers = pd.DataFrame(
        {
            "Anliegen": table["label"],
            "Stellungnahmen": table["count"],
            "Anteil": table["share"].map(m.percent),
        }
    )
    shown = chart_with_table(chart, numbers, "Genannte Anliegen", ["Stellungnahmen", "Anteil"])
    return shown + _reading_level(ctx, table)


HARD_TO_READ = 12.0  # Wiener Sachtextformel: from here on a text asks for upper school years


def _reading_level(ctx: ReportContext, concerns: pd.DataFrame) -> Markup:
    """When statements find the matter hard to understand (concern ``complexity``), how hard
    the statements themselves are to read, measured, beside it."""
    scores = ctx.coded.get("readability")
    if "complexity" not in set(concerns["code"]) or scores is None or scores.dropna().empty:
        return Markup("")
    scores = scores.dropna()
    hard = int((scores >= HARD_TO_READ).sum())
    return m.para(
        f"Zum Anliegen „{ctx.labels.concern('complexity')}“ gemessen: Die Stellungnahmen haben "
        f"im Mittel eine Wiener Sachtextformel von {m.number(scores.mean(), 1)} (4 leicht, 15 "
        f"sehr schwer); {hard} von {len(scores)} liegen bei {m.number(HARD_TO_READ)} oder "
        "darüber."
    )


def clusters(ctx: ReportContext) -> Markup:
    """Groups of similar arguments found without a codebook, with one example quote each."""
    if not ctx.has_positions:
        return m.note(NO_ANALYSIS)
    coded = ctx.coded[ctx.coded["cluster"].notna()]
    if coded.empty:
        return m.note("Die Auswertung hat für diesen Antrag keine Argumentgruppen gebildet.")
    names = _cluster_names(ctx.inputs.clusters)
    rows = []
    for cluster, members in coded.groupby("cluster", sort=True):
        best = members.sort_values("position_score", ascending=False).iloc[0]
        example = best["evidence"][0] if len(best["evidence"]) else None
        rows.append(
            {
                "Gruppe": names.get(int(cluster), f"Gruppe {int(cluster)}"),
                "Stellungnahmen": len(members),
                "Beispiel": example,
            }
        )
    caption = "Argumentgruppen (maschinell gebildet) mit einem Beispielzitat"
    return m.table(pd.DataFrame(rows), caption, numeric=["Stellungnahmen"])


def _cluster_names(clusters: pd.DataFrame | None) -> dict[int, str]:
    if clusters is None or "cluster" not in clusters:
        return {}
    column = next((c for c in ("label", "name", "title") if c in clusters), None)
    if column is None:
        return {}
    return {int(c): str(n) for c, n in zip(clusters["cluster"], clusters[column], strict=True)}


def form_letters(ctx: ReportContext) -> Markup:
    """Form letters (nearly identical texts), statements that join another's, and co-signers."""
    by_id = ctx.coded.set_index("statement_id")

    def name(sid: str) -> str:
        if sid not in by_id.index:
            return sid
        return by_id.loc[sid, "sender"] or by_id.loc[sid, "source_file"]

    groups, how = _letter_groups(ctx.coded)
    if groups:
        lead = f"{m.count(len(groups), 'Gruppe', 'Gruppen')} gleichlautender Schreiben ({how}):"
        parts = [m.para(lead), m.bullet_list(m.join(map(name, g), "; ") for g in groups)]
    else:
        parts = [m.para(f"Keine gleichlautenden Schreiben gefunden ({how}).")]
    joined = ctx.coded[ctx.coded["endorses"].notna()]
    if len(joined):
        parts.append(m.para("Stellungnahmen, die sich einer anderen anschließen:"))
        items = [f"{name(a)} schließt sich {name(b)} an" for a, b in
                 zip(joined["statement_id"], joined["endorses"], strict=True)]  # fmt: skip
        parts.append(m.bullet_list(items))
    parts.append(m.para(CO_SIGNERS))
    return m.join(parts)


CO_SIGNERS = (
    "Mitunterzeichnende: Die Texterfassung weist je Stellungnahme die erste unterzeichnende "
    "Person aus. Weitere Unterschriften stehen nur im PDF; bitte dort prüfen, wenn es auf die "
    "Zahl der Unterstützenden ankommt."
)


def _letter_groups(coded: pd.DataFrame) -> tuple[list[list[str]], str]:
    """Groups of copies: the analysis's ``duplicate_of`` when it has run, else text similarity."""
    if coded["duplicate_of"].notna().any():
        root = coded["duplicate_of"].where(coded["duplicate_of"].notna(), coded["statement_id"])
        groups = [list(ids) for _, ids in coded.groupby(root, sort=True)["statement_id"]]
        return [g for g in groups if len(g) > 1], "laut Auswertung"
    threshold = m.number(review.FORM_LETTER_SIMILARITY)
    return review.form_letter_groups(coded), f"Textähnlichkeit mindestens {threshold} %"
