"""Gold files (``gold.jsonl``): human extraction and coding of statements, one JSON object a
line, and how their records meet the rows of ``statements.parquet``."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path, PurePosixPath

import pandas as pd


def read_gold(path: str | Path) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def motion_key(ref: str | None) -> str:
    """The motion's identifier: its last token with a digit (``DS 0815/2022`` → ``0815/2022``)."""
    text = unicodedata.normalize("NFKC", ref or "").replace("„", " ").replace("“", " ")
    tokens = [t for t in text.split() if re.search(r"\d", t)]
    return tokens[-1].strip(".,;:()").lower() if tokens else ""


def match_gold(gold: list[dict], statements: pd.DataFrame) -> list[str | None]:
    """The statement_id of each gold record (by file name, and page for bundles), or None."""
    by_file: dict[str, list] = {}
    for row in statements.itertuples(index=False):
        name = PurePosixPath(str(row.source_file).replace("\\", "/")).name
        by_file.setdefault(name, []).append(row)
    out = []
    for g in gold:
        rows = by_file.get(PurePosixPath(g["file"]).name, [])
        if "first_page" in g:
            rows = [
                r
                for r in rows
                if r.status == "ok"
                and int(r.first_page) <= g["first_page"] + 1
                and int(r.last_page) >= g["first_page"]
            ]
        ok = [r for r in rows if r.status == "ok"]
        out.append(ok[0].statement_id if ok else None)
    return out
