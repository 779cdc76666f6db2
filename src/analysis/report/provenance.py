"""Where each quote comes from: page and paragraph box of an evidence sentence, and a link to the
PDF relative to the report, so every quote can be checked against its source."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pandas as pd

EVIDENCE_COLUMNS = [
    "statement_id",
    "rank",
    "text",
    "page",
    "paragraph_no",
    "x0",
    "top",
    "x1",
    "bottom",
]


def evidence_locations(
    coded: pd.DataFrame, sentences: pd.DataFrame, paragraphs: pd.DataFrame
) -> pd.DataFrame:
    """One row per evidence quote (best first), with the page and box of its paragraph.

    A quote is found by its exact sentence text; failing that, by the paragraph that contains it.
    Quotes that are in neither keep ``page`` empty, so the report can say it was not found.
    """
    quotes = [
        {"statement_id": row.statement_id, "rank": rank, "text": text}
        for row in coded.itertuples(index=False)
        for rank, text in enumerate(row.evidence)
    ]
    if not quotes:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    frame = pd.DataFrame(quotes)
    first = sentences.drop_duplicates(["statement_id", "text"])[
        ["statement_id", "text", "paragraph_no"]
    ]
    frame = frame.merge(first, on=["statement_id", "text"], how="left")
    frame["paragraph_no"] = [
        number if number == number else _containing_paragraph(paragraphs, sid, text)
        for sid, text, number in zip(
            frame["statement_id"], frame["text"], frame["paragraph_no"], strict=True
        )
    ]
    boxes = paragraphs[["statement_id", "paragraph_no", "page", "x0", "top", "x1", "bottom"]]
    frame["paragraph_no"] = pd.array(frame["paragraph_no"], dtype="Int64")
    frame = frame.merge(boxes, on=["statement_id", "paragraph_no"], how="left")
    frame["page"] = frame["page"].astype("Int64")
    return frame[EVIDENCE_COLUMNS]


def _containing_paragraph(paragraphs: pd.DataFrame, statement_id: str, text: str):
    rows = paragraphs[paragraphs["statement_id"] == statement_id]
    hits = rows[rows["text"].str.contains(text, regex=False)]
    return hits["paragraph_no"].iloc[0] if len(hits) else None


def pdf_href(pdf: Path | None, report_dir: Path, page: int | None = None) -> str | None:
    """A relative, URL-quoted link from ``report_dir`` to ``pdf`` (``#page=N`` when known)."""
    if pdf is None:
        return None
    relative = Path(os.path.relpath(pdf, report_dir)).as_posix()
    href = quote(relative, safe="/-_.~")
    return f"{href}#page={int(page)}" if page else href


def shown_path(path: str | Path, report_dir: Path | None) -> str:
    """A local file or folder as a published page names it: relative to the report, never as
    an absolute path (pages are forwarded, and a path names the analyst's home folder)."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    if report_dir is None:
        return path.name
    return Path(os.path.relpath(path, report_dir)).as_posix()


def source_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Each input file once, with its SHA-256: what a reader needs to reproduce the figures."""
    files = statements[["source_file", "source_sha256"]].drop_duplicates("source_file")
    return files.sort_values("source_file").reset_index(drop=True)
