"""Report fixtures: the sample corpus plus hostile and broken files, ingested once; a test-only
positions table from the human coding; and report builds (full, again, redacted, without
analysis) made once per session and shared by the tests that read them."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from analysis.report.build import BuildResult, build_reports
from tests import locations
from tests.report import browser
from tests.report.fixtures import write_positions
from tests.runs import ingest

MOTION = "BA-045/2021"
HOSTILE = ("hostile-markup.pdf", "not-a-pdf.pdf")
AXE = locations.REPO / "node_modules" / "axe-core" / "axe.min.js"
CORRECTIONS = (
    "statement_id;position;stance;note\n{sid};standalone;support;Telefonat mit dem Absender\n"
)


@dataclass(frozen=True)
class Corpus:
    raw: Path
    processed: Path
    bare: Path  # the ingest tables alone, as before `statements analyze`
    gold: Path


def _need(ok: bool, why: str) -> None:
    """Skip where a browser tool is missing, but fail in CI, which must run these checks."""
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (CI must install it: see .ci/run)")
        pytest.skip(why)


@pytest.fixture(scope="session")
def corpus(sample_corpus, robustness_dir, dev_gold, tmp_path_factory) -> Corpus:
    root = tmp_path_factory.mktemp("report")
    raw = root / "raw"
    shutil.copytree(sample_corpus, raw / "sample")
    (raw / "robustness").mkdir()
    for name in HOSTILE:
        shutil.copy(robustness_dir / name, raw / "robustness" / name)
    processed = root / "processed"
    assert ingest([raw], processed, "--ocr", "off", "--workers", "2").code == 0
    bare = root / "bare" / "processed"
    shutil.copytree(processed, bare)
    write_positions(processed, dev_gold)
    hauptamt = _statement_id(processed, "auenberg-ba045-2021-hauptamt.pdf")
    (processed / "corrections.csv").write_text(CORRECTIONS.format(sid=hauptamt), "utf-8")
    return Corpus(raw=raw, processed=processed, bare=bare, gold=dev_gold)


def _statement_id(processed: Path, file_name: str) -> str:
    statements = pd.read_parquet(processed / "statements.parquet")
    return statements.loc[statements["source_file"].str.endswith(file_name), "statement_id"].iloc[0]


def _build(corpus: Corpus, out: Path, hour: int, **options) -> BuildResult:
    now = dt.datetime(2026, 1, 2, hour, 0, tzinfo=dt.UTC)
    return build_reports(corpus.processed, out, MOTION, gold=corpus.gold, now=now, **options)


@pytest.fixture(scope="session")
def built(corpus, tmp_path_factory) -> BuildResult:
    """The council report on BA-045/2021 with the check pages, index and exports."""
    return _build(corpus, tmp_path_factory.mktemp("reports") / "out", 9)


@pytest.fixture(scope="session")
def built_again(corpus, tmp_path_factory) -> BuildResult:
    return _build(corpus, tmp_path_factory.mktemp("reports-again") / "out", 17)


@pytest.fixture(scope="session")
def built_redacted(corpus, tmp_path_factory) -> BuildResult:
    out = tmp_path_factory.mktemp("reports-redacted") / "out"
    return _build(corpus, out, 9, redact=True, checks=False)


@pytest.fixture(scope="session")
def built_bare(corpus, tmp_path_factory) -> BuildResult:
    """A build from the ingest tables alone: no positions, clusters, corrections, evaluation."""
    out = tmp_path_factory.mktemp("reports-bare") / "out"
    return build_reports(corpus.bare, out, MOTION, sources=corpus.raw)


@pytest.fixture(scope="session")
def all_pages(built) -> dict[str, Path]:
    return {"index": built.index, **built.pages}


@pytest.fixture(scope="session")
def chromium() -> browser.Browser:
    _need(browser.executable() is not None, "Debian chromium is not installed")
    with browser.Browser() as page:
        yield page


@pytest.fixture(scope="session")
def axe_source() -> str:
    _need(AXE.exists(), f"axe-core is not installed ({AXE}); run `npm ci`")
    return AXE.read_text(encoding="utf-8")
