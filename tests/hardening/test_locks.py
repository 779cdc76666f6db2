"""One run per output folder: a second ``statements ingest`` or ``statements analyze`` on a
folder that another process is writing is refused with a message naming that process, and a
killed run leaves no stale lock (``test_crash.py`` re-runs after every kill)."""

from __future__ import annotations

import os

from analysis.ingest import batch
from tests.hardening import procs


def refused(done: procs.Done, pid: int) -> bool:
    return done.code == 2 and f"is in use by another run (pid {pid})" in done.stderr


def test_ingest_is_refused_while_another_process_holds_the_folder(corpus_before, tmp_path):
    out = tmp_path / "out"
    with batch.output_lock(out):
        done = procs.run(procs.ingest_args([corpus_before], out))
    assert refused(done, os.getpid()), done.stderr
    assert not (out / "statements.parquet").exists()


def test_analyze_is_refused_while_another_process_holds_the_folder(uninterrupted, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in procs.INGEST_TABLES:
        (out / f"{name}.parquet").write_bytes((uninterrupted.out / f"{name}.parquet").read_bytes())
    with batch.output_lock(out):
        done = procs.run(procs.analyze_args(out))
    assert refused(done, os.getpid()), done.stderr
    assert not (out / "positions.parquet").exists()


def test_a_running_ingest_refuses_a_second_one(second_run):
    _tables, rival = second_run
    assert rival.done is not None, "the first ingest ended before the second could start"
    assert refused(rival.done, rival.holder_pid), rival.done.stderr
