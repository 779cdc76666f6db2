"""One input file → its table rows: read (and OCR), split bundles, extract statements.

Runs in worker processes. Never raises for bad input: every failure becomes an error row,
and a per-file time limit turns a pathological file into a ``timeout`` row. A file with many
scanned pages can be split: its text layer first, then one OCR task per page (each within
the time limit), then the statements.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from analysis.ingest.bundles import split_bundle
from analysis.ingest.extract import Statement, extract_statement
from analysis.ingest.ocr import (
    OcrError,
    OcrUnavailable,
    merge_ocr,
    ocr_available,
    ocr_document,
    ocr_page,
    ocr_targets,
)
from analysis.ingest.pdfium_reader import read_pdf_fast
from analysis.ingest.reader import IngestError, read_pdf
from analysis.ingest.records import Document, Page
from analysis.ingest.work import FileResult, IngestConfig, Source

INSTALL_OCR = (
    "reading it needs OCR, but Tesseract with German language data is not installed. "
    "Install it (`apt-get install tesseract-ocr tesseract-ocr-deu`; conda: `tesseract`) "
    "and run ingest again"
)
TIMEOUT_REPEAT = 1.0
NO_TEXT_ADVICE = {
    "off": "OCR is switched off. Run ingest with `--ocr auto` to read scanned pages",
    "auto": "OCR found no text either. Check that the file shows a statement; if it is a "
    "very faint scan, scan it again at 300 dpi",
    "force": "OCR found no text either. Check that the file shows a statement; if it is a "
    "very faint scan, scan it again at 300 dpi",
}


@dataclass(frozen=True)
class OcrWork:
    """A file whose scanned pages are to be read one task per page, so that they spread over
    all workers instead of holding up one: its text layer, and the pages to OCR."""

    doc: Document
    pages: tuple[int, ...]


def ingest_file(
    source: Source, config: IngestConfig, sha: str, split_ocr: int = 0
) -> FileResult | OcrWork:
    """One file → its rows (``sha`` is the hash of its bytes, computed by the caller). With
    ``split_ocr``, a file with at least that many pages to OCR comes back as OcrWork: the
    caller runs ``ocr_one`` for each page and then ``finish_file``."""

    def run() -> tuple[Document, list[Statement]] | OcrWork:
        doc = read(source, config)
        targets = ocr_targets(doc, config.ocr)
        if not targets:
            return _statements(source, doc, config)
        if split_ocr and len(targets) >= split_ocr and ocr_available():
            return OcrWork(doc, tuple(targets))
        return _statements(source, with_ocr(source, doc, config), config)

    return _guarded(source, config, sha, run)


class PageFailure(NamedTuple):
    """Why OCR of a page failed (an exception would not survive the trip back from a worker
    intact: the error classes take more arguments than they pickle)."""

    kind: str
    message: str


def ocr_one(source: Source, number: int, config: IngestConfig) -> Page | PageFailure:
    """Page ``number`` of ``source`` read by OCR, within the file's time limit."""
    try:
        with time_limit(config.timeout, source.name):
            return ocr_page(source.path, number)
    except (IngestError, OcrError) as err:
        return PageFailure(err.kind, err.message)
    except Exception as exc:  # noqa: BLE001 - a hostile file must not abort the whole run
        err = wrapped_error(exc)
        if err is not None:
            return PageFailure(err.kind, err.message)
        return PageFailure("other", f"{source.name}, page {number}: {type(exc).__name__}: {exc}")


def finish_file(
    source: Source, work: OcrWork, read_pages: dict[int, Page], config: IngestConfig, sha: str
) -> FileResult:
    """The rows of a file whose pages ``ocr_one`` read (page number → page)."""
    return _guarded(
        source, config, sha,
        lambda: _statements(source, merge_ocr(work.doc, read_pages, config.ocr), config),
    )  # fmt: skip


def _statements(
    source: Source, doc: Document, config: IngestConfig
) -> tuple[Document, list[Statement]]:
    if not any(page.lines for page in doc.pages):
        raise IngestError("no_text", source.name, NO_TEXT_ADVICE[config.ocr])
    return doc, [extract_statement(part) for part in members(doc)]


