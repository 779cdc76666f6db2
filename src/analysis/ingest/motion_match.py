"""Statements that name no motion number, tied to a motion of the same run by its title.

Citizens and small associations write "Mehr Bänke am Marktplatz – meine Meinung" rather than
"Antrag 0815/2022". When other statements of the run name a motion with its title, the subject
line and the opening of a statement without a number are compared with those titles: word
pieces (character 4-grams inside words, so German compounds meet their parts: "Lärmaktionsplan"
↔ "Lärm … Aktionsplan"), counted as the share of the title's pieces the statement holds. A
title found nearly whole is a ``title`` match; a clear but partial one a ``topic`` match; a
weak or ambiguous one (two motions close together) stays unassigned, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TITLE_SHARE = 0.8  # the title's pieces found: a title match
TOPIC_SHARE = 0.55  # a topic match, when no other motion comes close
MARGIN = 0.2  # how far the best motion must lead the second
OPENING_CHARS = 600  # how much of the text is read beside the subject line
# Words that say nothing about which motion (folded: no umlauts).
_STOP = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "und", "oder",
    "fur", "von", "vom", "zum", "zur", "im", "in", "am", "an", "auf", "mit", "zu", "bei", "uber",
    "unter", "nach", "aus", "als", "wie", "auch", "nicht", "stadt", "antrag", "stellungnahme",
})  # fmt: skip


@dataclass(frozen=True)
class MotionMatch:
    """The motion a statement was tied to, how, and how closely its words match the title."""

    key: str | None
    method: str | None  # "title" or "topic"; None when unassigned
    score: float
    reason: str | None = None  # why unassigned


def pieces(text: str) -> set[str]:
    """Character 4-grams inside the content words of ``text`` (a word of 4 letters or fewer
    is one piece), case and umlauts folded."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("ß", "ss")
    out: set[str] = set()
    for word in re.findall(r"[a-z0-9]+", folded):
        if word in _STOP or len(word) < 3:
            continue
        out.update(word[i : i + 4] for i in range(max(len(word) - 3, 1)))
    return out


# Words that name the kind of municipality, not which one.
_PLACE_KIND = re.compile(
    r"\b(?:stadt|gemeinde|landkreis|kreis|markt|hansestadt|landeshauptstadt|gro(?:ß|ss)e"
    r" kreisstadt|kreisfreie stadt|bezirk|stadtbezirk|ortsbeirat|stadtrat|gemeinderat|kreistag"
    r"|rat der stadt|der|die|des)\b",
    re.IGNORECASE,
)


def place(body: str) -> str:
    """The place a body's name names (``Stadt Weidenbrück`` → ``Weidenbrück``)."""
    return re.sub(r"\s+", " ", _PLACE_KIND.sub(" ", body)).strip(" ,-")


def same_place(text: str, bodies: dict[str, str | None]) -> set[str]:
    """The motions (keys of ``bodies``: motion key → body) a statement can be about: when the
    run's motions come from several municipalities and ``text`` names some of them, only
    theirs (and motions of no known body)."""
    places = {b: place(b) for b in set(bodies.values()) if b and place(b)}
    if len(places) < 2:
        return set(bodies)
    named = {b for b, where in places.items() if where.casefold() in text.casefold()}
    return {k for k, b in bodies.items() if not named or b is None or b in named}


def match_motion(subject: str | None, text: str | None, titles: dict[str, str]) -> MotionMatch:
    """The motion (key of ``titles``: motion key → title) that the subject line and the
    opening of ``text`` name by its title or topic."""
    mine = pieces(f"{subject or ''} {(text or '')[:OPENING_CHARS]}")
    scores = sorted(
        ((len(pieces(title) & mine) / len(pieces(title)), key) for key, title in titles.items()
         if pieces(title)),
        reverse=True,
    )  # fmt: skip
    if not scores or not mine:
        return MotionMatch(None, None, 0.0, "no motion title known")
    (best, key), runner_up = scores[0], (scores[1][0] if len(scores) > 1 else 0.0)
    if best < TOPIC_SHARE:
        return MotionMatch(None, None, round(best, 3), "too weak")
    if best - runner_up < MARGIN:
        return MotionMatch(None, None, round(best, 3), "ambiguous")
    return MotionMatch(key, "title" if best >= TITLE_SHARE else "topic", round(best, 3))


def motion_key(ref: str) -> str:
    """The identifier part of a printed motion reference (``Drucksache 0815/2022`` →
    ``0815/2022``), so that differently printed references to one motion meet."""
    return ref.split()[-1].strip(".,;:()").lower()
