"""The contract's tables as pandera schemas: good rows pass, rows that break the contract fail."""

from __future__ import annotations

import pandas as pd
import pytest
from pandera.errors import SchemaError

from analysis import schema


def statement_row(**changes) -> dict:
    row = {
        "statement_id": "3f2a9c1d0b7e4a55",
        "source_file": "weidenbrueck/ba-017-2024-hauptamt.pdf",
        "source_sha256": "a" * 64,
        "first_page": 1,
        "last_page": 2,
        "status": "ok",
        "error_kind": None,
        "error_message": None,
        "ocr": False,
        "motion_ref": "BA-017/2024",
        "motion_title": "Digitale Bürgerdienste für Weidenbrück",
        "date": "2024-03-12",
        "sender_org": "Stadt Weidenbrück",
        "sender_unit": "Hauptamt",
        "author": "Henrike Salzmann",
        "author_role": "Amtsleiterin",
        "stakeholder_group": "administration",
        "subject": "Beschlussantrag BA-017/2024 – Stellungnahme des Hauptamtes",
        "text": "Das Hauptamt empfiehlt, den Antrag anzunehmen.",
        "page_count": 2,
        "authors": ["Henrike Salzmann"],
        "sender_source": "letterhead",
        "sender_confidence": 0.95,
        "motion_ref_source": "subject",
        "motion_ref_confidence": 0.9,
        "date_source": "date_line",
        "date_confidence": 0.9,
        "author_source": "signature",
        "author_confidence": 0.9,
        "motion_match": "number",
        "motion_match_score": 1.0,
    }
    row.update(changes)
    return row


def error_row(**changes) -> dict:
    row = schema.blank_row("statements")
    row.update(
        statement_id="77c0e2d4a1b3f9e8",
        source_file="kaputt.pdf",
        source_sha256="b" * 64,
        first_page=0,
        last_page=0,
        status="error",
        error_kind="not_pdf",
        error_message="kaputt.pdf: this is not a PDF. Export it to PDF and add it again.",
        ocr=False,
        text="",
        page_count=0,
    )
    row.update(changes)
    return row


PARAGRAPH = {
    "statement_id": "3f2a9c1d0b7e4a55",
    "paragraph_no": 0,
    "text": "Das Hauptamt empfiehlt, den Antrag anzunehmen.",
    "page": 1,
    "x0": 77.0,
    "top": 347.5,
    "x1": 449.2,
    "bottom": 385.2,
}
SENTENCE = {
    "statement_id": "3f2a9c1d0b7e4a55",
    "paragraph_no": 0,
    "sentence_no": 0,
    "text": "Das Hauptamt empfiehlt, den Antrag anzunehmen.",
    "page": 1,
}


def test_good_statement_row_is_accepted():
    df = schema.frame("statements", [statement_row()])
    assert df.loc[0, "motion_ref"] == "BA-017/2024"


def test_error_row_with_empty_metadata_is_accepted():
    df = schema.frame("statements", [error_row()])
    assert df.loc[0, "status"] == "error"


def test_good_paragraph_and_sentence_rows_are_accepted():
    assert len(schema.frame("paragraphs", [PARAGRAPH])) == 1
    assert len(schema.frame("sentences", [SENTENCE])) == 1


def test_empty_tables_are_accepted():
    for table in schema.TABLES:
        assert schema.frame(table, []).empty


def test_frame_puts_columns_in_contract_order():
    shuffled = dict(reversed(list(statement_row().items())))
    df = schema.frame("statements", [shuffled])
    assert list(df.columns[:3]) == ["statement_id", "source_file", "source_sha256"]


def test_unknown_status_is_rejected():
    with pytest.raises(SchemaError):
        schema.frame("statements", [statement_row(status="pending")])


@pytest.mark.parametrize("date", ["12.03.2024", "2024-3-12", "12. März 2024", "2024-03-12T10:09"])
def test_date_not_in_iso_format_is_rejected(date):
    with pytest.raises(SchemaError):
        schema.frame("statements", [statement_row(date=date)])


def test_missing_date_is_accepted():
    assert schema.frame("statements", [statement_row(date=None)]).loc[0, "date"] is None


@pytest.mark.parametrize("group", ["church", "Verwaltung", "citizens", ""])
def test_unknown_stakeholder_group_is_rejected(group):
    with pytest.raises(SchemaError):
        schema.frame("statements", [statement_row(stakeholder_group=group)])


def test_unknown_error_kind_is_rejected():
    with pytest.raises(SchemaError):
        schema.frame("statements", [error_row(error_kind="corrupt")])


def test_duplicate_statement_ids_are_rejected():
    with pytest.raises(SchemaError):
        schema.frame("statements", [statement_row(), statement_row()])


def test_short_sha256_is_rejected():
    with pytest.raises(SchemaError):
        schema.frame("statements", [statement_row(source_sha256="abc")])


def test_paragraph_on_page_zero_is_rejected():
    with pytest.raises(SchemaError):
        schema.frame("paragraphs", [{**PARAGRAPH, "page": 0}])


def test_duplicate_sentence_numbers_are_rejected():
    with pytest.raises(SchemaError):
        schema.frame("sentences", [SENTENCE, SENTENCE])


def test_table_validates_again_after_a_parquet_round_trip(tmp_path):
    path = tmp_path / "statements.parquet"
    schema.frame("statements", [statement_row(), error_row()]).to_parquet(path, index=False)
    schema.StatementsTable.validate(pd.read_parquet(path))
