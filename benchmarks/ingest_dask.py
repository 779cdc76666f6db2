"""Scale-out shown: ingest on a local Dask cluster against the process pool, same corpus.

Starts ``dask.distributed.LocalCluster`` with 2 worker processes (one thread each) in this
process, then times, interleaved and repeated:

- ``statements ingest CORPUS --out FRESH --quiet --workers 2`` (the local process pool);
- ``statements ingest CORPUS --out FRESH --quiet --scheduler ADDRESS`` (the same work sent to
  the cluster's workers, the PDFs read from the shared file system);

and checks that both write the same tables, byte for byte. Wall time only: the cluster's
workers are this process's children, not the command's, so their CPU is not the command's.

    .venv/bin/python benchmarks/ingest_dask.py --n 120
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import machine
import proctree
from corpus import build_corpus, pages_of
from ingest_speed import STATEMENTS

TABLES = ("statements", "motions", "paragraphs", "sentences")
WORKERS = 2


def ingest(corpus: Path, out: Path, *options: str) -> float:
    """Wall seconds of one cold ``statements ingest`` subprocess."""
    command = [str(STATEMENTS), "ingest", str(corpus), "--out", str(out), "--quiet", *options]
    usage = proctree.run(command)
    if usage.returncode != 0:
        raise SystemExit(f"ingest failed ({usage.returncode}): {' '.join(command)}")
    return usage.seconds


def differences(a: Path, b: Path) -> list[str]:
    """The tables whose bytes differ between two out folders."""
    return [
        t for t in TABLES if (a / f"{t}.parquet").read_bytes() != (b / f"{t}.parquet").read_bytes()
    ]


def main() -> None:
    from distributed import LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120, help="number of PDFs")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (median reported)")
    args = parser.parse_args()
    header = machine.describe()
    corpus = build_corpus(args.n)
    pages = sum(pages_of(corpus).values())
    times: dict[str, list[float]] = {"process pool": [], "Dask cluster": []}
    differing: set[str] = set()
    with (
        LocalCluster(
            n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        tempfile.TemporaryDirectory(prefix="ingest-dask-") as name,
    ):
        tmp = Path(name)
        ingest(corpus, tmp / "warm-up", "--scheduler", cluster.scheduler_address)  # imports
        for run in range(args.repeat):
            pool, dask = tmp / f"pool-{run}", tmp / f"dask-{run}"
            times["process pool"].append(ingest(corpus, pool, "--workers", str(WORKERS)))
            times["Dask cluster"].append(
                ingest(corpus, dask, "--scheduler", cluster.scheduler_address)
            )
            differing.update(differences(pool, dask))
    base = statistics.median(times["process pool"])
    print("\n".join(header))
    print(f"corpus: {args.n} PDFs, {pages} pages; {WORKERS} workers each; median of {args.repeat}")
    print()
    print("| run | wall s (median) | pages/s | time vs process pool |")
    print("| --- | ---: | ---: | ---: |")
    for label, values in times.items():
        wall = statistics.median(values)
        print(f"| {label} | {wall:.1f} | {pages / wall:.0f} | {wall / base:.2f} |")
    same = "identical, byte for byte" if not differing else f"DIFFER: {sorted(differing)}"
    print(f"\ntables ({', '.join(TABLES)}): {same}")


if __name__ == "__main__":
    main()
