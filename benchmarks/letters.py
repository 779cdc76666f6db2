"""Lay out statement letters as pages of positioned text runs and draw them with reportlab.

Four layouts, the ones ingest reads: a DIN 5008 letter (letterhead, return line, recipient,
information block, footer and page numbers), a plain letter (centred sender, place-and-date
line), a form-style memo (label/value rows) and a printed e-mail (print stamp, header rows,
``--`` signature, webmail footer). Body paragraphs are wrapped by measured width at 11 pt
and flow onto as many pages as they need. Positions are points from the top edge, as
pdfplumber reports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
BODY_SIZE = 11.0
RIGHT_EDGE = 525.0
# Embedded TrueType subsets with a ToUnicode map, like the sample corpus's letters.
FONT_FILES = {
    "Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "Sans-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "Serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "Serif-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
}
MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
WEEKDAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"


@dataclass(frozen=True)
class Run:
    """One run of text; ``x`` is its left, centre or right edge per ``align``."""

    text: str
    x: float
    baseline: float
    size: float = BODY_SIZE
    bold: bool = False
    align: str = "left"


@dataclass(frozen=True)
class Letter:
    """Everything a layout needs to draw one statement."""

    layout: str
    family: str
    town: str
    town_kind: str
    postcode: str
    cited: str
    motion_ref: str
    title: str
    org: str | None
    unit: str | None
    person: str
    role: str
    street: str
    email: str
    phone: str
    date: dt.date
    reference: str
    salutation: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Frame:
    """Where body text runs: left edge, line pitch, paragraph gap and page limits."""

    x: float
    pitch: float
    gap: float
    first: float
    top: float
    bottom: float


def register_fonts() -> None:
    """Register the TrueType fonts once per process (reportlab keeps a global registry)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, path))


def font(letter: Letter, bold: bool) -> str:
    return f"{letter.family}-Bold" if bold else letter.family


