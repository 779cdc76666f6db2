"""Charts: a finding as title, alt text with the numbers, Okabe–Ito colours, identical SVG."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.report import charts
from analysis.report.labels import PALETTE

COUNTS = pd.DataFrame({"label": ["Verwaltung", "Beiräte", "Wissenschaft"], "count": [3, 2, 1]})
STANCES = COUNTS.assign(colour=["#009E73", "#E69F00", "#D55E00"])
MATRIX = pd.DataFrame(
    [[1, 2, 0], [0, 1, 3]],
    index=["Verwaltung", "Beiräte"],
    columns=["Eigenständige Strategie", "Integration in bestehende Strategie", "Ablehnen"],
)
COMPLETENESS = pd.DataFrame(
    {"field": ["Datum", "Absender"], "filled": [4, 3], "total": [4, 4], "share": [1.0, 0.75]}
)
CURVE = pd.DataFrame(
    {"corrected": [0, 3, 5], "with": [0.74, 0.78, 0.81], "without": [0.74, 0.74, 0.73]}
)
CHARTS = {
    "statements_by_group": lambda: charts.statements_by_group(COUNTS),
    "stance_distribution": lambda: charts.stance_distribution(STANCES),
    "concern_frequency": lambda: charts.concern_frequency(COUNTS, 6),
    "metadata_completeness": lambda: charts.metadata_completeness(COMPLETENESS),
    "confidence": lambda: charts.confidence(pd.Series([0.1, 0.5, 0.7, 0.9, 0.95])),
    "position_matrix": lambda: charts.position_matrix(MATRIX),
    "learning_curve": lambda: charts.learning_curve(CURVE),
}


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_has_alt_text_a_title_and_its_numbers(name):
    chart = CHARTS[name]()
    assert len(chart.alt) > 40 and chart.title and chart.title != "Keine Daten"
    assert not chart.data.empty
    assert chart.figure.texts or chart.figure._suptitle is not None


@pytest.mark.parametrize("name", CHARTS)
def test_chart_title_is_drawn_in_the_figure(name):
    chart = CHARTS[name]()
    assert chart.figure._suptitle.get_text().replace("\n", " ") == chart.title


def test_alt_text_carries_every_number():
    chart = charts.statements_by_group(COUNTS)
    for label, count in zip(COUNTS["label"], COUNTS["count"], strict=True):
        assert f"{label}: {count}" in chart.alt


@pytest.mark.parametrize(
    "name", [n for n in CHARTS if n not in ("position_matrix", "learning_curve")]
)
def test_bars_use_only_okabe_ito_colours(name):
    chart = CHARTS[name]()
    bars = chart.figure.axes[0].patches
    assert bars
    assert {to_hex(bar.get_facecolor()).upper() for bar in bars} <= set(PALETTE)


def test_matrix_shades_run_from_white_to_an_okabe_ito_colour():
    assert to_hex(charts.HEAT(0.0)).upper() == "#FFFFFF"
    assert to_hex(charts.HEAT(1.0)).upper() in PALETTE


def test_bars_are_labelled_directly_with_count_and_share():
    chart = charts.statements_by_group(COUNTS)
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert labels == ["3 (50 %)", "2 (33 %)", "1 (17 %)"]
    assert chart.figure.axes[0].get_legend() is None


def test_title_states_the_largest_group():
    assert charts.statements_by_group(COUNTS).title.endswith("Verwaltung (3 von 6)")


def test_title_names_a_small_tie_and_counts_a_large_one():
    two = pd.DataFrame({"label": ["A", "B", "C"], "count": [2, 2, 1]})
    many = pd.DataFrame({"label": list("ABCDE"), "count": [1] * 5})
    assert charts.finding(two, 5, "{}") == "A und B (je 2 von 5)"
    assert charts.finding(many, 5, "{}") == "5 gleich häufig (je 1 von 5)"
    assert charts.statements_by_group(many).title == (
        "Gleich viele Stellungnahmen aus 5 Gruppen (je 1 von 5)"
    )


def test_svg_is_identical_on_every_run():
    first = charts.svg_bytes(charts.position_matrix(MATRIX))
    second = charts.svg_bytes(charts.position_matrix(MATRIX))
    assert first == second
    assert b"<dc:date>" not in first


def test_data_uri_embeds_the_svg():
    assert charts.data_uri(charts.statements_by_group(COUNTS)).startswith(
        "data:image/svg+xml;base64,"
    )


def test_learning_curve_states_the_gain_and_speaks_every_point():
    chart = charts.learning_curve(CURVE)
    assert chart.title == (
        "Nach 5 Korrekturen je Antrag steigt die Genauigkeit der übrigen von 0,73 auf 0,81"
    )
    for number in ("0,74", "0,78", "0,81", "0,73"):
        assert number in chart.alt
    flat = charts.learning_curve(CURVE.assign(**{"with": CURVE["without"]}))
    assert flat.title == "Nach 5 Korrekturen je Antrag: Genauigkeit der übrigen unverändert"
    colours = {to_hex(line.get_color()).upper() for line in chart.figure.axes[0].lines}
    assert colours <= {c.upper() for c in PALETTE}
