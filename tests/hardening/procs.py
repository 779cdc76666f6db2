"""The ``statements`` command as a separate process: run it, kill it, compare what it wrote."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

INGEST_TABLES = ("statements", "paragraphs", "sentences")
ANALYSIS_TABLES = ("positions", "arguments", "clusters", "links")
ALL_TABLES = INGEST_TABLES + ANALYSIS_TABLES
# A run in the tests never needs more: the per-file limits are small, the inputs few.
MEMORY_MB = "1536"


@dataclass(frozen=True)
class Done:
    """A finished command: exit status, stderr and wall time."""

    code: int
    stderr: str
    seconds: float
    max_rss_mb: float = 0.0


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "analysis.cli", *args]


def ingest_args(sources: list[Path], out: Path, *options: str) -> list[str]:
    return command(
        "ingest", *map(str, sources), "--out", str(out), "--quiet", "--workers", "2",
        "--max-memory", MEMORY_MB, "--ocr", "off", *options,
    )  # fmt: skip


def analyze_args(processed: Path) -> list[str]:
    return command("analyze", "--processed", str(processed), "--quiet")


def run(args: list[str], limit: float = 300.0) -> Done:
    """Run to the end (failing after ``limit`` seconds: a hang); with the peak RSS of the
    largest process of its tree (the command, its worker processes), sampled every 50 ms."""
    started, peak = time.monotonic(), 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        process = subprocess.Popen(args, stderr=err)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, largest_rss(process.pid))
            if time.monotonic() - started > limit:
                process.kill()
                os.wait4(process.pid, 0)
                raise AssertionError(f"{args[3]} did not finish within {limit:g} s: it hangs")
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read()
    peak = max(peak, usage.ru_maxrss * 1024)
    return Done(process.returncode, text, time.monotonic() - started, peak / 2**20)


def largest_rss(pid: int) -> int:
    """RSS (bytes) of the largest process among ``pid`` and its descendants."""
    try:
        root = psutil.Process(pid)
        return max(p.memory_info().rss for p in [root, *root.children(recursive=True)])
    except psutil.Error:
        return 0


def killed_after(args: list[str], delay: float) -> bool:
    """Start ``args``, SIGKILL it (and its worker processes) after ``delay`` seconds; whether
    it was still running when killed."""
    process = subprocess.Popen(args, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the command's session: it and its workers
        process.wait()
        return True


def digests(folder: Path, names: tuple[str, ...]) -> dict[str, str | None]:
    """SHA-256 of each table's bytes (None when it does not exist)."""
    found = {}
    for name in names:
        path = folder / f"{name}.parquet"
        found[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return found


def leftovers(folder: Path) -> list[str]:
    """Temporary files anywhere under ``folder``."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.tmp"))


@dataclass(frozen=True)
class Tables:
    """A processed folder after ingest and analyze, with the digests of its tables and the
    wall seconds each stage took (``ingest``, ``analyze``; empty when not timed)."""

    out: Path
    digests: dict[str, str | None]
    seconds: dict[str, float] = field(default_factory=dict)


def ingest_and_analyze(sources: list[Path], out: Path) -> Tables:
    seconds = {}
    for stage, args in (("ingest", ingest_args(sources, out)), ("analyze", analyze_args(out))):
        done = run(args)
        assert done.code == 0, done.stderr
        seconds[stage] = done.seconds
    return Tables(out, digests(out, ALL_TABLES), seconds)
