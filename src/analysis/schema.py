"""The processed tables of CONTRACT.md as pandera models: the one place that names columns.

Every table is validated before it is written, so a consumer (notebooks, reports, the scorer)
can rely on names, types and meanings.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from analysis.codes import ERROR_KINDS, STAKEHOLDER_GROUPS, STANCES


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


class PositionsTable(pa.DataFrameModel):
    """One row per ok statement: position and stance with scores, verbatim evidence, links."""

    statement_id: Series[str] = pa.Field(unique=True)
    position: Series[str]
    position_score: Series[float] = pa.Field(ge=0, le=1)
    stance: Series[str] = pa.Field(isin=list(STANCES))
    stance_score: Series[float] = pa.Field(ge=0, le=1)
    evidence: Series[object]
    cluster: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    evidence_pages: Series[object]
    concerns: Series[object]
    motion_ref: Series[str] = pa.Field(nullable=True)
    duplicate_of: Series[str] = pa.Field(nullable=True)
    endorses: Series[str] = pa.Field(nullable=True)
    co_signers: Series[int] = pa.Field(ge=0)
    independent: Series[bool]

    class Config:
        strict = True
        ordered = True


class ArgumentsTable(pa.DataFrameModel):
    """One row per sentence (argument unit); plus one score_<code> column per position code."""

    statement_id: Series[str]
    paragraph_no: Series[int] = pa.Field(ge=0)
    sentence_no: Series[int] = pa.Field(ge=0)
    text: Series[str]
    page: Series[int] = pa.Field(ge=1)
    stance_cue: Series[str] = pa.Field(nullable=True, isin=list(STANCES))
    stance_cue_score: Series[float] = pa.Field(ge=0, le=1)
    concerns: Series[object]
    evidence_rank: Series[float] = pa.Field(nullable=True, ge=0)
    is_evidence: Series[bool]
    cluster: Series[pd.Int64Dtype] = pa.Field(nullable=True)

    class Config:
        strict = False  # score_<code> columns depend on the codebook
        unique = ["statement_id", "paragraph_no", "sentence_no"]


class ClustersTable(pa.DataFrameModel):
    """Discovered argument clusters per motion: label terms, size, representative quotes."""

    cluster: Series[int] = pa.Field(unique=True, ge=0)
    motion_ref: Series[str] = pa.Field(nullable=True)
    label: Series[str]
    terms: Series[object]
    size: Series[int] = pa.Field(ge=1)
    statements: Series[int] = pa.Field(ge=1)
    quotes: Series[object]
    quote_statement_ids: Series[object]
    quote_pages: Series[object]
    positions: Series[str]  # JSON {position: count}

    class Config:
        strict = True
        ordered = True


class LinksTable(pa.DataFrameModel):
    """Near-duplicates (form letters) and endorsements between statements."""

    statement_id: Series[str]
    linked_to: Series[str] = pa.Field(nullable=True)
    kind: Series[str] = pa.Field(isin=["duplicate", "endorsement"])
    similarity: Series[float] = pa.Field(ge=0, le=1)
    evidence: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        ordered = True


TABLES: dict[str, type[pa.DataFrameModel]] = {
    "statements": StatementsTable,
    "paragraphs": ParagraphsTable,
    "sentences": SentencesTable,
    "positions": PositionsTable,
    "arguments": ArgumentsTable,
    "clusters": ClustersTable,
    "links": LinksTable,
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
