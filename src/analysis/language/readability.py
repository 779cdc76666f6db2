"""How hard a German text is to read: the first Wiener Sachtextformel, LIX, mean sentence
length, the share of long words and abbreviations per 100 words.

Syllables are counted from vowel groups (a diphthong such as ``ei``, ``au``, ``eu``, ``ie`` is
one, ``qu`` is a consonant): right for the words of administrative German we checked by hand
(``Di-gi-ta-li-sie-rungs-stra-te-gie``), off by one for a few loan words (``Mu-se-um``). No
library we could install counts German syllables better: pyphen's hyphenation points are not
syllables (it never splits a final syllable of two letters), and textstat counts with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.ingest.text import ABBREVIATIONS, split_sentences

LONG_WORD = 6  # letters; LIX and the Wiener Sachtextformel count words longer than this
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_VOWELS = re.compile(r"[aeiouyäöü]+")
_ONE_SOUND = ("ai", "au", "äu", "ay", "ei", "eu", "ey", "ie", "aa", "ee", "oo")
# ``OZG``, ``ÖPNV``, ``IT-Sicherheit``, and a letter before a compound: ``B-Plan``, ``U-Bahn``.
_ACRONYM = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}(?:-[A-ZÄÖÜa-zäöüß]+)?|[A-ZÄÖÜ]-[A-ZÄÖÜ][a-zäöüß]+)"
    r"(?![\w])"
)
# Shortened words: runs of short dotted parts (``z. B.``, ``ggf.``), looked up part by part,
# the longest known abbreviation first (``m. E. ggf.`` is two).
_DOTTED_KEYS = frozenset(a.replace(" ", "") for a in ABBREVIATIONS)
_DOTTED_RUN = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,6}\.\s?)+")
_DOTTED_PART = re.compile(r"[^\W\d_]+\.")


@dataclass(frozen=True)
class Readability:
    """The measures of one text."""

    words: int
    sentences: int
    mean_sentence_length: float  # words per sentence
    long_word_share: float  # words of more than six letters, 0..1
    polysyllable_share: float  # words of three syllables or more, 0..1
    monosyllable_share: float  # words of one syllable, 0..1
    wstf: float  # first Wiener Sachtextformel: about the school year a reader needs (4–15)
    lix: float  # Läsbarhetsindex: under 40 easy, over 60 very hard
    abbreviations_per_100: float


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables of a German word (at least one)."""
    text = word.lower().replace("qu", "qv")
    count = 0
    for group in _VOWELS.findall(text):
        i = 0
        while i < len(group):
            i += 2 if group[i : i + 2] in _ONE_SOUND else 1
            count += 1
    return max(count, 1)


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters, a hyphenated compound as one (numbers are no
    words)."""
    return _WORD.findall(text)


def abbreviations(text: str) -> int:
    """Abbreviations in ``text``: acronyms (``BA``, ``OZG``, ``B-Plan``) and shortened words
    (``z. B.``, ``ggf.``, ``m. E.``)."""
    return len(_ACRONYM.findall(text)) + sum(map(_dotted, _DOTTED_RUN.findall(text)))


def _dotted(run: str) -> int:
    parts, found, i = _DOTTED_PART.findall(run), 0, 0
    while i < len(parts):
        ends = [j for j in range(len(parts), i, -1) if "".join(parts[i:j]) in _DOTTED_KEYS]
        found += bool(ends)
        i = ends[0] if ends else i + 1
    return found


def measure(text: str, sentences: list[str] | None = None) -> Readability:
    """The measures of ``text`` (its ``sentences`` when they are split already)."""
    parts = sentences if sentences is not None else split_sentences(text)
    found = words(text)
    n = len(found)
    sentence_count = max(sum(1 for s in parts if words(s)), 1)
    if n == 0:
        return Readability(0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    counts = [syllables(w) for w in found]
    length = n / sentence_count
    long_share = sum(len(w.replace("-", "")) > LONG_WORD for w in found) / n
    poly = sum(c >= 3 for c in counts) / n
    mono = sum(c == 1 for c in counts) / n
    wstf = 0.1935 * poly * 100 + 0.1672 * length + 0.1297 * long_share * 100
    wstf += -0.0327 * mono * 100 - 0.875
    return Readability(
        words=n,
        sentences=sentence_count,
        mean_sentence_length=round(length, 2),
        long_word_share=round(long_share, 4),
        polysyllable_share=round(poly, 4),
        monosyllable_share=round(mono, 4),
        wstf=round(wstf, 2),
        lix=round(length + long_share * 100, 2),
        abbreviations_per_100=round(100 * abbreviations(text) / n, 2),
    )
