"""What the benchmarks ran on: cores, CPU, memory, versions, commit, and how busy it was."""

from __future__ import annotations

import importlib.util
import os
import platform
import resource
import subprocess
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Other processes using more than this many cores on average disturb the timings.
BUSY_CORES = 0.1


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return float("nan")


def commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return f"{head} (src/ modified)" if dirty else head


def code() -> str:
    """Which code the benchmark ran: the work tree's commit, or a pinned export of one
    (``PYTHONPATH=DIR/src`` with the commit's hash in ``DIR/COMMIT``; see the README)."""
    spec = importlib.util.find_spec("analysis")
    src = Path(spec.origin).resolve().parent.parent if spec and spec.origin else None
    if src is None or src == ROOT / "src":
        return f"commit {commit()}"
    marker = src.parent / "COMMIT"
    pinned = marker.read_text().strip() if marker.exists() else "unknown"
    return f"commit {pinned} (clean export in {src.parent})"


def load() -> tuple[float, float, float]:
    return os.getloadavg()


def load_text(averages: tuple[float, float, float]) -> str:
    return " ".join(f"{a:.2f}" for a in averages)


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (all cores, /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values) - idle) / os.sysconf("SC_CLK_TCK")


# CPU seconds of descendants that this process never reaped (workers of a fork server), as
# measured by tree.watch: the kernel does not add them to RUSAGE_CHILDREN.
_unreaped = [0.0]


def count_unreaped(seconds: float) -> None:
    _unreaped[0] += seconds


def reaped_seconds() -> float:
    """CPU seconds of the children of this process that have ended and were waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def own_seconds() -> float:
    """CPU seconds of this process and of all its descendants that have ended."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime + reaped_seconds() + _unreaped[0]


class OtherLoad:
    """CPU time that other processes used while a benchmark ran: the load average also
    counts this benchmark's own recent work, this does not."""

    def __init__(self) -> None:
        self.start = (time.perf_counter(), busy_seconds(), own_seconds())

    def measure(self) -> tuple[float, float]:
        """CPU seconds of other processes so far, and wall seconds."""
        wall = time.perf_counter() - self.start[0]
        others = max(0.0, busy_seconds() - self.start[1] - (own_seconds() - self.start[2]))
        return others, wall

    def report(self) -> str:
        others, wall = self.measure()
        return f"{others:.1f} CPU s in {wall:.0f} s, {self.verdict(others, wall)}"

    @staticmethod
    def verdict(others: float, wall: float) -> str:
        cores = others / wall if wall else 0.0
        busy = "BUSY: the timings are disturbed" if cores > BUSY_CORES else "quiet"
        return f"on average {cores:.2f} of {os.cpu_count()} cores ({busy})"


def idle_check(seconds: float = 3.0) -> str:
    """How busy the machine is right now, from a short sample of other processes' CPU use."""
    probe = OtherLoad()
    time.sleep(seconds)
    others, wall = probe.measure()
    return f"other processes in {seconds:g} s before start: {probe.verdict(others, wall)}"


def describe() -> list[str]:
    """Lines that say what machine and code a benchmark ran on."""
    return [
        f"machine: {os.cpu_count()} cores ({cpu_model()}), {ram_gib():.1f} GiB RAM, "
        f"{platform.system()} {platform.release()}",
        f"software: Python {platform.python_version()}, pdfplumber {version('pdfplumber')}, "
        f"pdfminer.six {version('pdfminer.six')}, {code()}",
        f"load average (1/5/15 min) before start: {load_text(load())}",
        idle_check(),
    ]
