"""Lines → letter zones, from geometry and typography.

A statement is a letter, a form-style memo or a printed e-mail. Whatever the layout, the
writer's own words sit between a header (letterhead, addresses, information block, subject,
salutation) and a sign-off (closing formula, signature), framed by page furniture (running
headers, footers, page numbers). Zoning finds those boundaries; the parsers in ``fields``
only ever see the lines of the zone they read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from analysis.ingest import fields
from analysis.ingest.records import Document, Line, Page

HEADER_ZONES = (
    "letterhead",
    "return_address",
    "recipient",
    "info_block",
    "date_line",
    "subject",
    "salutation",
)
FURNITURE_ZONES = ("running_header", "footer", "page_number", "sidebar")

PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|seite\s+\d{1,4}(?:\s*(?:von|/)\s*\d{1,4})?|\d{1,4}(?:\s*/\s*\d{1,4})?)$",
    re.IGNORECASE,
)
PRINT_STAMP = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4},?\s+\d{1,2}:\d{2}\b")
URL = re.compile(r"^(?:https?://|www\.)\S+", re.IGNORECASE)
POSTAL_CODE = re.compile(r"(?:^|\s)(?:D-)?\d{5}\s+\w")
LOWER_WORD = re.compile(r"(?:^|\s)[a-zäöüß][a-zäöüß]{3,}")
SIGNATURE_SEPARATOR = re.compile(r"^(?:--|__+|-- ?)$")
SENTENCE_END = re.compile(r"[.!?:;…][“”\"')\]]*$")

# Bands of the page where furniture lives, as fractions of the page height.
TOP_BAND = 0.09
BOTTOM_BAND = 0.88
# Typography tolerances, in points.
SIZE_TOLERANCE = 0.35


@dataclass(frozen=True)
class ZonedLine:
    """A line with the zone it belongs to."""

    line: Line
    zone: str


@dataclass(frozen=True)
class Layout:
    """Typographic facts of a document that zoning decisions compare against."""

    body_size: float
    body_x0: float
    body_x1: float
    pitch: float


def zone_document(doc: Document) -> list[ZonedLine]:
    """Assign every line of ``doc`` to a zone (see module docstring)."""
    lines = doc.lines
    if not lines:
        return []
    zones = furniture_zones(doc)
    pages = {page.number: page for page in doc.pages}
    layout = measure_layout(lines, zones)
    for i, line in enumerate(lines):
        if zones[i] is None and _is_sidebar(line, layout, pages[line.page]):
            zones[i] = "sidebar"
    start = find_body_start(lines, zones, layout)
    end = find_body_end(lines, zones, start, layout)
    _label_header(lines, zones, start, layout)
    _label_sign_off(lines, zones, end, layout)
    for i in range(start, end):
        if zones[i] is None:
            zones[i] = "body" if _is_body_size(lines[i], layout) else "sidebar"
    if "body" not in zones:
        _fall_back_to_all_text(zones)
    return [ZonedLine(line, zone or "other") for line, zone in zip(lines, zones, strict=True)]


def _fall_back_to_all_text(zones: list[str | None]) -> None:
    """A document that does not read as a letter (a table, minutes, a flyer) keeps all its
    text as body rather than losing it: nothing is dropped silently."""
    for i, zone in enumerate(zones):
        if zone not in FURNITURE_ZONES:
            zones[i] = "body"


def furniture_zones(doc: Document) -> list[str | None]:
    """Page numbers, running headers and footers of every line of ``doc`` (None for the
    rest): banded at the top or bottom of a page, and small, repeated or typical in form."""
    lines = doc.lines
    pages = {page.number: page for page in doc.pages}
    small = 0.85 * dominant_size(lines)
    seen: dict[str, set[int]] = {}
    for line in lines:
        seen.setdefault(line.text, set()).add(line.page)

    first_text = " ".join(ln.text for ln in doc.pages[0].lines)

    def repeats(line: Line) -> bool:
        """The same text on another page, or a later page's header restating the first
        page's letterhead (callers only ask for lines in the bands)."""
        restated = line.page != doc.pages[0].number and len(line.text) >= 12
        return len(seen[line.text]) > 1 or (restated and line.text in first_text)

    first = doc.pages[0].number
    zones = [_furniture(line, pages[line.page], small, repeats, first) for line in lines]
    _spread_along_rows(lines, zones)
    return zones


