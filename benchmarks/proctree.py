"""Watch a command and all its descendant processes: CPU time and peak memory.

``statements ingest`` reads files in worker processes forked by multiprocessing's fork server,
so they are the fork server's children, not the command's: neither ``wait4`` on the command
nor ``getrusage(RUSAGE_CHILDREN)`` sees their CPU time or memory. This samples the whole tree
with psutil instead.
"""

from __future__ import annotations

import itertools
import os
import select
import subprocess
import time
from dataclasses import dataclass, field

import machine
import psutil

SAMPLE_EVERY = 0.05
# Listing descendants scans all of /proc (about 2 ms) and PSS makes the kernel walk each
# process's page tables, so both are done every 10th sample (0.5 s) only; RSS and CPU times
# (cheap reads of /proc/PID/stat*) every sample. Workers live as long as the run, so none is
# missed; the last < 50 ms of each process's CPU time is.
SLOW_EVERY = 10


@dataclass
class Watched:
    """What one run of a command used (bytes, seconds)."""

    seconds: float = 0.0
    status: int = 0
    killed: bool = False
    tree_rss: int = 0
    tree_pss: int = 0
    command_rss: int = 0
    worker_rss: int = 0
    processes: int = 0
    sampler_cpu: float = 0.0
    cpu_by_pid: dict[int, float] = field(default_factory=dict)

    @property
    def cpu(self) -> float:
        """CPU seconds (user + system) of the command and all its descendants."""
        return sum(self.cpu_by_pid.values())

    @property
    def returncode(self) -> int:
        return os.waitstatus_to_exitcode(self.status)


def _exit_handle(pid: int) -> int | None:
    """A descriptor that becomes readable when process ``pid`` exits (Linux ≥ 5.3)."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _pause(exited: int | None, seconds: float) -> None:
    """Wait ``seconds``, or less if the process exits: a run that ends between two samples
    is timed to its end, not to the next sample (up to 50 ms more: half an unchanged
    re-run)."""
    if exited is None:
        time.sleep(seconds)
    else:
        select.select([exited], [], [], seconds)


def watch(process: subprocess.Popen, deadline: float | None = None, pss: bool = False) -> Watched:
    """Wait for ``process`` (started with ``start_new_session=True`` if a ``deadline`` may
    kill it), sampling its tree. Past ``deadline`` (``time.monotonic``) the process group is
    killed and ``killed`` set."""
    cpu, start, reaped = time.process_time(), time.perf_counter(), machine.reaped_seconds()
    root = psutil.Process(process.pid)
    usage = Watched()
    procs: list[psutil.Process] = []
    exited = _exit_handle(process.pid)
    try:
        for count in itertools.count():
            pid, status, _ = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.monotonic() > deadline and not usage.killed:
                os.killpg(process.pid, 9)
                usage.killed = True
            slow = count % SLOW_EVERY == 0
            if slow:
                procs = _tree(root)
            _sample(procs, usage, pss=pss and slow)
            _pause(exited, SAMPLE_EVERY)
    finally:
        if exited is not None:
            os.close(exited)
    usage.status = status
    process.returncode = usage.returncode
    usage.seconds = time.perf_counter() - start
    usage.sampler_cpu = time.process_time() - cpu
    machine.count_unreaped(max(0.0, usage.cpu - (machine.reaped_seconds() - reaped)))
    return usage


def run(command: list[str], pss: bool = False) -> Watched:
    """Run ``command`` to its end, watching it; raise if it fails."""
    usage = watch(subprocess.Popen(command), pss=pss)
    if usage.returncode:
        raise subprocess.CalledProcessError(usage.returncode, command)
    return usage


def _tree(root: psutil.Process) -> list[psutil.Process]:
    try:
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _sample(procs: list[psutil.Process], usage: Watched, pss: bool) -> None:
    """Add one sample of ``procs`` (``procs[0]`` is the command) to ``usage``."""
    total_rss = total_pss = alive = 0
    for i, proc in enumerate(procs):
        try:
            with proc.oneshot():
                rss = proc.memory_info().rss
                times = proc.cpu_times()
            total_pss += proc.memory_full_info().pss if pss else 0
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        usage.cpu_by_pid[proc.pid] = times.user + times.system
        total_rss, alive = total_rss + rss, alive + 1
        if i == 0:
            usage.command_rss = max(usage.command_rss, rss)
        else:
            usage.worker_rss = max(usage.worker_rss, rss)
    usage.tree_rss = max(usage.tree_rss, total_rss)
    usage.tree_pss = max(usage.tree_pss, total_pss)
    usage.processes = max(usage.processes, alive)
