"""OCR of image-only pages: a German letter snippet is drawn into an image at known sizes and
places, saved as an image-only PDF, and read back through Tesseract."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from analysis.ingest.ocr import (
    OcrError,
    OcrUnavailable,
    needs_ocr,
    ocr_available,
    ocr_document,
    ocr_page,
)
from analysis.ingest.reader import read_pdf
from analysis.ingest.records import Document, Line, Page, Word

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SCAN_DPI = 200
PAGE_SIZE = (420, 300)  # points: small, so that each OCR run stays under a second
TEXT_PDF = "auenberg-ba045-2021-hauptamt.pdf"

needs_tesseract = pytest.mark.skipif(
    not ocr_available(), reason="Tesseract with German data (tesseract-ocr-deu) is not installed"
)
needs_font = pytest.mark.skipif(not FONT.exists(), reason=f"the test font {FONT} is missing")


@dataclass(frozen=True)
class Drawn:
    """A line drawn into the scan: its text, left edge and baseline (points), size (pt)."""

    text: str
    x: float
    baseline: float
    size: float


SNIPPET = (
    Drawn("Stadt Chemnitz", 36, 40, 16),
    Drawn("Stellungnahme zum Beschlussantrag BA-090/2020", 36, 80, 11),
    Drawn("Chemnitz, den 10.08.2020", 36, 100, 11),
    Drawn("die Änderung der Straßenbahnlinie begrüßen wir.", 36, 135, 11),
    Drawn("Für Fußgänger ist die Überquerung schwierig.", 36, 152, 11),
    Drawn("Mit freundlichen Grüßen", 36, 185, 11),
    Drawn("Rathaus Chemnitz, Markt 1", 36, 270, 8),
)


def draw_snippet() -> Image.Image:
    """SNIPPET as a grey image of the page at SCAN_DPI."""
    px = SCAN_DPI / 72
    image = Image.new("L", (round(PAGE_SIZE[0] * px), round(PAGE_SIZE[1] * px)), 255)
    pen = ImageDraw.Draw(image)
    for line in SNIPPET:
        font = ImageFont.truetype(str(FONT), round(line.size * px))
        pen.text((line.x * px, line.baseline * px), line.text, font=font, fill=0, anchor="ls")
    return image


def draw_scan(target: Path, turn: int = 0) -> Path:
    """Save SNIPPET as an image-only PDF; with ``turn``, the image is stored turned back and
    the page carries /Rotate ``turn``, so that it displays the same."""
    draw_snippet().rotate(turn, expand=True).save(target, "PDF", resolution=SCAN_DPI)
    if turn:
        pdf = pdfium.PdfDocument(target)
        pdf[0].set_rotation(turn)
        pdf.save(target.with_suffix(".tmp"))
        pdf.close()
        target.with_suffix(".tmp").replace(target)
    return target


def draw_pdf(
    target: Path,
    texts: list[tuple[str, float]],
    scan: bool = False,
    blank_image: bool = False,
    curves: int = 0,
) -> Path:
    """A PDF with a real text layer: each text at 10 pt, ``(text, baseline from the top)``,
    drawn over the SNIPPET scan if ``scan``, beside a small white image if ``blank_image``,
    with ``curves`` small circles (as text drawn as outlines has)."""
    pdf = canvas.Canvas(str(target), pagesize=PAGE_SIZE)
    if scan:
        pdf.drawImage(ImageReader(draw_snippet()), 0, 0, width=PAGE_SIZE[0], height=PAGE_SIZE[1])
    if blank_image:
        pdf.drawImage(ImageReader(Image.new("L", (200, 60), 255)), 36, 600, width=150, height=45)
    for i in range(curves):
        pdf.circle(40 + 8 * (i % 60), 400 - 8 * (i // 60), 3)
    pdf.setFont("Helvetica", 10)
    for text, baseline in texts:
        pdf.drawString(36, PAGE_SIZE[1] - baseline, text)
    pdf.save()
    return target


def drawn_size(line: Drawn) -> float:
    """The size really drawn: the font's pixel size is rounded to whole pixels."""
    return round(line.size * SCAN_DPI / 72) * 72 / SCAN_DPI


def found(page: Page, text: str) -> Line:
    return next(line for line in page.lines if line.text == text)


