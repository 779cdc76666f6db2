"""Open a PDF safely and turn its pages into the project's Word/Line records.

This is the only module that touches pdfplumber. Every failure to read a file becomes an
``IngestError`` with a kind from the data contract and a message a person can act on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTItem, LTLine, LTRect
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import WordExtractor

from analysis.ingest.records import Document, Line, Page, Word

BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b$", re.IGNORECASE)
# A gap wider than this many font sizes separates two columns of one row (address | info block,
# label | value); justified prose never spreads words this far.
COLUMN_GAP_EM = 3.0
# A narrower gap (over one font size) also separates columns when at least this many rows
# start text at the same x (within COLUMN_SNAP points).
COLUMN_MIN_ROWS = 4
COLUMN_SNAP = 2
PDF_MAGIC_WINDOW = 1024
# A page with more curves than this may draw its text as outlines (no text layer): OCR may
# read more there. Rules, frames and a logo stay well below.
MAX_TEXT_ONLY_CURVES = 100

ADVICE = {
    "empty": "{file}: the file is empty (0 bytes). Obtain the statement again from the sender "
    "or the council information system and replace the file.",
    "not_pdf": "{file}: this is not a PDF (no PDF header found). If it is a Word document, an "
    "e-mail or an image, export or print it to PDF and add the PDF instead.",
    "encrypted": "{file}: the PDF is protected by a user password and cannot be opened. Ask the "
    "sender for an unprotected copy, or remove the password with the sender's consent "
    "(e.g. `qpdf --password=... --decrypt in.pdf out.pdf`).",
    "damaged": "{file}: the PDF is damaged and could not be read ({detail}). Download or request "
    "the file again; if only a damaged copy exists, try repairing it "
    "(e.g. `qpdf in.pdf repaired.pdf`) and add the repaired file.",
    "no_text": "{file}: no page has a usable text layer (it is probably a scan or blank): "
    "{detail}.",
    "too_large": "{file}: the PDF {detail}. Split it into smaller files or raise the limit.",
    "timeout": "{file}: reading took longer than the limit of {detail}. Check the file (it may be "
    "malformed or extremely complex) or raise the limit (`--timeout`).",
    "other": "{file}: unexpected error while reading ({detail}). Please report this file to the "
    "maintainers; the other files were processed.",
}


class IngestError(Exception):
    """A file that cannot be ingested; carries the contract's ``error_kind``."""

    def __init__(self, kind: str, file: str, detail: str = "") -> None:
        self.kind = kind
        self.message = ADVICE[kind].format(file=file, detail=detail or "no details")
        super().__init__(self.message)


def read_pdf(path: Path, display_name: str, max_pages: int = 2000, max_mb: float = 0) -> Document:
    """Read ``path`` into a Document; raise IngestError for files that cannot be read (or
    that have more than ``max_pages`` pages or ``max_mb`` megabytes; 0: no size limit)."""
    check_file(path, display_name, max_mb)
    with _read_errors(display_name):
        pdf = pdfplumber.open(path, password="")
        try:
            if _more_pages_than(pdf, max_pages):
                detail = f"has more than {max_pages} pages, the limit"
                raise IngestError("too_large", display_name, f"{detail} (`--max-pages`)")
            return Document(pages=tuple(_read_page(p) for p in pdf.pages))
        finally:
            # Not pdf.close(): it walks the page tree again, which on a cyclic tree that a
            # timeout interrupted never ends. Closing the file is all that is needed here.
            pdf.stream.close()


def read_pages(path: Path, display_name: str, indexes: Iterable[int]) -> dict[int, Page]:
    """Only the pages at ``indexes`` (0-based): those another reader left to pdfplumber."""
    with _read_errors(display_name):
        pdf = pdfplumber.open(path, password="")
        try:
            return {n: _read_page(pdf.pages[n]) for n in indexes}
        finally:
            pdf.stream.close()


def check_file(path: Path, display_name: str, max_mb: float) -> None:
    """Reject, before any parser sees it, a file over ``max_mb`` (0: no limit), an empty
    file and one without a PDF header."""
    size = _size(path, display_name)
    if max_mb > 0 and size > max_mb * 2**20:
        detail = f"is {size / 2**20:.1f} MB, more than the limit of {max_mb:g} MB (`--max-file-mb`)"
        raise IngestError("too_large", display_name, detail)
    head = _read_head(path, display_name)
    if not head:
        raise IngestError("empty", display_name)
    if b"%PDF" not in head:
        raise IngestError("not_pdf", display_name)


@contextmanager
def _read_errors(display_name: str) -> Iterator[None]:
    """Turn whatever the parser raises on a hostile file into an IngestError."""
    try:
        yield
    except IngestError:
        raise
    except PdfminerException as exc:
        raise _classify(exc.args[0] if exc.args else exc, display_name) from exc
    except PDFPasswordIncorrect as exc:
        raise IngestError("encrypted", display_name) from exc
    except (RecursionError, MemoryError) as exc:
        raise IngestError("damaged", display_name, type(exc).__name__) from exc
    except Exception as exc:  # noqa: BLE001 - any parser failure on hostile input is data
        raise IngestError("damaged", display_name, _describe(exc)) from exc


def _size(path: Path, display_name: str) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise IngestError("other", display_name, _describe(exc)) from exc


def _more_pages_than(pdf: pdfplumber.PDF, limit: int) -> bool:
    """Walk the page tree only as far as the limit, before any page is built: a file with
    thousands of pages is rejected at once instead of after building them all."""
    return any(n >= limit for n, _ in enumerate(PDFPage.create_pages(pdf.doc)))


def _read_head(path: Path, display_name: str) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(PDF_MAGIC_WINDOW)
    except OSError as exc:
        raise IngestError("other", display_name, _describe(exc)) from exc


