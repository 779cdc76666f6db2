"""Ingest speed against a naive pdfplumber loop, measured in one run on one corpus.

Times, on N distinct statement PDFs (see ``corpus.py``):

- naive: ``pdfplumber.open`` + ``page.extract_text()`` for every page, sequentially, in this
  process (imports already paid): the floor any PDF-to-text tool has to beat;
- ``statements ingest CORPUS --out FRESH --quiet`` cold, as a subprocess with its default
  workers (all cores), paying interpreter start-up, imports, process start-up, zoning,
  metadata, sentences, hashing, the cache and the parquet tables;
- the same command again, unchanged (should only hash the inputs and stop);
- the same out folder with 10 % new files added (only the new ones are read);
- optionally cold with ``--workers 1``, which shows the per-page cost at equal cores;
- optionally cold with ``--reader plumber``: the reference reader instead of PDFium.

Each measurement is repeated (interleaved, so drift in machine load hits all of them alike).
The table shows the median wall time, pages/s, speed-up vs naive (naive time / time) and cost
as % of the cold run; the best (shortest) wall time and the speed-up of best against best,
which other processes on the machine disturb least (they can only add time); and the median
CPU seconds (user + system of the loop, or of the command and its workers, sampled with
``proctree.py``).

    .venv/bin/python benchmarks/ingest_speed.py --n 240
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import machine
import pdfplumber
import proctree
import pyarrow.parquet as pq
from corpus import build_corpus, pages_of

STATEMENTS = Path(sys.executable).with_name("statements")
COLD_TARGET = 5.0
RERUN_TARGET = 0.02


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and CPU seconds (user + system) of all processes involved."""

    wall: float
    cpu: float


def naive_loop(files: list[Path]) -> tuple[Timing, int]:
    """Time of the plain pdfplumber loop, and the pages it read."""
    pages = 0
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return Timing(time.perf_counter() - start, time.process_time() - cpu), pages


def ingest(sources: list[Path], out: Path, *options: str) -> Timing:
    """Time of one ``statements ingest`` subprocess (CPU: it and all its worker processes)."""
    command = [str(STATEMENTS), "ingest", *map(str, sources), "--out", str(out), "--quiet"]
    command += options
    usage = proctree.run(command)
    return Timing(usage.seconds, usage.cpu)


def check(out: Path, files: int, pages: int) -> str:
    """What the cold run produced, to show it did the whole job."""
    table = pq.read_table(out / "statements.parquet", columns=["status", "page_count"])
    rows = table.to_pylist()
    ok = sum(r["status"] == "ok" for r in rows)
    read = sum(r["page_count"] or 0 for r in rows)
    sentences = pq.read_metadata(out / "sentences.parquet").num_rows
    paragraphs = pq.read_metadata(out / "paragraphs.parquet").num_rows
    verdict = "as expected" if ok == files and read == pages else "UNEXPECTED"
    return (
        f"cold run output: {ok}/{files} statements ok, {read} pages, {paragraphs} paragraphs, "
        f"{sentences} sentences ({verdict})"
    )


def measure(args: argparse.Namespace, corpus: Path, extra: Path, tmp: Path) -> dict:
    files = sorted(corpus.glob("*.pdf"))
    times: dict[str, list[Timing]] = {}

    def record(name: str, timing: Timing) -> None:
        times.setdefault(name, []).append(timing)

    notes = []
    for rep in range(args.repeat):
        print(f"repeat {rep + 1}/{args.repeat} …", file=sys.stderr)
        seconds, pages = naive_loop(files)
        record("naive", seconds)
        out = tmp / f"cold-{rep}"
        record("cold", ingest([corpus], out))
        if rep == 0:
            drawn = sum(pages_of(corpus).values())
            notes.append(f"naive loop read {pages} pages ({drawn} drawn)")
            notes.append(check(out, len(files), drawn))
        record("unchanged", ingest([corpus], out))
        if extra is not None:
            grown = tmp / f"grown-{rep}"
            shutil.copytree(out, grown)
            record("grown", ingest([corpus, extra], grown))
        if args.single:
            record("single", ingest([corpus], tmp / f"single-{rep}", "--workers", "1"))
        if args.plumber:
            record("plumber", ingest([corpus], tmp / f"plumber-{rep}", "--reader", "plumber"))
        for folder in tmp.iterdir():
            shutil.rmtree(folder)
    return {"times": times, "pages": pages, "notes": notes}


