"""The reports' plain-language parts: „Das Wichtigste in einfacher Sprache“ first, the terms
of the statements explained, their first use in a quote linked to the explanation, the same
sentences in the XLSX, and the check page's readability lists."""

from __future__ import annotations

import io

import openpyxl
import pytest

from analysis.language.glossary import load_glossary
from analysis.report import context, inputs, plain_language
from tests.report.html_checks import soup_of

pytestmark = pytest.mark.slow


def test_the_motion_report_opens_with_the_plain_summary_and_explains_its_terms(built):
    soup = soup_of(built.pages["ba-045-2021"])
    assert soup.find("h2").get_text(strip=True) == "Das Wichtigste in einfacher Sprache"
    assert soup.select("ul.einfach li")
    explained = {d["id"] for d in soup.select("dl.glossar dfn")}
    links = soup.select("blockquote.evidence a.begriff")
    assert explained and links
    assert {a["href"].lstrip("#") for a in links} <= explained
    assert len({a["href"] for a in links}) == len(links)  # the first use only


def test_the_index_opens_with_the_plain_summary(built):
    soup = soup_of(built.index)
    assert soup.find("h2").get_text(strip=True) == "Das Wichtigste in einfacher Sprache"


def test_the_xlsx_has_the_plain_summary_as_its_first_sheet(built):
    path = next(p for p in built.exports if p.name == "ba-045-2021.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert book.sheetnames == ["Das Wichtigste", "Stellungnahmen"]
    assert book["Das Wichtigste"]["A2"].value.startswith("Zu diesem Antrag kam")


def test_the_chemnitz_report_explains_ba_querschnittsthema_and_digitale_agenda(corpus):
    data = inputs.load(corpus.processed)
    ctx = context.build(data, motion="BA-090/2020")
    html = str(plain_language.terms_explained(ctx))
    for anchor in ("wort-ba", "wort-querschnittsthema", "wort-digitale-agenda"):
        assert f'id="{anchor}"' in html


def test_the_first_use_in_a_quote_links_to_the_explanation():
    glossary = load_glossary()
    fragment = (
        '<dl class="glossar"><dt><dfn id="wort-ba">BA</dfn></dt><dd>…</dd></dl>'
        '<blockquote class="evidence"><p>„Der BA-090/2020 ist gut. Der BA bleibt.“</p>'
        "<footer>S. 1</footer></blockquote>"
    )
    marked = plain_language.mark_terms(fragment, glossary)
    assert marked.count('href="#wort-ba"') == 1
    assert (
        '<a class="begriff" href="#wort-ba"><abbr title="Beschlussantrag">BA</abbr></a>-090'
        in marked
    )
    assert (
        "„Der " in marked and " ist gut. Der BA bleibt.“" in marked
    )  # the quote's words unchanged


def test_the_check_page_names_the_hardest_statements_and_uncovered_words(built):
    soup = soup_of(built.pages["texterfassung"])
    captions = [c.get_text(" ", strip=True) for c in soup.find_all("caption")]
    assert any(c.startswith("Am schwersten zu lesen") for c in captions)