def _classify(cause: BaseException, display_name: str) -> IngestError:
    if isinstance(cause, IngestError):  # a timeout that pdfplumber wrapped
        return cause
    if isinstance(cause, PDFPasswordIncorrect):
        return IngestError("encrypted", display_name)
    return IngestError("damaged", display_name, _describe(cause))


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read_page(page: pdfplumber.page.Page) -> Page:
    words = WORDS.extract_words(page_chars(page))
    text_only = draws_only_text(page.layout)
    page.close()  # drop the page's layout: memory stays bounded by one page, not the file
    records = [
        Word(
            text=w["text"],
            x0=round(float(w["x0"]), 2),
            top=round(float(w["top"]), 2),
            x1=round(float(w["x1"]), 2),
            bottom=round(float(w["bottom"]), 2),
            size=round(float(w["size"]), 1),
            bold=bool(BOLD_FONT.search(str(w.get("fontname") or ""))),
        )
        for w in words
        if w["text"].strip()
    ]
    return Page(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        lines=tuple(build_lines(records, page.page_number)),
        text_only=text_only,
    )


WORDS = WordExtractor(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)


def page_chars(page: pdfplumber.page.Page) -> list[dict]:
    """The page's characters as pdfplumber's ``page.chars`` gives them, with only the
    attributes that words are built from. ``page.chars`` converts every attribute of every
    layout object (colours, matrices, paths of all lines and curves): more than half the
    time of reading a letter, spent on values no one reads."""
    height, (mb_x0, mb_top) = page.height, page.mediabox[:2]
    chars = []
    for obj in _layout_chars(page.layout):
        y0, y1 = obj.y0, obj.y1
        top = (height - y1) + mb_top
        fontname = obj.fontname
        chars.append(
            {
                "text": obj.get_text(),
                "x0": obj.x0 + mb_x0 if mb_x0 != 0 else obj.x0,
                "x1": obj.x1 + mb_x0 if mb_x0 != 0 else obj.x1,
                "top": top,
                "bottom": (height - y0) + mb_top,
                "doctop": page.initial_doctop + top,
                "upright": obj.upright,
                "size": obj.size,
                "fontname": fix_fontname_bytes(fontname)
                if isinstance(fontname, bytes)
                else fontname,
            }
        )
    return chars


def draws_only_text(objects: Iterable[LTItem]) -> bool:
    """Whether a layout holds no image and no more than a few curves (rules and boxes aside)."""
    curves = 0
    for obj in _layout_items(objects):
        if isinstance(obj, LTImage):
            return False
        curves += isinstance(obj, LTCurve) and not isinstance(obj, LTLine | LTRect)
    return curves <= MAX_TEXT_ONLY_CURVES


def _layout_items(objects: Iterable[LTItem]) -> Iterable[LTItem]:
    """Every object of a layout, figures' contents in place of the figures."""
    for obj in objects:
        if isinstance(obj, LTContainer) and not isinstance(obj, LTChar):
            yield from _layout_items(obj)
        else:
            yield obj


def _layout_chars(objects: Iterable[LTItem]) -> Iterable[LTChar]:
    """The characters of a layout, in pdfplumber's order (figures' contents in place)."""
    return (obj for obj in _layout_items(objects) if isinstance(obj, LTChar))


def build_lines(words: Iterable[Word], page: int) -> list[Line]:
    """Group words into rows by vertical overlap, then split rows into column segments."""
    found: list[list[Word]] = []
    spans: list[list[float]] = []  # each row's top and bottom, kept as words join it
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        for i in range(len(found) - 1, max(len(found) - 5, -1), -1):  # the last four rows
            if _same_row(spans[i], word):
                found[i].append(word)
                spans[i] = [min(spans[i][0], word.top), max(spans[i][1], word.bottom)]
                break
        else:
            found.append([word])
            spans.append([word.top, word.bottom])
    order = sorted(range(len(found)), key=lambda i: spans[i][0])
    rows = [sorted(found[i], key=lambda w: w.x0) for i in order]
    starts = column_starts(rows)
    return [seg for row in rows for seg in _segments(row, page, starts)]


def _same_row(span: list[float], word: Word) -> bool:
    """Whether ``word`` overlaps a row (its top and bottom) by half the lower height."""
    top, bottom = span
    overlap = min(bottom, word.bottom) - max(top, word.top)
    height = min(bottom - top, word.bottom - word.top) or 1.0
    return overlap / height >= 0.5


def column_starts(rows: list[list[Word]]) -> set[int]:
    """x positions where text columns begin: many rows start a word there, at the row's
    start or after a wide gap. Justified prose spreads its gaps at random and never aligns."""
    counts: Counter[int] = Counter()
    for row in rows:
        xs = {round(row[0].x0)}
        xs.update(round(w.x0) for p, w in zip(row, row[1:], strict=False) if w.x0 - p.x1 > p.size)
        counts.update(xs)
    window = range(-COLUMN_SNAP, COLUMN_SNAP + 1)
    return {x for x in counts if sum(counts.get(x + d, 0) for d in window) >= COLUMN_MIN_ROWS}


def _segments(row: list[Word], page: int, starts: set[int]) -> list[Line]:
    segments: list[list[Word]] = [[row[0]]]
    for prev, word in zip(row, row[1:], strict=False):
        gap = word.x0 - prev.x1
        size = max(prev.size, word.size)
        at_column = gap > size and round(word.x0) in starts
        if gap > COLUMN_GAP_EM * size or at_column:
            segments.append([word])
        else:
            segments[-1].append(word)
    return [Line(words=tuple(seg), page=page) for seg in segments]
