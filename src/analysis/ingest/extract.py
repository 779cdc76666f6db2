"""One read document → statement records (metadata, paragraphs, sentences); pure."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.ingest.metadata import Metadata, extract_metadata
from analysis.ingest.paragraphs import group_paragraphs, merge_rows
from analysis.ingest.records import Document, Line
from analysis.ingest.text import join_lines, split_sentences
from analysis.ingest.zones import ZonedLine, measure_layout, zone_document


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with the box of its first page's lines."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    sentences: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Statement:
    """Everything ingest learns from one statement."""

    first_page: int
    last_page: int
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    ocr: bool

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


def extract_statement(doc: Document) -> Statement:
    """Zone ``doc``, then read its body paragraphs and metadata."""
    zoned = zone_document(doc)
    body = merge_rows([z.line for z in zoned if z.zone == "body"])
    pitch = measure_layout(body, [None] * len(body)).pitch if body else 0.0
    paragraphs = tuple(_paragraph(lines) for lines in group_paragraphs(body, pitch))
    text = "\n\n".join(p.text for p in paragraphs)
    return Statement(
        first_page=doc.pages[0].number,
        last_page=doc.pages[-1].number,
        metadata=extract_metadata(zoned, text),
        paragraphs=paragraphs,
        ocr=any(p.ocr for p in doc.pages),
    )


def _paragraph(lines: list[Line]) -> Paragraph:
    text = join_lines([ln.text for ln in lines])
    first = [ln for ln in lines if ln.page == lines[0].page]
    return Paragraph(
        text=text,
        page=lines[0].page,
        x0=min(ln.x0 for ln in first),
        top=min(ln.top for ln in first),
        x1=max(ln.x1 for ln in first),
        bottom=max(ln.bottom for ln in first),
        sentences=tuple(_sentence_pages(text, lines)),
    )


def _sentence_pages(text: str, lines: list[Line]) -> list[tuple[str, int]]:
    """Each sentence with the page it starts on, found by where its text begins."""
    pages = _char_pages(lines)
    out: list[tuple[str, int]] = []
    cursor = 0
    for sentence in split_sentences(text):
        at = text.find(sentence, cursor)
        cursor = at + len(sentence) if at >= 0 else cursor
        ratio = max(at, 0) / max(len(text), 1)
        out.append((sentence, pages[min(int(ratio * len(pages)), len(pages) - 1)]))
    return out


def _char_pages(lines: list[Line]) -> list[int]:
    """The page of each character of the joined lines, approximately (hyphens removed)."""
    return [ln.page for ln in lines for _ in range(len(ln.text) + 1)]


def zoned_lines(doc: Document) -> list[ZonedLine]:
    """The zoning of ``doc``, for notebooks that show where each line went."""
    return zone_document(doc)