def _furniture(
    line: Line, page: Page, small: float, repeats: Callable[[Line], bool], first_page: int
) -> str | None:
    text = line.text.strip()
    in_top = line.bottom < page.height * TOP_BAND
    in_bottom = line.top > page.height * BOTTOM_BAND
    if (in_top or in_bottom) and PAGE_NUMBER.match(text):
        return "page_number"
    if in_top and PRINT_STAMP.match(text):
        return "running_header"
    if in_bottom and (URL.match(text) or line.size < small or repeats(line)):
        return "footer"
    if in_top and line.page != first_page and repeats(line):
        return "running_header"
    return None


def _spread_along_rows(lines: list[Line], zones: list[str | None]) -> None:
    """A header or footer row is furniture as a whole: its other columns go with it."""
    for i, zone in enumerate(zones):
        if zone not in ("running_header", "footer"):
            continue
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if zones[j] is None and same_row(lines[j], lines[i]):
                zones[j] = zone


def dominant_size(lines: list[Line]) -> float:
    """The font size that carries most characters: the body text's size."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def measure_layout(lines: list[Line], zones: list[str | None]) -> Layout:
    """Body size, the body column and the line pitch, from the lines that carry most text."""
    free = [ln for ln, z in zip(lines, zones, strict=True) if z is None] or lines
    size = dominant_size(free)
    body = [ln for ln in free if abs(ln.size - size) <= SIZE_TOLERANCE and not ln.bold]
    body = body or free
    x0 = Counter(round(ln.x0) for ln in body).most_common(1)[0][0]
    x1 = max(ln.x1 for ln in body)
    gaps = [
        b.top - a.top
        for a, b in zip(body, body[1:], strict=False)
        if a.page == b.page and 0 < b.top - a.top < 3 * size
    ]
    pitch = Counter(round(g) for g in gaps).most_common(1)[0][0] if gaps else 1.2 * size
    return Layout(body_size=size, body_x0=float(x0), body_x1=x1, pitch=float(pitch))


def _is_body_size(line: Line, layout: Layout) -> bool:
    return abs(line.size - layout.body_size) <= 1.5


def _is_sidebar(line: Line, layout: Layout, page: Page) -> bool:
    """Text standing right of the body column (marginal notes, stamps, side panels)."""
    return line.x0 > layout.body_x1 - 2 and line.x0 > page.width * 0.6


def is_prose(line: Line, layout: Layout) -> bool:
    """A line that reads like running text of the body, not a header element."""
    text = line.text
    return (
        abs(line.size - layout.body_size) <= SIZE_TOLERANCE
        and not line.bold
        and line.x0 < layout.body_x0 + 4 * layout.body_size
        and fields.split_label(text) is None
        and not fields.is_salutation(text)
        and not POSTAL_CODE.search(text)
    )


def find_body_start(lines: list[Line], zones: list[str | None], layout: Layout) -> int:
    """Index of the first body line: after the salutation, or after the last header element."""
    salutation = _find_salutation(lines, zones, layout)
    if salutation is not None:
        return _skip_furniture(lines, zones, salutation + 1)
    for i, line in enumerate(lines):
        if zones[i] is not None or not is_prose(line, layout):
            continue
        block = _paragraph_at(lines, zones, i, layout)
        text = " ".join(ln.text for ln in block)
        if _reads_like_prose(text) and not _reads_like_subject(block, text):
            return i
    return len(lines)


def _reads_like_prose(text: str) -> bool:
    """Running text has lowercase words or ends a sentence; addresses and titles do not."""
    sentence = SENTENCE_END.search(text.rstrip()) and len(text.split()) >= 5
    return len(LOWER_WORD.findall(text)) >= 3 or bool(sentence)


def _find_salutation(lines: list[Line], zones: list[str | None], layout: Layout) -> int | None:
    """The salutation ends the header; it may wrap over two lines ending in a comma."""
    limit = _first_page_break(lines, start=1)
    for i in range(min(limit, len(lines))):
        if zones[i] is None and fields.is_salutation(lines[i].text):
            return _salutation_end(lines, i)
        if zones[i] is None and fields.is_closing_formula(lines[i].text):
            return None
    return None


def _salutation_end(lines: list[Line], i: int) -> int:
    """A salutation may wrap (``Sehr geehrter Herr Bürgermeister`` / ``Muster,``) or address
    several people, one line each (``…,`` / ``sehr geehrte Damen und Herren,``)."""
    while i + 1 < len(lines):
        text, following = lines[i].text.rstrip(), lines[i + 1].text.rstrip()
        wrapped = not text.endswith(",") and following.endswith(",") and len(following) < 60
        if not (wrapped or fields.is_salutation(following)):
            break
        i += 1
    return i


def _first_page_break(lines: list[Line], start: int) -> int:
    """Lines on the first page that has text: salutations live there."""
    first = lines[0].page if lines else start
    return next((i for i, ln in enumerate(lines) if ln.page > first), len(lines))


def _reads_like_subject(block: list[Line], text: str) -> bool:
    """A short block naming the motion without ending a sentence is a subject line."""
    return (
        len(block) <= 3
        and fields.find_motion_ref(text) is not None
        and not SENTENCE_END.search(text.rstrip())
    )


def _paragraph_at(lines: list[Line], zones: list[str | None], i: int, layout: Layout) -> list[Line]:
    block = [lines[i]]
    for j in range(i + 1, len(lines)):
        if zones[j] is not None:
            continue
        prev = block[-1]
        if lines[j].page != prev.page or lines[j].top - prev.top > 1.5 * layout.pitch:
            break
        block.append(lines[j])
    return block


def _skip_furniture(lines: list[Line], zones: list[str | None], i: int) -> int:
    while i < len(lines) and zones[i] is not None:
        i += 1
    return i


def find_body_end(lines: list[Line], zones: list[str | None], start: int, layout: Layout) -> int:
    """Index after the last body line: the closing formula, an e-mail signature separator,
    or a trailing signature block (name, then role) when the letter has no closing formula."""
    for i in range(start, len(lines)):
        if zones[i] is not None:
            continue
        text = lines[i].text.strip()
        if fields.is_closing_formula(text) or SIGNATURE_SEPARATOR.match(text):
            return i
    return _trailing_signature(lines, zones, start, layout)


def _trailing_signature(
    lines: list[Line], zones: list[str | None], start: int, layout: Layout
) -> int:
    body = [i for i in range(start, len(lines)) if zones[i] is None]
    if not body:
        return start
    blocks: list[list[int]] = [[body[0]]]
    for prev, cur in zip(body, body[1:], strict=False):
        same = lines[cur].page == lines[prev].page
        if same and lines[cur].top - lines[prev].top <= 1.5 * layout.pitch:
            blocks[-1].append(cur)
        else:
            blocks.append([cur])
    last = [lines[i].text.strip() for i in blocks[-1]]
    if len(blocks) > 1 and len(last) <= 3 and _reads_like_signature(last):
        return blocks[-1][0]
    return body[-1] + 1


def _reads_like_signature(texts: list[str]) -> bool:
    """A short final block that starts with a name and ends no sentence: the signer."""
    if any(SENTENCE_END.search(t) and not t.endswith(":") for t in texts):
        return False
    return fields.parse_signature(texts) is not None


def _label_header(lines: list[Line], zones: list[str | None], start: int, layout: Layout) -> None:
    """Name the header zones before the body; the subject is the last bold block, a
    ``Betreff`` label, or a short block naming the motion."""
    header = [i for i in range(start) if zones[i] is None]
    for i in header:
        zones[i] = _header_zone(lines[i], layout)
    _label_letterhead(lines, zones, header)
    for i in header:
        if zones[i] == "subject" and _labels_a_cell(lines, header, i):
            zones[i] = "info_block"
    bold = [i for i in header if zones[i] == "subject"]
    if bold:
        run = _last_run(bold, lines, layout)
        for i in bold:
            if i not in run:
                zones[i] = "letterhead"
    else:
        for i in _subject_fallback(lines, zones, header):
            zones[i] = "subject"


def _labels_a_cell(lines: list[Line], header: list[int], i: int) -> bool:
    """A bold cell with a plain cell to its right on the same row: a table's label."""
    return any(
        j != i and same_row(lines[j], lines[i]) and lines[j].x0 > lines[i].x1 and not lines[j].bold
        for j in header
    )