def _guarded(
    source: Source,
    config: IngestConfig,
    sha: str,
    run: Callable[[], tuple[Document, list[Statement]] | OcrWork],
) -> FileResult | OcrWork:
    """``run``'s statements as rows, or the error row of whatever it raised."""
    try:
        with time_limit(config.timeout, source.name):
            outcome = run()
    except (IngestError, OcrError) as err:
        return failed(source, sha, err)
    except Exception as exc:  # noqa: BLE001 - a hostile file must not abort the whole run
        err = wrapped_error(exc) or IngestError(
            "other", source.name, f"{type(exc).__name__}: {exc}"
        )
        return failed(source, sha, err)
    if isinstance(outcome, OcrWork):
        return outcome
    doc, statements = outcome
    result = FileResult(pages=len(doc.pages))
    for statement in statements:
        _add_statement(result, source, sha, statement, page_count=len(doc.pages))
    return result


def failed(source: Source, sha: str, err: IngestError | OcrError | PageFailure) -> FileResult:
    """The result of a file that could not be ingested."""
    return FileResult(statements=[error_row(source, sha, err.kind, err.message)])


def read(source: Source, config: IngestConfig) -> Document:
    """The file's text layer, by the reader ``config`` names."""
    if config.reader == "plumber":
        return read_pdf(source.path, source.name, config.max_pages, config.max_file_mb)
    fallback = config.reader == "auto"
    return read_pdf_fast(source.path, source.name, config.max_pages, config.max_file_mb, fallback)


def with_ocr(source: Source, doc: Document, config: IngestConfig) -> Document:
    """OCR the pages without a usable text layer (per ``config.ocr``). Without an OCR
    engine, a document that has some text is read from its text layer alone; one that has
    none is rejected with the installation hint."""
    try:
        return ocr_document(source.path, doc, config.ocr)
    except OcrUnavailable as err:
        if any(page.lines for page in doc.pages):
            return doc
        raise IngestError("no_text", source.name, INSTALL_OCR) from err


def wrapped_error(exc: BaseException) -> IngestError | OcrError | None:
    """The IngestError or OcrError (a timeout, mostly) that a library caught and re-raised as
    another exception, if there is one in the chain."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, IngestError | OcrError):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


@contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Raise a ``timeout`` IngestError when the block runs longer than ``seconds``. Uses
    SIGALRM, so it applies in a process's main thread (local workers); threads of a
    distributed worker rely on the scheduler's own limits."""
    usable = seconds > 0 and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise IngestError("timeout", name, f"{seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        # Re-raised every second after the limit: parser code that swallows the first
        # exception (a broad ``except`` in a library) cannot turn a timeout into a hang. Armed
        # inside ``try``, so that even an alarm that fires at once is disarmed again.
        signal.setitimer(signal.ITIMER_REAL, seconds, TIMEOUT_REPEAT)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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


def error_row(source: Source, sha: str, kind: str, message: str) -> dict:
    """The one statements row of a file that could not be ingested."""
    # Imported here: workers need the table schema (pandas, pandera) only for a bad file.
    from analysis import schema

    row = schema.blank_row("statements")
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


def _add_statement(
    result: FileResult, source: Source, sha: str, st: Statement, page_count: int
) -> None:
    sid = statement_id(sha, st.first_page, st.last_page)
    meta = st.metadata
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
            "authors": list(meta.authors),
            "sender_source": meta.sender_source,
            "sender_confidence": meta.sender_confidence,
            "motion_match": "number" if meta.motion_ref else None,
            "motion_match_score": 1.0 if meta.motion_ref else 0.0,
            **{
                column: value
                for name in ("motion_ref", "date", "author")
                for column, value in (
                    (f"{name}_source", meta.sources.get(name)),
                    (f"{name}_confidence", meta.confidence(name)),
                )
            },
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
            {"statement_id": sid, "paragraph_no": no, "sentence_no": sno, "text": t, "page": p}
            for sno, (t, p) in enumerate(para.sentences)
        )
