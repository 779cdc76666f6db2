"""How time and memory of a cold ingest grow with the number of files.

For each N, runs ``statements ingest CORPUS --out FRESH --quiet`` cold as a subprocess (default
workers: all cores) on a corpus of N distinct statement PDFs (see ``corpus.py``) and reports:

- wall time and pages/s;
- tree RSS: peak of the RSS summed over the command and its worker processes, sampled every
  50 ms with psutil; pages the forked workers share with the command count once per process,
  so this over-states the footprint;
- tree PSS: the same sum of PSS (shared pages split between the processes sharing them: what
  the tree really occupies), sampled every 0.5 s;
- command / worker: peak RSS of the command itself and of the largest worker;
- max proc: peak RSS of the largest single process, ``ru_maxrss`` from ``wait4`` on the
  command, which covers it and every worker it waited for (what
  ``getrusage(RUSAGE_CHILDREN)`` of this script reports, but per run instead of over all);
- the CPU time the sampling itself cost (it shares the cores with the run).

Results stream to disk, so memory should stay roughly flat as N grows.

    .venv/bin/python benchmarks/ingest_memory.py --n 100 1000 5000
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import machine
import psutil
from corpus import build_corpus, pages_of

STATEMENTS = Path(sys.executable).with_name("statements")
SAMPLE_EVERY = 0.05
# Listing descendants scans all of /proc (about 2 ms) and PSS makes the kernel walk each
# process's page tables, so both are done every 10th sample (0.5 s) only; RSS (a cheap read of
# /proc/PID/statm) every sample. The workers live as long as the run, so none is missed.
SLOW_EVERY = 10
MIB = 2**20


@dataclass
class Usage:
    """Peaks of one run (bytes), its wall time and the sampler's own CPU time."""

    seconds: float
    tree_rss: int = 0
    tree_pss: int = 0
    command_rss: int = 0
    worker_rss: int = 0
    max_rss: int = 0
    processes: int = 0
    sampler_cpu: float = 0.0


def tree(root: psutil.Process) -> list[psutil.Process]:
    """``root`` and its descendants (the command's worker processes)."""
    try:
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def sample(procs: list[psutil.Process], peaks: Usage, pss: bool) -> None:
    """Add one sample of ``procs`` (``procs[0]`` is the command) to ``peaks``."""
    total_rss = total_pss = alive = 0
    for i, proc in enumerate(procs):
        try:
            rss = proc.memory_info().rss
            total_pss += proc.memory_full_info().pss if pss else 0
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        total_rss, alive = total_rss + rss, alive + 1
        if i == 0:
            peaks.command_rss = max(peaks.command_rss, rss)
        else:
            peaks.worker_rss = max(peaks.worker_rss, rss)
    peaks.tree_rss = max(peaks.tree_rss, total_rss)
    peaks.tree_pss = max(peaks.tree_pss, total_pss)
    peaks.processes = max(peaks.processes, alive)


def run(command: list[str]) -> Usage:
    """Run ``command``, sampling its tree's memory until it exits."""
    cpu = time.process_time()
    start = time.perf_counter()
    proc = subprocess.Popen(command)
    root = psutil.Process(proc.pid)
    peaks = Usage(seconds=0.0)
    procs: list[psutil.Process] = []
    for count in itertools.count():
        # wait4 (not Popen.poll) so that the exit also hands over the tree's rusage.
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        slow = count % SLOW_EVERY == 0
        if slow:
            procs = tree(root)
        sample(procs, peaks, pss=slow)
        time.sleep(SAMPLE_EVERY)
    peaks.seconds = time.perf_counter() - start
    peaks.sampler_cpu = time.process_time() - cpu
    peaks.max_rss = rusage.ru_maxrss * 1024  # KiB on Linux
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, command)
    return peaks


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
            usage = run(command)
        other_seconds, wall = others.measure()
        rows.append((n, pages, usage, other_seconds / wall))
    print("\n".join(header))
    print(f"statements ingest cold, {os.cpu_count()} workers")
    print()
    print(
        f"{'PDFs':>6} {'pages':>6} {'wall s':>7} {'pages/s':>7} {'tree RSS':>9} {'tree PSS':>9} "
        f"{'command':>8} {'worker':>8} {'max proc':>8} {'procs':>5} {'sampler':>7} {'others':>6}"
    )
    for n, pages, usage, other_cores in rows:
        mib = [
            f"{getattr(usage, k) / MIB:>{w}.0f}"
            for k, w in [("tree_rss", 9), ("tree_pss", 9), ("command_rss", 8)]
            + [("worker_rss", 8), ("max_rss", 8)]
        ]
        rate = pages / usage.seconds
        print(
            f"{n:>6} {pages:>6} {usage.seconds:>7.1f} {rate:>7.1f} {' '.join(mib)} "
            f"{usage.processes:>5} {usage.sampler_cpu:>6.1f}s {other_cores:>6.2f}"
        )
    print(
        "\nMiB; tree: sums over the command and its workers (RSS every 50 ms, PSS every 0.5 s); "
        "command/worker: peak RSS of the command / of any one worker; max proc: ru_maxrss of "
        "wait4; sampler: CPU time this script spent sampling; others: cores that other processes "
        "used on average during the run (above 0.1 the timings are disturbed)."
    )


if __name__ == "__main__":
    main()
