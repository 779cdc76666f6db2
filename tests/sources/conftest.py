"""Fixtures of the fetch tests: the OParl test server over a corpus built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sources.corpus import build_corpus
from tests.sources.oparl_server import OParlServer


@pytest.fixture(scope="session")
def oparl_corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus PDFs, drawn once; every server of the session reads them from here."""
    folder = tmp_path_factory.mktemp("oparl-corpus")
    build_corpus(folder)
    return folder


@pytest.fixture
def oparl_server(oparl_corpus_dir: Path) -> Iterator[OParlServer]:
    """A started server with no faults; each test gets its own, so faults never leak."""
    with OParlServer(oparl_corpus_dir) as server:
        yield server
