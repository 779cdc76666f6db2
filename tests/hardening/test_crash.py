"""Crash safety: ``statements ingest`` and ``statements analyze`` killed with SIGKILL (with their
worker processes) after seeded random delays (10–100 % of the time an uninterrupted run of the
same command took, so that the kills land while it runs, however fast it is) leave the
previous tables whole and readable, or (when the kill came after the run) the new ones, never
a mix; the re-run writes the tables of an uninterrupted run, byte for byte; no temporary file
survives.

The one moment a kill can mix old and new tables is between the renames that publish them
(microseconds): ``test_kill_between_two_renames_*`` kills there on purpose and shows that the
next run repairs it.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from tests.hardening import procs

KILL_SEED = 6
INGEST_KILLS = 3
ANALYZE_KILLS = 3
ALL = procs.ALL_TABLES
# Runs the CLI with os.replace patched to SIGKILL the process right after it renamed a table
# whose name is in argv[1]: a kill between the renames that publish a set of tables.
KILL_AFTER_RENAME = """
import os, signal, sys
from pathlib import Path
from analysis import cli
targets, rename = set(sys.argv[1].split(",")), os.replace
def replace(source, target, *args, **kwargs):
    rename(source, target, *args, **kwargs)
    if Path(target).name in targets:
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
sys.exit(cli.main(sys.argv[2:]))
"""


@dataclass(frozen=True)
class Kill:
    stage: str
    delay: float
    running: bool
    digests: dict[str, str | None]
    readable: bool


@dataclass(frozen=True)
class Crashes:
    before: procs.Tables
    snapshot: Path  # the folder as the previous run left it
    kills: list[Kill]
    rerun: dict[str, str | None]
    leftovers: list[str]


def readable(out: Path) -> bool:
    try:
        for name in ALL:
            pd.read_parquet(out / f"{name}.parquet")
    except Exception:  # noqa: BLE001 - any failure to read is the finding
        return False
    return True


def kill_repeatedly(
    stage: str, args: list[str], out: Path, rng: random.Random, times: int, seconds: float
):
    kills = []
    for _ in range(times):
        # Cold: without the manifest and the cache of the runs before, every run has all files
        # to read, so the kill lands in the middle of it (or, when the delay outlasts the run,
        # after it). The final re-run keeps the cache: it must hold only complete entries.
        shutil.rmtree(out / ".cache", ignore_errors=True)
        (out / "manifest.json").unlink(missing_ok=True)
        delay = round(rng.uniform(0.1, 1.0) * seconds, 2)
        running = procs.killed_after(args, delay)
        kills.append(Kill(stage, delay, running, procs.digests(out, ALL), readable(out)))
    done = procs.run(args)  # the re-run; also proves that a killed run leaves no stale lock
    assert done.code == 0, done.stderr
    return kills


@pytest.fixture(scope="session")
def crashes(corpus_before, corpus_after, uninterrupted, tmp_path_factory) -> Crashes:
    root = tmp_path_factory.mktemp("crashed")
    before = procs.ingest_and_analyze([corpus_before], root / "out")
    snapshot = root / "snapshot"
    shutil.copytree(before.out, snapshot)
    rng = random.Random(KILL_SEED)
    ingest = procs.ingest_args([corpus_after], before.out)
    took = uninterrupted.seconds
    kills = kill_repeatedly("ingest", ingest, before.out, rng, INGEST_KILLS, took["ingest"])
    analyze = procs.analyze_args(before.out)
    kills += kill_repeatedly("analyze", analyze, before.out, rng, ANALYZE_KILLS, took["analyze"])
    return Crashes(before, snapshot, kills, procs.digests(before.out, ALL),
                   procs.leftovers(before.out))  # fmt: skip


def part(digests: dict, names: tuple[str, ...]) -> dict:
    return {name: digests[name] for name in names}


def test_most_kills_hit_a_running_command(crashes):
    hits = [k.stage for k in crashes.kills if k.running]
    assert hits.count("ingest") >= INGEST_KILLS // 2, crashes.kills
    assert hits.count("analyze") >= 1, crashes.kills


def test_killed_commands_leave_readable_tables(crashes):
    assert all(k.readable for k in crashes.kills), crashes.kills


def previous_or_finished(
    kill: Kill, crashes: Crashes, uninterrupted: procs.Tables, names: tuple[str, ...]
) -> bool:
    """Whether the tables ``names`` after ``kill`` are all the previous run's or all the
    uninterrupted run's."""
    tables = part(kill.digests, names)
    return tables in (part(crashes.before.digests, names), part(uninterrupted.digests, names))


