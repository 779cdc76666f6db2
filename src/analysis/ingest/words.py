"""Characters → words, as pdfplumber's WordExtractor groups upright text, without its cost.

pdfplumber's extractor handles every text direction through dictionaries and generator
layers; for the upright text of letters that is as slow as reading the characters from
PDFium. This does the same steps on plain tuples: runs of characters with the same font and
size; within a run, lines by clustering the tops (within ``Y_TOLERANCE``), characters by x;
a word ends at a blank, a step back, a gap over ``X_TOLERANCE`` or a jump in height.
``tests/ingest/test_words.py`` checks that both give the same words.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

from analysis.ingest.records import Word

LIGATURE_CHARS = frozenset("".join(LIGATURES))
X_TOLERANCE = DEFAULT_X_TOLERANCE
Y_TOLERANCE = DEFAULT_Y_TOLERANCE


# One upright character: text, box (origin top-left), font size and font name. A plain
# tuple: a page has a few thousand, and a named tuple costs six times as much to make.
Char = tuple[str, float, float, float, float, float, str]
TEXT, X0, X1, TOP, BOTTOM, SIZE, FONT = range(7)


def upright_words(chars: list[Char], bold: object) -> list[Word]:
    """The words of ``chars`` (in content order), non-blank only; ``bold`` tells from a font
    name whether it is bold (a compiled pattern)."""
    words: list[Word] = []
    for (size, fontname), run in groupby(chars, key=itemgetter(SIZE, FONT)):
        is_bold = bool(bold.search(fontname or ""))
        for line in _lines(list(run)):
            words.extend(_word(w, size, is_bold) for w in _split(line))
    return [w for w in words if w.text.strip()]


def _lines(run: list[Char]) -> list[list[Char]]:
    """Characters grouped by chained clusters of their tops, each line sorted by x."""
    cluster: dict[float, int] = {}
    last = None
    for top in sorted({c[TOP] for c in run}):
        if last is None or top > last + Y_TOLERANCE:
            index = len(cluster)
        cluster[top] = index
        last = top
    ordered = sorted(run, key=lambda c: cluster[c[TOP]])
    return [
        sorted(line, key=itemgetter(X0))
        for _, line in groupby(ordered, key=lambda c: cluster[c[TOP]])
    ]


def _split(line: list[Char]) -> list[list[Char]]:
    words: list[list[Char]] = []
    current: list[Char] = []
    for char in line:
        if char[TEXT].isspace():
            if current:
                words.append(current)
            current = []
        elif current and _begins_word(current[-1], char):
            words.append(current)
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(current)
    return words


def _begins_word(prev: Char, char: Char) -> bool:
    return (
        char[X0] < prev[X0]
        or char[X0] > prev[X1] + X_TOLERANCE
        or abs(char[TOP] - prev[TOP]) > Y_TOLERANCE
    )


def _word(chars: list[Char], size: float, bold: bool) -> Word:
    texts, x0s, x1s, tops, bottoms, _, _ = zip(*chars)  # noqa: B905 - Chars have 7 fields
    text = "".join(texts)
    if not LIGATURE_CHARS.isdisjoint(text):
        text = "".join(LIGATURES.get(t, t) for t in texts)
    return Word(
        text=text,
        x0=round(min(x0s), 2),
        top=round(min(tops), 2),
        x1=round(max(x1s), 2),
        bottom=round(max(bottoms), 2),
        size=round(size, 1),
        bold=bold,
    )
