"""Find statement PDFs, ingest each into rows, and write the tables atomically.

Every input file yields at least one statements row: a file that cannot be read becomes an
error row, never an exception that stops the batch.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.ingest.bundles import split_bundle
from analysis.ingest.extract import Statement, extract_statement
from analysis.ingest.metadata import harmonise_motion_titles
from analysis.ingest.reader import IngestError, read_pdf
from analysis.ingest.records import Document


@dataclass(frozen=True)
class IngestConfig:
    """Limits and switches of one ingest run."""

    workers: int = 1
    max_pages: int = 2000
    ocr: str = "auto"


@dataclass(frozen=True)
class Source:
    """An input file and the name it carries in the tables (relative to its SRC, '/'-joined)."""

    path: Path
    name: str


@dataclass
class FileResult:
    """The rows one input file contributes to each table."""

    statements: list[dict] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)


def find_sources(roots: Iterable[Path]) -> list[Source]:
    """Every PDF under ``roots`` (files are taken as given, folders searched recursively),
    sorted by name so that runs are deterministic."""
    found: dict[str, Source] = {}
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and path.suffix.lower() == ".pdf":
                    name = path.relative_to(root).as_posix()
                    found.setdefault(name, Source(path, name))
        else:
            found.setdefault(root.name, Source(root, root.name))
    return [found[k] for k in sorted(found)]


def ingest_file(source: Source, config: IngestConfig) -> FileResult:
    """One file → its rows. Never raises for bad input: that becomes an error row."""
    data = source.path.read_bytes() if source.path.is_file() else b""
    sha = hashlib.sha256(data).hexdigest()
    try:
        doc = read_pdf(source.path, source.name, max_pages=config.max_pages)
        if not any(page.lines for page in doc.pages):
            raise IngestError("no_text", source.name)
        statements = [extract_statement(part) for part in members(doc)]
    except IngestError as err:
        return FileResult(statements=[_error_row(source, sha, err.kind, err.message)])
    result = FileResult()
    for statement in statements:
        rows = _statement_rows(source, sha, statement, page_count=len(doc.pages))
        result.statements.extend(rows.statements)
        result.paragraphs.extend(rows.paragraphs)
        result.sentences.extend(rows.sentences)
    return result


def members(doc: Document) -> list[Document]:
    """The statements of a (possibly bundled) document, each as a document of its pages."""
    pages = {page.number: page for page in doc.pages}
    return [
        Document(pages=tuple(pages[n] for n in range(first, last + 1)), meta=doc.meta)
        for first, last in split_bundle(doc)
    ]


def statement_id(sha: str, first_page: int, last_page: int) -> str:
    """Stable id from content: the file's hash and the statement's page range."""
    key = f"{sha}:{first_page}-{last_page}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


def _error_row(source: Source, sha: str, kind: str, message: str) -> dict:
    row = dict.fromkeys(schema.columns("statements"))
    row.update(
        statement_id=statement_id(sha, 0, 0),
        source_file=source.name,
        source_sha256=sha,
        first_page=0,
        last_page=0,
        status="error",
        error_kind=kind,
        error_message=message,
        ocr=False,
        text="",
        page_count=0,
    )
    return row


def _statement_rows(source: Source, sha: str, st: Statement, page_count: int) -> FileResult:
    sid = statement_id(sha, st.first_page, st.last_page)
    meta = st.metadata
    result = FileResult()
    result.statements.append(
        {
            "statement_id": sid,
            "source_file": source.name,
            "source_sha256": sha,
            "first_page": st.first_page,
            "last_page": st.last_page,
            "status": "ok",
            "error_kind": None,
            "error_message": None,
            "ocr": st.ocr,
            "motion_ref": meta.motion_ref,
            "motion_title": meta.motion_title,
            "date": meta.date,
            "sender_org": meta.sender_org,
            "sender_unit": meta.sender_unit,
            "author": meta.author,
            "author_role": meta.author_role,
            "stakeholder_group": meta.stakeholder_group,
            "subject": meta.subject,
            "text": st.text,
            "page_count": page_count,
        }
    )
    for no, para in enumerate(st.paragraphs):
        result.paragraphs.append(
            {
                "statement_id": sid,
                "paragraph_no": no,
                "text": para.text,
                "page": para.page,
                "x0": para.x0,
                "top": para.top,
                "x1": para.x1,
                "bottom": para.bottom,
            }
        )
        result.sentences.extend(
            {
                "statement_id": sid,
                "paragraph_no": no,
                "sentence_no": sno,
                "text": text,
                "page": page,
            }
            for sno, (text, page) in enumerate(para.sentences)
        )
    return result


def run(
    sources: list[Source],
    config: IngestConfig,
    progress: Callable[[Source], None] | None = None,
) -> FileResult:
    """Ingest ``sources`` (in parallel when ``config.workers`` > 1), results in input order."""
    merged = FileResult()
    seen: dict[str, int] = {}
    for source, result in zip(sources, _results(sources, config), strict=True):
        _number_copies(result, seen)
        merged.statements.extend(result.statements)
        merged.paragraphs.extend(result.paragraphs)
        merged.sentences.extend(result.sentences)
        if progress is not None:
            progress(source)
    harmonise_motion_titles(merged.statements)
    return merged


def _results(sources: list[Source], config: IngestConfig) -> Iterator[FileResult]:
    if config.workers <= 1 or len(sources) <= 1:
        yield from (ingest_file(s, config) for s in sources)
        return
    with ProcessPoolExecutor(max_workers=config.workers) as pool:
        yield from pool.map(ingest_file, sources, [config] * len(sources), chunksize=1)


def _number_copies(result: FileResult, seen: dict[str, int]) -> None:
    """Byte-identical files share a content id; later copies get a numbered suffix so every
    row stays addressable (sources are sorted, so the numbering is stable)."""
    renamed: dict[str, str] = {}
    for row in result.statements:
        sid = row["statement_id"]
        seen[sid] = seen.get(sid, 0) + 1
        if seen[sid] > 1:
            renamed[sid] = row["statement_id"] = f"{sid}-{seen[sid]}"
    for row in (*result.paragraphs, *result.sentences):
        row["statement_id"] = renamed.get(row["statement_id"], row["statement_id"])


def write_tables(result: FileResult, out: Path) -> dict[str, Path]:
    """Validate and write the three tables; each replaces its predecessor atomically."""
    out.mkdir(parents=True, exist_ok=True)
    frames = {
        "statements": schema.frame("statements", result.statements),
        "paragraphs": schema.frame("paragraphs", result.paragraphs),
        "sentences": schema.frame("sentences", result.sentences),
    }
    return {name: write_atomic(df, out / f"{name}.parquet") for name, df in frames.items()}


def write_atomic(df: pd.DataFrame, target: Path) -> Path:
    """Write to a temporary file beside ``target``, fsync, then rename over it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        df.to_parquet(tmp, index=False)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
