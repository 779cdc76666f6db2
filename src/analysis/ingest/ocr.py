"""Text layer for image-only pages: render with pypdfium2, read with the Tesseract CLI.

OCR output becomes the reader's own Word/Line/Page records, in pdfplumber's coordinates (PDF
points, origin at the top left of the rotated MediaBox), so zoning works on scans unchanged.
"""

from __future__ import annotations

import functools
import math
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium

from analysis.ingest.reader import build_lines
from analysis.ingest.records import Document, Line, Page, Word

TESSERACT = "tesseract"
MODES = ("off", "auto", "force")
DEFAULT_DPI = 300
DEFAULT_PSM = 3
DEFAULT_TIMEOUT = 120.0
# Tesseract's word confidence (0-100); below this a "word" is mostly speckle or a signature.
MIN_CONFIDENCE = 30.0
# A text layer with fewer letters than this, or with this small a share of letters among its
# characters, is a stamp, a page number or an unmapped font: the page needs OCR.
MIN_TEXT_LETTERS = 20
MIN_LETTER_SHARE = 0.5
# Rendering is capped at this many pixels, so an oversized page cannot exhaust memory.
MAX_PIXELS = 40_000_000
INSTALL_HINT = (
    "Install Tesseract with German language data: `apt-get install tesseract-ocr "
    "tesseract-ocr-deu` (Debian/Ubuntu); with conda: `conda install -c conda-forge tesseract` "
    "and put deu.traineddata (tessdata) into the folder named by TESSDATA_PREFIX."
)

# Glyph extents above and below the baseline as a share of the font size (measured on DejaVu
# Sans/Serif, the fonts of the dev corpus; Arial and Times differ by under 10 %). A word box is
# as high as its tallest top plus its deepest descender, so size = height / (top + bottom).
CAP_TOP, ACCENT_CAP_TOP, ASCENDER_TOP, T_TOP, X_TOP = 0.73, 0.91, 0.76, 0.70, 0.55
TALL_MARKS = set("§/()[]{}|'\"?!%&#@$€“”«»*")
DESCENDERS = {**dict.fromkeys("gjpqyµç", 0.21), **dict.fromkeys("()[]{}|/§,;„‚Q", 0.12)}
ASCENDERS = set("bdfhklß")
# Tesseract's boxes sit about a pixel outside the glyphs; calibrated on rendered DejaVu text.
SIZE_CALIBRATION = 1.0
CID = re.compile(r"\(cid:\d+\)")