@pytest.mark.parametrize("index", range(INGEST_KILLS))
def test_killed_ingest_leaves_the_previous_tables_or_the_finished_ones(
    crashes, uninterrupted, index
):
    kill = crashes.kills[index]
    assert previous_or_finished(kill, crashes, uninterrupted, procs.INGEST_TABLES), kill
    assert part(kill.digests, procs.ANALYSIS_TABLES) == part(
        crashes.before.digests, procs.ANALYSIS_TABLES
    )


@pytest.mark.parametrize("index", range(INGEST_KILLS, INGEST_KILLS + ANALYZE_KILLS))
def test_killed_analyze_leaves_the_previous_tables_or_the_finished_ones(
    crashes, uninterrupted, index
):
    kill = crashes.kills[index]
    assert previous_or_finished(kill, crashes, uninterrupted, procs.ANALYSIS_TABLES), kill


def test_rerun_after_kills_writes_the_tables_of_an_uninterrupted_run(crashes, uninterrupted):
    assert crashes.rerun == uninterrupted.digests  # byte for byte, all seven tables


def test_no_temporary_file_remains_after_kills_and_reruns(crashes):
    assert crashes.leftovers == []


# ------------------------------------------------------------ a kill between the renames


@pytest.fixture(scope="session")
def killed_between_renames(crashes, corpus_after, tmp_path_factory) -> dict[str, dict]:
    """From the previous run's folder: ingest killed right after renaming statements.parquet,
    then re-run; analyze killed right after renaming positions.parquet, then re-run."""
    out = tmp_path_factory.mktemp("between-renames") / "out"
    shutil.copytree(crashes.snapshot, out)
    found = {}
    stages = (
        ("ingest", "statements.parquet", procs.ingest_args([corpus_after], out)),
        ("analyze", "positions.parquet", procs.analyze_args(out)),
    )
    for stage, target, args in stages:
        killer = [sys.executable, "-c", KILL_AFTER_RENAME, target, *args[3:]]
        assert procs.run(killer).code == -9
        found[f"{stage} killed"] = procs.digests(out, ALL)
        assert procs.run(args).code == 0
        found[f"{stage} re-run"] = procs.digests(out, ALL)
    found["leftovers"] = procs.leftovers(out)
    return found


def test_kill_between_two_renames_of_ingest_is_repaired_by_the_rerun(
    killed_between_renames, crashes, uninterrupted
):
    killed = killed_between_renames["ingest killed"]
    assert killed["statements"] == uninterrupted.digests["statements"]  # published …
    assert killed["sentences"] == crashes.before.digests["sentences"]  # … the rest not yet
    rerun = killed_between_renames["ingest re-run"]
    assert part(rerun, procs.INGEST_TABLES) == part(uninterrupted.digests, procs.INGEST_TABLES)


def test_kill_between_two_renames_of_analyze_is_repaired_by_the_rerun(
    killed_between_renames, uninterrupted
):
    assert killed_between_renames["analyze re-run"] == uninterrupted.digests
    assert killed_between_renames["leftovers"] == []


# --------------------------------------------------------------- a run that fails cleanly

INTERRUPT_ATTEMPTS = 5


def test_interrupted_ingest_removes_its_temporary_files_itself(crashes, corpus_after, tmp_path):
    """Ctrl-C (SIGINT) while the tables are being written is a failure the run sees: it
    removes its temporary files before it exits."""
    # The tables are written in well under a second: a run may finish between two looks for
    # its temporary files, so it is tried again (with a fresh copy) until the interrupt lands.
    for attempt in range(INTERRUPT_ATTEMPTS):
        out = tmp_path / f"out-{attempt}"
        shutil.copytree(crashes.snapshot, out)
        # Cold, as in kill_repeatedly: without cache and manifest the run reads every file and
        # writes all tables, so there is a write to interrupt.
        shutil.rmtree(out / ".cache")
        (out / "manifest.json").unlink(missing_ok=True)
        process = subprocess.Popen(procs.ingest_args([corpus_after], out), stderr=subprocess.PIPE)
        while process.poll() is None and not list(out.glob(".statements-*.tmp")):
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=120)
        if process.returncode != 0:
            break
    assert process.returncode != 0, f"the run ended before the interrupt {INTERRUPT_ATTEMPTS}×"
    assert procs.leftovers(out) == []
    assert procs.digests(out, ALL) == crashes.before.digests


def test_a_finished_run_leaves_no_temporary_file(uninterrupted):
    assert procs.leftovers(uninterrupted.out) == []
