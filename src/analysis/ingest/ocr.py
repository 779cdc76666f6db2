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
from PIL import Image

from analysis.ingest.pdfium_reader import PDFIUM_LOCK
from analysis.ingest.reader import build_lines
from analysis.ingest.records import Document, Line, Page, Word

TESSERACT = "tesseract"
MODES = ("off", "auto", "force")
DEFAULT_DPI = 300
DEFAULT_PSM = 3
DEFAULT_TIMEOUT = 120.0
# Tesseract's word confidence (0-100); below this a "word" is mostly speckle or a signature.
MIN_CONFIDENCE = 30.0
# A text layer with fewer letters than this between the top and bottom margins, or with this
# small a share of letters among its characters, is a stamp, a header a records system added
# to a scan, a page number or an unmapped font: the page needs OCR.
MIN_TEXT_LETTERS = 20
MIN_LETTER_SHARE = 0.3
MARGIN_SHARE = 0.1
# In auto mode OCR replaces a page's text layer only when it reads this many times as many
# letters: a short but real text page (a closing, a distribution list) keeps its text layer.
OCR_GAIN = 2
# Scans lie askew by a degree or two; a steeper "line" is vertical text (tan 5° ≈ 0.09).
MAX_SKEW = 0.09
# Rendering is capped at this many pixels, so an oversized page cannot exhaust memory.
MAX_PIXELS = 40_000_000
_TOO_LARGE = (
    "{}: the page measures {:g} × {:g} points, too large to render for OCR (an A4 page is "
    "595 × 842). Check the file; request a copy with normal page sizes."
)
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
# Ink boxes of scanned glyphs outgrow the font's outlines a little: rendered DejaVu text
# measures 1 % large at 300 dpi, the dev corpus's 150-dpi scans 1-4 % large.
SIZE_CALIBRATION = 0.98
# A line within this share of the page's body size is body text: a page uses few sizes, and
# zoning tells body from other text by nearly equal sizes, as a text layer gives them.
BODY_SNAP = 0.045
CID = re.compile(r"\(cid:\d+\)")
# Grey levels darker than this are ink (a lookup table for PIL's Image.point).
INK = [255 if level < 140 else 0 for level in range(256)]


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
    """Whether a page lacks a usable text layer: nothing, a stamp, header or page number, or
    garbage."""
    chars = _visible_chars(page.lines)
    letters = sum(c.isalpha() for c in chars)
    low, high = MARGIN_SHARE * page.height, (1 - MARGIN_SHARE) * page.height
    inner = [line for line in page.lines if low < (line.top + line.bottom) / 2 < high]
    inner_letters = sum(c.isalpha() for c in _visible_chars(inner))
    garbage = letters < MIN_LETTER_SHARE * len(chars)
    # Few letters on a page that draws nothing but text (a last page holding only the
    # closing and signature): OCR would only read the same few letters again.
    sparse = inner_letters < MIN_TEXT_LETTERS and not (page.text_only and page.lines)
    return garbage or sparse


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
    """Replace pages by their OCR: none (``off``), those that ``needs_ocr`` (``auto``; a page
    keeps its text layer unless OCR reads OCR_GAIN times as many letters) or all (``force``).
    Raises OcrUnavailable when a page needs OCR and Tesseract cannot run, OcrError when it
    fails on a page."""
    targets = ocr_targets(doc, mode)
    if not targets:
        return doc
    if not ocr_available(lang):
        raise OcrUnavailable(lang, Path(pdf_path).name)
    read = {n: ocr_page(pdf_path, n, lang, dpi, psm=psm, timeout=timeout) for n in targets}
    return merge_ocr(doc, read, mode)


def ocr_targets(doc: Document, mode: str) -> list[int]:
    """The numbers of the pages that ``mode`` OCRs."""
    if mode not in MODES:
        raise ValueError(f"OCR mode must be one of {MODES}, not {mode!r}")
    return [p.number for p in doc.pages if mode == "force" or (mode == "auto" and needs_ocr(p))]


def merge_ocr(doc: Document, read: dict[int, Page], mode: str) -> Document:
    """``doc`` with its pages replaced by their OCR in ``read`` (page number → page); in
    ``auto`` a page keeps its text layer unless OCR reads OCR_GAIN times as many letters."""
    pages = []
    for page in doc.pages:
        if page.number in read:
            ocr = read[page.number]
            keep = mode == "auto" and _letters(ocr) <= OCR_GAIN * _letters(page)
            page = page if keep else replace(ocr, width=page.width, height=page.height)
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
        path = Path(tmp) / "page.png"
        frame, image = _render(pdf_path, page_number, dpi, path, label)
        tsv = _tesseract(path, lang, psm, frame.dpi, timeout, label)
    keyed = _parse_tsv(tsv, frame, image)
    sized = _estimate_sizes([w for _, w in keyed])
    words = _level_rows([(key, w) for (key, _), w in zip(keyed, sized, strict=True)])
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


