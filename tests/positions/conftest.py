"""Fixtures for the position stage: the codebook, literal letters, the analysed dev corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.ingest.text import split_sentences
from analysis.positions.codebook import load_codebook
from analysis.positions.features import CueMatcher
from analysis.positions.model import default_model
from analysis.positions.run import analyze

DATA = Path(__file__).parent / "data"


def letter(*paragraphs: str, statement_id: str = "s1") -> pd.DataFrame:
    """A statement given as paragraphs → a sentences table as ingest writes it."""
    rows = [
        (statement_id, p_no, s_no, sentence, 1)
        for p_no, paragraph in enumerate(paragraphs)
        for s_no, sentence in enumerate(split_sentences(paragraph))
    ]
    return pd.DataFrame(
        rows, columns=["statement_id", "paragraph_no", "sentence_no", "text", "page"]
    )


def statements_table(texts: dict[str, str], motion: str = "BA-1/2024", **extra) -> pd.DataFrame:
    """A minimal statements table for ``analyze_tables``."""
    rows = []
    for sid, text in texts.items():
        row = {"statement_id": sid, "status": "ok", "motion_ref": motion, "date": None,
               "sender_org": None, "sender_unit": None, "author": None, "text": text}  # fmt: skip
        row.update(extra.get(sid, {}))
        rows.append(row)
    return pd.DataFrame(rows)


def sentences_of(texts: dict[str, str]) -> pd.DataFrame:
    """Sentences tables of several statements, one paragraph per blank-line block."""
    return pd.concat(
        [letter(*t.split("\n\n"), statement_id=sid) for sid, t in texts.items()], ignore_index=True
    )


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


@pytest.fixture(scope="session")
def matcher(codebook):
    return CueMatcher(codebook)


@pytest.fixture(scope="session")
def model():
    return default_model()


@pytest.fixture(scope="session")
def code(model):
    """Position and stance of a literal letter with the shipped model: code(*paragraphs)."""

    def run(*paragraphs: str) -> dict:
        rows, _ = model.predict(letter(*paragraphs))
        return rows.iloc[0].to_dict()

    return run


@pytest.fixture(scope="session")
def dev_analysed(dev_run, tmp_path_factory) -> Path:
    """The ingested dev corpus, analysed once into a folder of its own."""
    out = tmp_path_factory.mktemp("dev-analysed")
    for name in ("statements", "paragraphs", "sentences"):
        shutil.copy(dev_run.out / f"{name}.parquet", out / f"{name}.parquet")
    analyze(out)
    return out
