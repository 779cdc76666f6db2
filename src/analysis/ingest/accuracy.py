"""How well ingest extracted what a person reads in each letter: metadata fields right and
body text similar, against a gold file's records.

A field counts as right when it means the same after normalising what printing varies: the
motion's identifier (its last token with a digit), the date's ``YYYY-MM-DD``, a person's name
without titles in any order, an organisation's letters and digits (similarity ≥ 0.9). The body
is compared as whitespace-normalised text (rapidfuzz ratio).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pandas as pd
from rapidfuzz import fuzz

from analysis.gold import match_gold, motion_key

TITLES = frozenset({"dr", "dr.", "prof", "prof.", "dipl.-ing.", "frau", "herr", "mdl", "ra"})
ORG_SIMILARITY = 0.9


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = unicodedata.normalize("NFKC", str(value)).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def _name(value) -> str:
    tokens = [t for t in re.split(r"[\s,]+", _text(value).lower()) if t and t not in TITLES]
    return " ".join(sorted(tokens))


def _org(value) -> str:
    return re.sub(r"[^a-zäöüß0-9]+", " ", _text(value).lower()).strip()


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100.0


FIELDS: dict[str, Callable[[dict, dict], bool]] = {
    "motion_ref": lambda g, r: motion_key(_text(r["motion_ref"])) == motion_key(g["motion_id"]),
    "date": lambda g, r: _text(r["date"])[:10] == g["date"],
    "author": lambda g, r: _name(r["author"]) == _name(g["author"]),
    "sender_org": lambda g, r: (
        similarity(_org(r["sender_org"]), _org(g["sender_organisation"])) >= ORG_SIMILARITY
    ),
    "stakeholder_group": lambda g, r: r["stakeholder_group"] == g["stakeholder_group"],
}


def metadata_report(gold: list[dict], statements: pd.DataFrame) -> dict:
    """Per field the share of gold records ingest got right, body similarity (mean, min, 10th
    percentile) and one row per record saying what was right."""
    rows = statements.set_index("statement_id")
    per_document, similarities = [], []
    hits = dict.fromkeys(FIELDS, 0)
    for g, sid in zip(gold, match_gold(gold, statements), strict=True):
        if sid is None:
            per_document.append({"file": g["file"], "found": False})
            similarities.append(0.0)
            continue
        row = rows.loc[sid].to_dict()
        doc: dict = {"file": g["file"], "found": True}
        for field, right in FIELDS.items():
            doc[field] = bool(right(g, row))
            hits[field] += doc[field]
        doc["body_similarity"] = round(
            similarity(_text(row["text"]), _text(" ".join(g["body"]))), 4
        )
        similarities.append(doc["body_similarity"])
        per_document.append(doc)
    n = len(gold)
    out: dict = {"n": n, "found": sum(d["found"] for d in per_document)}
    out.update({f"{f}_accuracy": round(hits[f] / n, 4) if n else 0.0 for f in FIELDS})
    ordered = sorted(similarities)
    out["body_similarity_mean"] = round(sum(ordered) / n, 4) if n else 0.0
    out["body_similarity_min"] = ordered[0] if n else 0.0
    out["body_similarity_p10"] = ordered[max(0, n // 10 - 1)] if n else 0.0
    out["per_document"] = per_document
    return out


def has_metadata(gold: list[dict]) -> bool:
    """Whether the gold records say what the letters' metadata are (not only their coding)."""
    needed = ("motion_id", "date", "sender_organisation", "author")
    return bool(gold) and all(all(key in g for key in needed) for g in gold)


def format_metadata(report: dict, title: str) -> str:
    """One line per figure, then the records where a field was missed."""
    lines = [f"== {title} (n={report['n']}, found={report['found']})"]
    lines += [
        f"{key:28s} {value:.3f}"
        for key, value in report.items()
        if key.endswith(("_accuracy", "_mean", "_min", "_p10"))
    ]
    for doc in report["per_document"]:
        missed = [f for f in FIELDS if not doc.get(f, False)]
        if missed:
            lines.append(f"  {doc['file']}: missed {', '.join(missed)}")
    return "\n".join(lines)