def _render(
    pdf_path: Path, page_number: int, dpi: int, target: Path, label: str
) -> tuple[_Frame, Image.Image]:
    try:
        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(pdf_path)
            try:
                if not 1 <= page_number <= len(pdf):
                    raise ValueError(f"{label}: the PDF has {len(pdf)} pages")
                page = pdf[page_number - 1]
                frame = _frame(page, dpi)
                if frame.dpi < 1:
                    size = _TOO_LARGE.format(label, frame.width, frame.height)
                    raise OcrError("too_large", size)
                image = page.render(scale=1 / frame.scale, grayscale=True).to_pil()
            finally:
                pdf.close()
        image.save(target, dpi=(frame.dpi, frame.dpi), compress_level=1)
        return frame, image
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
    scale = 72 / used if used else math.inf  # used 0: not even 1 dpi fits MAX_PIXELS
    return _Frame(width, height, left + shift_x, top + shift_top, scale, used)


def _box(raw: Iterable[float]) -> tuple[float, float, float, float]:
    # pdfium reports single-precision floats: 420.12 comes back as 420.1199951.
    x0, y0, x1, y1 = (round(v, 3) for v in raw)
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


def _parse_tsv(tsv: str, frame: _Frame, image: Image.Image) -> list[tuple[str, Word]]:
    """Tesseract's word rows (level 5) → (its line's id, Word in points); unsure and empty
    words are dropped."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cells[11].strip())
        if not text or float(cells[10]) < MIN_CONFIDENCE:
            continue
        ink = _ink_box(image, cells[6:10])
        box = (o + v * frame.scale for o, v in zip((frame.left, frame.top) * 2, ink, strict=True))
        words.append(("/".join(cells[2:5]), Word(text, *box, size=0.0)))
    return words


def _ink_box(image: Image.Image, cells: list[str]) -> tuple[int, int, int, int]:
    """A word's box in pixels, shrunk to the ink inside it: Tesseract's LSTM engine sometimes
    gives the first word of a line the whole line's height, which would inflate its size."""
    left, top, width, height = (int(c) for c in cells)
    box = left, top, left + width, top + height
    ink = image.crop(box).point(INK).getbbox()
    return (left + ink[0], top + ink[1], left + ink[2], top + ink[3]) if ink else box


def _level_rows(keyed: list[tuple[str, Word]]) -> list[Word]:
    """Undo a scan's skew row by row: shift words up or down so that each of Tesseract's lines
    runs level through its middle. Otherwise the ends of neighbouring lines overlap and the
    row grouping interleaves their words."""
    lines: dict[str, list[Word]] = {}
    for key, word in keyed:
        lines.setdefault(key, []).append(word)
    slope = _skew(lines.values())
    level = []
    for words in lines.values():
        middle = (min(w.x0 for w in words) + max(w.x1 for w in words)) / 2
        for w in words:
            dy = -slope * ((w.x0 + w.x1) / 2 - middle)
            top, bottom = round(w.top + dy, 2), round(w.bottom + dy, 2)
            level.append(replace(w, x0=round(w.x0, 2), top=top, x1=round(w.x1, 2), bottom=bottom))
    return level


def _skew(lines: Iterable[list[Word]]) -> float:
    """The page's skew (points down per point right): the median slope of the baselines of
    lines with at least three words, taken from the bottoms of words without descenders.
    Steeper lines are vertical text or table columns, not skew."""
    slopes = []
    for words in lines:
        flat = [w for w in words if not any(c in DESCENDERS for c in w.text)]
        xs = [(w.x0 + w.x1) / 2 for w in flat]
        if len(flat) >= 3 and max(xs) - min(xs) > 0:
            slope = statistics.linear_regression(xs, [w.bottom for w in flat]).slope
            if abs(slope) <= MAX_SKEW:
                slopes.append(slope)
    return statistics.median(slopes) if slopes else 0.0


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
    """One size per line, the median of its words (single word boxes are noisy), and the
    page's body size for lines close to it."""
    sizes = [statistics.median(w.size for w in line.words) for line in lines]
    weighted = sorted((s, len(line.text)) for s, line in zip(sizes, lines, strict=True))
    body = _weighted_median(weighted)
    smoothed = []
    for size, line in zip(sizes, lines, strict=True):
        size = round(body if abs(size - body) <= BODY_SNAP * body else size, 1)
        smoothed.append(Line(tuple(replace(w, size=size) for w in line.words), line.page))
    return smoothed


def _weighted_median(pairs: list[tuple[float, int]]) -> float:
    """The value at half the total weight of sorted (value, weight) pairs."""
    half, seen = sum(w for _, w in pairs) / 2, 0
    for value, weight in pairs:
        seen += weight
        if seen >= half:
            return value
    return 0.0


def _visible_chars(lines: Iterable[Line]) -> str:
    """The characters of lines without spaces; an unmapped glyph ``(cid:12)`` counts as one."""
    return "".join(CID.sub("\ufffd", line.text).replace(" ", "") for line in lines)


def _letters(page: Page) -> int:
    return sum(c.isalpha() for c in _visible_chars(page.lines))
