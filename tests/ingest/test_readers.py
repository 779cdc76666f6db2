"""The PDFium reader against the reference (pdfplumber), on the sample letters, the
third-party PDFs and PDFs built here: same words and lines, boxes within PDFium's rounding,
doubtful pages and unreadable files handed to pdfplumber, and the fast word builder equal to
pdfplumber's WordExtractor on pdfplumber's own characters."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pdfplumber
import pytest

from analysis.ingest import batch
from analysis.ingest.pdfium_reader import read_pdf_fast
from analysis.ingest.pipeline import ingest_file
from analysis.ingest.reader import BOLD_FONT, WORDS, IngestError, page_chars, read_pdf
from analysis.ingest.records import Document, Word
from analysis.ingest.words import upright_words
from analysis.ingest.work import IngestConfig, Source
from tests.hardening import rawpdf
from tests.ingest.test_reader import _odd_geometry
from tests.locations import ROBUSTNESS, SAMPLE

# PDFium keeps glyph widths as whole thousandths of the font size: along a 10-point line of
# justified text, x drifts from pdfminer's by up to about a point (docs/readers.md).
MAX_X_DRIFT = 2.0
MAX_Y_DRIFT = 0.02


def _words(doc: Document) -> list[Word]:
    return [w for page in doc.pages for line in page.lines for w in line.words]


def _lines(doc: Document) -> list[tuple[int, str]]:
    return [(line.page, line.text) for page in doc.pages for line in page.lines]


def _read(path: Path, fast: bool, fallback: bool = True) -> Document | str:
    """The document, or the error kind."""
    try:
        if fast:
            return read_pdf_fast(path, path.name, fallback=fallback)
        return read_pdf(path, path.name)
    except IngestError as err:
        return err.kind


def _assert_same_reading(path: Path) -> None:
    reference, fast = _read(path, fast=False), _read(path, fast=True)
    if isinstance(reference, str):
        assert fast == reference, path.name
        return
    assert _lines(fast) == _lines(reference), path.name
    for a, b in zip(_words(reference), _words(fast), strict=True):
        assert (a.text, a.size, a.bold) == (b.text, b.size, b.bold), path.name
        assert abs(a.x0 - b.x0) <= MAX_X_DRIFT and abs(a.x1 - b.x1) <= MAX_X_DRIFT, (a, b)
        assert abs(a.top - b.top) <= MAX_Y_DRIFT and abs(a.bottom - b.bottom) <= MAX_Y_DRIFT
    for a, b in zip(reference.pages, fast.pages, strict=True):
        assert (a.number, a.width, a.height, a.text_only) == (
            b.number,
            b.width,
            b.height,
            b.text_only,
        )


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.pdf")), ids=lambda p: p.name)
def test_pdfium_reads_the_sample_letters_as_pdfplumber_does(path):
    _assert_same_reading(path)


def test_pdfium_reads_the_third_party_pdfs_nearly_as_pdfplumber_does(external_dir):
    """pdfplumber's hardest test files and council PDFs: the same outcome and pages
    everywhere; the lines' text too but for the differences docs/readers.md lists (glyphs
    printed twice, mirrored text, a soft hyphen PDFium reports as a hyphen)."""
    paths = sorted(external_dir.rglob("*.pdf"))
    assert paths
    lines = equal = 0
    for path in paths:
        reference, fast = _read(path, fast=False), _read(path, fast=True)
        if isinstance(reference, str):
            assert fast == reference, path.name
            continue
        for a, b in zip(reference.pages, fast.pages, strict=True):
            assert a.number == b.number and a.text_only == b.text_only, path.name
            assert abs(a.width - b.width) < 1e-3 and abs(a.height - b.height) < 1e-3, path.name
            pairs = list(zip(a.lines, b.lines, strict=False))
            lines += max(len(a.lines), len(b.lines))
            equal += sum(x.text == y.text for x, y in pairs)
    assert lines > 1000 and equal / lines >= 0.95


def test_damaged_and_hostile_files_get_the_reference_readers_outcome():
    paths = sorted(ROBUSTNESS.rglob("*.pdf"))
    assert len(paths) > 5
    for path in paths:
        _assert_same_reading(path)


def test_doubtful_pages_go_to_pdfplumber(tmp_path):
    """Turned text on page two of the odd-geometry PDF: in auto the page is pdfplumber's,
    exactly; PDFium alone reads it as if upright (and still gets its words)."""
    path = _odd_geometry(tmp_path)
    reference, auto = read_pdf(path, path.name), read_pdf_fast(path, path.name)
    assert auto.pages[1] == reference.pages[1]
    alone = read_pdf_fast(path, path.name, fallback=False)
    assert _letters(alone.pages[1]) == _letters(reference.pages[1])
    assert [ln.text for ln in alone.pages[0].lines] == [ln.text for ln in reference.pages[0].lines]


def _letters(page) -> list[str]:
    return sorted("".join(line.text for line in page.lines).replace(" ", ""))


def test_a_mediabox_away_from_the_origin_is_placed_as_pdfplumber_places_it(tmp_path):
    content = rawpdf.text_content(("Seite mit verschobenem Rahmen",))
    objects = rawpdf.letter(content)
    objects[3] = rawpdf.page(extra=b"/MediaBox [30 40 625 882]")
    path = tmp_path / "offset.pdf"
    path.write_bytes(rawpdf.pdf(objects))
    reference = read_pdf(path, path.name)
    fast = read_pdf_fast(path, path.name, fallback=False)
    assert _lines(fast) == _lines(reference)
    (a, *_), (b, *_) = _words(reference), _words(fast)
    assert abs(a.x0 - b.x0) < 0.1 and abs(a.top - b.top) < MAX_Y_DRIFT


def test_a_page_count_that_lies_is_counted_by_pdfplumber_in_auto(tmp_path):
    path = tmp_path / "count-lie.pdf"
    path.write_bytes(rawpdf.pages_count_lie())
    assert len(read_pdf_fast(path, path.name, max_pages=10).pages) == 1
    with pytest.raises(IngestError) as alone:
        read_pdf_fast(path, path.name, max_pages=10, fallback=False)
    assert alone.value.kind == "too_large"


def test_a_reference_cycle_times_out_in_pdfplumber_and_is_an_empty_page_in_pdfium(tmp_path):
    path = tmp_path / "cycle.pdf"
    path.write_bytes(rawpdf.reference_chain(2, cycle=True))
    source = Source(path, path.name)
    plumber = ingest_file(source, IngestConfig(reader="plumber", timeout=2, ocr="off"), "0" * 64)
    auto = ingest_file(source, IngestConfig(timeout=2, ocr="off"), "0" * 64)
    assert plumber.statements[0]["error_kind"] == "timeout"
    assert auto.statements[0]["error_kind"] == "no_text"


def _chars(page: pdfplumber.page.Page) -> list[dict]:
    return [c for c in page_chars(page) if c["upright"]]


def test_the_fast_word_builder_groups_pdfplumbers_characters_as_pdfplumber_does():
    compared = 0
    for path in sorted(SAMPLE.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                chars = _chars(page)
                expected = [
                    (w["text"], round(w["x0"], 2), round(w["top"], 2), round(w["x1"], 2),
                     round(w["bottom"], 2), round(w["size"], 1),
                     bool(BOLD_FONT.search(w["fontname"])))
                    for w in WORDS.extract_words(chars)
                    if w["text"].strip()
                ]  # fmt: skip
                fields = ("text", "x0", "x1", "top", "bottom", "size", "fontname")
                as_tuples = [tuple(c[k] for k in fields) for c in chars]
                got = [
                    (w.text, w.x0, w.top, w.x1, w.bottom, w.size, w.bold)
                    for w in upright_words(as_tuples, BOLD_FONT)
                ]
                assert sorted(got) == sorted(expected), f"{path.name} page {page.page_number}"
                compared += len(got)
    assert compared > 5_000


def test_the_reader_option_keeps_text_tables_identical(tmp_path):
    """Statements and sentences are the same from both readers; paragraphs too, but for
    their boxes."""
    tables = {}
    for reader in ("auto", "plumber"):
        out = tmp_path / reader
        batch.ingest([SAMPLE], out, IngestConfig(reader=reader, ocr="off"), workers=2)
        tables[reader] = {
            name: pd.read_parquet(out / f"{name}.parquet")
            for name in ("statements", "paragraphs", "sentences")
        }
    pd.testing.assert_frame_equal(tables["auto"]["statements"], tables["plumber"]["statements"])
    pd.testing.assert_frame_equal(tables["auto"]["sentences"], tables["plumber"]["sentences"])
    auto, plumber = tables["auto"]["paragraphs"], tables["plumber"]["paragraphs"]
    boxes = ["x0", "top", "x1", "bottom"]
    pd.testing.assert_frame_equal(auto.drop(columns=boxes), plumber.drop(columns=boxes))
    assert (auto[boxes] - plumber[boxes]).abs().to_numpy().max() <= MAX_X_DRIFT


def test_the_reader_is_part_of_the_cache_key():
    assert IngestConfig(reader="plumber").fingerprint() != IngestConfig().fingerprint()
