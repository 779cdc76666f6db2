"""The reader takes characters from pdfplumber's layout itself (not ``page.chars``, which
converts every attribute of every object): the characters, and so the words, must be exactly
the ones pdfplumber gives."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from analysis.ingest.reader import WORDS, page_chars
from tests.hardening import rawpdf
from tests.locations import EXTERNAL, SAMPLE

KEYS = ("text", "x0", "x1", "top", "bottom", "doctop", "upright", "size", "fontname")
MAX_PAGES = 12


def _odd_geometry(folder: Path) -> Path:
    """Two pages, the second with a MediaBox away from the origin, text inside a form
    XObject (a layout figure), turned text and a second font size."""
    shown = rawpdf.text_content(("Erste Seite des Schreibens",))
    form = b"BT /F1 9 Tf 10 10 Td (Text in einem Formular) Tj ET"
    turned = b"BT /F1 12 Tf 0 1 -1 0 300 400 Tm (Gedrehter Vermerk) Tj ET"
    content = shown + b"\nq 1 0 0 1 100 200 cm /X1 Do Q\n" + turned
    resources = b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 7 0 R >> >>"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        3: rawpdf.page(),
        4: rawpdf.FONT,
        5: rawpdf.stream(shown),
        6: b"<< /Type /Page /Parent 2 0 R /MediaBox [30 40 625 882] %s /Contents 8 0 R >>"
        % resources,
        7: rawpdf.stream(
            form,
            b"/Type /XObject /Subtype /Form /BBox [0 0 300 100] "
            b"/Resources << /Font << /F1 4 0 R >> >>",
        ),
        8: rawpdf.stream(content),
    }
    path = folder / "odd-geometry.pdf"
    path.write_bytes(rawpdf.pdf(objects))
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> list[Path]:
    built = _odd_geometry(tmp_path_factory.mktemp("reader"))
    return [built, *sorted(SAMPLE.glob("*.pdf"))[:8], *sorted(EXTERNAL.glob("*.pdf"))]


def _pages(path: Path):
    with pdfplumber.open(path) as pdf:
        yield from pdf.pages[:MAX_PAGES]


def test_the_odd_geometry_pdf_has_what_it_is_meant_to_test(pdfs):
    with pdfplumber.open(pdfs[0]) as pdf:
        first, second = pdf.pages
        assert first.chars and 0 not in second.mediabox[:2]
        assert not all(c["upright"] for c in second.chars)
        assert {"F", "G"} <= {c["text"] for c in second.chars}
        assert len({c["size"] for c in second.chars}) > 1


def test_characters_are_pdfplumbers(pdfs):
    compared = 0
    for path in pdfs:
        for page in _pages(path):
            expected = [{k: c[k] for k in KEYS} for c in page.chars]
            page.close()
            assert page_chars(page) == expected, f"{path.name} page {page.page_number}"
            compared += len(expected)
    assert compared > 10_000


def test_words_are_pdfplumbers(pdfs):
    for path in pdfs:
        for page in _pages(path):
            expected = page.extract_words(
                extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False
            )
            page.close()
            assert WORDS.extract_words(page_chars(page)) == expected, path.name