def text_page(*texts: str, top: float = 300) -> Page:
    """An A4 text-layer page with one line per text, the first at ``top``."""
    lines = tuple(
        Line(words=(Word(t, 50, top + 12 * i, 300, top + 10 + 12 * i, 10.0),), page=1)
        for i, t in enumerate(texts)
    )
    return Page(number=1, width=595, height=842, lines=lines)


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory) -> Path:
    if not FONT.exists():
        pytest.skip(f"the test font {FONT} is missing")
    return draw_scan(tmp_path_factory.mktemp("ocr") / "scan.pdf")


@pytest.fixture(scope="module")
def scan_page(scan_pdf) -> Page:
    if not ocr_available():
        pytest.skip("Tesseract with German data is not installed")
    return ocr_page(scan_pdf, 1)


@pytest.fixture(scope="module")
def text_doc(dev_pdf_dir) -> Document:
    return read_pdf(dev_pdf_dir / TEXT_PDF, TEXT_PDF)


# ------------------------------------------------------------------------- needs_ocr


@needs_font
def test_a_scanned_page_does_not_draw_only_text(scan_pdf):
    assert not read_pdf(scan_pdf, "scan.pdf").pages[0].text_only


def test_image_only_page_needs_ocr(scan_pdf):
    doc = read_pdf(scan_pdf, "scan.pdf")
    assert needs_ocr(doc.pages[0])


def test_page_with_only_a_stamp_needs_ocr():
    assert needs_ocr(text_page("Eingang 12.03.2021", "Seite 1"))


def test_page_with_text_only_in_the_top_margin_needs_ocr():
    assert needs_ocr(text_page("Eingegangen am 12.03.2021 beim Stadtrat Chemnitz", top=20))


def test_page_of_unmapped_glyphs_needs_ocr():
    assert needs_ocr(text_page("(cid:12)(cid:7)(cid:44)(cid:3)" * 10, "!§$%&/()=?*+#" * 3))


def test_page_of_german_prose_does_not_need_ocr():
    assert not needs_ocr(text_page("Sehr geehrte Damen und Herren,", "wir begrüßen den Antrag."))


def test_text_layer_pdf_does_not_need_ocr(text_doc):
    assert not any(needs_ocr(page) for page in text_doc.pages)


# ---------------------------------------------------------------------- ocr_document


@needs_font
def test_mode_off_leaves_document_unchanged(scan_pdf):
    doc = read_pdf(scan_pdf, "scan.pdf")
    assert ocr_document(scan_pdf, doc, "off") is doc


def test_auto_mode_keeps_text_layer_document(dev_pdf_dir, text_doc):
    assert ocr_document(dev_pdf_dir / TEXT_PDF, text_doc, "auto") is text_doc


@needs_font
def test_unknown_mode_is_rejected(scan_pdf):
    with pytest.raises(ValueError, match="mode"):
        ocr_document(scan_pdf, read_pdf(scan_pdf, "scan.pdf"), "sometimes")


@needs_font
def test_missing_language_data_says_how_to_install(scan_pdf):
    doc = read_pdf(scan_pdf, "scan.pdf")
    with pytest.raises(OcrUnavailable, match="apt-get install tesseract-ocr tesseract-ocr-deu"):
        ocr_document(scan_pdf, doc, "force", lang="xx_no_such_language")


@needs_tesseract
def test_auto_mode_reads_image_only_page(scan_pdf):
    read = read_pdf(scan_pdf, "scan.pdf")
    page = ocr_document(scan_pdf, read, "auto").pages[0]
    assert page.ocr
    assert (page.width, page.height) == (read.pages[0].width, read.pages[0].height)
    assert "Mit freundlichen Grüßen" in [line.text for line in page.lines]


CLOSING = [("Viele Grüße", 20), ("Mandy Reichelt", 60)]


def test_a_short_page_that_draws_only_text_is_not_sent_to_ocr(tmp_path):
    """A last page with only the closing and signature: OCR could not read more."""
    path = draw_pdf(tmp_path / "closing.pdf", CLOSING)
    doc = read_pdf(path, "closing.pdf")
    assert doc.pages[0].text_only and not needs_ocr(doc.pages[0])
    assert ocr_document(path, doc, "auto") == doc


def test_a_short_page_with_many_curves_may_hold_text_as_outlines(tmp_path):
    doc = read_pdf(draw_pdf(tmp_path / "outlines.pdf", CLOSING, curves=300), "outlines.pdf")
    assert not doc.pages[0].text_only and needs_ocr(doc.pages[0])


def test_rules_and_a_few_curves_keep_a_page_text_only(tmp_path):
    doc = read_pdf(draw_pdf(tmp_path / "logo.pdf", CLOSING, curves=20), "logo.pdf")
    assert doc.pages[0].text_only


