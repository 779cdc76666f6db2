"""How time and memory of a cold ingest grow with the number of files.

For each N, runs ``statements ingest CORPUS --out FRESH --quiet`` cold as a subprocess (default
workers: all cores) on a corpus of N distinct statement PDFs (see ``corpus.py``) and reports:

- wall time and pages/s;
- tree RSS: peak of the RSS summed over the command and all its descendants (fork server
  and the worker processes), sampled every 50 ms with psutil (``proctree.py``); pages that
  processes share count once per process, so this over-states the footprint;
- tree PSS: the same sum of PSS (shared pages split between the processes sharing them: what
  the tree really occupies), sampled every 0.5 s;
- command / worker: peak RSS of the command itself and of the largest other process;
- CPU seconds of the whole tree, and the CPU time the sampling itself cost (it shares the
  cores with the run).

Results stream to disk, so memory should stay roughly flat as N grows.

    .venv/bin/python benchmarks/ingest_memory.py --n 100 1000 5000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import machine
import proctree
from corpus import build_corpus, pages_of

STATEMENTS = Path(sys.executable).with_name("statements")
MIB = 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000, 5000])
    args = parser.parse_args()
    header = machine.describe()
    corpora = {n: build_corpus(n) for n in args.n}
    rows = []
    for n, corpus in corpora.items():
        pages = sum(pages_of(corpus).values())
        print(f"ingesting {n} PDFs …", file=sys.stderr)
        others = machine.OtherLoad()
        with tempfile.TemporaryDirectory(prefix="ingest-memory-") as tmp:
            command = [str(STATEMENTS), "ingest", str(corpus), "--out", tmp, "--quiet"]
            usage = proctree.run(command, pss=True)
        other_seconds, wall = others.measure()
        rows.append((n, pages, usage, other_seconds / wall))
    print("\n".join(header))
    print(f"statements ingest cold, {os.cpu_count()} workers")
    print()
    print(
        f"{'PDFs':>6} {'pages':>6} {'wall s':>7} {'pages/s':>7} {'tree RSS':>9} {'tree PSS':>9} "
        f"{'command':>8} {'worker':>8} {'procs':>5} {'CPU s':>6} {'sampler':>7} {'others':>6}"
    )
    for n, pages, usage, other_cores in rows:
        mib = [
            f"{getattr(usage, k) / MIB:>{w}.0f}"
            for k, w in [("tree_rss", 9), ("tree_pss", 9), ("command_rss", 8)] + [("worker_rss", 8)]
        ]
        rate = pages / usage.seconds
        print(
            f"{n:>6} {pages:>6} {usage.seconds:>7.1f} {rate:>7.1f} {' '.join(mib)} "
            f"{usage.processes:>5} {usage.cpu:>6.1f} {usage.sampler_cpu:>6.1f}s {other_cores:>6.2f}"
        )
    print(
        "\nMiB; tree: sums over the command and its workers (RSS every 50 ms, PSS every 0.5 s); "
        "command/worker: peak RSS of the command / of any one other process; CPU s: of the whole "
        "tree; sampler: CPU time this script spent sampling; others: cores that other processes "
        "used on average during the run (above 0.1 the timings are disturbed)."
    )


if __name__ == "__main__":
    main()
