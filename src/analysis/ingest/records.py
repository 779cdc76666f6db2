"""The project's own layout records: what the reader (or OCR) hands to zoning.

pdfplumber objects stop at the reader; everything after it works on these plain records, so
another PDF engine or OCR output can feed the same zoning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Word:
    """One word with its box (PDF points, origin top-left) and typography."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Line:
    """A run of words on one baseline that belong together (one column of a row). Zoning
    asks for a line's text and box many times: they are computed once."""

    words: tuple[Word, ...]
    page: int

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def size(self) -> float:
        """Character-weighted font size, so one odd glyph does not decide."""
        chars = sum(len(w.text) for w in self.words) or 1
        return round(sum(w.size * len(w.text) for w in self.words) / chars, 1)

    @cached_property
    def bold(self) -> bool:
        chars = sum(len(w.text) for w in self.words) or 1
        return sum(len(w.text) for w in self.words if w.bold) / chars > 0.5


@dataclass(frozen=True)
class Page:
    """One page: its number (1-based), size and lines in reading order. ``text_only``: the
    reader found nothing on it but text (no image, hardly any curves), so OCR could only read
    again what its text layer holds."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    ocr: bool = False
    text_only: bool = False


@dataclass(frozen=True)
class Document:
    """A read PDF: its pages, ready for zoning."""

    pages: tuple[Page, ...]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]
