"""Body lines → paragraphs, by geometry: gaps, indents, enumerations and page breaks."""

from __future__ import annotations

import re

from analysis.ingest.records import Line
from analysis.ingest.zones import SENTENCE_END, same_row

# A paragraph break is a gap this many line pitches high (Word's "6 pt after" gives ~1.4).
PARAGRAPH_GAP = 1.3


def merge_rows(lines: list[Line]) -> list[Line]:
    """Body segments on one row are one line of text (a bullet and its item, a tab stop)."""
    merged: list[Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if prev and same_row(prev, line) and line.x0 > prev.x1:
            merged[-1] = Line(words=prev.words + line.words, page=line.page)
        else:
            merged.append(line)
    return merged


def group_paragraphs(body: list[Line], layout_pitch: float) -> list[list[Line]]:
    """Body lines → paragraphs: a wider gap, an indent or an enumeration starts a new one;
    across a page break a paragraph continues unless the last line ended a sentence."""
    paragraphs: list[list[Line]] = []
    for line in body:
        if not paragraphs or _starts_paragraph(paragraphs[-1][-1], line, layout_pitch):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


ENUMERATION = re.compile(r"^(?:[–—•▪·*-]|\d{1,2}[.)]|[a-z]\))\s")


def _starts_paragraph(prev: Line, line: Line, pitch: float) -> bool:
    if line.page != prev.page:
        ended = SENTENCE_END.search(prev.text.rstrip())
        return bool(ended) and not line.text[:1].islower()
    gap = line.top - prev.top
    if gap > PARAGRAPH_GAP * pitch or gap < 0:
        return True
    return bool(ENUMERATION.match(line.text)) and bool(SENTENCE_END.search(prev.text.rstrip()))
