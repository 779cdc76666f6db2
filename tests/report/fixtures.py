"""Test-only analysis tables: a positions.parquet built from the dev corpus's human coding.

The analysis stage is developed separately; the report tests need a positions table with the
contract's columns now. These are the gold labels dressed as machine output, with made-up but
deterministic scores — never shipped, only written into a test's temporary folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from analysis.language.table import readability_table

POSITION_CLUSTERS = {"standalone": 0, "integrate": 1, "defer": 2, "reject": 3, "unclear": 4}


def _score(statement_id: str, salt: str) -> float:
    """A stable pseudo-confidence in 0.30 … 0.99 from the id."""
    digest = hashlib.sha256(f"{salt}:{statement_id}".encode()).digest()
    return round(0.30 + 0.69 * digest[0] / 255, 2)


def _evidence(gold_quotes: list[str], sentences: pd.DataFrame) -> list[str]:
    """Sentences of the statement that overlap a gold evidence quote, in gold order."""
    found = []
    for quote in gold_quotes:
        q = " ".join(quote.split())
        for text in sentences["text"]:
            t = " ".join(text.split())
            if (q in t or t in q) and text not in found and len(t) > 20:
                found.append(text)
    # Statements the gold does not code (the robustness files) quote their last sentence first.
    return found or list(dict.fromkeys([*sentences["text"].tail(1), *sentences["text"].head(1)]))


def positions_from_gold(processed: Path, gold_file: Path) -> pd.DataFrame:
    """positions.parquet rows for every readable statement that the gold file codes."""
    statements = pd.read_parquet(processed / "statements.parquet")
    sentences = pd.read_parquet(processed / "sentences.parquet")
    gold = {}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold[Path(item["file"]).name] = item
    rows = []
    for row in statements[statements["status"] == "ok"].itertuples():
        item = gold.get(Path(row.source_file).name)
        own = sentences[sentences["statement_id"] == row.statement_id]
        position = item["position"] if item else "unclear"
        rows.append(
            {
                "statement_id": row.statement_id,
                "position": position,
                "position_score": _score(row.statement_id, "position"),
                "stance": item["stance"] if item else "neutral",
                "stance_score": _score(row.statement_id, "stance"),
                "evidence": _evidence(item.get("evidence", []) if item else [], own),
                "cluster": POSITION_CLUSTERS.get(position),
                "concerns": list(item.get("concerns", [])) if item else [],
            }
        )
    return pd.DataFrame(rows)


def write_positions(processed: Path, gold_file: Path) -> Path:
    """positions.parquet from the human coding, and readability.parquet as analyze writes it."""
    target = processed / "positions.parquet"
    positions_from_gold(processed, gold_file).to_parquet(target, index=False)
    statements = pd.read_parquet(processed / "statements.parquet")
    ok = statements[statements["status"] == "ok"]
    sentences = pd.read_parquet(processed / "sentences.parquet")
    readability_table(ok, sentences).to_parquet(processed / "readability.parquet", index=False)
    return target
