"""Read a born-digital PDF's text layer with PDFium: the fast path of ingest.

pdfplumber (``reader.py``) builds a Python object with every attribute of every glyph, line
and curve through pdfminer; that is nine tenths of the time of ingesting a letter. PDFium
keeps the layout in C: here one call fetches a page's text, two more per character fetch its
box and the text object it belongs to, and each text object is asked once for its font and
size. The characters then go through the same word extractor and line builder as
pdfplumber's, so zoning, metadata and paragraphs see the same records.

Where PDFium may read a page differently from pdfplumber, the page is *doubtful*: turned
pages or text, characters without a Unicode mapping, characters outside the Basic
Multilingual Plane, or text objects PDFium finds but no characters. ``auto`` reads doubtful
pages (and files PDFium cannot open) with pdfplumber, the reference reader; ``pdfium`` reads
everything PDFium can open itself. docs/readers.md lists the differences that remain.
"""

from __future__ import annotations

import ctypes
import struct
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS

from analysis.ingest import reader
from analysis.ingest.reader import BOLD_FONT, IngestError, build_lines
from analysis.ingest.records import Document, Page
from analysis.ingest.words import Char, upright_words

# PDFium marks a hyphen that ends a line with these (per character 0x02, in the page text
# U+FFFE); pdfminer gives "-".
LINE_END_HYPHENS = frozenset((0x02, 0xFFFE))
# PDFium reports boxes in single precision (595.2756 comes back as 595.2755737); pdfplumber
# reads the PDF's decimals. Four decimals restore what a PDF writes.
BOX_DECIMALS = 4
GENERATED_BREAKS = frozenset((0x0A, 0x0D))
# Blanks PDFium may have inserted itself (pdfminer knows only the PDF's own characters).
SKIPPED = GENERATED_BREAKS | {0x20, 0}
# Codes that a character without Unicode mapping may come out as: controls, private use,
# the replacement character. Others are checked once per text object.
SUSPICIOUS = frozenset(range(0x20)) - LINE_END_HYPHENS | set(range(0xE000, 0xF900)) | {0xFFFD}
SURROGATES = range(0xD800, 0xE000)
FONT_NAME_BYTES = 256
# PDFium is not thread-safe: threads of one process (a Dask worker's) take turns.
PDFIUM_LOCK = threading.RLock()


def _native(name: str, restype: type | None) -> Callable:
    """A PDFium function called without argument conversion: pypdfium2's typed wrappers
    check and convert every argument, which costs more than the call itself when made per
    glyph. Arguments must be ctypes objects (handles as ``c_void_p``, ``byref`` buffers) or
    ints that fit a C int."""
    address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype)(address)


_INT = ctypes.c_int
_get_text = _native("FPDFText_GetText", _INT)
_char_box = _native("FPDFText_GetLooseCharBox", _INT)
_text_object = _native("FPDFText_GetTextObject", ctypes.c_void_p)
_is_generated = _native("FPDFText_IsGenerated", _INT)
_map_error = _native("FPDFText_HasUnicodeMapError", _INT)
_font_size = _native("FPDFText_GetFontSize", ctypes.c_double)
_char_matrix = _native("FPDFText_GetMatrix", _INT)
_char_origin = _native("FPDFText_GetCharOrigin", _INT)
_object_font = _native("FPDFTextObj_GetFont", ctypes.c_void_p)
_font_name = _native("FPDFFont_GetBaseFontName", ctypes.c_ulong)
_font_embedded = _native("FPDFFont_GetIsEmbedded", _INT)
_font_descent = _native("FPDFFont_GetDescent", _INT)


class Style(NamedTuple):
    """What the characters of one text object share."""

    size: float  # as drawn: the font size times the text's vertical scale
    fontname: str
    bottom: float  # of every character's box, from the top of the MediaBox


class Doubtful(Exception):
    """PDFium may read this page differently from pdfplumber (the reason is the message)."""


def read_pdf_fast(
    path: Path, display_name: str, max_pages: int = 2000, max_mb: float = 0, fallback: bool = True
) -> Document:
    """Read ``path`` like ``reader.read_pdf`` with PDFium. With ``fallback``, doubtful pages
    and files PDFium cannot open are read by pdfplumber, whose errors then apply."""
    reader.check_file(path, display_name, max_mb)
    pages = _pdfium_pages(path, display_name, max_pages, fallback)
    if pages is None:  # the whole file is pdfplumber's, read outside PDFium's lock
        return reader.read_pdf(path, display_name, max_pages, max_mb)
    if any(page is None for page in pages):
        pages = _fill_doubtful(path, display_name, pages)
    return Document(pages=tuple(pages))