class OcrError(Exception):
    """OCR of a page failed; ``kind`` is the data contract's ``error_kind``."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        self.message = message
        super().__init__(message)


class OcrUnavailable(OcrError):
    """The tesseract binary or its language data is missing."""

    def __init__(self, lang: str = "deu", file: str = "") -> None:
        where = f"{file}: " if file else ""
        super().__init__(
            "no_text",
            f"{where}OCR is needed but Tesseract with language '{lang}' is not available. "
            + INSTALL_HINT,
        )


@functools.cache
def ocr_available(lang: str = "deu") -> bool:
    """Whether the tesseract binary is on PATH and knows ``lang`` (checked once per process)."""
    if shutil.which(TESSERACT) is None:
        return False
    try:
        done = subprocess.run(
            [TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    # The first line names the tessdata folder; the languages follow one per line.
    return lang in done.stdout.split()[1:] if done.returncode == 0 else False


def needs_ocr(page: Page) -> bool:
    """Whether a page lacks a usable text layer: nothing, a stamp or page number, or garbage."""
    chars = _visible_chars(page)
    letters = sum(c.isalpha() for c in chars)
    return letters < MIN_TEXT_LETTERS or letters < MIN_LETTER_SHARE * len(chars)


def ocr_document(
    pdf_path: Path,
    doc: Document,
    mode: str,
    lang: str = "deu",
    dpi: int = DEFAULT_DPI,
    *,
    psm: int = DEFAULT_PSM,
    timeout: float = DEFAULT_TIMEOUT,
) -> Document:
    """Replace pages by their OCR: none (``off``), those that ``needs_ocr`` (``auto``) or all
    (``force``). Raises OcrUnavailable when a page needs OCR and Tesseract cannot run."""
    if mode not in MODES:
        raise ValueError(f"OCR mode must be one of {MODES}, not {mode!r}")
    targets = {p.number for p in doc.pages if mode == "force" or (mode == "auto" and needs_ocr(p))}
    if not targets:
        return doc
    if not ocr_available(lang):
        raise OcrUnavailable(lang, Path(pdf_path).name)
    pages = []
    for page in doc.pages:
        if page.number in targets:
            read = ocr_page(pdf_path, page.number, lang, dpi, psm=psm, timeout=timeout)
            # In auto mode a blank scan keeps its few text-layer words (a stamp, a number).
            keep = mode == "auto" and _letters(page) > _letters(read)
            page = page if keep else read
        pages.append(page)
    return Document(pages=tuple(pages), meta=doc.meta)


def ocr_page(
    pdf_path: Path,
    page_number: int,
    lang: str = "deu",
    dpi: int = DEFAULT_DPI,
    *,
    psm: int = DEFAULT_PSM,
    timeout: float = DEFAULT_TIMEOUT,
) -> Page:
    """OCR one page (1-based) into a Page of Word/Line records with ``ocr=True``."""
    pdf_path = Path(pdf_path)
    label = f"{pdf_path.name}, page {page_number}"
    with tempfile.TemporaryDirectory(prefix="statements-ocr-") as tmp:
        image = Path(tmp) / "page.png"
        frame = _render(pdf_path, page_number, dpi, image, label)
        tsv = _tesseract(image, lang, psm, frame.dpi, timeout, label)
    words = _estimate_sizes(_parse_tsv(tsv, frame))
    lines = _smooth_sizes(build_lines(words, page_number))
    return Page(page_number, frame.width, frame.height, tuple(lines), ocr=True)


@dataclass(frozen=True)
class _Frame:
    """Where a rendered image lies on the page, in pdfplumber's coordinates."""

    width: float
    height: float
    left: float
    top: float
    scale: float  # points per pixel
    dpi: int


def _render(pdf_path: Path, page_number: int, dpi: int, target: Path, label: str) -> _Frame:
    try:
        pdf = pdfium.PdfDocument(pdf_path)
        try:
            if not 1 <= page_number <= len(pdf):
                raise ValueError(f"{label}: the PDF has {len(pdf)} pages")
            page = pdf[page_number - 1]
            frame = _frame(page, dpi)
            bitmap = page.render(scale=1 / frame.scale, grayscale=True)
            bitmap.to_pil().save(target, dpi=(frame.dpi, frame.dpi), compress_level=1)
            return frame
        finally:
            pdf.close()
    except (pdfium.PdfiumError, OSError) as exc:
        message = f"{label}: the page could not be rendered for OCR ({exc})."
        raise OcrError("damaged", message) from exc


def _frame(page: pdfium.PdfPage, dpi: int) -> _Frame:
    """The rendered crop box placed in pdfplumber's frame: the MediaBox turned by /Rotate,
    origin at its top left, shifted by the MediaBox origin as pdfplumber does."""
    rotation = page.get_rotation() % 360
    media = _box(page.get_mediabox())
    crop = _intersect(_box(page.get_cropbox()), media)
    turned = rotation in (90, 270)
    width = media[3] - media[1] if turned else media[2] - media[0]
    height = media[2] - media[0] if turned else media[3] - media[1]
    # pdfplumber swaps a turned box's axes before moving its origin; mirror that quirk.
    shift_x, shift_top = (media[1], -media[0]) if turned else (media[0], -media[1])
    corners = [_turn(x, y, media, rotation) for x in (crop[0], crop[2]) for y in (crop[1], crop[3])]
    left = min(x for x, _ in corners)
    top = height - max(y for _, y in corners)
    area = (crop[2] - crop[0]) * (crop[3] - crop[1]) / 72**2
    used = min(dpi, int(math.sqrt(MAX_PIXELS / area))) if area > 0 else dpi
    return _Frame(width, height, left + shift_x, top + shift_top, 72 / used, used)


