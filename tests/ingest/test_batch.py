"""Incremental runs, parallel and distributed execution, per-file limits and bundles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.ingest import batch, executors
from analysis.ingest.ocr import ocr_available
from analysis.ingest.pipeline import ingest_file
from analysis.ingest.work import IngestConfig, Source
from tests.hardening.letters import scan
from tests.runs import TABLES, ingest


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def _assert_same_tables(a: Path, b: Path) -> None:
    for name, frame in _tables(a).items():
        pd.testing.assert_frame_equal(frame, _tables(b)[name])


@pytest.fixture()
def corpus(letter_pdfs, tmp_path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("din-letter", "memo", "email"):
        shutil.copy(letter_pdfs[name], src / f"{name}.pdf")
    return src


def _run(src: Path, out: Path, **kwargs) -> batch.RunSummary:
    return batch.ingest([src], out, IngestConfig(), **kwargs)


def test_unchanged_rerun_reads_nothing(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    again = _run(corpus, out)
    assert again.unchanged
    assert again.statements == 3


def _age(folder: Path, seconds: float = 3600) -> None:
    """Set the files' modification times back, as for files that lay in an archive."""
    for path in folder.iterdir():
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


def test_a_rerun_takes_unchanged_files_hashes_from_the_manifest(corpus, tmp_path, monkeypatch):
    _age(corpus)
    out = tmp_path / "out"
    _run(corpus, out)
    read: list[Path] = []
    real = batch.file_sha256
    monkeypatch.setattr(batch, "file_sha256", lambda path: read.append(path) or real(path))
    assert _run(corpus, out).unchanged
    assert not [p for p in read if p.suffix == ".pdf"]


def test_a_file_changed_in_place_is_read_again_though_its_size_stayed(corpus, tmp_path):
    _age(corpus)
    out = tmp_path / "out"
    _run(corpus, out)
    memo = corpus / "memo.pdf"
    data = memo.read_bytes()
    memo.write_bytes(data.replace(b"%%EOF", b"%%EOE", 1))  # same size, other bytes
    again = _run(corpus, out)
    assert not again.unchanged and again.read == 1