def _label_letterhead(lines: list[Line], zones: list[str | None], header: list[int]) -> None:
    """Everything above the first address, information-block, date or subject line of the
    first page is letterhead, whatever its typography (DIN 5008 keeps that band for it)."""
    if not header:
        return
    page = lines[header[0]].page
    tops = [lines[i].top for i in header if _marks_letterhead_end(lines[i], zones[i], page)]
    cut = min(tops, default=lines[header[0]].top)
    labelled = [lines[i] for i in header if fields.split_label(lines[i].text) is not None]
    for i in header:
        line = lines[i]
        value = any(same_row(line, label) for label in labelled)
        unlabelled = zones[i] in ("recipient", "info_block") and not value
        if line.page == page and line.top <= cut + 2 and unlabelled:
            zones[i] = "letterhead"


def same_row(a: Line, b: Line) -> bool:
    return a.page == b.page and abs(a.top - b.top) < 2


def _marks_letterhead_end(line: Line, zone: str | None, page: int) -> bool:
    """Return address, labelled information, date line, subject or salutation: what follows
    the letterhead. Unlabelled right-column values do not count (they share its band)."""
    if line.page != page:
        return False
    labelled = zone == "info_block" and fields.split_label(line.text) is not None
    return labelled or zone in ("return_address", "date_line", "subject", "salutation")


