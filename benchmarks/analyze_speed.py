"""Time `statements analyze` on N statements synthesised by recombining the sample corpus's
paragraphs, against the same analysis of the sample corpus itself in the same run; with the
time and peak memory of each stage.

    .venv/bin/python benchmarks/analyze_speed.py data/processed --n 10000 [--unique]
    .venv/bin/python benchmarks/analyze_speed.py data/processed --n 10000 100000

Needs an ingested sample corpus (`make demo` or `statements ingest data/raw/sample --out
data/processed`). `--unique` makes every sentence distinct so no per-sentence cache helps.
Peak memory is this process's resident set, sampled every 50 ms (psutil), per stage as the
analysis reports its stages.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import psutil

from analysis.positions.benchmark import synthesize
from analysis.positions.run import analyze_tables

MIB = 2**20
SAMPLE_EVERY = 0.05


@dataclass
class Stages:
    """Wall seconds and peak RSS per stage, as the analysis names its stages."""

    seconds: dict[str, float] = field(default_factory=dict)
    peak: dict[str, int] = field(default_factory=dict)
    current: str = "preparing"
    started: float = field(default_factory=time.perf_counter)

    def enter(self, message: str) -> None:
        now = time.perf_counter()
        self.seconds[self.current] = self.seconds.get(self.current, 0.0) + now - self.started
        self.current, self.started = message.split(" ")[0], now

    def sample(self, rss: int) -> None:
        self.peak[self.current] = max(self.peak.get(self.current, 0), rss)


def timed(statements: pd.DataFrame, sentences: pd.DataFrame) -> tuple[float, Stages]:
    stages, done = Stages(), threading.Event()
    me = psutil.Process()

    def watch() -> None:
        while not done.wait(SAMPLE_EVERY):
            stages.sample(me.memory_info().rss)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = time.perf_counter()
    analyze_tables(statements, sentences, progress=stages.enter)
    total = time.perf_counter() - start
    stages.enter("done")
    done.set()
    watcher.join()
    return total, stages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("processed", type=Path)
    parser.add_argument("--n", type=int, nargs="+", default=[10_000])
    parser.add_argument("--unique", action="store_true")
    args = parser.parse_args(argv)
    statements = pd.read_parquet(args.processed / "statements.parquet")
    sentences = pd.read_parquet(args.processed / "sentences.parquet")
    base, _ = timed(statements, sentences)
    n_base = int((statements["status"] == "ok").sum())
    print(f"baseline: {n_base} sample statements in {base:.1f} s")
    for n in args.n:
        st, se = synthesize(statements, sentences, n)
        if args.unique:
            se["text"] = se["text"] + " (Anmerkung " + pd.Series(range(len(se))).astype(str) + ")"
        big, stages = timed(st, se)
        print(f"\nsynthesised: {len(st)} statements, {len(se)} sentences in {big:.1f} s")
        print(f"per statement: {big / len(st) * 1000:.1f} ms vs {base / n_base * 1000:.1f} ms "
              f"(ratio {big / len(st) / (base / n_base):.2f}); 5-minute budget: "
              f"{'met' if big < 300 else 'NOT met'}")  # fmt: skip
        print("| stage | seconds | peak RSS MiB |")
        print("| --- | ---: | ---: |")
        for stage, seconds in stages.seconds.items():
            print(f"| {stage} | {seconds:.1f} | {stages.peak.get(stage, 0) / MIB:.0f} |")
        del st, se
    return 0


if __name__ == "__main__":
    sys.exit(main())
