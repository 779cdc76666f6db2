"""Helpers to run ``statements ingest`` in-process and the shared scorer as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import cli

TABLES = ("statements", "motions", "paragraphs", "sentences")


@dataclass(frozen=True)
class IngestRun:
    """One ``statements ingest`` call: its exit status and output folder."""

    code: int
    out: Path

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_parquet(self.out / f"{name}.parquet")


def ingest(sources: list[Path], out: Path, *options: str) -> IngestRun:
    """Run ``statements ingest`` in-process, quietly."""
    code = cli.main(["ingest", *map(str, sources), "--out", str(out), "--quiet", *options])
    return IngestRun(code, out)


def score(scorer: Path, *args: str) -> dict:
    """Run the shared scorer and return the JSON object it prints before its summary line."""
    done = subprocess.run(
        [sys.executable, str(scorer), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"score.py {args[0]} failed:\n{done.stderr}"
    return json.JSONDecoder().raw_decode(done.stdout)[0]