def table(result: dict, extra_pages: int, workers: int) -> list[str]:
    runs = result["times"]
    median = {name: statistics.median(t.wall for t in values) for name, values in runs.items()}
    best = {name: min(t.wall for t in values) for name, values in runs.items()}
    cpu = {name: statistics.median(t.cpu for t in values) for name, values in runs.items()}
    pages = result["pages"]
    rows = [
        ("naive pdfplumber extract_text loop", "naive", pages),
        (f"statements ingest, cold ({workers} workers)", "cold", pages),
        ("statements ingest, unchanged re-run", "unchanged", 0),
        ("statements ingest, +10 % new files", "grown", extra_pages),
        ("statements ingest, cold (1 worker)", "single", pages),
        ("… cold, --reader plumber (reference)", "plumber", pages),
    ]
    lines = [
        f"{'':<38} {'median':>7} {'':>7} {'vs naive':>8} {'':>9} {'best':>6} {'vs naive':>8}",
        f"{'measurement':<38} {'wall s':>7} {'pages/s':>7} {'(median)':>8} {'% of cold':>9} "
        f"{'wall s':>6} {'(best)':>8} {'CPU s':>6}  wall s of each run",
    ]
    for label, key, read in rows:
        if key not in median:
            continue
        seconds = median[key]
        rate = f"{read / seconds:7.1f}" if read else f"{'–':>7}"
        each = " ".join(f"{t.wall:.2f}" for t in runs[key])
        lines.append(
            f"{label:<38} {seconds:7.2f} {rate} {median['naive'] / seconds:7.2f}× "
            f"{100 * seconds / median['cold']:8.1f}% {best[key]:6.2f} "
            f"{best['naive'] / best[key]:7.2f}× {cpu[key]:6.2f}  {each}"
        )
    lines.append("")
    for kind, times in (("median", median), ("best", best)):
        speedup, rerun = times["naive"] / times["cold"], times["unchanged"] / times["cold"]
        lines.append(
            f"{kind + ':':<7} cold ingest ≥ {COLD_TARGET}× naive: "
            f"{'yes' if speedup >= COLD_TARGET else 'NO'} ({speedup:.2f}×); "
            f"unchanged re-run ≤ {RERUN_TARGET:.0%} of cold: "
            f"{'yes' if rerun <= RERUN_TARGET else 'NO'} ({rerun:.1%})"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=240, help="number of PDFs")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (median reported)")
    parser.add_argument("--no-grow", dest="grow", action="store_false", help="skip +10 %% run")
    parser.add_argument(
        "--no-single", dest="single", action="store_false", help="skip the 1-worker cold run"
    )
    parser.add_argument(
        "--no-plumber", dest="plumber", action="store_false",
        help="skip the cold run with pdfplumber as the reader",
    )  # fmt: skip
    args = parser.parse_args()
    # The command is timed as installed, with its bytecode cached: a shell that disables
    # the cache would add compiling the package to every run.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    header = machine.describe()
    others = machine.OtherLoad()
    corpus = build_corpus(args.n)
    extra = build_corpus(max(1, args.n // 10), first=args.n) if args.grow else None
    corpus_pages = sum(pages_of(corpus).values())
    extra_pages = sum(pages_of(extra).values()) if extra else 0
    with tempfile.TemporaryDirectory(prefix="ingest-speed-") as name:
        tmp = Path(name)
        ingest(sorted(corpus.glob("*.pdf"))[:4], tmp / "warm-up")  # page cache, .pyc files
        shutil.rmtree(tmp / "warm-up")
        result = measure(args, corpus, extra, tmp)
    workers = os.cpu_count() or 1
    print("\n".join(header))
    where = corpus.relative_to(machine.ROOT)
    grown = f"; +10 %: {args.n // 10} PDFs, {extra_pages} pages" if extra else ""
    print(f"corpus: {args.n} PDFs, {corpus_pages} pages ({where}){grown}")
    print(f"median of {args.repeat} interleaved repeats")
    print(*result["notes"], sep="\n")
    print()
    print("\n".join(table(result, extra_pages, workers)))
    print(f"\nother processes during the benchmark: {others.report()}")
    print(f"load average after: {machine.load_text(machine.load())}")


if __name__ == "__main__":
    main()
