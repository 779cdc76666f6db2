"""The tables of the data contract (docs/tables.md) as pandera schemas: one place names columns.

Every table is validated before it is written, so a consumer (notebooks, reports, the scorer)
can rely on names, types and meanings. Schemas are pandera objects, not class-based models:
building a model's schema makes pandera import the typing of every dataframe library it
finds (Dask's costs half a second on each command where Dask is installed).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from analysis.codes import ERROR_KINDS, STAKEHOLDER_GROUPS, STANCES

NULL_INT = pd.Int64Dtype()
MOTION_MATCHES = ["number", "title", "topic", "oparl", "register", "analyst"]


def col(
    dtype: object, *checks: pa.Check, nullable: bool = False, unique: bool = False
) -> pa.Column:
    return pa.Column(dtype, checks=list(checks), nullable=nullable, unique=unique)


def table(description: str, columns: dict[str, pa.Column], **options: object) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        columns, description=description, **{"strict": True, "ordered": True, **options}
    )


def score() -> pa.Check:
    return pa.Check.in_range(0, 1)


def count(minimum: int = 0) -> pa.Check:
    return pa.Check.ge(minimum)


StatementsTable = table(
    "One row per statement; a rejected file is one row with status ``error``.",
    {
        "statement_id": col(str, unique=True),
        "source_file": col(str),
        "source_sha256": col(str, pa.Check.str_length(64, 64)),
        "first_page": col(int, count()),
        "last_page": col(int, count()),
        "status": col(str, pa.Check.isin(["ok", "error"])),
        "error_kind": col(str, pa.Check.isin(list(ERROR_KINDS)), nullable=True),
        "error_message": col(str, nullable=True),
        "ocr": col(bool),
        "motion_ref": col(str, nullable=True),
        "motion_title": col(str, nullable=True),
        "date": col(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$"), nullable=True),
        "sender_org": col(str, nullable=True),
        "sender_unit": col(str, nullable=True),
        "author": col(str, nullable=True),
        "author_role": col(str, nullable=True),
        "stakeholder_group": col(str, pa.Check.isin(list(STAKEHOLDER_GROUPS)), nullable=True),
        "subject": col(str, nullable=True),
        "text": col(str),
        "page_count": col(int, count()),
        "authors": col(object),  # every signer, the author first (list of str)
        "sender_source": col(str, nullable=True),  # where the sender was read, or why not
        "sender_confidence": col(float, score()),
        # where motion_ref, date and author were read, and how far that place is trusted
        "motion_ref_source": col(str, nullable=True),
        "motion_ref_confidence": col(float, score()),
        "date_source": col(str, nullable=True),
        "date_confidence": col(float, score()),
        "author_source": col(str, nullable=True),
        "author_confidence": col(float, score()),
        # how the statement was tied to its motion: "number" (it prints it), "title" or
        # "topic" (it names the motion's title, see ingest/motion_match.py), "oparl" or
        # "register" (a files.csv maps its file), "analyst" (corrections.csv), null: not tied
        "motion_match": col(str, pa.Check.isin(MOTION_MATCHES), nullable=True),
        "motion_match_score": col(float, score()),
    },
)

MotionsTable = table(
    "The motions of a run: from the statements, a register (motions.csv) or an OParl fetch.",
    {
        "motion_ref": col(str, unique=True),
        "title": col(str, nullable=True),
        "body": col(str, nullable=True),  # municipality or council body
        "date": col(str, nullable=True),  # ISO 8601
        "kind": col(str, nullable=True),  # paper type: Antrag, Beschlussvorlage, …
        "origin": col(str, pa.Check.isin(["statements", "register", "oparl"])),
        "url": col(str, nullable=True),
        "paper_file": col(str, nullable=True),  # the motion paper itself, set aside by ingest
        "statements": col(int, count()),
    },
)

ParagraphsTable = table(
    "Body paragraphs with page and box (PDF points, origin top-left).",
    {
        "statement_id": col(str),
        "paragraph_no": col(int, count()),
        "text": col(str),
        "page": col(int, count(1)),
        "x0": col(float),
        "top": col(float),
        "x1": col(float),
        "bottom": col(float),
    },
    unique=["statement_id", "paragraph_no"],
)

# A sentence, as the sentences table has it and the arguments table repeats it.
SENTENCE = {
    "statement_id": col(str),
    "paragraph_no": col(int, count()),
    "sentence_no": col(int, count()),
    "text": col(str),
    "page": col(int, count(1)),
}
SENTENCE_KEY = ["statement_id", "paragraph_no", "sentence_no"]

SentencesTable = table(
    "German sentences of the body paragraphs, verbatim.", SENTENCE, unique=SENTENCE_KEY
)

PositionsTable = table(
    "One row per ok statement: position and stance with scores, verbatim evidence, links.",
    {
        "statement_id": col(str, unique=True),
        "position": col(str),
        "position_score": col(float, score()),
        "stance": col(str, pa.Check.isin(list(STANCES))),
        "stance_score": col(float, score()),
        "evidence": col(object),
        "cluster": col(NULL_INT, nullable=True),
        "evidence_pages": col(object),
        "concerns": col(object),
        "motion_ref": col(str, nullable=True),
        "duplicate_of": col(str, nullable=True),
        "endorses": col(str, nullable=True),
        "co_signers": col(int, count()),
        "independent": col(bool),
        "adapted_from": col(int, count()),
        # how hard the statement is to read: first Wiener Sachtextformel (docs/language.md)
        "readability": col(float),
    },
)

ReadabilityTable = table(
    "How hard each statement and each motion title is to read (docs/language.md).",
    {
        "statement_id": col(str, nullable=True),  # null for a motion's own text
        "motion_ref": col(str, nullable=True),
        "kind": col(str, pa.Check.isin(["statement", "motion_title"])),
        "words": col(int, count()),
        "sentences": col(int, count()),
        "mean_sentence_length": col(float),
        "long_word_share": col(float, score()),
        "polysyllable_share": col(float, score()),
        "monosyllable_share": col(float, score()),
        "wstf": col(float),
        "lix": col(float),
        "abbreviations_per_100": col(float),
    },
)

ArgumentsTable = table(
    "One row per sentence (argument unit); plus one score_<code> column per position code.",
    {
        **SENTENCE,
        "stance_cue": col(str, pa.Check.isin(list(STANCES)), nullable=True),
        "stance_cue_score": col(float, score()),
        "concerns": col(object),
        "evidence_rank": col(float, count(), nullable=True),
        "is_evidence": col(bool),
        "cluster": col(NULL_INT, nullable=True),
    },
    strict=False,  # score_<code> columns depend on the codebook
    ordered=False,
    unique=SENTENCE_KEY,
)

ClustersTable = table(
    "Discovered argument clusters per motion: label terms, size, representative quotes.",
    {
        "cluster": col(int, count(), unique=True),
        "motion_ref": col(str, nullable=True),
        "label": col(str),
        "terms": col(object),
        "size": col(int, count(1)),
        "statements": col(int, count(1)),
        "quotes": col(object),
        "quote_statement_ids": col(object),
        "quote_pages": col(object),
        "positions": col(str),  # JSON {position: count}
    },
)

LinksTable = table(
    "Near-duplicates (form letters) and endorsements between statements.",
    {
        "statement_id": col(str),
        "linked_to": col(str, nullable=True),
        "kind": col(str, pa.Check.isin(["duplicate", "endorsement"])),
        "similarity": col(float, score()),
        "evidence": col(str, nullable=True),
    },
)

TABLES: dict[str, pa.DataFrameSchema] = {
    "statements": StatementsTable,
    "motions": MotionsTable,
    "paragraphs": ParagraphsTable,
    "sentences": SentencesTable,
    "positions": PositionsTable,
    "arguments": ArgumentsTable,
    "clusters": ClustersTable,
    "links": LinksTable,
    "readability": ReadabilityTable,
}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in contract order."""
    return list(TABLES[table].columns)


def blank_row(table: str) -> dict:
    """A row of ``table`` where nothing was read: empty lists, zero scores, nulls elsewhere
    (the caller fills in what it knows)."""
    defaults = {"object": list, "float64": float}
    return {
        name: defaults[str(column.dtype)]() if str(column.dtype) in defaults else None
        for name, column in TABLES[table].columns.items()
    }


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows → a validated DataFrame of ``table`` with contract column order and dtypes."""
    df = pd.DataFrame(rows, columns=columns(table))
    schema = TABLES[table]
    for name, column in schema.columns.items():
        if str(column.dtype) == "str":
            df[name] = df[name].astype(object).where(df[name].notna(), None)
        else:
            df[name] = df[name].astype(str(column.dtype))
    return TABLES[table].validate(df)