def _pdfium_pages(
    path: Path, display_name: str, max_pages: int, fallback: bool
) -> list[Page | None] | None:
    """The pages PDFium reads (None for a doubtful one); None for a file that, with
    ``fallback``, pdfplumber shall read: one PDFium cannot open, or whose page tree claims
    more pages than the limit (PDFium takes the claimed count, pdfplumber counts them)."""
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            if fallback:
                return None
            raise _open_error(exc, display_name) from exc
        try:
            if len(pdf) > max_pages:
                if fallback:
                    return None
                detail = f"has more than {max_pages} pages, the limit (`--max-pages`)"
                raise IngestError("too_large", display_name, detail)
            return [_page_or_none(pdf, index, fallback, display_name) for index in range(len(pdf))]
        finally:
            pdf.close()


def _open_error(exc: pdfium.PdfiumError, display_name: str) -> IngestError:
    if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
        return IngestError("encrypted", display_name)
    return IngestError("damaged", display_name, f"PDFium: {exc}")


def _page_or_none(
    pdf: pdfium.PdfDocument, index: int, fallback: bool, display_name: str
) -> Page | None:
    """Page ``index`` read by PDFium; None when it is doubtful (or PDFium cannot load it)
    and pdfplumber shall read it."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        if fallback:
            return None
        raise IngestError("damaged", display_name, f"PDFium: page {index + 1}: {exc}") from exc
    try:
        return read_page(page, index + 1, strict=fallback)
    except Doubtful:
        return None
    finally:
        page.close()


def _fill_doubtful(path: Path, display_name: str, pages: list[Page | None]) -> list[Page]:
    """The doubtful pages (None) read by pdfplumber, the others kept."""
    wanted = [n for n, page in enumerate(pages) if page is None]
    plumber = reader.read_pages(path, display_name, wanted)
    return [page if page is not None else plumber[n] for n, page in enumerate(pages)]


def read_page(page: pdfium.PdfPage, number: int, strict: bool = True) -> Page:
    """One page's records; with ``strict``, raise Doubtful where pdfplumber may differ.
    Without it, a turned page is read as it is stored, not as it is shown, and turned text
    as if it were upright."""
    rotation = page.get_rotation()
    if strict and rotation:
        raise Doubtful(f"page turned by {rotation}°")
    x0, y0, x1, y1 = (round(edge, BOX_DECIMALS) for edge in page.get_mediabox())
    (left, right), (bottom, top) = sorted((x0, x1)), sorted((y0, y1))  # as pdfplumber does
    height = round(top - bottom, BOX_DECIMALS)
    textpage = page.get_textpage()
    try:
        chars = page_chars(textpage, height, strict)
    finally:
        textpage.close()
    records = upright_words(chars, BOLD_FONT)
    return Page(
        number=number,
        width=round(right - left, BOX_DECIMALS),
        height=height,
        lines=tuple(build_lines(records, number)),
        text_only=draws_only_text(page),
    )


def page_chars(textpage: pdfium.PdfTextPage, height: float, strict: bool) -> list[Char]:
    """The page's characters placed as pdfplumber places them (``reader.page_chars``):
    x from the left edge, top and bottom from the top of the MediaBox, a box as high as the
    font size from the font's descent, as pdfminer draws it."""
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p)
    count = textpage.count_chars()
    codes = _codes(textpage, count)
    if strict and any(code in SURROGATES for code in codes):
        raise Doubtful("characters outside the Basic Multilingual Plane")
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    box_at, unpack = ctypes.byref(box), struct.Struct("4f").unpack_from
    styles: dict[int, Style] = {}
    last_obj, style = None, Style(0.0, "", 0.0)
    chars = []
    for index, code in enumerate(codes):
        if code in SKIPPED and (code in GENERATED_BREAKS or _is_generated(handle, index)):
            # PDFium may drop a space the PDF draws and mark the gap with a space of its
            # own: that still ends the word, as the drawn space does in pdfplumber.
            if code == 0x20 and chars and not chars[-1][0].isspace():
                _, _, x1, top, bottom, size, fontname = chars[-1]
                chars.append((" ", x1, x1, top, bottom, size, fontname))
            continue
        obj = _text_object(handle, index)
        if obj != last_obj:
            if not obj:
                continue
            last_obj, style = obj, styles.get(obj) or _style(handle, index, obj, strict, height)
            styles[obj] = style
        if strict and code in SUSPICIOUS and _map_error(handle, index):
            raise Doubtful("a character without Unicode")
        _char_box(handle, index, box_at)
        left, _, right, _ = unpack(box)
        size, bottom = style.size, style.bottom
        text = "-" if code in LINE_END_HYPHENS else chr(code)
        chars.append((text, left, right, bottom - size, bottom, size, style.fontname))
    if strict and count and not chars:
        raise Doubtful("text objects without readable characters")
    return chars