def test_a_file_written_just_now_is_hashed_again_next_time(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _run(corpus, out)  # the files are seconds old: their stats are not trusted yet
    read: list[Path] = []
    real = batch.file_sha256
    monkeypatch.setattr(batch, "file_sha256", lambda path: read.append(path) or real(path))
    assert _run(corpus, out).unchanged
    assert len([p for p in read if p.suffix == ".pdf"]) == 3


def test_grown_corpus_reads_only_the_new_file(corpus, letter_pdfs, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    shutil.copy(letter_pdfs["plain-letter"], corpus / "plain-letter.pdf")
    grown = _run(corpus, out)
    assert (grown.read, grown.cached) == (1, 3)


def test_incremental_tables_equal_a_cold_run(corpus, letter_pdfs, tmp_path):
    warm = tmp_path / "warm"
    _run(corpus, warm)
    shutil.copy(letter_pdfs["plain-letter"], corpus / "plain-letter.pdf")
    _run(corpus, warm)
    cold = tmp_path / "cold"
    _run(corpus, cold)
    _assert_same_tables(warm, cold)
    for name in TABLES:
        assert (warm / f"{name}.parquet").read_bytes() == (cold / f"{name}.parquet").read_bytes()


def test_removed_file_leaves_the_tables(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    (corpus / "memo.pdf").unlink()
    _run(corpus, out)
    assert "memo.pdf" not in set(_tables(out)["statements"]["source_file"])


def test_changed_file_is_read_again(corpus, letter_pdfs, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    shutil.copy(letter_pdfs["plain-letter"], corpus / "memo.pdf")
    changed = _run(corpus, out)
    assert (changed.read, changed.cached) == (1, 2)


def test_tampered_table_triggers_a_rebuild(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    (out / "sentences.parquet").write_bytes(b"garbage")
    rebuilt = _run(corpus, out)
    assert not rebuilt.unchanged
    assert len(_tables(out)["sentences"]) > 0


def test_process_workers_give_the_same_tables_as_one_worker(corpus, tmp_path):
    _run(corpus, tmp_path / "one", workers=1)
    _run(corpus, tmp_path / "two", workers=2)
    _assert_same_tables(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
def test_dask_cluster_gives_the_same_tables_as_local_processes(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        _run(corpus, tmp_path / "dask", scheduler=cluster.scheduler_address)
    _run(corpus, tmp_path / "local", workers=2)
    _assert_same_tables(tmp_path / "dask", tmp_path / "local")
    for name in TABLES:  # byte for byte, as the benchmark checks on a larger corpus
        dask, local = (tmp_path / d / f"{name}.parquet" for d in ("dask", "local"))
        assert dask.read_bytes() == local.read_bytes(), name


def test_file_over_the_page_limit_is_a_too_large_row(letter_pdfs):
    source = Source(letter_pdfs["din-letter-two-pages"], "two.pdf")
    result = ingest_file(source, IngestConfig(max_pages=1), "0" * 64)
    (row,) = result.statements
    assert (row["status"], row["error_kind"]) == ("error", "too_large")
    assert "two.pdf" in row["error_message"]


def test_file_over_the_time_limit_is_a_timeout_row(letter_pdfs):
    source = Source(letter_pdfs["din-letter"], "slow.pdf")
    result = ingest_file(source, IngestConfig(timeout=1e-6), "0" * 64)
    (row,) = result.statements
    assert (row["status"], row["error_kind"]) == ("error", "timeout")
    assert "slow.pdf" in row["error_message"]


def test_bundle_members_become_rows_with_their_pages(robustness_dir, tmp_path):
    run = ingest([robustness_dir / "bundle.pdf"], tmp_path / "out")
    rows = run.table("statements").sort_values("first_page")
    assert list(zip(rows["first_page"], rows["last_page"], strict=True)) == [(2, 2), (3, 4), (5, 6)]
    assert rows["statement_id"].is_unique


def test_identical_copies_get_distinct_ids(corpus, tmp_path):
    (corpus / "copy").mkdir()
    shutil.copy(corpus / "memo.pdf", corpus / "copy" / "memo.pdf")
    out = tmp_path / "out"
    _run(corpus, out)
    statements = _tables(out)["statements"]
    assert statements["statement_id"].is_unique
    assert len(statements) == 4


def test_concurrent_run_on_the_same_output_is_refused(corpus, tmp_path):
    out = tmp_path / "out"
    with batch.output_lock(out), pytest.raises(batch.OutputLocked, match="in use"):
        _run(corpus, out)


def test_lock_is_released_after_a_run(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    with batch.output_lock(out):
        pass


def test_locked_output_gives_a_non_zero_exit_and_a_message(corpus, tmp_path, capsys):
    from analysis import cli

    out = tmp_path / "out"
    with batch.output_lock(out):
        code = cli.main(["ingest", str(corpus), "--out", str(out), "--quiet"])
    assert code != 0
    assert "in use" in capsys.readouterr().err


needs_tesseract = pytest.mark.skipif(
    not ocr_available(), reason="Tesseract with German data (tesseract-ocr-deu) is not installed"
)


@pytest.fixture(scope="module")
def scans(letter_pdfs, tmp_path_factory) -> Path:
    """A two-page scanned letter and a born-digital one."""
    src = tmp_path_factory.mktemp("scans")
    scan(letter_pdfs["din-letter-two-pages"], src / "scan.pdf")
    shutil.copy(letter_pdfs["memo"], src / "memo.pdf")
    return src


@needs_tesseract
def test_a_scan_read_one_task_per_page_gives_the_tables_of_one_task_per_file(
    scans, tmp_path, monkeypatch
):
    spread, whole = tmp_path / "spread", tmp_path / "whole"
    config = IngestConfig(timeout=120)
    work = ingest_file(Source(scans / "scan.pdf", "scan.pdf"), config, "0" * 64, split_ocr=2)
    assert work.pages == (1, 2)  # an OcrWork: its pages go out as tasks of their own
    batch.ingest([scans], spread, config, workers=2)
    monkeypatch.setattr(executors, "SPLIT_OCR_PAGES", 0)  # 0: never split
    batch.ingest([scans], whole, config, workers=2)
    _assert_same_tables(spread, whole)
    statements = _tables(spread)["statements"]
    assert statements["ocr"].tolist() == [False, True]  # memo, scan
    assert statements.loc[1, "page_count"] == 2 and statements.loc[1, "status"] == "ok"


@pytest.mark.slow
@needs_tesseract
def test_a_scan_split_into_pages_splits_on_a_dask_cluster_too(scans, tmp_path):
    distributed = pytest.importorskip("distributed")
    config = IngestConfig(timeout=120)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        batch.ingest([scans], tmp_path / "cluster", config, scheduler=cluster.scheduler_address)
    batch.ingest([scans], tmp_path / "local", config, workers=2)
    _assert_same_tables(tmp_path / "local", tmp_path / "cluster")


def test_a_page_that_fails_ocr_fails_its_file_with_the_reason(scans, tmp_path, monkeypatch):
    from analysis.ingest import pipeline

    work = pipeline.OcrWork(doc=None, pages=(1, 2))
    failure = pipeline.PageFailure("timeout", "scan.pdf: reading took longer than the limit")

    class Inline:
        def call(self, task, *args):
            return (task, args)

        def result(self, future, *_):
            task, args = future
            return failure if task == "ocr_one" else getattr(pipeline, task)(*args)

    source = Source(scans / "scan.pdf", "scan.pdf")
    result = batch._spread_ocr(Inline(), source, IngestConfig(), "0" * 64, work)
    (row,) = result.statements
    assert (row["error_kind"], row["error_message"]) == ("timeout", failure.message)