@needs_tesseract
def test_auto_mode_keeps_a_short_text_page_whose_ocr_reads_no_more(tmp_path):
    path = draw_pdf(tmp_path / "closing.pdf", CLOSING, blank_image=True)
    doc = read_pdf(path, "closing.pdf")
    assert not doc.pages[0].text_only and needs_ocr(doc.pages[0])
    assert ocr_document(path, doc, "auto") == doc


@needs_tesseract
def test_auto_mode_reads_a_scan_under_a_records_system_header(tmp_path):
    header = [("Eingegangen am 12.03.2021 beim Stadtrat Chemnitz, Az. 4711", 14)]
    path = draw_pdf(tmp_path / "stamped.pdf", header, scan=True)
    doc = read_pdf(path, "stamped.pdf")
    assert needs_ocr(doc.pages[0])
    page = ocr_document(path, doc, "auto").pages[0]
    assert page.ocr
    assert "BA-090/2020" in [w.text for line in page.lines for w in line.words]


# -------------------------------------------------------------------------- ocr_page


@needs_tesseract
@pytest.mark.parametrize("token", ["BA-090/2020", "10.08.2020", "Straßenbahnlinie", "Änderung"])
def test_ocr_finds_german_tokens(scan_page, token):
    assert token in [w.text for line in scan_page.lines for w in line.words]


@needs_tesseract
def test_ocr_page_is_marked_and_sized_like_the_reader_page(scan_pdf, scan_page):
    read = read_pdf(scan_pdf, "scan.pdf").pages[0]
    assert scan_page.ocr
    assert scan_page.number == 1
    assert (scan_page.width, scan_page.height) == (read.width, read.height)


@needs_tesseract
def test_ocr_boxes_lie_within_the_page(scan_page):
    for word in (w for line in scan_page.lines for w in line.words):
        assert 0 <= word.x0 < word.x1 <= scan_page.width
        assert 0 <= word.top < word.bottom <= scan_page.height


@needs_tesseract
@pytest.mark.parametrize("drawn", SNIPPET, ids=lambda d: d.text[:20])
def test_ocr_line_lies_where_it_was_drawn(scan_page, drawn):
    line = found(scan_page, drawn.text)
    assert abs(line.x0 - drawn.x) < 2
    assert drawn.baseline - drawn.size < line.top < drawn.baseline


@needs_tesseract
@pytest.mark.parametrize("drawn", SNIPPET, ids=lambda d: d.text[:20])
def test_ocr_font_size_is_within_a_quarter_of_the_drawn_size(scan_page, drawn):
    line = found(scan_page, drawn.text)
    assert line.size == pytest.approx(drawn_size(drawn), rel=0.25)
    assert not line.bold


@needs_tesseract
def test_ocr_is_deterministic(scan_pdf, scan_page):
    assert ocr_page(scan_pdf, 1) == scan_page


@needs_tesseract
def test_rotated_page_gives_the_coordinates_of_the_upright_page(tmp_path, scan_page):
    turned = draw_scan(tmp_path / "turned.pdf", turn=90)
    page = ocr_page(turned, 1)
    assert (page.width, page.height) == (scan_page.width, scan_page.height)
    for drawn in SNIPPET:
        a, b = found(page, drawn.text), found(scan_page, drawn.text)
        assert (a.x0, a.top) == pytest.approx((b.x0, b.top), abs=1)


@needs_tesseract
def test_cropped_page_keeps_the_media_box_coordinates(tmp_path, scan_pdf, scan_page):
    pdf = pdfium.PdfDocument(scan_pdf)
    pdf[0].set_cropbox(20, 20, PAGE_SIZE[0] - 10, PAGE_SIZE[1] - 10)
    pdf.save(tmp_path / "cropped.pdf")
    pdf.close()
    page = ocr_page(tmp_path / "cropped.pdf", 1)
    assert (page.width, page.height) == (scan_page.width, scan_page.height)
    line, uncropped = found(page, SNIPPET[1].text), found(scan_page, SNIPPET[1].text)
    assert (line.x0, line.top) == pytest.approx((uncropped.x0, uncropped.top), abs=1)


@needs_tesseract
def test_tesseract_timeout_is_an_ocr_error(scan_pdf):
    with pytest.raises(OcrError, match="longer than the limit") as caught:
        ocr_page(scan_pdf, 1, timeout=0.01)
    assert caught.value.kind == "timeout"
