"""Which motion each statement is about, and one reference, title and file name per motion.

Letters print the same motion's reference in several ways (``0815/2022``, ``Drucksache 0815/2022``,
``DS 0815/2022``); the report groups them under one key, the reference without its document-type
word, and shows the spelling most letters use.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

_DOC_WORD = re.compile(
    r"^(?:drucksache|ds|vorlage|beschlussvorlage|beschlussantrag|antrag|anfrage)\b\.?\s*"
    r"(?:nr\.?\s*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Motion:
    """One motion as the report names it."""

    key: str
    ref: str
    title: str | None
    slug: str
    statements: int
    date: str | None = None  # ISO, from the motions register
    body: str | None = None  # municipality or council body
    kind: str | None = None  # Antrag, Beschlussvorlage, …

    @property
    def name(self) -> str:
        """Reference and title in German quotes; the reference alone when there is no title."""
        return f"{self.ref} „{self.title}“" if self.title else self.ref


def motion_key(ref: str | None) -> str | None:
    """The reference without document-type word and spacing: the key statements are grouped by."""
    if ref is None or ref != ref or not str(ref).strip():
        return None
    core = _DOC_WORD.sub("", str(ref).strip())
    return re.sub(r"\s+", "", core).upper() or None


def slug(key: str) -> str:
    """A file-name-safe form of a motion key: ``BA-045/2021`` → ``ba-045-2021``."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "antrag"


def motions(statements: pd.DataFrame, register: pd.DataFrame | None = None) -> list[Motion]:
    """The motions the readable statements refer to, sorted by key; ``register``
    (``motions.parquet``) gives their official title, date, body and kind."""
    known = {}
    if register is not None:
        known = {motion_key(r["motion_ref"]): r for r in register.to_dict("records")}
    keyed = statements.assign(_key=statements["motion_ref"].map(motion_key))
    keyed = keyed[(keyed["status"] == "ok") & keyed["_key"].notna()]
    found, used = [], set()
    for key, rows in keyed.groupby("_key", sort=True):
        name = slug(key)
        while name in used:
            name += "-x"
        used.add(name)
        listed = known.get(key, {})
        found.append(
            Motion(
                key=key,
                ref=_most_common(rows["motion_ref"]),
                title=listed.get("title") or _most_common(rows["motion_title"]),
                slug=name,
                statements=len(rows),
                date=listed.get("date"),
                body=listed.get("body"),
                kind=listed.get("kind"),
            )
        )
    return found


def _most_common(values: pd.Series) -> str | None:
    counts = Counter(v for v in values if isinstance(v, str) and v.strip())
    if not counts:
        return None
    # Most letters first; on a tie the fuller spelling, then alphabetical for a stable choice.
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def find(found: list[Motion], wanted: str) -> Motion:
    """The motion a user named, by any spelling of its reference or by its file name."""
    key = motion_key(wanted)
    for motion in found:
        if key in {motion.key, motion_key(motion.slug)} or wanted == motion.slug:
            return motion
    known = ", ".join(m.ref for m in found) or "keine"
    raise LookupError(f"Antrag {wanted!r} nicht gefunden. Vorhanden: {known}")


def in_motion(statements: pd.DataFrame, motion: Motion) -> pd.Series:
    """Boolean mask of the statements on ``motion``."""
    return statements["motion_ref"].map(motion_key) == motion.key
