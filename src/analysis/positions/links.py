"""Near-duplicates (form letters) and endorsements (“wir schließen uns der Stellungnahme … an”).

Copies of one form letter and statements that only join another's are co-signers, not independent
voices. Near-duplicates: word 5-gram shingles, MinHash signatures with banded locality-sensitive
hashing to find candidate pairs (linear in the number of statements), confirmed by the exact
Jaccard similarity of the shingle sets. Endorsements: a joining phrase naming another sender,
resolved by fuzzy matching against the senders of the same motion's statements.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from analysis.positions.features import normalize

_PRIME = (1 << 61) - 1
_ENDORSE = re.compile(
    r"(?:schließ\w*|schliess\w*|anschließ\w*)\s+(?:uns|mich|sich)\s+(?:\w+\s+){0,3}?"
    r"(?:der|den|dem)\s+(?:\w+\s+){0,2}?(?:stellungnahme|ausführungen|position|einschätzung|"
    r"votum|bewertung)\w*\s+(?:des|der|von|vom)\s+(?P<name>(?:[^.;:!?]|\.(?=\s*\w)){3,120}?)"
    r"\s+(?:\w+\s+){0,4}?an\b"
    r"|(?:unterstütz\w*|teil\w*|trag\w*)\s+(?:\w+\s+){0,3}?(?:die|den)\s+(?:\w+\s+){0,2}?"
    r"(?:stellungnahme|ausführungen|position)\s+(?:des|der|von|vom)\s+(?P<name2>(?:[^.;:!?]|\.(?=\s*\w)){3,120}?)"
    r"\s+(?:vollumfänglich|vollinhaltlich|inhaltlich|in vollem umfang|uneingeschränkt)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LinkConfig:
    """Thresholds of the link finder."""

    shingle: int = 5
    permutations: int = 64
    bands: int = 16
    duplicate_jaccard: float = 0.7
    containment: float = 0.9  # share of the shorter text inside the longer one …
    containment_min: int = 40  # … counted only for texts of at least this many shingles
    sender_match: float = 85.0
    seed: int = 0


def shingles(text: str, size: int = 5) -> set[int]:
    """Hashed word n-grams of the normalised text."""
    words = re.findall(r"\w+", normalize(text))
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)
    }


def minhash(sets: list[set[int]], permutations: int = 64, seed: int = 0) -> np.ndarray:
    """MinHash signatures (one row per set) with seeded universal hash functions."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, _PRIME, size=permutations, dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=permutations, dtype=np.uint64)
    out = np.full((len(sets), permutations), np.iinfo(np.uint64).max, dtype=np.uint64)
    for i, s in enumerate(sets):
        if s:
            x = np.fromiter(s, dtype=np.uint64)[:, None]
            out[i] = ((x * a + b) % _PRIME).min(axis=0)
    return out


def near_duplicates(
    texts: list[str], config: LinkConfig | None = None
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) with i < j whose shingle sets overlap at least the threshold.

    Within each LSH bucket every member is paired with the bucket's first member only (a star,
    linear in the bucket size); over all bands and through the union-find of the caller this
    connects the copies of one form letter without comparing all pairs.
    """
    cfg = config or LinkConfig()
    sets = [shingles(t, cfg.shingle) for t in texts]
    sig = minhash(sets, cfg.permutations, cfg.seed)
    rows = cfg.permutations // cfg.bands
    valid = np.array([bool(s) for s in sets])
    pairs: set[tuple[int, int]] = set()
    for band in range(cfg.bands):
        block = np.ascontiguousarray(sig[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        order = order[valid[order]]
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        heads = np.repeat(order[starts], np.diff(np.r_[starts, len(order)]))
        for a, b in zip(heads.tolist(), order.tolist(), strict=True):
            if a != b:
                pairs.add((min(a, b), max(a, b)))
    out = []
    for i, j in sorted(pairs):
        common = len(sets[i] & sets[j])
        jac = common / len(sets[i] | sets[j])
        smaller = min(len(sets[i]), len(sets[j]))
        contained = smaller >= cfg.containment_min and common / smaller >= cfg.containment
        if jac >= cfg.duplicate_jaccard or contained:
            out.append((i, j, round(jac, 4)))
    return out


def endorsement(text: str) -> tuple[str, str] | None:
    """(named sender, joining sentence text) when ``text`` joins another's statement."""
    m = _ENDORSE.search(text)
    if not m:
        return None
    name = (m.group("name") or m.group("name2") or "").strip(' ,„“"')
    return name, m.group(0)


def find_links(statements: pd.DataFrame, config: LinkConfig | None = None) -> pd.DataFrame:
    """Links among ok statements: ``statement_id``, ``linked_to``, ``kind``, ``similarity``,
    ``evidence``. A copy links to the earliest statement of its group (date, then id)."""
    cfg = config or LinkConfig()
    df = statements.sort_values(["date", "statement_id"], na_position="last", kind="stable")
    df = df.reset_index(drop=True)
    rows = []
    for _, group in df.groupby(df["motion_key"].fillna(""), sort=True):
        rows += _duplicate_links(group, cfg) + _endorsement_links(group, cfg)
    cols = ["statement_id", "linked_to", "kind", "similarity", "evidence"]
    out = pd.DataFrame(rows, columns=cols).astype({"similarity": float})
    return out.sort_values(["statement_id", "kind"], ignore_index=True)


def _duplicate_links(group: pd.DataFrame, cfg: LinkConfig) -> list[dict]:
    ids = group["statement_id"].tolist()
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = {}
    for i, j, jac in near_duplicates(group["text"].tolist(), cfg):
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)  # the earlier statement (sorted order) is the original
        best[j] = max(best.get(j, 0.0), jac)
        best[i] = max(best.get(i, 0.0), jac)
    out = []
    for i, sid in enumerate(ids):
        r = root(i)
        if r != i:
            out.append(
                dict(
                    statement_id=sid,
                    linked_to=ids[r],
                    kind="duplicate",
                    similarity=best.get(i, 0.0),
                    evidence=None,
                )
            )
    return out


def _endorsement_links(group: pd.DataFrame, cfg: LinkConfig) -> list[dict]:
    senders = [
        " ".join(str(v) for v in (r.sender_org, r.sender_unit, r.author) if isinstance(v, str))
        for r in group.itertuples(index=False)
    ]
    out = []
    for row in group.itertuples(index=False):
        found = endorsement(row.text)
        if not found:
            continue
        name, phrase = found
        scores = [
            (
                fuzz.partial_ratio(name.lower(), s.lower())
                if s and sid != row.statement_id
                else 0.0,
                sid,
            )
            for s, sid in zip(senders, group["statement_id"], strict=True)
        ]
        score, target = max(scores, key=lambda x: (x[0], x[1] == ""), default=(0.0, None))
        out.append(
            dict(
                statement_id=row.statement_id,
                linked_to=target if score >= cfg.sender_match else None,
                kind="endorsement",
                similarity=round(score / 100, 4),
                evidence=phrase,
            )
        )
    return out
