"""The fuzz benchmark's first cases through ``statements ingest`` in one run: every damaged or
hostile file becomes exactly one outcome, within the time limit and the memory cap.
``benchmarks/fuzz.py --cases 1000`` runs the same cases and more, with OCR (``--ocr auto``);
here OCR is off to keep the suite fast (``test_limits.py`` takes a hostile page through OCR)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest

from analysis.schema import ERROR_KINDS
from tests.hardening import mutate, procs

SEED = 6  # the benchmark's default seed: these are its first cases
CASES = 26  # two of each family
TIMEOUT = 20
MAX_MEMORY_MB = 1024


@dataclass(frozen=True)
class FuzzRun:
    cases: list[mutate.Case]
    done: procs.Done
    statements: pd.DataFrame


@pytest.fixture(scope="session")
def fuzz_run(fuzz_bases, tmp_path_factory) -> FuzzRun:
    src = tmp_path_factory.mktemp("fuzz-cases")
    cases = mutate.cases(SEED, CASES, fuzz_bases)
    for case in cases:
        (src / case.name).write_bytes(case.data)
    mutate.MARKER.unlink(missing_ok=True)
    out = tmp_path_factory.mktemp("fuzz-out")
    args = procs.command(
        "ingest", str(src), "--out", str(out), "--quiet", "--workers", "2", "--ocr", "off",
        "--timeout", str(TIMEOUT), "--max-memory", str(MAX_MEMORY_MB),
    )  # fmt: skip
    done = procs.run(args, limit=CASES * (TIMEOUT + 10))
    table = pd.read_parquet(out / "statements.parquet") if done.code == 0 else pd.DataFrame()
    return FuzzRun(cases, done, table)


def test_fuzzed_ingest_exits_zero_without_a_traceback(fuzz_run):
    assert fuzz_run.done.code == 0, fuzz_run.done.stderr[-2000:]
    assert "Traceback" not in fuzz_run.done.stderr


def test_the_sample_covers_every_family(fuzz_run):
    assert {c.family for c in fuzz_run.cases} == {name for name, _ in mutate.FAMILIES}


@pytest.mark.parametrize("index", range(CASES))
def test_each_fuzzed_file_has_exactly_one_outcome(fuzz_run, index):
    name = fuzz_run.cases[index].name
    rows = fuzz_run.statements[fuzz_run.statements["source_file"] == name]
    errors = rows[rows["status"] == "error"]
    assert len(rows) >= 1, f"{name} has no row"
    # One outcome: one error row, or the file's statements (a bundle may hold several).
    assert len(errors) == 0 or len(rows) == 1, rows[["status", "error_kind"]]


def test_error_rows_name_the_file_and_a_known_kind(fuzz_run):
    errors = fuzz_run.statements[fuzz_run.statements["status"] == "error"]
    assert len(errors) >= CASES // 4  # the sample is hostile: many files must be rejected
    for row in errors.itertuples():
        assert row.error_kind in ERROR_KINDS
        assert row.error_message.startswith(row.source_file), row.error_message


def test_fuzz_run_stays_far_below_one_time_limit_per_file(fuzz_run):
    # Every file hitting the limit one after the other would take CASES / 2 × TIMEOUT.
    assert fuzz_run.done.seconds < 5 * TIMEOUT


def test_decompression_bombs_stay_under_the_memory_cap(fuzz_run):
    bombs = [c for c in fuzz_run.cases if c.family == "bomb"]
    assert bombs and all(len(c.data) < 3 * 2**20 for c in bombs)  # gigabytes from megabytes
    assert fuzz_run.done.max_rss_mb < MAX_MEMORY_MB
