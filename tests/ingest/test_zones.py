"""Zoning on built PDFs: the body zone holds the writer's own words and nothing else."""

from __future__ import annotations

import pytest

from analysis.ingest.metadata import extract_metadata
from analysis.ingest.zones import HEADER_ZONES
from tests.pdfbuild import LAYOUTS

NAMES = list(LAYOUTS)
# (layout, role) for every non-body role a layout draws, e.g. ("din-letter", "info_block").
NON_BODY_ROLES = sorted(
    {(name, t.role) for name, make in LAYOUTS.items() for t in make().texts() if t.role != "body"}
)
NAMED_ZONES = ("subject", "salutation", "closing", "signature")
NAMED_ROLES = [(name, role) for name, role in NON_BODY_ROLES if role in NAMED_ZONES]


def body_lines(zoned_lines) -> list[str]:
    return [z.line.text for z in zoned_lines if z.zone == "body"]


def zone_of(zoned_lines, text: str) -> str:
    found = [z.zone for z in zoned_lines if z.line.text == text]
    assert found, f"no line reads exactly {text!r}"
    return found[0]


@pytest.mark.parametrize("name", NAMES)
def test_body_zone_holds_exactly_the_body_lines(name, letters, zoned):
    assert body_lines(zoned[name]) == [t.text for t in letters[name].texts("body")]


@pytest.mark.parametrize(("name", "role"), NON_BODY_ROLES)
def test_non_body_text_never_leaks_into_body(name, role, letters, zoned):
    drawn_body = {t.text for t in letters[name].texts("body")}
    foreign = [line for line in body_lines(zoned[name]) if line not in drawn_body]
    leaked = [t.text for t in letters[name].texts(role) if any(t.text in ln for ln in foreign)]
    assert leaked == []


@pytest.mark.parametrize(("name", "role"), NAMED_ROLES)
def test_subject_salutation_and_sign_off_lines_get_their_zone(name, role, letters, zoned):
    zones = {t.text: zone_of(zoned[name], t.text) for t in letters[name].texts(role)}
    assert zones == dict.fromkeys(zones, role)


@pytest.mark.parametrize(
    ("name", "text", "zone"),
    [
        ("din-letter-two-pages", "- 2 -", "page_number"),
        ("plain-letter", "Seite 1", "page_number"),
        ("memo", "Seite 1", "page_number"),
        ("din-letter", "Internet www.weidenbrueck.example", "footer"),
        (
            "email",
            "https://webmail.ksb-weidenbrueck.example/owa/#viewmodel=ReadMessageItem",
            "footer",
        ),
        ("email", "07.03.24, 08:15", "running_header"),
    ],
)
def test_page_furniture_gets_its_zone(name, text, zone, zoned):
    assert zone_of(zoned[name], text) == zone


def test_footer_repeated_on_both_pages_is_footer_on_both(zoned):
    footer = "Hausanschrift Marktplatz 1, 01987 Weidenbrück"
    pages = {z.line.page: z.zone for z in zoned["din-letter-two-pages"] if z.line.text == footer}
    assert pages == {1: "footer", 2: "footer"}


def test_info_block_date_belongs_to_the_header(letters, zoned):
    assert zone_of(zoned["din-letter"], letters["din-letter"].notes["info_date"]) in HEADER_ZONES


def test_body_date_stays_in_the_body(letters, zoned):
    body_date = letters["din-letter"].notes["body_date"]
    lines = [z for z in zoned["din-letter"] if body_date in z.line.text]
    assert [z.zone for z in lines] == ["body"]


def test_din_letter_info_block_date_is_the_statement_date(zoned, statements):
    body_text = statements["din-letter"].text
    assert "28.02.2024" in body_text
    assert extract_metadata(zoned["din-letter"], body_text).date == "2024-03-12"


def test_address_and_info_block_on_one_row_are_separate_lines(documents):
    page = documents["din-letter"].pages[0]
    row = [ln for ln in page.lines if ln.text in ("Marktplatz 1", "Unser Zeichen", "10.2-sa/017")]
    assert sorted(ln.text for ln in row) == ["10.2-sa/017", "Marktplatz 1", "Unser Zeichen"]
    assert max(ln.bottom for ln in row) - min(ln.bottom for ln in row) < 3


def test_info_block_label_and_value_are_separate_lines(documents):
    texts = [ln.text for ln in documents["din-letter"].pages[0].lines]
    assert "Auskunft erteilt" in texts
    assert "Frau Salzmann" in texts


def test_recipient_line_beside_the_date_row_is_not_merged_with_it(documents):
    texts = [ln.text for ln in documents["din-letter"].pages[0].lines]
    assert "Ratsbüro" in texts
    assert not any("Ratsbüro" in t and ("Datum" in t or "12.03.2024" in t) for t in texts)


def test_salutation_ends_the_header(zoned):
    zones = [z.zone for z in zoned["din-letter"]]
    first_body = zones.index("body")
    assert zones[first_body - 1] == "salutation"


def test_memo_without_salutation_starts_its_body_after_the_heading(letters, zoned):
    first = letters["memo"].texts("body")[0].text
    assert body_lines(zoned["memo"])[0] == first


def test_email_signature_separator_ends_the_body(letters, zoned):
    last = letters["email"].texts("body")[-1].text
    assert body_lines(zoned["email"])[-1] == last
