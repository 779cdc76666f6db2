"""Exports: Excel-friendly CSV (BOM, semicolon, decimal comma) and XLSX, both formula-safe."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from analysis.report import export
from analysis.report.labels import labels_for

TABLE = pd.DataFrame(
    {"Absender": ["Stadt Auenberg", '=HYPERLINK("http://x")'], "Sicherheit": [0.83, 0.5]}
)


def _coded() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "statement_id": ["a1"],
            "source_file": ["x.pdf"],
            "date": ["2021-04-01"],
            "sender_org": ["Stadt Auenberg"],
            "sender_unit": ["Hauptamt"],
            "author": ["Dr. Ralf Seidenstücker"],
            "author_role": ["Amtsleiter"],
            "stakeholder_group": ["administration"],
            "position": ["defer"],
            "position_score": [0.84],
            "stance": ["oppose"],
            "stance_score": [0.7],
            "corrected": [True],
            "note": ["Telefonat"],
            "cluster": [2],
            "evidence": [("Die Verwaltung empfiehlt, abzulehnen.",)],
        }
    )


def test_csv_starts_with_a_bom_and_separates_with_semicolons():
    data = export.csv_bytes(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0] == "Absender;Sicherheit"


def test_csv_writes_decimal_commas():
    assert "0,83" in export.csv_bytes(TABLE).decode("utf-8-sig")


def test_csv_defuses_text_that_excel_would_run_as_a_formula():
    text = export.csv_bytes(TABLE).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_xlsx_keeps_formula_like_text_as_text():
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(TABLE)))
    sheet = book.active
    assert sheet["A1"].value == "Absender"
    assert sheet["A3"].data_type == "s"
    assert sheet["B2"].value == 0.83


def test_xlsx_is_identical_for_the_same_table():
    assert export.xlsx_bytes(TABLE) == export.xlsx_bytes(TABLE)


def test_statement_table_has_german_columns_and_labels_beside_codes():
    table = export.statement_table(_coded(), labels_for("de"), pd.Series(["BA-045/2021"]))
    row = table.iloc[0]
    assert row["Position"] == "Zurückstellen" and row["Position (Code)"] == "defer"
    assert row["Haltung"] == "Ablehnung" and row["Gruppe"] == "Verwaltung"
    assert row["Korrigiert"] == "ja" and row["Antrag"] == "BA-045/2021"
    assert row["Wichtigste Belegstelle"] == "Die Verwaltung empfiehlt, abzulehnen."