def _box(raw: Iterable[float]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = raw
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _intersect(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    box = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return box if box[0] < box[2] and box[1] < box[3] else _box(b)


def _turn(x: float, y: float, media: tuple[float, ...], rotation: int) -> tuple[float, float]:
    """A point of PDF user space on the displayed page (origin bottom left), as pdfminer does."""
    x0, y0, x1, y1 = media
    return {
        0: (x - x0, y - y0),
        90: (y - y0, x1 - x),
        180: (x1 - x, y1 - y),
        270: (y1 - y, x - x0),
    }[rotation]


def _tesseract(image: Path, lang: str, psm: int, dpi: int, timeout: float, label: str) -> str:
    command = [TESSERACT, str(image), "stdout", "-l", lang, "--psm", str(psm), "--dpi", str(dpi)]
    # One thread: Tesseract's OpenMP paths are not bit-for-bit reproducible across runs.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [*command, "tsv"], capture_output=True, env=env, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(
            "timeout",
            f"{label}: OCR took longer than the limit of {timeout:g} s. Check the scan (it may "
            "be huge or mostly noise) or raise the OCR timeout.",
        ) from exc
    except OSError as exc:
        message = f"{label}: Tesseract could not be started ({exc}). {INSTALL_HINT}"
        raise OcrError("other", message) from exc
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        detail = " / ".join(lines) or "no message"
        raise OcrError(
            "other",
            f"{label}: Tesseract failed (exit {done.returncode}: {detail}). Check the scan and "
            f"the installation. {INSTALL_HINT}",
        )
    return done.stdout.decode("utf-8", "replace")


def _parse_tsv(tsv: str, frame: _Frame) -> list[Word]:
    """Tesseract's word rows (level 5) → Words in points; unsure and empty words are dropped."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue
        left, top, width, height = (int(c) for c in cells[6:10])
        text = unicodedata.normalize("NFC", cells[11].strip())
        if not text or float(cells[10]) < MIN_CONFIDENCE:
            continue
        s = frame.scale
        box = (frame.left + left * s, frame.top + top * s)
        words.append(
            Word(
                text=text,
                x0=round(box[0], 2),
                top=round(box[1], 2),
                x1=round(box[0] + width * s, 2),
                bottom=round(box[1] + height * s, 2),
                size=0.0,
            )
        )
    return words


def _estimate_sizes(words: list[Word]) -> list[Word]:
    """Font size of each word from its box height and the shapes of its letters; words of
    punctuation alone take the page's median."""
    sizes = [_size(w) for w in words]
    known = [s for s in sizes if s is not None]
    fallback = statistics.median(known) if known else 0.0
    return [replace(w, size=round(s or fallback, 1)) for w, s in zip(words, sizes, strict=True)]


def _size(word: Word) -> float | None:
    tops = [_top(c) for c in word.text]
    top = max((t for t in tops if t is not None), default=None)
    if top is None:
        return None
    bottom = max((DESCENDERS.get(c, 0.0) for c in word.text), default=0.0)
    return (word.bottom - word.top) / (top + bottom) * SIZE_CALIBRATION


def _top(char: str) -> float | None:
    """How far a character reaches above the baseline, as a share of the font size."""
    accented = unicodedata.decomposition(char) != ""
    if char.isupper():
        return ACCENT_CAP_TOP if accented else CAP_TOP
    if char.isdigit() or char in TALL_MARKS:
        return CAP_TOP
    if char.islower():
        if char in ASCENDERS or accented or char in "ij":
            return ASCENDER_TOP
        return T_TOP if char == "t" else X_TOP
    return None


def _smooth_sizes(lines: list[Line]) -> list[Line]:
    """One size per line (the median of its words): a line is set in one font size, and single
    word boxes are noisy."""
    smoothed = []
    for line in lines:
        size = round(statistics.median(w.size for w in line.words), 1)
        words = tuple(replace(w, size=size) for w in line.words)
        smoothed.append(Line(words=words, page=line.page))
    return smoothed


def _visible_chars(page: Page) -> str:
    """The page's characters without spaces; an unmapped glyph ``(cid:12)`` counts as one."""
    return "".join(CID.sub("\ufffd", line.text).replace(" ", "") for line in page.lines)


def _letters(page: Page) -> int:
    return sum(c.isalpha() for c in _visible_chars(page))
