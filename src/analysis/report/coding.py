"""Positions and stances per statement: the analysis's codes with a person's corrections on top,
and the counts the report shows (group × position, stance distribution, concerns, clusters)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.codes import STANCES
from analysis.corrections import resolve_id
from analysis.report.labels import Labels

# The contract's columns, then what the analysis adds and the report uses when present:
# concerns (list of codes), duplicate_of and endorses (statement ids of form letters and
# statements that only join another's), readability (Wiener Sachtextformel).
MACHINE_COLUMNS = [
    "statement_id",
    "position",
    "stance",
    "position_score",
    "stance_score",
    "evidence",
    "cluster",
    "concerns",
    "duplicate_of",
    "endorses",
    "readability",
]
CODED_COLUMNS = [*MACHINE_COLUMNS, "machine_position", "machine_stance", "corrected", "note"]


def normalise_positions(positions: pd.DataFrame | None) -> pd.DataFrame:
    """positions.parquet with evidence and concerns as tuples of str and cluster as nullable int."""
    if positions is None:
        return pd.DataFrame(columns=MACHINE_COLUMNS)
    df = positions.copy()
    df["evidence"] = df["evidence"].map(_as_tuple) if "evidence" in df else [()] * len(df)
    df["concerns"] = df["concerns"].map(_as_tuple) if "concerns" in df else [()] * len(df)
    if "cluster" not in df:
        df["cluster"] = None
    df["cluster"] = pd.array(df["cluster"].astype("float").round(), dtype="Int64")
    for column in ("position_score", "stance_score", "readability"):
        df[column] = df[column].astype(float) if column in df else np.nan
    for column in ("duplicate_of", "endorses"):
        df[column] = (
            df[column].astype(object).where(df[column].notna(), None) if column in df else None
        )
    return df[MACHINE_COLUMNS].reset_index(drop=True)


def _as_tuple(value) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and value != value):
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def apply_corrections(
    positions: pd.DataFrame, corrections: pd.DataFrame | None, labels: Labels
) -> tuple[pd.DataFrame, list[str]]:
    """The machine's codes with a person's corrections applied; ``corrected`` marks changed rows.

    A correction names a statement and a new position and/or stance; an empty field keeps the
    machine's code. Codes the labels do not know are reported as problems and not applied.
    """
    coded = positions.assign(
        machine_position=positions["position"],
        machine_stance=positions["stance"],
        corrected=False,
        note=None,
    )
    if corrections is None or corrections.empty:
        return coded[CODED_COLUMNS], []
    problems = []
    valid = {"position": set(labels.position_order()), "stance": set(STANCES)}
    by_id = {sid: i for i, sid in enumerate(coded["statement_id"])}
    for row in corrections.itertuples(index=False):
        sid = resolve_id(row.statement_id, by_id)
        if sid not in by_id:
            coded = _append_uncoded(coded, sid)
            by_id[sid] = len(coded) - 1
        i = by_id[sid]
        for column in ("position", "stance"):
            value = getattr(row, column)
            if value is None:
                continue
            if value not in valid[column]:
                problems.append(
                    f"corrections.csv, {sid}: unbekannter Code {value!r} für "
                    f"{column}; erlaubt: {', '.join(sorted(valid[column]))}."
                )
                continue
            coded.at[i, column] = value
            coded.at[i, "corrected"] = True
        coded.at[i, "note"] = row.note
    return coded[CODED_COLUMNS], problems


def _append_uncoded(coded: pd.DataFrame, statement_id: str) -> pd.DataFrame:
    """A row for a statement the analysis did not code but a person did."""
    row = {c: None for c in CODED_COLUMNS} | {
        "statement_id": statement_id,
        "evidence": (),
        "concerns": (),
        "corrected": False,
        "position_score": np.nan,
        "stance_score": np.nan,
    }
    added = pd.DataFrame([row], columns=coded.columns).astype(coded.dtypes.to_dict())
    return pd.concat([coded, added], ignore_index=True)


def coded_statements(statements: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Readable statements with their codes (``None`` where the analysis has none), input order."""
    ok = statements[statements["status"] == "ok"]
    merged = ok.merge(coded, on="statement_id", how="left", validate="one_to_one")
    merged["evidence"] = merged["evidence"].map(_as_tuple)
    merged["concerns"] = merged["concerns"].map(_as_tuple)
    merged["corrected"] = merged["corrected"].astype("boolean").fillna(False).astype(bool)
    return merged.reset_index(drop=True)


def crosstab(
    df: pd.DataFrame, rows: str, columns: str, row_order: Iterable, column_order: Iterable
) -> pd.DataFrame:
    """Counts of ``rows`` × ``columns`` in a fixed order; rows and columns with no count dropped.

    Missing codes count under ``None``, so every statement is in the table.
    """
    table = pd.crosstab(df[rows].fillna("∅"), df[columns].fillna("∅"))
    row_keys = [r for r in [*row_order, "∅"] if r in table.index]
    row_keys += sorted(r for r in table.index if r not in row_keys)
    col_keys = [c for c in [*column_order, "∅"] if c in table.columns]
    col_keys += sorted(c for c in table.columns if c not in col_keys)
    table = table.reindex(index=row_keys, columns=col_keys, fill_value=0)
    table.index = [None if r == "∅" else r for r in table.index]
    table.columns = [None if c == "∅" else c for c in table.columns]
    return table.astype(int)


def counts(values: pd.Series, order: Iterable) -> pd.DataFrame:
    """``code``, ``count``, ``share`` in the given order, unknown codes after, missing last."""
    tally = values.fillna("∅").value_counts()
    keys = [k for k in order if k in tally.index]
    keys += sorted(k for k in tally.index if k not in keys and k != "∅")
    keys += ["∅"] if "∅" in tally.index else []
    total = int(tally.sum())
    return pd.DataFrame(
        {
            "code": [None if k == "∅" else k for k in keys],
            "count": [int(tally[k]) for k in keys],
            "share": [tally[k] / total if total else 0.0 for k in keys],
        }
    )


def concern_counts(coded: pd.DataFrame) -> pd.DataFrame:
    """How many statements raise each concern (a statement may raise several)."""
    exploded = coded[["statement_id", "concerns"]].explode("concerns").dropna()
    if exploded.empty:
        return pd.DataFrame(columns=["code", "count", "share"])
    table = counts(exploded["concerns"], ())
    table["share"] = table["count"] / len(coded)
    return table.sort_values(["count", "code"], ascending=[False, True]).reset_index(drop=True)
