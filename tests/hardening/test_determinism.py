"""Determinism: ingest + analyze of the same letters into two fresh folders write the same
seven tables byte for byte (and so does the re-run after kills:
``test_crash.py::test_rerun_after_kills_writes_the_tables_of_an_uninterrupted_run``).

Bytes, not values: the tables are Parquet files written by the same pyarrow with the same
schema, row order and row groups, and hold no timestamps, so equal data gives equal files;
comparing bytes also proves that no hidden metadata differs. Run metadata (counts of files
read or taken from the cache) lives in ``manifest.json``, which is not compared.
"""

from __future__ import annotations

from tests.hardening import procs


def test_two_fresh_runs_write_identical_tables(uninterrupted, second_run):
    tables, _rival = second_run
    assert set(tables.digests) == set(procs.INGEST_TABLES + procs.ANALYSIS_TABLES)
    assert all(tables.digests.values())
    assert tables.digests == uninterrupted.digests
