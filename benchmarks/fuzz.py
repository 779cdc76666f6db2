"""Fuzz ingest with damaged and hostile PDFs: every file must become exactly one outcome.

Builds ``--cases`` seeded fuzz cases (``tests/hardening/mutate.py``: byte flips, truncations,
chunk moves, cross-reference, length and keyword damage, object-stream damage, decompression
bombs, page trees that claim a million pages or hold thousands, deep nesting, reference
cycles, JavaScript and Launch actions, broken encryption) from the dev corpus's PDFs, then:

1. **Contract run**: ``statements ingest CASES --out OUT`` once, as a user would run it, with
   the given limits. Checks: exit status 0, no traceback, every case has rows in
   ``statements.parquet`` and exactly one outcome (ok rows, or one error row whose message
   names the file), and no file was executed (the JavaScript cases would create a marker).
   Reports outcomes by status and ``error_kind``, wall time, peak memory of the process tree
   (RSS summed over it, sampled every 50 ms, ``proctree.py``), of the command and of its largest
   worker.
2. **Per-file profile** (``--no-profile`` skips it): each case alone in a fresh process forked
   from this one, under the same memory cap and time limit, with ``wait4``'s ``ru_maxrss``:
   the time and memory of the worst single file. A process that outlives the time limit by
   ``GRACE`` seconds is a hang; one killed by a signal is a crash.

Exit status 1 when a case crashed, hung or has no row. Seeded: the same ``--seed`` and
``--cases`` give the same files (the first 26 are the test suite's sample).

    .venv/bin/python benchmarks/fuzz.py --cases 1000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import proctree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hardening import mutate  # noqa: E402

STATEMENTS = Path(sys.executable).with_name("statements")
BASES = (REPO.parent / "shared" / "corpus" / "dev" / "pdf", REPO / "data" / "raw" / "sample")
MARKER = mutate.MARKER
GRACE = 30.0


@dataclass(frozen=True)
class Profile:
    """One case run alone: outcome, wall time, peak RSS (MB), how the process ended."""

    name: str
    outcome: str
    seconds: float
    peak_mb: float
    ended: str  # "exit", "crash: signal N", "hang"


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    bases = mutate.load_bases(next(p for p in BASES if p.is_dir()))
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        src = Path(args.keep or tmp) / "cases"
        src.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        built = mutate.cases(args.seed, args.cases, bases)
        for item in built:
            (src / item.name).write_bytes(item.data)
        size = sum(len(c.data) for c in built)
        print(f"cases: {len(built)} (seed {args.seed}, {size / 2**20:.1f} MB, built in "
              f"{time.monotonic() - started:.1f} s from {len(bases)} base PDFs)")  # fmt: skip
        print(
            "families: "
            + ", ".join(f"{k} {v}" for k, v in Counter(c.family for c in built).items())
        )
        MARKER.unlink(missing_ok=True)
        # The profile forks this process, so it runs before anything here starts threads.
        failures = profile_run(args, src, built) if args.profile else 0
        failures += contract_run(args, src, Path(args.keep or tmp) / "out", built)
        if MARKER.exists():
            failures += 1
            print("EXECUTED: a case's active content ran (marker file exists)")
    print("RESULT: " + ("PASS" if failures == 0 else f"FAIL ({failures} problems)"))
    return 1 if failures else 0


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20.0, help="per-file limit (s)")
    parser.add_argument("--max-memory", type=int, default=1024, help="per-worker cap (MB)")
    parser.add_argument("--ocr", choices=("auto", "off", "force"), default="auto")
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--keep", type=Path, help="write cases and tables here and keep them")
    parser.add_argument("--list", action="store_true", help="print every case's outcome")
    return parser.parse_args(argv)


# ------------------------------------------------------------------------------ contract run


def contract_run(args, src: Path, out: Path, built: list[mutate.Case]) -> int:
    """``statements ingest`` over all cases; the number of contract violations."""
    command = [str(STATEMENTS), "ingest", str(src), "--out", str(out), "--quiet",
               "--workers", str(args.workers), "--timeout", str(args.timeout),
               "--max-memory", str(args.max_memory), "--ocr", args.ocr]  # fmt: skip
    started = time.monotonic()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stderr=stderr, start_new_session=True)
        deadline = started + len(built) / args.workers * (args.timeout + GRACE) + 120
        usage = proctree.watch(process, deadline)
        if usage.killed:
            print("HANG: statements ingest outlived every per-file limit; killed")
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", "replace")
    wall = time.monotonic() - started
    print(f"\n== contract run: statements ingest, {args.workers} workers, timeout "
          f"{args.timeout:g} s, max-memory {args.max_memory} MB, ocr {args.ocr}")  # fmt: skip
    print(f"exit status {process.returncode}; wall time {wall:.1f} s; peak RSS: process tree "
          f"{usage.tree_rss / 2**20:.0f} MB, command {usage.command_rss / 2**20:.0f} MB, "
          f"largest worker {usage.worker_rss / 2**20:.0f} MB")  # fmt: skip
    failures = int(process.returncode != 0) + int("Traceback" in errors)
    lines = errors.splitlines()
    print(f"stderr: {len(lines)} lines (the PDF library's warnings about damaged files)")
    if failures:
        print("\n".join(lines[-40:]))
    if process.returncode != 0:
        return failures + len(built)
    return failures + check_rows(out, built, args.list)


def check_rows(out: Path, built: list[mutate.Case], listing: bool) -> int:
    import pandas as pd

    table = pd.read_parquet(out / "statements.parquet")
    failures, outcomes, by_family = 0, Counter(), Counter()
    for item in built:
        rows = table[table["source_file"] == item.name]
        verdict = outcome(rows, item.name)
        outcomes[verdict] += 1
        if verdict.startswith(("NO ROW", "MIXED", "UNNAMED")):
            failures += 1
            by_family[item.family] += 1
            print(f"  {verdict}: {item.name}")
        elif listing:
            print(f"  {item.name}: {verdict}")
    print("outcomes by status/error_kind:")
    for verdict, count in sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:5d}  {verdict}")
    crashed = table["error_message"].fillna("").str.contains("crashed or ran out of memory")
    print(f"worker processes lost and the file retried alone: {int(crashed.sum())}")
    print(f"files without exactly one outcome row: {failures}")
    return failures


def outcome(rows, name: str) -> str:
    """``ok``, ``ok (N statements)``, ``error/<kind>``, or what breaks the contract."""
    if rows.empty:
        return "NO ROW"
    errors = rows[rows["status"] == "error"]
    if len(errors) and len(rows) > 1:
        return f"MIXED ({len(rows)} rows, {len(errors)} errors)"
    if len(errors):
        message = errors["error_message"].iloc[0] or ""
        kind = errors["error_kind"].iloc[0]
        return f"error/{kind}" if name in message else f"UNNAMED error/{kind}"
    return "ok" if len(rows) == 1 else "ok (bundle: several statements)"


# ------------------------------------------------------------------------------- profile run


def profile_run(args, src: Path, built: list[mutate.Case]) -> int:
    """Each case alone in a forked process; prints the worst time and memory."""
    from analysis.ingest import pipeline  # noqa: F401 - imported once, before forking

    started = time.monotonic()
    profiles = run_forked(args, src, built)
    wall = time.monotonic() - started
    print(f"\n== per-file profile: each case alone in a fresh process ({wall:.1f} s)")
    slow = sorted(profiles, key=lambda p: -p.seconds)
    big = sorted(profiles, key=lambda p: -p.peak_mb)
    print(f"max time per file: {slow[0].seconds:.2f} s ({slow[0].name}: {slow[0].outcome})")
    print(f"max memory per file: {big[0].peak_mb:.0f} MB ({big[0].name}: {big[0].outcome})")
    print("slowest: " + "; ".join(f"{p.name} {p.seconds:.1f} s {p.outcome}" for p in slow[:5]))
    print("largest: " + "; ".join(f"{p.name} {p.peak_mb:.0f} MB {p.outcome}" for p in big[:5]))
    bad = [p for p in profiles if p.ended != "exit"]
    ended = Counter("crash" if p.ended.startswith("crash") else p.ended for p in profiles)
    print(f"crashes: {ended['crash']}, hangs: {ended['hang']} (beyond the limit + {GRACE:g} s)")
    for p in bad:
        print(f"  {p.ended}: {p.name} after {p.seconds:.1f} s: {p.outcome[:300]}")
    return len(bad)


def run_forked(args, src: Path, built: list[mutate.Case]) -> list[Profile]:
    todo = list(built)
    running: dict[int, tuple[mutate.Case, float, int]] = {}
    hung: set[int] = set()
    done: list[Profile] = []
    while todo or running:
        while todo and len(running) < args.workers:
            item = todo.pop(0)
            read, pid = fork_case(args, src / item.name)
            running[pid] = (item, time.monotonic(), read)
        pid, status, usage = os.wait4(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.02)
            hung |= kill_hung(running, args.timeout + GRACE)
            continue
        item, began, read = running.pop(pid)
        if (len(done) + 1) % 100 == 0:
            print(f"  profiled {len(done) + 1} of {len(built)}", file=sys.stderr, flush=True)
        with os.fdopen(read, "rb") as pipe:
            report = pipe.read().decode("utf-8", "replace")
        ended = ended_how(status)
        if pid in hung:
            ended = "hang"
        done.append(
            Profile(
                item.name, report or "-", time.monotonic() - began, usage.ru_maxrss / 1024, ended
            )  # fmt: skip
        )
    return done


def ended_how(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"crash: signal {os.WTERMSIG(status)}"
    code = os.WEXITSTATUS(status)
    return "exit" if code == 0 else f"crash: exception (exit {code})"


def fork_case(args, path: Path) -> tuple[int, int]:
    """Start ``path`` in a child process; its outcome comes back through the pipe."""
    from analysis.ingest.batch import limit_memory
    from analysis.ingest.pipeline import ingest_file
    from analysis.ingest.work import IngestConfig, Source

    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        os.set_blocking(read, True)
        return read, pid
    os.close(read)
    code = 0
    try:
        logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged files: many warnings
        limit_memory(args.max_memory * 2**20)
        config = IngestConfig(timeout=args.timeout, ocr=args.ocr, max_memory_mb=args.max_memory)
        result = ingest_file(Source(path, path.name), config, "0" * 64)
        kinds = sorted({r["error_kind"] or "ok" for r in result.statements})
        os.write(write, json.dumps(kinds).encode()[:4000])
    except BaseException as exc:  # noqa: BLE001 - the child reports, the parent counts
        os.write(write, f"EXCEPTION {type(exc).__name__}: {exc}"[:4000].encode())
        code = 3
    finally:
        os._exit(code)


def kill_hung(running: dict, limit: float) -> set[int]:
    """Kill the children that outlived ``limit`` seconds; their pids."""
    killed = set()
    for pid, (_item, began, _read) in running.items():
        if time.monotonic() - began > limit:
            os.kill(pid, 9)
            killed.add(pid)
    return killed


if __name__ == "__main__":
    sys.exit(main())
