"""Corrections: a person's codes for statements (``corrections.csv`` in the processed folder),
as the reports show them and as the analysis learns from them for the rest of their motion."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

CORRECTIONS_FILE = "corrections.csv"
# ``motion_ref`` settles which motion a statement is about (read by ingest).
CORRECTION_COLUMNS = ("statement_id", "position", "stance", "note", "motion_ref")
# Pages show a statement id's first characters; corrections may name it so (like a git hash).
SHORT_ID = 8
MIN_PREFIX = 6


def short_id(statement_id: str) -> str:
    return statement_id[:SHORT_ID]


def resolve_id(given: str, known: Iterable[str]) -> str:
    """The statement id that ``given`` names: itself, or the one id it is a prefix of (at least
    six characters); ``given`` unchanged when it names none or several."""
    known = list(known)
    if given in known or len(given) < MIN_PREFIX:
        return given
    matches = [sid for sid in known if sid.startswith(given)]
    return matches[0] if len(matches) == 1 else given


def read_corrections(path: Path) -> tuple[pd.DataFrame | None, list[str]]:
    """``corrections.csv`` as written by a person: ``,`` or ``;`` separated, with or without BOM."""
    import pandas as pd  # here: ingest reads the motion column without the cost of pandas

    if not path.exists():
        return None, []
    frame = pd.read_csv(path, sep=None, engine="python", dtype=str, encoding="utf-8-sig")
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if "statement_id" not in frame.columns:
        return None, [
            f"{path.name}: die Spalte statement_id fehlt; die Korrekturen wurden nicht übernommen."
        ]
    for column in CORRECTION_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    frame = frame[list(CORRECTION_COLUMNS)].map(_blank_to_none)
    return frame, []


def settled_motions(path: Path) -> dict[str, str]:
    """Statement id (or its first characters) → motion reference, from the ``motion_ref``
    column: an analyst settles which motion a statement is about (read by ingest)."""
    from analysis.sources.register import RegisterError, read_rows

    if not path.exists():
        return {}
    try:
        rows = read_rows(path, required="statement_id")
    except RegisterError:
        return {}  # the analysis reports a corrections.csv it cannot use
    return {
        row["statement_id"]: row["motion_ref"]
        for _line, row in rows
        if row.get("statement_id") and row.get("motion_ref")
    }


def _blank_to_none(value):
    if value is None or value != value:
        return None
    value = str(value).strip()
    return value or None