def _header_zone(line: Line, layout: Layout) -> str:
    text = line.text
    label = fields.split_label(text)
    if fields.is_salutation(text):
        return "salutation"
    if label is not None:
        return "info_block"
    if line.bold and abs(line.size - layout.body_size) <= 1.0:
        return "subject"  # unless it labels a value cell beside it (see _label_header)
    if line.size > layout.body_size + 1.0 or line.bold:
        return "letterhead"
    if " · " in text or (line.size < layout.body_size - 2 and POSTAL_CODE.search(text)):
        return "return_address"
    if fields.parse_date(text) and len(text) < 60:
        return "date_line"
    if line.x0 > layout.body_x0 + 0.35 * (layout.body_x1 - layout.body_x0):
        return "info_block"
    return "recipient"


def _last_run(indices: list[int], lines: list[Line], layout: Layout) -> set[int]:
    """The last group of consecutive, closely spaced lines among ``indices``."""
    run = [indices[-1]]
    for i in reversed(indices[:-1]):
        if run[-1] - i == 1 and lines[run[-1]].top - lines[i].top <= 2.2 * layout.pitch:
            run.append(i)
        else:
            break
    return set(run)


def _subject_fallback(lines: list[Line], zones: list[str | None], header: list[int]) -> list[int]:
    """Without a bold subject: the last header block that names the motion."""
    for i in reversed(header):
        if zones[i] in ("recipient", "letterhead") and fields.find_motion_ref(lines[i].text):
            return [i]
    return []


ATTACHMENT = re.compile(r"^(?:anlagen?|anhang|verteiler|beilagen?)\b\s*:?", re.IGNORECASE)
# After this many empty line pitches below the signature, what follows is no longer part of it.
SIGNATURE_GAP = 5


def _label_sign_off(lines: list[Line], zones: list[str | None], end: int, layout: Layout) -> None:
    """Closing formula, then the signature; attachments, distribution lists and whatever
    follows a page break or a wide gap after the signature are ``attachment``."""
    signed: Line | None = None
    for i in range(end, len(lines)):
        if zones[i] is not None:
            continue
        line, text = lines[i], lines[i].text.strip()
        if zones[i - 1 if i else 0] == "attachment" or _ends_signature(line, text, signed, layout):
            zones[i] = "attachment"
        elif fields.is_closing_formula(text) or SIGNATURE_SEPARATOR.match(text):
            zones[i] = "closing"
        else:
            zones[i] = "signature"
            signed = line


def _ends_signature(line: Line, text: str, signed: Line | None, layout: Layout) -> bool:
    if ATTACHMENT.match(text):
        return True
    if signed is None:
        return False
    return line.page != signed.page or line.top - signed.bottom > SIGNATURE_GAP * layout.pitch
