"""Read what a report needs from disk: the processed tables, the analysis tables when they exist,
corrections, measured accuracy, human coding, the codebook, and where the source PDFs are.

This is the report's only reader; everything after it works on the :class:`ReportInputs` it
returns. Missing analysis files are ``None`` (the report says so in German); a missing
``statements.parquet`` is the one thing that stops a report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from analysis.corrections import CORRECTIONS_FILE, read_corrections
from analysis.language.glossary import Glossary, load_glossary

EVALUATION_FILE = "evaluation.json"
ANALYSIS_TABLES = ("positions", "clusters", "arguments")


@dataclass(frozen=True)
class ReportInputs:
    """Everything a report reads, as read; ``None`` where a file does not exist."""

    processed: Path
    statements: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    positions: pd.DataFrame | None = None
    clusters: pd.DataFrame | None = None
    arguments: pd.DataFrame | None = None
    motions: pd.DataFrame | None = None  # motions.parquet: title, date, body per motion
    readability: pd.DataFrame | None = None  # readability.parquet (written by analyze)
    glossary: Glossary | None = None
    corrections: pd.DataFrame | None = None
    evaluation: dict | None = None
    gold: pd.DataFrame | None = None
    codebook: dict | None = None
    file_hashes: dict[str, str] = field(default_factory=dict)
    pdf_paths: dict[str, Path] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def load(
    processed: str | Path,
    *,
    sources: str | Path | None = None,
    gold: str | Path | None = None,
    codebook: str | Path | None = None,
    glossary: Iterable[str | Path] | None = (),
) -> ReportInputs:
    """Read ``processed`` (and the optional files) into a :class:`ReportInputs`.

    ``sources`` is the folder ingest read the PDFs from; without it the report looks in
    ``processed/../raw`` (the project's ``data/raw`` beside ``data/processed``).
    ``glossary``: the user's glossary files on top of the shipped one.
    """
    processed = Path(processed)
    statements_path = processed / "statements.parquet"
    if not statements_path.exists():
        raise FileNotFoundError(
            f"{statements_path} not found: run `statements ingest SRC --out {processed}` first"
        )
    tables = {name: _parquet(processed / f"{name}.parquet") for name in ANALYSIS_TABLES}
    statements = pd.read_parquet(statements_path)
    corrections, problems = read_corrections(processed / CORRECTIONS_FILE)
    roots = [Path(sources)] if sources else [processed.parent / "raw"]
    return ReportInputs(
        processed=processed,
        statements=statements,
        paragraphs=_parquet(processed / "paragraphs.parquet", required=True),
        sentences=_parquet(processed / "sentences.parquet", required=True),
        positions=tables["positions"],
        clusters=tables["clusters"],
        arguments=tables["arguments"],
        motions=_parquet(processed / "motions.parquet"),
        readability=_parquet(processed / "readability.parquet"),
        glossary=load_glossary([Path(g) for g in glossary or ()]),
        corrections=corrections,
        evaluation=_json(processed / EVALUATION_FILE),
        gold=read_gold(Path(gold)) if gold else None,
        codebook=_yaml(Path(codebook)) if codebook else None,
        file_hashes=processed_hashes(processed),
        pdf_paths=locate_pdfs(statements, roots),
        problems=tuple(problems),
    )


def _parquet(path: Path, required: bool = False) -> pd.DataFrame | None:
    if path.exists():
        return pd.read_parquet(path)
    if required:
        raise FileNotFoundError(f"{path} not found: run `statements ingest` again")
    return None


def _json(path: Path) -> dict | None:
    if not path.exists():
        return None
    value = json.loads(path.read_text(encoding="utf-8"))
    return value if isinstance(value, dict) else {"value": value}


def _yaml(path: Path) -> dict:
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    return value if isinstance(value, dict) else {}


def read_gold(path: Path) -> pd.DataFrame:
    """Human coding (``gold.jsonl``) keyed by the PDF's file name."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            rows.append(
                {
                    "file_name": Path(item.get("file", "")).name,
                    "position": item.get("position"),
                    "stance": item.get("stance"),
                    "stakeholder_group": item.get("stakeholder_group"),
                    "concerns": tuple(item.get("concerns") or ()),
                }
            )
    return pd.DataFrame(
        rows, columns=["file_name", "position", "stance", "stakeholder_group", "concerns"]
    )


def processed_hashes(processed: Path) -> dict[str, str]:
    """SHA-256 of each table and side file in ``processed`` that a report may read."""
    names = sorted(
        p.name
        for p in processed.iterdir()
        if p.is_file() and p.suffix in {".parquet", ".csv", ".json"} and not p.name.startswith(".")
    )
    return {name: sha256_file(processed / name) for name in names}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def locate_pdfs(statements: pd.DataFrame, roots: list[Path]) -> dict[str, Path]:
    """statement_id → the PDF it came from, where a file with the same bytes is found under roots.

    ``source_file`` is relative to the folder ingest was given, which the tables do not record:
    try ``root/source_file`` first, then any file of the same name below a root, and accept a
    candidate only when its SHA-256 matches ``source_sha256``.
    """
    by_name = _files_by_name(roots)
    found: dict[str, Path] = {}
    hashes: dict[Path, str] = {}
    for row in statements.itertuples(index=False):
        direct = [root / row.source_file for root in roots if (root / row.source_file).is_file()]
        for candidate in dict.fromkeys([*direct, *by_name.get(Path(row.source_file).name, [])]):
            if candidate not in hashes:
                hashes[candidate] = sha256_file(candidate)
            if hashes[candidate] == row.source_sha256:
                found[row.statement_id] = candidate.resolve()
                break
    return found


def _files_by_name(roots: list[Path]) -> dict[str, list[Path]]:
    index: dict[str, list[Path]] = {}
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    index.setdefault(path.name, []).append(path)
    return index
