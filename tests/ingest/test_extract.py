"""Built PDFs through ``extract_statement``: metadata, paragraphs and sentences per layout."""

from __future__ import annotations

import dataclasses

import pytest

from tests.pdfbuild import LAYOUTS, Expected

NAMES = list(LAYOUTS)
FIELDS = [f.name for f in dataclasses.fields(Expected)]
# Helvetica's ascent and descent (AFM units per 1000), as pdfminer measures glyph boxes.
ASCENT, DESCENT = 0.718, 0.207


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", NAMES)
def test_metadata_is_what_the_letter_states(name, field, letters, statements):
    found = getattr(statements[name].metadata, field)
    assert found == getattr(letters[name].expected, field)


def test_email_date_is_the_sending_date_not_the_print_stamp(letters, statements):
    assert letters["email"].notes["print_stamp_date"] != "2024-03-05"
    assert statements["email"].metadata.date == "2024-03-05"


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_are_the_body_paragraphs_de_hyphenated(name, letters, statements):
    found = [p.text for p in statements[name].paragraphs]
    assert found == [p.text for p in letters[name].paragraphs]


@pytest.mark.parametrize("name", NAMES)
def test_statement_text_is_its_paragraphs_joined_by_blank_lines(name, letters, statements):
    assert statements[name].text == "\n\n".join(p.text for p in letters[name].paragraphs)


def test_hyphen_at_line_end_is_joined(statements):
    assert "Schritte der Verwaltungsdigitalisierung unternommen" in statements["din-letter"].text


def test_hyphen_split_compound_is_joined_across_lines(statements):
    assert "die Denkmalschutzbehörde frühzeitig" in statements["plain-letter"].text


def test_e_mail_broken_at_line_end_keeps_its_hyphen(statements):
    assert "formlos per E-Mail eingereicht" in statements["din-letter"].text


def test_suspended_hyphen_inside_a_line_is_kept(statements):
    assert "Wickel- und Stillmöglichkeiten" in statements["memo"].text


def test_statement_spans_both_pages(statements):
    st = statements["din-letter-two-pages"]
    assert (st.first_page, st.last_page) == (1, 2)


def test_paragraph_crossing_page_break_stays_one_paragraph(letters, statements):
    no = int(letters["din-letter-two-pages"].notes["crossing_paragraph"])
    expected = letters["din-letter-two-pages"].paragraphs[no].text
    assert statements["din-letter-two-pages"].paragraphs[no].text == expected


def test_paragraph_crossing_page_break_keeps_its_first_page(letters, statements):
    no = int(letters["din-letter-two-pages"].notes["crossing_paragraph"])
    assert statements["din-letter-two-pages"].paragraphs[no].page == 1


def test_paragraph_crossing_page_break_keeps_its_first_page_box(letters, statements):
    letter = letters["din-letter-two-pages"]
    no = int(letter.notes["crossing_paragraph"])
    lines = set(letter.paragraphs[no].lines)
    first_page = [t for t in letter.pages[0] if t.role == "body" and t.text in lines]
    para = statements["din-letter-two-pages"].paragraphs[no]
    box = (para.x0, para.top, para.x1, para.bottom)
    expected = (
        min(t.x0 for t in first_page),
        first_page[0].baseline - ASCENT * first_page[0].size,
        max(t.x0 + t.width for t in first_page),
        first_page[-1].baseline + DESCENT * first_page[-1].size,
    )
    assert box == pytest.approx(expected, abs=1.0)


def test_paragraph_box_is_that_of_its_lines(letters, statements):
    drawn = letters["din-letter"].texts("body")[:3]
    para = statements["din-letter"].paragraphs[0]
    expected = (
        drawn[0].x0,
        drawn[0].baseline - ASCENT * drawn[0].size,
        max(t.x0 + t.width for t in drawn),
        drawn[-1].baseline + DESCENT * drawn[-1].size,
    )
    assert (para.x0, para.top, para.x1, para.bottom) == pytest.approx(expected, abs=1.0)


def test_paragraph_after_the_page_break_is_on_page_2(statements):
    assert statements["din-letter-two-pages"].paragraphs[-1].page == 2


@pytest.mark.parametrize(
    ("name", "abbreviation"),
    [("din-letter", "Bürger z. B. Termine"), ("memo", "Gründe sind u. a. fehlende")],
)
def test_sentence_is_not_split_at_abbreviation(name, abbreviation, statements):
    sentences = [s for p in statements[name].paragraphs for s, _ in p.sentences]
    assert any(abbreviation in s for s in sentences)


def test_sentence_is_not_split_at_date_with_month_name(statements):
    sentences = [s for p in statements["din-letter"].paragraphs for s, _ in p.sentences]
    assert "Weitere Dienste sollen bis zum 30. Juni 2025 folgen." in sentences


@pytest.mark.parametrize("name", NAMES)
def test_sentences_rebuild_their_paragraph(name, statements):
    for para in statements[name].paragraphs:
        assert " ".join(s for s, _ in para.sentences) == para.text


def test_sentence_starting_on_page_2_has_page_2(statements):
    last = statements["din-letter-two-pages"].paragraphs[-1]
    assert [page for _, page in last.sentences] == [2]


def test_sentence_starting_on_page_1_keeps_page_1_when_it_ends_on_page_2(letters, statements):
    no = int(letters["din-letter-two-pages"].notes["crossing_paragraph"])
    para = statements["din-letter-two-pages"].paragraphs[no]
    sentence, page = para.sentences[-1]
    assert sentence.startswith("Aus unserer Erfahrung")
    assert page == 1


@pytest.mark.parametrize("name", NAMES)
def test_built_letter_is_not_marked_as_ocr(name, statements):
    assert statements[name].ocr is False
