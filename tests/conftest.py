"""Common fixtures: the built test letters, the sample corpus, the robustness cases, ingest runs.

Expensive things happen once per session: the letters are built and read once, and each
corpus goes through ``statements ingest`` once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.gold import read_gold
from analysis.ingest.accuracy import metadata_report
from analysis.ingest.extract import Statement, extract_statement
from analysis.ingest.reader import read_pdf
from analysis.ingest.records import Document
from analysis.ingest.zones import ZonedLine, zone_document
from tests import locations
from tests.pdfbuild import LAYOUTS, Letter, build
from tests.runs import IngestRun, ingest

# ------------------------------------------------------------------------------ locations


def _require(path: Path, what: str) -> Path:
    """``path``, or skip: what the repository cannot hold (third-party PDFs, the team's scorer)
    lives in ``../shared``, which a user's clone does not have."""
    if not path.exists():
        pytest.skip(f"needs {what} from ../shared (not part of the repository)")
    return path


@pytest.fixture(scope="session")
def dev_pdf_dir() -> Path:
    """The development corpus: the repository's bundled sample (the same PDFs)."""
    return locations.SAMPLE


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    return locations.SAMPLE_GOLD


@pytest.fixture(scope="session")
def robustness_dir() -> Path:
    return locations.ROBUSTNESS


@pytest.fixture(scope="session")
def external_dir() -> Path:
    return _require(locations.EXTERNAL, "the third-party council PDFs")


@pytest.fixture(scope="session")
def scorer() -> Path:
    return _require(locations.SCORER, "the team's scorer")


@pytest.fixture(scope="session")
def sample_corpus() -> Path:
    path = locations.SAMPLE
    if not any(path.glob("*.pdf")):
        pytest.skip(f"the bundled sample corpus is missing at {path}")
    return path


# ----------------------------------------------------------------------- built letters


@pytest.fixture(scope="session")
def letters() -> dict[str, Letter]:
    """Every test letter by name (what is drawn and what ingest should find)."""
    return {name: make() for name, make in LAYOUTS.items()}


@pytest.fixture(scope="session")
def letter_pdfs(letters, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("letters")
    return {name: build(letter, folder) for name, letter in letters.items()}


@pytest.fixture(scope="session")
def documents(letter_pdfs) -> dict[str, Document]:
    return {name: read_pdf(path, path.name) for name, path in letter_pdfs.items()}


@pytest.fixture(scope="session")
def zoned(documents) -> dict[str, list[ZonedLine]]:
    return {name: zone_document(doc) for name, doc in documents.items()}


@pytest.fixture(scope="session")
def statements(documents) -> dict[str, Statement]:
    return {name: extract_statement(doc) for name, doc in documents.items()}


# --------------------------------------------------------------------------- ingest runs


@pytest.fixture(scope="session")
def dev_run(dev_pdf_dir, tmp_path_factory) -> IngestRun:
    """The dev corpus through the CLI, once per session (all cores)."""
    return ingest([dev_pdf_dir], tmp_path_factory.mktemp("dev-processed"))


@pytest.fixture(scope="session")
def dev_scores(dev_run, dev_gold) -> dict:
    """What ``statements evaluate`` measures of the metadata, on the text-layer letters."""
    gold = [g for g in read_gold(dev_gold) if not g.get("scanned")]
    return metadata_report(gold, dev_run.table("statements"))


@pytest.fixture(scope="session")
def robustness_run(robustness_dir, tmp_path_factory) -> IngestRun:
    return ingest([robustness_dir], tmp_path_factory.mktemp("robustness-processed"))


@pytest.fixture(scope="session")
def external_run(external_dir, tmp_path_factory) -> IngestRun:
    return ingest([external_dir], tmp_path_factory.mktemp("external-processed"))


@pytest.fixture(scope="session")
def small_src(letter_pdfs, tmp_path_factory) -> Path:
    """A small SRC tree: letters at several depths and one file that is not a PDF."""
    src = tmp_path_factory.mktemp("small-src")
    (src / "sub" / "deeper").mkdir(parents=True)
    (src / "din-letter.pdf").write_bytes(letter_pdfs["din-letter"].read_bytes())
    (src / "sub" / "memo.pdf").write_bytes(letter_pdfs["memo"].read_bytes())
    (src / "sub" / "deeper" / "email.pdf").write_bytes(letter_pdfs["email"].read_bytes())
    (src / "broken.pdf").write_text("Dies ist keine PDF-Datei, sondern Text.\n", encoding="utf-8")
    (src / "notes.txt").write_text("not an input\n", encoding="utf-8")
    return src


@pytest.fixture(scope="session")
def small_run(small_src, tmp_path_factory) -> IngestRun:
    return ingest([small_src], tmp_path_factory.mktemp("small-processed"))