def _codes(textpage: pdfium.PdfTextPage, count: int) -> list[int]:
    """The UTF-16 code units of the page's characters, one per character index."""
    if not count:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    _get_text(ctypes.cast(textpage.raw, ctypes.c_void_p), 0, count, ctypes.byref(buffer))
    return buffer[:count]


def _style(handle: ctypes.c_void_p, index: int, obj: int, strict: bool, height: float) -> Style:
    """Size, font name and box bottom of the text object that character ``index`` is in:
    one text object shows its characters on one baseline. With ``strict``, raise Doubtful
    for turned text and for a font without Unicode mapping (its first character tells: a
    font either has a mapping or lacks it)."""
    matrix = raw.FS_MATRIX()
    _char_matrix(handle, index, ctypes.byref(matrix))
    if strict and not (matrix.a * matrix.d > 0 and matrix.b == 0 and matrix.c <= 0):
        raise Doubtful("turned text")
    if strict and _map_error(handle, index):
        raise Doubtful("a character without Unicode")
    # PDFium gives the size set by Tf; pdfminer's is the height drawn on the page.
    size = _font_size(handle, index) * abs(matrix.d)
    x, y = ctypes.c_double(), ctypes.c_double()
    _char_origin(handle, index, ctypes.byref(x), ctypes.byref(y))
    font = ctypes.c_void_p(_object_font(ctypes.c_void_p(obj)))
    name = ctypes.create_string_buffer(FONT_NAME_BYTES)
    named = font and _font_name(font, name, FONT_NAME_BYTES)
    fontname = name.value.decode("latin-1") if named else ""
    return Style(size, fontname, height - y.value - _descent(font, fontname) * size)


def _descent(font: ctypes.c_void_p, fontname: str) -> float:
    """The font's descent in font sizes (negative), as pdfminer draws boxes from it: the
    font descriptor's, which PDFium reads too, but for a standard font that the PDF names
    without embedding it, Adobe's metrics (PDFium's are those of the font it substitutes).
    PDFium's own loose boxes use other heights for composite fonts."""
    metrics = FONT_METRICS.get(fontname)
    if metrics is not None and not _font_embedded(font):
        return metrics[0].get("Descent", 0.0) / 1000
    descent = ctypes.c_float()
    if not font or not _font_descent(font, ctypes.c_float(1000.0), ctypes.byref(descent)):
        return 0.0
    return descent.value / 1000


def draws_only_text(page: pdfium.PdfPage) -> bool:
    """Whether a page holds no image and no more than a few curves, as
    ``reader.draws_only_text`` decides it from pdfminer's layout."""
    curves = 0
    for obj in page.get_objects(max_depth=15):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            return False
        if obj.type == raw.FPDF_PAGEOBJ_PATH:
            curves += _curves(obj.raw)
            if curves > reader.MAX_TEXT_ONLY_CURVES:
                return False
    return True


def _curves(path: object) -> int:
    """The subpaths of a path that pdfminer would make curves: neither a straight line
    (two points) nor a rectangle (an axis-parallel closed four-corner path)."""
    curves = 0
    subpath: list[tuple[int, float, float, bool]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        kind = raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        if kind == raw.FPDF_SEGMENT_MOVETO and subpath:
            curves += not _line_or_rect(subpath)
            subpath = []
        subpath.append((kind, x.value, y.value, bool(raw.FPDFPathSegment_GetClose(segment))))
    if subpath:
        curves += not _line_or_rect(subpath)
    return curves


def _line_or_rect(subpath: list[tuple[int, float, float, bool]]) -> bool:
    if any(kind == raw.FPDF_SEGMENT_BEZIERTO for kind, *_ in subpath):
        return False
    points = [(x, y) for _, x, y, _ in subpath]
    if len(points) == 2:
        return True
    if len(points) == 5 and points[4] == points[0]:
        points = points[:4]
    if len(points) != 4:
        return False
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    )
