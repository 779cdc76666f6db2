"""HTML builders: escaping, accessible tables, safe links, German numbers."""

from __future__ import annotations

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis.report import markup as m

HOSTILE = "<script>alert(1)</script>"


def test_text_is_escaped():
    assert str(m.para(HOSTILE)) == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_nested_markup_is_not_escaped_twice():
    html = str(m.tag("div", m.para("a & b")))
    assert html == "<div><p>a &amp; b</p></div>"


def test_attribute_values_are_escaped():
    assert 'alt="&#34;&gt;&lt;script&gt;"' in str(
        m.figure("data:image/png;base64,", '"><script>', "c")
    )


def test_table_has_caption_and_scoped_headers():
    html = m.table(
        pd.DataFrame({"Gruppe": ["Verwaltung"], "Anzahl": [2]}), "Zählung", numeric=["Anzahl"]
    )
    soup = BeautifulSoup(str(html), "html.parser")
    assert soup.caption.get_text() == "Zählung"
    assert [th["scope"] for th in soup.find_all("th")] == ["col", "col", "row"]
    assert soup.td["class"] == ["num"]


def test_table_cells_escape_text_from_pdfs():
    html = str(m.table(pd.DataFrame({"Text": [HOSTILE]}), "c"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_link_with_a_scheme_becomes_plain_text():
    assert str(m.link("javascript:alert(1)", "x")) == "x"
    assert str(m.link("https://example.org/", "x")) == "x"
    assert str(m.link("../raw/a b.pdf#page=2", "a")) == '<a href="../raw/a b.pdf#page=2">a</a>'


def test_missing_values_show_a_dash():
    assert str(m.esc(None)) == "–" and str(m.esc(float("nan"))) == "–"


def test_numbers_use_german_format():
    assert m.number(1234.5, 1) == "1.234,5"
    assert m.percent(0.4286) == "43 %"
    assert m.number(None) == "–"


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 Stellungnahmen"), (1, "1 Stellungnahme"), (2, "2 Stellungnahmen")]
)
def test_a_count_takes_the_singular_for_one_only(n, expected):
    assert m.count(n, "Stellungnahme", "Stellungnahmen") == expected
