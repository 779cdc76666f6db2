"""``readability.parquet``: how hard each statement and each motion's title is to read."""

from __future__ import annotations

from dataclasses import asdict, fields

import pandas as pd

from analysis.language.readability import Readability, measure

MEASURES = [f.name for f in fields(Readability)]
COLUMNS = ["statement_id", "motion_ref", "kind", *MEASURES]


def readability_table(statements: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per readable statement (its text, split as ``sentences`` has it) and one per
    motion title the statements name, sorted; the statement rows first."""
    split = sentences.groupby("statement_id", sort=False)["text"].agg(list).to_dict()
    statements = statements.reindex(
        columns=["statement_id", "motion_ref", "motion_title", "text"], fill_value=None
    )
    rows = [
        {
            "statement_id": row.statement_id,
            "motion_ref": row.motion_ref,
            "kind": "statement",
            **asdict(measure(row.text, split.get(row.statement_id, []))),
        }
        for row in statements.sort_values("statement_id").itertuples(index=False)
    ]
    titles = statements.dropna(subset=["motion_ref", "motion_title"])
    titles = titles.drop_duplicates("motion_ref").sort_values("motion_ref")
    rows += [
        {
            "statement_id": None,
            "motion_ref": row.motion_ref,
            "kind": "motion_title",
            **asdict(measure(row.motion_title, [row.motion_title])),
        }
        for row in titles.itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
