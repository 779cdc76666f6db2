"""OCR pages/s at 1 and 2 workers, and one long scan per page against per file.

Builds one scanned statement of ``--pages`` pages (the benchmark corpus's letters, joined and
rasterised at 200 dpi without a text layer, as a scanner makes them) and times cold ingest of
it, in this process through ``batch.ingest`` (the workers are processes as always):

- per page, 1 worker and 2 workers: the scan's pages are OCR tasks of their own (default);
- per file, 2 workers: the whole scan is one task (``executors.SPLIT_OCR_PAGES = 0``), as
  before, so one worker reads it while the other idles.

Reports wall time, OCR pages/s and the speed-up, and checks that all runs give the same tables.

    .venv/bin/python benchmarks/ocr_scaling.py --pages 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import machine
import pypdfium2 as pdfium
from corpus import build_corpus

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.ingest import batch, executors  # noqa: E402
from analysis.ingest.work import IngestConfig  # noqa: E402
from tests.hardening.letters import scan  # noqa: E402

TABLES = ("statements", "paragraphs", "sentences")


def long_scan(pages: int, target: Path) -> Path:
    """The first letters of the benchmark corpus joined to ``pages`` pages, then scanned."""
    joined = pdfium.PdfDocument.new()
    for letter in sorted(build_corpus(max(pages, 10)).glob("*.pdf")):
        source = pdfium.PdfDocument(letter)
        joined.import_pages(source, list(range(min(len(source), pages - len(joined)))))
        source.close()
        if len(joined) >= pages:
            break
    text_layer = target.with_suffix(".text.pdf")
    joined.save(text_layer)
    joined.close()
    scan(text_layer, target)
    text_layer.unlink()
    return target


def run(src: Path, out: Path, workers: int, split: int) -> float:
    executors.SPLIT_OCR_PAGES = split
    started = time.perf_counter()
    batch.ingest([src], out, IngestConfig(timeout=3600), workers=workers)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="pages of the scan")
    args = parser.parse_args()
    header = machine.describe()
    with tempfile.TemporaryDirectory(prefix="ocr-scaling-") as name:
        tmp = Path(name)
        src = tmp / "src"
        src.mkdir()
        long_scan(args.pages, src / "scan.pdf")
        default = executors.SPLIT_OCR_PAGES
        runs = {
            "per page, 1 worker": run(src, tmp / "page-1", 1, default),
            "per page, 2 workers": run(src, tmp / "page-2", 2, default),
            "per file, 2 workers": run(src, tmp / "file-2", 2, 0),
        }
        tables = {
            run_dir: [(tmp / run_dir / f"{t}.parquet").read_bytes() for t in TABLES]
            for run_dir in ("page-1", "page-2", "file-2")
        }
        same = tables["page-1"] == tables["page-2"] == tables["file-2"]
    print("\n".join(header))
    print(f"one scanned statement of {args.pages} pages (200 dpi), cold ingest, OCR auto\n")
    base = runs["per page, 1 worker"]
    print(f"{'run':<22} {'wall s':>7} {'OCR pages/s':>11} {'vs 1 worker':>11}")
    for label, seconds in runs.items():
        print(f"{label:<22} {seconds:7.1f} {args.pages / seconds:11.2f} {base / seconds:10.2f}×")
    print(f"\ntables identical across runs: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
