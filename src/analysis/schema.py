"""The processed tables of CONTRACT.md as pandera models: the one place that names columns.

Every table is validated before it is written, so a consumer (notebooks, reports, the scorer)
can rely on names, types and meanings.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

ERROR_KINDS = (
    "encrypted",
    "damaged",
    "empty",
    "not_pdf",
    "no_text",
    "too_large",
    "timeout",
    "other",
)
STAKEHOLDER_GROUPS = (
    "administration",
    "commissioner",
    "advisory_board",
    "political_group",
    "association",
    "business",
    "academia",
    "citizen",
)


class StatementsTable(pa.DataFrameModel):
    """One row per statement; a rejected file is one row with status ``error``."""

    statement_id: Series[str] = pa.Field(unique=True)
    source_file: Series[str]
    source_sha256: Series[str] = pa.Field(str_length=64)
    first_page: Series[int] = pa.Field(ge=0)
    last_page: Series[int] = pa.Field(ge=0)
    status: Series[str] = pa.Field(isin=["ok", "error"])
    error_kind: Series[str] = pa.Field(nullable=True, isin=list(ERROR_KINDS))
    error_message: Series[str] = pa.Field(nullable=True)
    ocr: Series[bool]
    motion_ref: Series[str] = pa.Field(nullable=True)
    motion_title: Series[str] = pa.Field(nullable=True)
    date: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{4}-\d{2}-\d{2}$")
    sender_org: Series[str] = pa.Field(nullable=True)
    sender_unit: Series[str] = pa.Field(nullable=True)
    author: Series[str] = pa.Field(nullable=True)
    author_role: Series[str] = pa.Field(nullable=True)
    stakeholder_group: Series[str] = pa.Field(nullable=True, isin=list(STAKEHOLDER_GROUPS))
    subject: Series[str] = pa.Field(nullable=True)
    text: Series[str]
    page_count: Series[int] = pa.Field(ge=0)

    class Config:
        strict = True
        ordered = True


class ParagraphsTable(pa.DataFrameModel):
    """Body paragraphs with page and box (PDF points, origin top-left)."""

    statement_id: Series[str]
    paragraph_no: Series[int] = pa.Field(ge=0)
    text: Series[str]
    page: Series[int] = pa.Field(ge=1)
    x0: Series[float]
    top: Series[float]
    x1: Series[float]
    bottom: Series[float]

    class Config:
        strict = True
        ordered = True
        unique = ["statement_id", "paragraph_no"]


class SentencesTable(pa.DataFrameModel):
    """German sentences of the body paragraphs, verbatim."""

    statement_id: Series[str]
    paragraph_no: Series[int] = pa.Field(ge=0)
    sentence_no: Series[int] = pa.Field(ge=0)
    text: Series[str]
    page: Series[int] = pa.Field(ge=1)

    class Config:
        strict = True
        ordered = True
        unique = ["statement_id", "paragraph_no", "sentence_no"]


TABLES: dict[str, type[pa.DataFrameModel]] = {
    "statements": StatementsTable,
    "paragraphs": ParagraphsTable,
    "sentences": SentencesTable,
}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in contract order."""
    return list(TABLES[table].to_schema().columns)


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows → a validated DataFrame of ``table`` with contract column order and dtypes."""
    df = pd.DataFrame(rows, columns=columns(table))
    schema = TABLES[table].to_schema()
    for name, column in schema.columns.items():
        if str(column.dtype) == "str":
            df[name] = df[name].astype(object).where(df[name].notna(), None)
        else:
            df[name] = df[name].astype(str(column.dtype))
    return TABLES[table].validate(df)