def wrap(text: str, fontname: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width (no hyphenation)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and pdfmetrics.stringWidth(candidate, fontname, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def flow(letter: Letter, frame: Frame, pages: list[list[Run]]) -> float:
    """Lay the body paragraphs onto ``pages`` (from the last page on); returns the baseline
    of the last line."""
    width = RIGHT_EDGE - frame.x
    baseline = frame.first - frame.gap
    for paragraph in letter.paragraphs:
        baseline += frame.gap - frame.pitch
        for line in wrap(paragraph, font(letter, False), BODY_SIZE, width):
            baseline += frame.pitch
            if baseline > frame.bottom:
                pages.append([])
                baseline = frame.top
            pages[-1].append(Run(line, frame.x, baseline))
    return baseline


def sign_off(pages: list[list[Run]], frame: Frame, baseline: float, block: list[Run]) -> None:
    """Add the closing block (runs relative to the last body line), on a new page when it
    does not fit below the body."""
    height = max(run.baseline for run in block)
    if baseline + height > frame.bottom + 30:
        pages.append([])
        baseline = frame.top - frame.gap
    pages[-1].extend(
        Run(r.text, r.x, baseline + r.baseline, r.size, r.bold, r.align) for r in block
    )


def letter_pages(
    letter: Letter, first: list[Run], frame: Frame, closing: list[Run]
) -> list[list[Run]]:
    """The pages of a letter: ``first`` (letterhead to salutation), the body flowed on from
    it, and the ``closing`` block signed off below the body."""
    pages = [first]
    sign_off(pages, frame, flow(letter, frame, pages), closing)
    return pages


def _number_pages(pages: list[list[Run]], baseline: float) -> list[list[Run]]:
    """``Seite n`` at the bottom right of every page."""
    for number, page in enumerate(pages, start=1):
        page.append(Run(f"Seite {number}", 527, baseline, 8, align="right"))
    return pages


def _closing(letter: Letter, x: float, gap: float, name_at: float) -> list[Run]:
    return [
        Run("Mit freundlichen Grüßen", x, gap),
        Run(letter.person, x, name_at),
        Run(letter.role, x, name_at + 14),
    ]


def _town(letter: Letter) -> str:
    return f"{letter.postcode} {letter.town}"


def din_letter(letter: Letter) -> list[list[Run]]:
    org = letter.org or letter.person
    info = [
        ("Datum", letter.date.strftime("%d.%m.%Y")),
        ("Unser Zeichen", letter.reference),
        ("Auskunft erteilt", letter.person),
        ("Telefon", letter.phone),
        ("E-Mail", letter.email),
    ]
    first = [
        Run(org, 71, 62, 15, True),
        *([Run(letter.unit, 71, 80, 10)] if letter.unit else []),
        Run(f"{org} · {letter.street} · {_town(letter)}", 71, 134, 7),
        Run(f"Dienstgebäude {letter.street}", 354, 143, 8),
        Run(_town(letter), 354, 153, 8),
    ]
    recipient = [f"{letter.town_kind} {letter.town}", "Ratsbüro", "Marktplatz 1", _town(letter)]
    first += [Run(line, 71, 157 + 14 * i, 10) for i, line in enumerate(recipient)]
    for row, (label, value) in enumerate(info):
        first += [Run(label, 354, 171 + 12 * row, 7), Run(value, 431, 171 + 12 * row, 8.5)]
    first += [
        Run(f"{letter.cited} „{letter.title}“ –", 77, 300, 10.5, True),
        Run(f"Stellungnahme {letter.unit or org}", 77, 314, 10.5, True),
        Run(letter.salutation, 77, 342),
    ]
    frame = Frame(x=77, pitch=14.5, gap=25, first=366, top=80, bottom=735)
    pages = letter_pages(letter, first, frame, _closing(letter, 77, 25, 72))
    slug = letter.town.lower().replace(" ", "-")
    for number, page in enumerate(pages, start=1):
        page += [
            Run(f"Hausanschrift Marktplatz 1, {_town(letter)}", 71, 776, 6.5),
            Run("Sprechzeiten Di 9:00 – 12:00 Uhr, Do 13:00 – 18:00 Uhr", 250, 776, 6.5),
            Run(f"Internet www.{slug}.example", 71, 784, 6.5),
            Run("Bankverbindung IBAN DE00 8505 0000 0000 1234 56", 250, 784, 6.5),
        ]
        if number > 1:
            page.append(Run(f"- {number} -", PAGE_WIDTH / 2, 42, 8, align="center"))
    return pages


def plain_letter(letter: Letter) -> list[list[Run]]:
    centre = PAGE_WIDTH / 2
    head = [letter.org or letter.person, letter.unit or "", f"{letter.street}, {_town(letter)}"]
    first = [Run(head[0], centre, 57, 13, True, "center")]
    first += [Run(t, centre, 74 + 11 * i, 9, align="center") for i, t in enumerate(head[1:]) if t]
    first += [
        Run(f"{letter.town}, den {letter.date:%d.%m.%Y}", 527, 126, align="right"),
        Run(f"{letter.cited} „{letter.title}“ –", 68, 164, bold=True),
        Run("Stellungnahme", 68, 179, bold=True),
        Run(letter.salutation, 68, 209),
    ]
    frame = Frame(x=68, pitch=15, gap=25, first=234, top=72, bottom=770)
    return _number_pages(letter_pages(letter, first, frame, _closing(letter, 68, 25, 76)), 810)


def memo(letter: Letter) -> list[list[Run]]:
    sender = ", ".join(p for p in (letter.unit, letter.org) if p) or letter.person
    rows = [
        ("Antrag / Vorlage", f"{letter.motion_ref} – {letter.title}"),
        ("Einreicher/in", sender),
        ("Datum", f"{letter.date:%d.%m.%Y}"),
        ("Ansprechpartner/in", f"{letter.person}, {letter.role}"),
    ]
    first = [
        Run(" – ".join(p for p in (letter.org, letter.unit) if p) or sender, 62, 34, 8),
        Run("STELLUNGNAHME", 68, 84, 16, True),
        Run("Inhalt der Stellungnahme:", 68, 194, 10, True),
    ]
    for i, (label, value) in enumerate(rows):
        first += [Run(label, 74, 111 + 17 * i, 9), Run(value, 187, 111 + 17 * i, 9)]
    frame = Frame(x=68, pitch=14.5, gap=24, first=221, top=72, bottom=770)
    return _number_pages(letter_pages(letter, first, frame, _closing(letter, 68, 24, 72)), 808)


def email(letter: Letter) -> list[list[Run]]:
    sent = dt.datetime.combine(letter.date, dt.time(8 + len(letter.person) % 9, 7))
    printed = sent + dt.timedelta(days=2, hours=1)
    sent_text = (
        f"{WEEKDAYS.split()[sent.weekday()]}, {sent.day}. {MONTHS.split()[sent.month - 1]} "
        f"{sent.year} {sent:%H:%M}"
    )
    slug = letter.town.lower().replace(" ", "-")
    first = [
        Run("Von:", 71, 64, 9.5),
        Run(f"{letter.person} <{letter.email}>", 139, 64, 9.5),
        Run(f"Gesendet: {sent_text}", 71, 82, 9.5),
        Run("An:", 71, 100, 9.5),
        Run(f"Ratsbüro <ratsbuero@{slug}.example>", 139, 100, 9.5),
        Run("Betreff:", 71, 118, 9.5),
        Run(f"AW: Anhörung zu {letter.motion_ref} „{letter.title}“", 139, 118, 9.5),
        Run(letter.salutation, 63, 150),
    ]
    frame = Frame(x=63, pitch=14.5, gap=24, first=172, top=60, bottom=770)
    signature = [letter.person, letter.role, letter.unit, letter.org, letter.street]
    signature = [s for s in signature if s] + [_town(letter), f"Tel. {letter.phone}"]
    block = [Run("Mit freundlichen Grüßen", 63, 24), Run("--", 63, 80)]
    block += [Run(line, 63, 99 + 8.5 * i, 7) for i, line in enumerate(signature)]
    pages = letter_pages(letter, first, frame, block)
    for number, page in enumerate(pages, start=1):
        page += [
            Run(f"{printed:%d.%m.%y, %H:%M}", 34, 22, 7),
            Run(f"Mail – {letter.person}", PAGE_WIDTH / 2, 22, 7, align="center"),
            Run(f"https://webmail.{slug}.example/owa/#viewmodel=ReadMessageItem", 34, 822, 7),
            Run(f"{number}/{len(pages)}", 561, 822, 7, align="right"),
        ]
    return pages


LAYOUTS: dict[str, Callable[[Letter], list[list[Run]]]] = {
    "din": din_letter,
    "plain": plain_letter,
    "memo": memo,
    "email": email,
}


def draw(letter: Letter, path: Path) -> int:
    """Write ``letter`` as an A4 PDF at ``path``; returns its number of pages."""
    register_fonts()
    pages = LAYOUTS[letter.layout](letter)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(f"Stellungnahme {letter.motion_ref}")
    for page in pages:
        _draw_page(pdf, letter, page)
        pdf.showPage()
    pdf.save()
    return len(pages)


def _draw_page(pdf: canvas.Canvas, letter: Letter, runs: Sequence[Run]) -> None:
    for run in runs:
        name = font(letter, run.bold)
        width = pdfmetrics.stringWidth(run.text, name, run.size)
        x0 = run.x - {"left": 0.0, "center": width / 2, "right": width}[run.align]
        pdf.setFont(name, run.size)
        pdf.drawString(max(20.0, x0), PAGE_HEIGHT - run.baseline, run.text)
