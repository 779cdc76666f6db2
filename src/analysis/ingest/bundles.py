"""Where one statement ends and the next begins in a PDF that bundles several.

Councils often publish all statements on a motion as one PDF (an "Anlage"), sometimes behind
a cover page. A new statement shows itself by letter structure, not by page counts: its page
numbering restarts, or a page opens with a letter's header (letterhead, labelled information
block or e-mail header, date line, salutation) after the previous statement was signed off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.ingest import fields
from analysis.ingest.records import Document, Line, Page
from analysis.ingest.zones import dominant_size, furniture_zones

# Header labels that open a letter, a form or a printed e-mail.
OPENING_LABELS = frozenset(
    {"date", "sender", "motion", "from", "sent", "subject", "contact", "our_ref", "to"}
)
# The upper part of a page where a letter's header sits, as a fraction of the page height.
HEADER_BAND = 0.45
NUMBER = re.compile(r"\d+")
# A cover sheet says little: a title, the motion, perhaps a list of senders.
COVER_MAX_CHARS = 1500
COVER_MAX_PROSE_LINES = 3
PROSE_WORDS = 8  # a line of running text has at least this many words


@dataclass(frozen=True)
class PageSignals:
    """What one page says about where it stands in a statement."""

    number: int
    printed_number: int | None
    opening: int
    prose_lines: int
    signed_off: bool
    text_chars: int


def split_bundle(doc: Document) -> list[tuple[int, int]]:
    """Page ranges (1-based, inclusive) of the statements in ``doc``; cover pages before the
    first statement are left out. A single statement gives one range over all its pages."""
    signals = page_signals(doc)
    starts = [0]
    for i in range(1, len(signals)):
        if _starts_statement(signals[i], signals[starts[-1] : i]):
            starts.append(i)
    if len(starts) > 1 and _is_cover(signals[0]):
        starts = starts[1:]
    bounds = [*starts, len(signals)]
    return [
        (signals[a].number, signals[b - 1].number) for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def page_signals(doc: Document) -> list[PageSignals]:
    """Per page: opening features in its header band, printed page number, sign-off."""
    size = dominant_size(doc.lines)
    zones = dict(zip(map(id, doc.lines), furniture_zones(doc), strict=True))
    return [_signals(page, size, zones) for page in doc.pages]


def _signals(page: Page, body_size: float, zones: dict[int, str | None]) -> PageSignals:
    printed = None
    content: list[Line] = []
    for line in page.lines:
        zone = zones[id(line)]
        if zone == "page_number":
            printed = int(NUMBER.search(line.text).group())
        elif zone is None:
            content.append(line)
    band = [ln for ln in content if ln.top < page.height * HEADER_BAND]
    return PageSignals(
        number=page.number,
        printed_number=printed,
        opening=_opening_score(band, body_size, page),
        prose_lines=sum(len(ln.text.split()) >= PROSE_WORDS for ln in content),
        signed_off=any(fields.is_closing_formula(ln.text) for ln in content),
        text_chars=sum(len(ln.text) for ln in content),
    )


def _opening_score(band: list[Line], body_size: float, page: Page) -> int:
    labels = {
        split[0] for ln in band for split in [fields.split_label(ln.text)] if split is not None
    }
    top = [ln for ln in band if ln.top < page.height * 0.15]
    features = (
        any(fields.is_salutation(ln.text) for ln in band),
        len(labels & OPENING_LABELS) >= 2,
        any(fields.parse_date(ln.text) and len(ln.text) < 60 for ln in band),
        any(ln.size >= body_size + 2 or ln.bold for ln in top),
    )
    return sum(features)


def _starts_statement(page: PageSignals, current: list[PageSignals]) -> bool:
    """A letter header opens the page, and either its numbering restarts, the previous
    statement was signed off, or the header is unmistakable. A page numbered 2 or later
    always continues (attachments with their own numbering stay with their letter)."""
    if page.printed_number not in (None, 1):
        return False
    signed = any(p.signed_off for p in current)
    restarted = page.printed_number == 1
    return page.opening >= 3 or (page.opening >= 2 and (signed or restarted))


def _is_cover(page: PageSignals) -> bool:
    """A short first page without running text that signs nothing off: a cover sheet
    (a title, the motion, perhaps a table of the statements that follow)."""
    short = page.text_chars < COVER_MAX_CHARS and page.prose_lines < COVER_MAX_PROSE_LINES
    return short and not page.signed_off
