"""Time `statements analyze` on N statements synthesised by recombining the sample corpus's
paragraphs, against the same analysis of the sample corpus itself in the same run.

    .venv/bin/python benchmarks/analyze_speed.py data/processed --n 10000 [--unique]

Needs an ingested sample corpus (`make demo` or `statements ingest data/raw/sample --out
data/processed`). `--unique` makes every sentence distinct so no per-sentence cache helps.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.positions.benchmark import synthesize
from analysis.positions.run import analyze_tables


def timed(statements: pd.DataFrame, sentences: pd.DataFrame) -> float:
    start = time.perf_counter()
    analyze_tables(statements, sentences)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("processed", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--unique", action="store_true")
    args = parser.parse_args(argv)
    statements = pd.read_parquet(args.processed / "statements.parquet")
    sentences = pd.read_parquet(args.processed / "sentences.parquet")
    base = timed(statements, sentences)
    st, se = synthesize(statements, sentences, args.n)
    if args.unique:
        se["text"] = se["text"] + " (Anmerkung " + pd.Series(range(len(se))).astype(str) + ")"
    big = timed(st, se)
    n_base = int((statements["status"] == "ok").sum())
    print(f"baseline: {n_base} sample statements in {base:.1f} s")
    print(f"synthesised: {len(st)} statements, {len(se)} sentences in {big:.1f} s")
    print(f"per statement: {big / len(st) * 1000:.1f} ms vs {base / n_base * 1000:.1f} ms "
          f"(ratio {big / len(st) / (base / n_base):.2f}); 5-minute budget: "
          f"{'met' if big < 300 else 'NOT met'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
