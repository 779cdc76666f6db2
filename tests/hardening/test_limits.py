"""Input limits: size, page, time and memory limits are on by default and each turns a
pathological file into an error row that names the limit to raise; an unexpected error on one
file is a row too; nothing in a PDF is ever run; the cache holds plain JSON."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import build_parser
from analysis.ingest import pipeline
from analysis.ingest.reader import IngestError
from analysis.ingest.work import IngestConfig, Source
from tests.hardening import procs, rawpdf

TIMEOUT = 4
MAX_FILE_MB = 1
MAX_PAGES = 2000
# file → (status or error_kinds, what its message must mention)
HOSTILE = {
    # The content stream is behind references that loop: PDFium (the default reader) sees an
    # empty page; pdfplumber loops until the time limit (test_readers.py).
    "reference-cycle.pdf": ("no_text", "OCR"),
    "thousands-of-pages.pdf": ("too_large", "--max-pages"),
    "three-megabytes.pdf": ("too_large", "--max-file-mb"),
    "huge-page-for-ocr.pdf": ("too_large", "too large to render for OCR"),
    # Inflating stops at the memory cap (MemoryError) or, on a slow machine, at the time limit.
    "bomb-8-gb.pdf": ("damaged timeout", ""),
    "million-pages-claimed.pdf": ("ok", ""),
    "million-pages-dag.pdf": ("ok", ""),
    "cyclic-page-tree.pdf": ("ok", ""),
    "nested-300000-deep.pdf": ("ok", ""),
    "javascript-and-launch.pdf": ("ok", ""),
}


def hostile_files(folder: Path, marker: Path) -> None:
    padded = rawpdf.pdf(rawpdf.letter()) + b"%" + b" " * (3 * 2**20) + b"\n"
    files = {
        "reference-cycle.pdf": rawpdf.reference_chain(2, cycle=True),
        "thousands-of-pages.pdf": rawpdf.pages_many(MAX_PAGES + 500),
        "three-megabytes.pdf": padded,
        "huge-page-for-ocr.pdf": rawpdf.huge_mediabox(),
        "bomb-8-gb.pdf": rawpdf.content_bomb(8 * 1024, layers=2),
        "million-pages-claimed.pdf": rawpdf.pages_count_lie(),
        "million-pages-dag.pdf": rawpdf.pages_dag(fanout=10, depth=6),
        "cyclic-page-tree.pdf": rawpdf.pages_cycle(),
        "nested-300000-deep.pdf": rawpdf.nested_arrays(300_000),
        "javascript-and-launch.pdf": rawpdf.active_content(str(marker)),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory) -> tuple[procs.Done, pd.DataFrame, Path]:
    root = tmp_path_factory.mktemp("hostile")
    src, out, marker = root / "src", root / "out", root / "was-executed"
    src.mkdir()
    hostile_files(src, marker)
    args = procs.ingest_args([src], out, "--ocr", "auto", "--timeout", str(TIMEOUT),
                             "--max-file-mb", str(MAX_FILE_MB))  # fmt: skip
    done = procs.run(args, limit=120)
    assert done.code == 0, done.stderr
    return done, pd.read_parquet(out / "statements.parquet"), marker


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_gets_its_outcome(hostile_run, name):
    _done, table, _marker = hostile_run
    rows = table[table["source_file"] == name]
    expected, mention = HOSTILE[name]
    if expected == "ok":
        assert list(rows["status"]) == ["ok"], rows[["status", "error_message"]]
    else:
        (row,) = rows.itertuples()
        assert row.error_kind in expected.split(), row.error_message
        assert row.error_message.startswith(name) and mention in row.error_message


def test_a_page_tree_claiming_a_million_pages_reads_its_one_page(hostile_run):
    _done, table, _marker = hostile_run
    rows = table[table["source_file"].str.startswith("million-pages")]
    assert set(rows["page_count"]) == {1}


def test_hostile_files_stay_under_the_memory_cap(hostile_run):
    done, _table, _marker = hostile_run
    assert done.max_rss_mb < int(procs.MEMORY_MB)


def test_javascript_and_launch_actions_are_never_run(hostile_run):
    _done, _table, marker = hostile_run
    assert not marker.exists()


def test_limits_are_on_by_default():
    args = build_parser().parse_args(["ingest", "x", "--out", "y"])
    assert (args.max_pages, args.timeout, args.max_memory, args.max_file_mb) == (
        2000, 300.0, 4096, 200.0
    )  # fmt: skip
    defaults = IngestConfig()
    assert (defaults.max_pages, defaults.timeout, defaults.max_file_mb) == (2000, 300.0, 200.0)


def test_file_size_limit_is_part_of_the_cache_key():
    assert IngestConfig(max_file_mb=1).fingerprint() != IngestConfig().fingerprint()


def test_cache_entries_are_plain_json(uninterrupted):
    entries = sorted((uninterrupted.out / ".cache").rglob("*.json.gz"))
    assert entries
    for entry in entries:
        data = json.loads(gzip.decompress(entry.read_bytes()))
        assert set(data) == {"statements", "paragraphs", "sentences", "pages"}


def _raises(exc: Exception):
    def read(*_args, **_kwargs):
        raise exc

    return read


def test_an_unexpected_error_on_a_file_is_an_other_row_not_a_crash(monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "read", _raises(ZeroDivisionError("division by zero")))
    result = pipeline.ingest_file(Source(tmp_path / "x.pdf", "x.pdf"), IngestConfig(), "0" * 64)
    (row,) = result.statements
    assert (row["status"], row["error_kind"]) == ("error", "other")
    assert row["error_message"].startswith("x.pdf:") and "ZeroDivisionError" in row["error_message"]


def test_a_timeout_that_a_library_wrapped_stays_a_timeout(monkeypatch, tmp_path):
    try:
        raise IngestError("timeout", "x.pdf", "20 s")
    except IngestError as timeout:
        wrapped = RuntimeError("the parser gave up")
        wrapped.__context__ = timeout
    monkeypatch.setattr(pipeline, "read", _raises(wrapped))
    result = pipeline.ingest_file(Source(tmp_path / "x.pdf", "x.pdf"), IngestConfig(), "0" * 64)
    assert result.statements[0]["error_kind"] == "timeout"
