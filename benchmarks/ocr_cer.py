"""Character error rate of ingest's OCR against hand-typed transcriptions.

``python benchmarks/ocr_cer.py PDF_DIR REFERENCE_DIR``: for every ``NAME.referenz.txt`` (or
``NAME.txt``) in REFERENCE_DIR the scan ``NAME.pdf`` in PDF_DIR is read as ingest reads it
(text layer where usable, Tesseract elsewhere) and its page text, in reading order with runs
of whitespace made one space, is compared with the transcription: edit distance divided by
the transcription's length, per file and over all files together.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from analysis.ingest.ocr import ocr_document
from analysis.ingest.reader import read_pdf

MAX_PAGES, MAX_MB = 50, 100


def page_text(pdf: Path) -> str:
    """All text ingest reads from ``pdf``, OCR included, whitespace normalised."""
    doc = ocr_document(pdf, read_pdf(pdf, pdf.name, MAX_PAGES, MAX_MB), "auto")
    return normalise(" ".join(line.text for page in doc.pages for line in page.lines))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    pdfs, references = Path(argv[0]), Path(argv[1])
    errors = chars = 0
    for reference in sorted(references.glob("*.txt")):
        name = reference.name.removesuffix(".txt").removesuffix(".referenz")
        pdf = pdfs / f"{name}.pdf"
        if not pdf.exists():
            print(f"{reference.name}: no {pdf.name} in {pdfs}", file=sys.stderr)
            continue
        want = normalise(reference.read_text(encoding="utf-8"))
        distance = Levenshtein.distance(page_text(pdf), want)
        errors, chars = errors + distance, chars + len(want)
        print(f"{pdf.name}: CER {distance / max(len(want), 1):.3f} ({len(want)} characters)")
    if chars:
        print(f"all: CER {errors / chars:.3f} ({chars} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
