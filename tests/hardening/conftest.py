"""Hardening fixtures: fuzz cases, a small corpus of the sample letters, and the
ingest + analyze runs that the crash, determinism, lock and limit tests share."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hardening import mutate, procs

# Letters of three senders' kinds (office, association, citizens) and two motions: enough
# for positions and clusters, small enough to ingest in seconds.
LETTERS = (
    "auenberg-ba045-2021-bi-schnelles-netz.pdf",
    "auenberg-ba045-2021-hauptamt.pdf",
    "lindenau-ds0815-2022-fahrradclub.pdf",
    "auenberg-ba045-2021-spd-fraktion.pdf",
    "lindenau-ds0815-2022-einwohner-pohl.pdf",
    "lindenau-ds0815-2022-stadtplanungsamt.pdf",
)


@pytest.fixture(scope="session")
def fuzz_bases(dev_pdf_dir) -> list[mutate.Base]:
    return mutate.load_bases(dev_pdf_dir)


@pytest.fixture(scope="session")
def letter_paths(dev_pdf_dir) -> list[Path]:
    return [dev_pdf_dir / name for name in LETTERS]


# --------------------------------------------------------------- ingest and analyze runs


def source_tree(folder: Path, letters: list[Path]) -> Path:
    folder.mkdir(parents=True)
    for path in letters:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def corpus_before(letter_paths, tmp_path_factory) -> Path:
    """The corpus of the previous run: the first half of the letters."""
    return source_tree(tmp_path_factory.mktemp("before") / "src", letter_paths[:3])


@pytest.fixture(scope="session")
def corpus_after(letter_paths, tmp_path_factory) -> Path:
    """The corpus of the next run: all letters (three new ones)."""
    return source_tree(tmp_path_factory.mktemp("after") / "src", letter_paths)


@pytest.fixture(scope="session")
def uninterrupted(corpus_after, tmp_path_factory) -> procs.Tables:
    """ingest + analyze of ``corpus_after`` into a fresh folder, never interrupted."""
    return procs.ingest_and_analyze(
        [corpus_after], tmp_path_factory.mktemp("uninterrupted") / "out"
    )


@dataclass(frozen=True)
class Rival:
    """A second ingest started while the first held the folder."""

    done: procs.Done | None  # None: the first run ended before the rival could start
    holder_pid: int


@pytest.fixture(scope="session")
def second_run(corpus_after, tmp_path_factory) -> tuple[procs.Tables, Rival]:
    """ingest + analyze of ``corpus_after`` into another fresh folder; while its ingest runs, a
    second ingest on the same folder tries to start."""
    out = tmp_path_factory.mktemp("second") / "out"
    first = subprocess.Popen(procs.ingest_args([corpus_after], out), stderr=subprocess.PIPE)
    lock = out / ".lock"
    while first.poll() is None and not (lock.exists() and lock.read_text() == f"pid {first.pid}"):
        time.sleep(0.02)
    rival = procs.run(procs.ingest_args([corpus_after], out)) if first.poll() is None else None
    _out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    done = procs.run(procs.analyze_args(out))
    assert done.code == 0, done.stderr
    tables = procs.Tables(out, procs.digests(out, procs.ALL_TABLES))
    return tables, Rival(rival, first.pid)
