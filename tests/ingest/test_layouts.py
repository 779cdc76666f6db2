"""Layouts and conventions beyond the five basic letters, built with ``tests.pdfbuild``.

Each letter in ``MORE_LAYOUTS`` says what it draws and what a careful analyst finds in it:
a DIN 5008 letter with a reference line, a citizen's typed two-page letter, an e-mail printed
from Thunderbird, a council group's letter with its letterhead on the right, bullets and two
signers, and an administration memo with a bordered table. ``BUNDLES`` puts three of them
behind a cover page in one PDF. The letters are read with ``extract_statement``; the files
(single letters and the bundle) also go once through ``statements ingest``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from analysis.ingest.extract import Statement, extract_statement
from analysis.ingest.reader import read_pdf
from analysis.ingest.records import Document
from analysis.ingest.zones import FURNITURE_ZONES, HEADER_ZONES, ZonedLine, zone_document
from tests.pdfbuild import (
    BUNDLES,
    MORE_LAYOUTS,
    Bundle,
    Expected,
    Letter,
    Text,
    build,
    build_bundle,
)
from tests.runs import IngestRun, ingest

NAMES = list(MORE_LAYOUTS)
FIELDS = [f.name for f in dataclasses.fields(Expected)]
NON_BODY_ROLES = sorted(
    {
        (name, t.role)
        for name, make in MORE_LAYOUTS.items()
        for t in make().texts()
        if t.role != "body"
    }
)

# ------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def letters() -> dict[str, Letter]:
    return {name: make() for name, make in MORE_LAYOUTS.items()}


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return BUNDLES["school-yard-bundle"]()


@pytest.fixture(scope="module")
def pdfs(letters, bundle, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("more-layouts")
    built = {name: build(letter, folder) for name, letter in letters.items()}
    built[bundle.name] = build_bundle(bundle, folder)
    return built


@pytest.fixture(scope="module")
def documents(letters, pdfs) -> dict[str, Document]:
    return {name: read_pdf(pdfs[name], pdfs[name].name) for name in letters}


@pytest.fixture(scope="module")
def zoned(documents) -> dict[str, list[ZonedLine]]:
    return {name: zone_document(doc) for name, doc in documents.items()}


@pytest.fixture(scope="module")
def statements(documents) -> dict[str, Statement]:
    return {name: extract_statement(doc) for name, doc in documents.items()}


@pytest.fixture(scope="module")
def run(pdfs, tmp_path_factory) -> IngestRun:
    """Every built file (the five letters and the bundle) through ``statements ingest``."""
    src = tmp_path_factory.mktemp("more-layouts-src")
    for path in pdfs.values():
        (src / path.name).write_bytes(path.read_bytes())
    done = ingest([src], tmp_path_factory.mktemp("more-layouts-processed"))
    assert done.code == 0, f"statements ingest exited with {done.code}"
    return done


# -------------------------------------------------------------------------------- helpers


def zone_of(zoned_lines: list[ZonedLine], text: str) -> str:
    found = [z.zone for z in zoned_lines if z.line.text == text]
    assert found, f"no line reads exactly {text!r}; lines: {[z.line.text for z in zoned_lines]}"
    return found[0]


def drawn_body_rows(letter: Letter) -> list[str]:
    """The body lines as a reader sees them: texts on one page and baseline joined (a bullet
    and its item text form one line)."""
    rows: dict[tuple[int, float], list[Text]] = {}
    for number, page in enumerate(letter.pages, start=1):
        for t in page:
            if t.role == "body":
                rows.setdefault((number, t.baseline), []).append(t)
    return [" ".join(t.text for t in sorted(row, key=lambda t: t.x0)) for row in rows.values()]


def first_difference(found: list[str], expected: list[str]) -> str:
    for i, (f, e) in enumerate(zip(found, expected, strict=False)):
        if f != e:
            return f"paragraph {i} differs:\n  expected {e!r}\n  found    {f!r}"
    return f"expected {len(expected)} paragraphs, found {len(found)}"


# ---------------------------------------------------------------------- single letters


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", NAMES)
def test_metadata_is_what_the_letter_states(name, field, letters, statements):
    expected = getattr(letters[name].expected, field)
    found = getattr(statements[name].metadata, field)
    assert found == expected, f"{name}: {field} should be {expected!r}, ingest found {found!r}"


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_are_the_writers_paragraphs_de_hyphenated(name, letters, statements):
    expected = [p.text for p in letters[name].paragraphs]
    found = [p.text for p in statements[name].paragraphs]
    assert found == expected, f"{name}: {first_difference(found, expected)}"


@pytest.mark.parametrize("name", NAMES)
def test_body_zone_holds_exactly_the_body_lines(name, letters, zoned):
    expected = drawn_body_rows(letters[name])
    found = [z.line.text for z in zoned[name] if z.zone == "body"]
    missing = [line for line in expected if line not in found]
    extra = [line for line in found if line not in expected]
    assert found == expected, f"{name}: body lines missing {missing}, foreign lines {extra}"


@pytest.mark.parametrize(("name", "role"), NON_BODY_ROLES)
def test_non_body_text_never_reaches_the_statement_text(name, role, letters, statements):
    expected_text = "\n\n".join(p.text for p in letters[name].paragraphs)
    text = statements[name].text
    leaked = [
        t.text
        for t in letters[name].texts(role)
        if len(t.text.strip()) > 2 and t.text in text and t.text not in expected_text
    ]
    assert leaked == [], f"{name}: {role} text leaked into the statement text: {leaked}"


@pytest.mark.parametrize(("name", "role"), NON_BODY_ROLES)
def test_non_body_lines_are_not_zoned_body(name, role, letters, zoned):
    drawn_body = set(drawn_body_rows(letters[name]))
    foreign = [
        z.line.text for z in zoned[name] if z.zone == "body" and z.line.text not in drawn_body
    ]
    leaked = [t.text for t in letters[name].texts(role) if t.text.strip() and any(
        t.text.strip() in line for line in foreign)]  # fmt: skip
    assert leaked == [], f"{name}: {role} lines zoned as body: {leaked}"


@pytest.mark.parametrize("name", [n for n in NAMES if "subject" in MORE_LAYOUTS[n]().notes])
def test_subject_is_the_subject_line_without_its_label(name, letters, statements):
    expected = letters[name].notes["subject"]
    found = statements[name].metadata.subject
    assert found == expected, f"{name}: subject should be {expected!r}, found {found!r}"


@pytest.mark.parametrize("name", NAMES)
def test_statement_spans_all_pages_of_the_letter(name, letters, statements):
    st = statements[name]
    expected = (1, len(letters[name].pages))
    assert (st.first_page, st.last_page) == expected, f"{name}: pages {expected} expected"


# --------------------------------------------------------------- reference-line letter


def test_reference_line_date_is_the_datum_value_not_their_message_date(letters, statements):
    letter = letters["reference-line-letter"]
    assert letter.notes["their_message_date"] == "26.02.2024"
    found = statements["reference-line-letter"].metadata.date
    assert found == "2024-03-11", (
        f"the date under `Datum` is 11.03.2024; found {found!r} (26.02.2024 is under "
        "`Ihre Nachricht vom`)"
    )


@pytest.mark.parametrize(
    "text", ["Ihr Zeichen", "Ihre Nachricht vom", "Datum", "26.02.2024", "11.03.2024", "67.2-wo"]
)
def test_reference_line_labels_and_values_are_header(text, zoned):
    zone = zone_of(zoned["reference-line-letter"], text)
    assert zone in HEADER_ZONES, f"reference-line text {text!r} should be header, is {zone!r}"


def test_reference_line_cells_are_separate_lines(documents):
    texts = [ln.text for ln in documents["reference-line-letter"].pages[0].lines]
    cells = ["Ihr Zeichen", "Ihre Nachricht vom", "Unser Zeichen", "Telefon", "Datum"]
    assert [c for c in cells if c not in texts] == [], f"merged reference-line cells: {texts}"


def test_im_auftrag_is_neither_body_nor_author(statements):
    st = statements["reference-line-letter"]
    assert "Im Auftrag" not in st.text
    assert st.metadata.author == "Jonas Wohlgemuth", f"author: {st.metadata.author!r}"


def test_suspended_hyphen_at_line_end_keeps_its_space(statements):
    text = statements["reference-line-letter"].text
    assert "der Bau- und Pflanzkosten" in text, (
        "`Bau-` at a line end followed by `und` is a suspended hyphen: expected "
        f"'Bau- und Pflanzkosten' in {text!r}"
    )


def test_hyphenated_word_at_line_end_is_joined(statements):
    text = statements["reference-line-letter"].text
    assert "Oberflächentemperaturen" in text and "30. September" in text


# ----------------------------------------------------------------------- citizen letter


def test_citizen_address_is_not_body(letters, zoned):
    for text in ("Katrin Sommerfeld", "Angerstraße 17", "38991 Lerchenbach"):
        zone = zone_of(zoned["citizen-letter"], text)
        assert zone != "body", f"the citizen's own address line {text!r} is zoned {zone!r}"


def test_citizen_betreff_line_is_header(zoned):
    line = "Betreff: Vorlage GR-014/2024 – Grüne Schulhöfe für Lerchenbach"
    zone = zone_of(zoned["citizen-letter"], line)
    assert zone in HEADER_ZONES, f"the `Betreff:` line should be header, is {zone!r}"


def test_citizen_date_line_with_month_name(statements):
    assert statements["citizen-letter"].metadata.date == "2024-03-03"


def test_citizen_paragraph_crossing_the_page_break_stays_one(letters, statements):
    no = int(letters["citizen-letter"].notes["crossing_paragraph"])
    paras = statements["citizen-letter"].paragraphs
    assert len(paras) > no, f"only {len(paras)} paragraphs found"
    assert paras[no].text == letters["citizen-letter"].paragraphs[no].text
    assert paras[no].page == 1


def test_citizen_page_2_paragraphs_are_on_page_2(statements):
    assert [p.page for p in statements["citizen-letter"].paragraphs][-2:] == [2, 2]


# ------------------------------------------------------------------- Thunderbird e-mail


def test_email_date_is_the_datum_header_not_the_print_time(letters, statements):
    assert letters["thunderbird-email"].notes["print_date"] == "2024-03-06"
    found = statements["thunderbird-email"].metadata.date
    assert found == "2024-03-04", f"`Datum: 04.03.2024, 09:12` is the sending date; found {found}"


@pytest.mark.parametrize(
    ("start", "zones"),
    [
        ("Betreff:", HEADER_ZONES),
        ("Von:", HEADER_ZONES),
        ("Datum:", HEADER_ZONES),
        ("An:", HEADER_ZONES),
        ("1 von 1", FURNITURE_ZONES),
        ("06.03.2024, 16:40", FURNITURE_ZONES),
    ],
)
def test_email_header_rows_and_print_furniture(start, zones, zoned):
    """A label may be read as one line with its value (``Betreff: …``) or on its own."""
    found = [
        (z.line.text, z.zone) for z in zoned["thunderbird-email"] if z.line.text.startswith(start)
    ]
    assert found, f"no line starts with {start!r}"
    assert found[0][1] in zones, f"{found[0][0]!r} should be one of {zones}, is {found[0][1]!r}"


def test_email_print_header_is_not_body(zoned):
    text = "Stellungnahme zu GR-014/2024 (Grüne Schulhöfe für Lerchenbach)"
    found = [z.zone for z in zoned["thunderbird-email"] if z.line.text == text]
    assert found and "body" not in found, f"the print header {text!r} is zoned {found}"


def test_email_body_starts_without_salutation(letters, zoned):
    first = letters["thunderbird-email"].texts("body")[0].text
    body = [z.line.text for z in zoned["thunderbird-email"] if z.zone == "body"]
    assert body[:1] == [first], f"body should start with {first!r}, starts with {body[:1]}"


def test_email_greeting_and_signature_are_not_body(statements):
    text = statements["thunderbird-email"].text
    for foreign in ("Viele Grüße", "Till Amberger", "Vorsitzender", "Angerstraße 9"):
        assert foreign not in text, f"{foreign!r} leaked into the e-mail text"


# ------------------------------------------------------------------ council group letter


def test_group_letterhead_on_the_right_is_header(zoned):
    for text in ("Fraktion Unabhängige Liste", "im Stadtrat Musterstadt", "Marktstraße 5"):
        zone = zone_of(zoned["council-group-letter"], text)
        assert zone in HEADER_ZONES, f"right-aligned letterhead line {text!r} is zoned {zone!r}"


def test_group_date_with_single_digit_month(statements):
    found = statements["council-group-letter"].metadata.date
    assert found == "2024-03-12", f"`Musterstadt, den 12.3.2024` is 2024-03-12, found {found!r}"


def test_two_line_salutation_is_not_body(zoned):
    for text in (
        "Sehr geehrter Herr Oberbürgermeister Dr. Feldmann,",
        "sehr geehrte Damen und Herren,",
    ):
        zone = zone_of(zoned["council-group-letter"], text)
        assert zone == "salutation", f"{text!r} should be salutation, is {zone!r}"


def test_bullet_items_are_paragraphs_of_their_own(letters, statements):
    letter = letters["council-group-letter"]
    first = int(letter.notes["first_item"])
    expected = [p.text for p in letter.paragraphs[first : first + 3]]
    found = [p.text for p in statements["council-group-letter"].paragraphs]
    assert all(e in found for e in expected), (
        f"each bullet item should be one paragraph starting with '• ': expected {expected}, "
        f"found {found}"
    )


def test_group_paragraph_crossing_the_page_break_stays_one(letters, statements):
    letter = letters["council-group-letter"]
    no = int(letter.notes["crossing_paragraph"])
    expected = letter.paragraphs[no].text
    found = [p for p in statements["council-group-letter"].paragraphs if p.text == expected]
    assert found, f"no paragraph reads {expected!r}"
    assert found[0].page == 1


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Seite 1 von 2", "page_number"),
        ("Seite 2 von 2", "page_number"),
        ("Fraktion Unabhängige Liste im Stadtrat Musterstadt", "running_header"),
    ],
)
def test_group_page_furniture(text, zone, zoned):
    found = zone_of(zoned["council-group-letter"], text)
    assert found == zone, f"{text!r} should be {zone}, is {found!r}"


def test_two_signers_side_by_side_give_the_first_as_author(statements):
    meta = statements["council-group-letter"].metadata
    assert (meta.author, meta.author_role) == ("Anna Beispiel", "Fraktionsvorsitzende"), (
        "two signers on one row: the first (left) one is the author; found "
        f"{meta.author!r} / {meta.author_role!r}"
    )


# ------------------------------------------------------------------ administration memo


@pytest.mark.parametrize(
    "text", ["Vorlage", "Federführendes Amt", "Ordnungsamt", "Bearbeiter/in", "07.03.2024"]
)
def test_memo_table_cells_are_header(text, zoned):
    zone = zone_of(zoned["administration-memo"], text)
    assert zone in HEADER_ZONES, f"table cell {text!r} should be header, is {zone!r}"


def test_memo_heading_is_not_body(statements):
    assert not statements["administration-memo"].text.startswith("Stellungnahme")


def test_memo_author_is_the_signer_not_the_clerk(letters, statements):
    meta = statements["administration-memo"].metadata
    clerk = letters["administration-memo"].notes["clerk"]
    assert meta.author == "Dr. Maria Beispiel", (
        f"`gez. Dr. Maria Beispiel` signs (without `gez.`); {clerk} only handled the file; "
        f"found {meta.author!r}"
    )


# ------------------------------------------------------------------------------ ingest


@pytest.mark.parametrize("name", NAMES)
def test_single_letter_is_one_ok_row_over_all_its_pages(name, letters, run):
    st = run.table("statements")
    rows = st[st["source_file"] == f"{name}.pdf"]
    found = list(zip(rows["status"], rows["first_page"], rows["last_page"], strict=True))
    assert found == [("ok", 1, len(letters[name].pages))], f"{name}: rows {found}"


def _bundle_rows(run: IngestRun, bundle: Bundle):
    st = run.table("statements")
    return st[st["source_file"] == f"{bundle.name}.pdf"].sort_values("first_page")


def test_bundle_gives_one_row_per_letter_with_its_pages(bundle, run):
    rows = _bundle_rows(run, bundle)
    found = list(zip(rows["first_page"], rows["last_page"], strict=True))
    expected = [(first, last) for first, last, _ in bundle.members]
    assert found == expected, f"bundle page ranges: expected {expected} (cover page 1 left out)"


def test_bundle_cover_gives_no_row(bundle, run):
    rows = _bundle_rows(run, bundle)
    assert 1 not in set(rows["first_page"]), "the cover page (page 1) became a statement"
    assert not rows["text"].str.contains("Eingegangene Stellungnahmen").any()


@pytest.mark.parametrize("member", range(3))
@pytest.mark.parametrize("field", FIELDS)
def test_bundle_member_metadata(member, field, bundle, run):
    first, _, letter = bundle.members[member]
    rows = _bundle_rows(run, bundle)
    row = rows[rows["first_page"] == first]
    assert len(row) == 1, f"no single row starts on page {first} ({letter.name})"
    expected = getattr(letter.expected, field)
    found = row.iloc[0][field]
    found = None if found is None or found != found else found  # NaN → None
    assert found == expected, f"bundle member {letter.name}: {field} {expected!r}, found {found!r}"


@pytest.mark.parametrize("member", range(3))
def test_bundle_member_text(member, bundle, run):
    first, _, letter = bundle.members[member]
    rows = _bundle_rows(run, bundle)
    row = rows[rows["first_page"] == first]
    assert len(row) == 1, f"no single row starts on page {first} ({letter.name})"
    expected = [p.text for p in letter.paragraphs]
    found = row.iloc[0]["text"].split("\n\n")
    assert found == expected, f"bundle member {letter.name}: {first_difference(found, expected)}"
