"""One function per chart: a DataFrame of labelled numbers in, a :class:`Chart` out.

Every chart has a title that states its finding, alt text that carries its numbers, direct labels
instead of a legend, and only Okabe–Ito colours with dark outlines (so bars stand out from the
page with enough contrast). The data a chart shows travels with it, so the report can print the
table of its numbers next to it. Figures are built without pyplot: no global state, and the SVG
is byte-for-byte the same on every run.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from analysis.report.labels import OKABE_ITO
from analysis.report.markup import count, number, percent

STYLE = {
    "svg.hashsalt": "stellungnahmen-analyse",  # stable ids for clip paths and glyphs
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
EDGE = "#1A1A1A"
BAR = OKABE_ITO["blue"]
HEAT = LinearSegmentedColormap.from_list("okabe_ito_sky", ["#FFFFFF", OKABE_ITO["sky_blue"]])


@dataclass(frozen=True)
class Chart:
    """A figure with the words and numbers that belong to it."""

    figure: Figure
    title: str
    alt: str
    data: pd.DataFrame


def statements_by_group(counts: pd.DataFrame) -> Chart:
    """Statements per stakeholder group; ``counts`` has ``label`` and ``count``."""
    total = int(counts["count"].sum())
    title = finding(
        counts,
        total,
        "Die meisten Stellungnahmen kommen von: {}",
        "Gleich viele Stellungnahmen aus {k} Gruppen (je {n} von {total})",
    )
    alt = "Balkendiagramm der Stellungnahmen je Gruppe. " + _spoken(counts, total)
    return Chart(_hbar(counts, title, [BAR] * len(counts), total), title, alt, counts)


def stance_distribution(counts: pd.DataFrame) -> Chart:
    """Statements per stance; ``counts`` has ``label``, ``count`` and ``colour``."""
    total = int(counts["count"].sum())
    title = finding(
        counts, total, "Häufigste Haltung zum Antrag: {}", "Alle {k} Haltungen gleich häufig"
    )
    alt = "Balkendiagramm der Haltungen zum Antrag. " + _spoken(counts, total)
    return Chart(_hbar(counts, title, list(counts["colour"]), total), title, alt, counts)


def concern_frequency(counts: pd.DataFrame, statements: int) -> Chart:
    """How many statements raise each concern; ``counts`` has ``label`` and ``count``."""
    title = finding(
        counts,
        statements,
        "Am häufigsten genanntes Anliegen: {}",
        "{k} Anliegen gleich häufig genannt (je {n} von {total} Stellungnahmen)",
    )
    alt = "Balkendiagramm der genannten Anliegen. " + _spoken(counts, statements)
    colours = [OKABE_ITO["bluish_green"]] * len(counts)
    return Chart(_hbar(counts, title, colours, statements), title, alt, counts)


def metadata_completeness(frame: pd.DataFrame) -> Chart:
    """Statements with each metadata field; ``frame`` has ``field``, ``filled``, ``total``."""
    total = int(frame["total"].max()) if len(frame) else 0
    gaps = frame[frame["filled"] < frame["total"]]
    title = (
        "Alle Angaben sind in jeder Stellungnahme vorhanden"
        if gaps.empty
        else f"Am häufigsten fehlt: {gaps.sort_values('filled').iloc[0]['field']}"
    )
    counts = frame.rename(columns={"field": "label", "filled": "count"})[["label", "count"]]
    alt = "Balkendiagramm: wie viele Stellungnahmen jede Angabe enthalten. " + _spoken(
        counts, total
    )
    colours = [OKABE_ITO["sky_blue"]] * len(counts)
    return Chart(_hbar(counts, title, colours, total), title, alt, counts)


def confidence(scores: pd.Series) -> Chart:
    """How sure the analysis is of its positions: scores in five bins from 0 to 1."""
    edges = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    names = [f"{number(a, 1)} bis {number(b, 1)}" for a, b in zip(edges, edges[1:], strict=False)]
    binned = pd.cut(scores.dropna(), edges, labels=names, include_lowest=True)
    counts = binned.value_counts(sort=False).rename_axis("label").reset_index(name="count")
    total = int(counts["count"].sum())
    low = int(counts["count"].iloc[:3].sum())
    title = f"{low} von {count(total, 'Position', 'Positionen')} mit einer Sicherheit unter 0,6"
    alt = "Balkendiagramm der Sicherheit der Positionen in fünf Stufen. " + _spoken(counts, total)
    return Chart(_hbar(counts, title, [BAR] * len(counts), total), title, alt, counts)


def position_matrix(matrix: pd.DataFrame) -> Chart:
    """Stakeholder group × position as a grid of counts; ``matrix`` is indexed by group labels."""
    total = int(matrix.to_numpy().sum())
    column_totals = matrix.sum(axis=0).rename_axis("label").reset_index(name="count")
    title = finding(column_totals, total, "Häufigste Position: {}", "{k} Positionen gleich häufig")
    cells = [
        f"{group}: " + ", ".join(f"{pos} {int(n)}" for pos, n in row.items() if n)
        for group, row in matrix.iterrows()
    ]
    alt = (
        "Raster der Positionen (Spalten) nach Gruppen (Zeilen) mit der Anzahl in jeder Zelle. "
        + "; ".join(cells)
        + "."
    )
    return Chart(_heatmap(matrix, title), title, alt, matrix.reset_index(names="Gruppe"))


def learning_curve(curve: pd.DataFrame) -> Chart:
    """Macro-F1 of the position on the statements left to code after ``corrected`` statements
    per motion were corrected, with the corrections used and without (the same statements);
    ``curve`` has ``corrected``, ``with`` and ``without`` (rows without statements left out)."""
    last = curve.iloc[-1]
    k, gained = int(last["corrected"]), last["with"] - last["without"]
    if abs(gained) < 0.005:
        title = f"Nach {k} Korrekturen je Antrag: Genauigkeit der übrigen unverändert"
    else:
        change = "steigt" if gained > 0 else "sinkt"
        title = (
            f"Nach {k} Korrekturen je Antrag {change} die Genauigkeit der übrigen "
            f"von {number(last['without'], 2)} auf {number(last['with'], 2)}"
        )
    alt = (
        "Liniendiagramm: Macro-F1 der Position auf den nicht korrigierten Stellungnahmen, je "
        "Zahl korrigierter Stellungnahmen je Antrag. "
        + "; ".join(
            f"{int(r.corrected)} korrigiert: mit Korrekturen {number(r.with_, 2)}, "
            f"ohne {number(r.without, 2)}"
            for r in curve.rename(columns={"with": "with_"}).itertuples()
        )
        + "."
    )
    return Chart(_lines(curve, title), title, alt, curve)


def _lines(curve: pd.DataFrame, title: str) -> Figure:
    series = (
        ("with", "mit Korrekturen", OKABE_ITO["blue"], "o", "-"),
        ("without", "ohne", OKABE_ITO["orange"], "s", "--"),
    )
    with rc_context(STYLE):
        fig = Figure(figsize=(7.5, 3.6), dpi=100)
        ax = fig.add_subplot()
        x = [int(k) for k in curve["corrected"]]
        above = float(curve["with"].iloc[-1]) >= float(curve["without"].iloc[-1])
        for column, label, colour, marker, style in series:
            y = [float(v) for v in curve[column]]
            ax.plot(x, y, color=colour, marker=marker, linestyle=style, linewidth=2,
                    markeredgecolor=EDGE)  # fmt: skip
            up = (column == "with") == above  # the higher line's label above, the other below
            ax.annotate(label, (x[-1], y[-1]), xytext=(8, 7 if up else -7),
                        textcoords="offset points", va="center", color=EDGE)  # fmt: skip
        ax.set_xticks(x, [str(k) for k in x])
        ax.set_xlabel("korrigierte Stellungnahmen je Antrag")
        ax.set_ylabel("Macro-F1 (Position)")
        low = float(min(curve["with"].min(), curve["without"].min()))
        ax.set_ylim(max(0.0, np.floor((low - 0.05) * 10) / 10), 1)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, 2)))  # German commas
        ax.set_xlim(min(x) - 0.5, max(x) + 2)
        _title(fig, title)
    return fig


def finding(counts: pd.DataFrame, total: int, template: str, many: str = "") -> str:
    """A title that names the largest category (or the tie) with its count out of ``total``.

    Up to three tied categories are named in ``template``; more use ``many`` (with ``{k}``,
    ``{n}`` and ``{total}``), e.g. "Gleich viele Stellungnahmen aus 7 Gruppen".
    """
    if counts.empty or counts["count"].max() == 0:
        return "Keine Daten"
    top = counts[counts["count"] == counts["count"].max()]
    n = int(top["count"].iloc[0])
    names = [str(x) for x in top["label"]]
    if len(names) == 1:
        return template.format(f"{names[0]} ({n} von {total})")
    if len(names) > 3:
        many = many or "{k} gleich häufig (je {n} von {total})"
        return many.format(k=len(names), n=n, total=total)
    return template.format(f"{', '.join(names[:-1])} und {names[-1]} (je {n} von {total})")


def _spoken(counts: pd.DataFrame, total: int) -> str:
    parts = [f"{row.label}: {int(row.count)}" for row in counts.itertuples()]
    return f"Insgesamt {total}. " + "; ".join(parts) + "."


def _hbar(counts: pd.DataFrame, title: str, colours: list[str], total: int) -> Figure:
    with rc_context(STYLE):
        height = 1.2 + 0.42 * max(len(counts), 1)
        fig = Figure(figsize=(7.5, height), dpi=100)
        ax = fig.add_subplot()
        positions = list(range(len(counts)))[::-1]
        values = [int(v) for v in counts["count"]]
        ax.barh(positions, values, color=colours, edgecolor=EDGE, linewidth=0.8, height=0.66)
        ax.set_yticks(positions, [str(x) for x in counts["label"]])
        for y, value in zip(positions, values, strict=True):
            share = percent(value / total) if total else "–"
            ax.annotate(
                f"{value} ({share})",
                (value, y),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
            )
        ax.set_xlim(0, max(values + [1]) * 1.3)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        _title(fig, title)
    return fig


def _heatmap(matrix: pd.DataFrame, title: str) -> Figure:
    with rc_context(STYLE):
        rows, cols = matrix.shape
        fig = Figure(figsize=(7.5, 1.6 + 0.45 * max(rows, 1)), dpi=100)
        ax = fig.add_subplot()
        values = matrix.to_numpy()
        ax.imshow(values, cmap=HEAT, vmin=0, vmax=max(int(values.max()), 1), aspect="auto")
        for (r, c), value in pd.DataFrame(values).stack().items():
            ax.text(c, r, str(int(value)) if value else "·", ha="center", va="center")
        ax.set_xticks(range(cols), [_wrap(str(c)) for c in matrix.columns])
        ax.set_yticks(range(rows), [str(r) for r in matrix.index])
        ax.tick_params(length=0)
        ax.xaxis.tick_top()
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xticks([x - 0.5 for x in range(1, cols)], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, rows)], minor=True)
        ax.grid(which="minor", color=EDGE, linewidth=0.5)
        ax.tick_params(which="minor", length=0)
        _title(fig, title)
    return fig


def _title(fig: Figure, title: str) -> None:
    """The finding as a left-aligned title above the plot, wrapped to the figure's width."""
    fig.suptitle(_wrap(title, 66), x=0.01, ha="left", fontweight="bold", fontsize=11)
    fig.tight_layout()


def _wrap(text: str, width: int = 16) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def svg_bytes(chart: Chart) -> bytes:
    """The chart as SVG with no date and a fixed creator, identical on every run."""
    buffer = io.BytesIO()
    with rc_context(STYLE):
        chart.figure.savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": "Stellungnahmen-Analyse"}
        )
    return buffer.getvalue()


def data_uri(chart: Chart) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg_bytes(chart)).decode("ascii")
