"""Build statement PDFs for tests with reportlab: text at given positions, sizes and weights.

Positions follow pdfplumber's view of a page: points from the top-left corner, ``baseline``
being the distance of the text's baseline from the top edge. The four layout builders mirror
real German statements (DIN 5008 letter, plain letter, form-style memo, printed e-mail) with
invented content: the town of Weidenbrück, its motions and persons do not exist.

Every drawn text carries the ``role`` it plays in the letter (the zone a careful reader would
put it in), and every letter states what ingest should find, so tests compare against the
drawing instead of against the code under test.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
FONTS = {False: "Helvetica", True: "Helvetica-Bold"}


@dataclass(frozen=True)
class Text:
    """One run of text on a page; ``x`` is its left, centre or right edge per ``align``."""

    text: str
    x: float
    baseline: float
    size: float = 10.5
    bold: bool = False
    role: str = "body"
    align: str = "left"
    font: str | None = None  # a standard font other than Helvetica, e.g. "Symbol" for bullets

    @property
    def fontname(self) -> str:
        return self.font or FONTS[self.bold]

    @property
    def width(self) -> float:
        return stringWidth(self.text, self.fontname, self.size)

    @property
    def x0(self) -> float:
        offset = {"left": 0.0, "center": self.width / 2, "right": self.width}[self.align]
        return self.x - offset


@dataclass(frozen=True)
class Rule:
    """A straight line drawn on a page (a table border or a separator), in the same
    top-left coordinates as ``Text``."""

    x0: float
    top: float
    x1: float
    bottom: float
    width: float = 0.6


def box(x0: float, top: float, x1: float, bottom: float) -> list[Rule]:
    """The four sides of a rectangle."""
    return [
        Rule(x0, top, x1, top),
        Rule(x1, top, x1, bottom),
        Rule(x0, bottom, x1, bottom),
        Rule(x0, top, x0, bottom),
    ]


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its lines as printed (hyphens at line ends included) and the text
    the data contract wants after ingest (hyphenation undone, lines joined)."""

    lines: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Expected:
    """The statement's metadata as the letter states it."""

    motion_ref: str
    motion_title: str
    date: str
    sender_org: str
    sender_unit: str | None
    author: str
    author_role: str | None
    stakeholder_group: str


@dataclass(frozen=True)
class Letter:
    """A statement to build: the texts of each page and what ingest should find in them."""

    name: str
    pages: tuple[tuple[Text, ...], ...]
    paragraphs: tuple[Paragraph, ...]
    expected: Expected
    notes: dict[str, str] = field(default_factory=dict)
    rules: tuple[tuple[Rule, ...], ...] = ()

    def texts(self, role: str | None = None) -> list[Text]:
        """The drawn texts in page order, optionally only those of one role."""
        return [t for page in self.pages for t in page if role is None or t.role == role]


def draw(path: Path, pages: Sequence[Sequence[Text]], rules: Sequence[Sequence[Rule]] = ()) -> Path:
    """Write ``pages`` (and the ``rules`` of each page, if any) as an A4 PDF. The standard
    Helvetica fonts use WinAnsi encoding, which has the German letters, „“ quotes, dashes and
    the middle dot; anything else is refused rather than drawn as a blank glyph."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, page in enumerate(pages):
        for rule in rules[number] if number < len(rules) else ():
            pdf.setLineWidth(rule.width)
            pdf.line(rule.x0, PAGE_HEIGHT - rule.top, rule.x1, PAGE_HEIGHT - rule.bottom)
        for item in page:
            item.text.encode("cp1252")
            if item.x0 < 0 or item.x0 + item.width > PAGE_WIDTH:
                raise ValueError(f"text does not fit on the page: {item.text!r}")
            pdf.setFont(item.fontname, item.size)
            pdf.drawString(item.x0, PAGE_HEIGHT - item.baseline, item.text)
        pdf.showPage()
    pdf.save()
    return path


def build(letter: Letter, folder: Path) -> Path:
    """Write ``letter`` to ``folder/<name>.pdf``."""
    return draw(folder / f"{letter.name}.pdf", letter.pages, letter.rules)


def column(
    lines: Iterable[str], x: float, baseline: float, pitch: float, role: str, **style
) -> list[Text]:
    """Lines stacked at a fixed pitch, one role and style."""
    return [Text(text, x, baseline + i * pitch, role=role, **style) for i, text in enumerate(lines)]


@dataclass(frozen=True)
class Flow:
    """Where body text runs: its column, font, line pitch, paragraph gap and page limits."""

    x: float
    size: float
    pitch: float
    gap: float
    first_baseline: float
    next_page_baseline: float
    last_baseline: float


def flow(
    paragraphs: Sequence[Paragraph], frame: Flow, pages: list[list[Text]], page: int = 0
) -> tuple[int, float]:
    """Lay the paragraphs' lines onto ``pages`` from ``frame.first_baseline`` of page
    ``page`` on, breaking onto a new page past ``frame.last_baseline``; returns the page and
    baseline of the last line."""
    baseline = frame.first_baseline - frame.gap
    for para in paragraphs:
        baseline += frame.gap
        for i, line in enumerate(para.lines):
            if i:
                baseline += frame.pitch
            if baseline > frame.last_baseline:
                page += 1
                if page == len(pages):
                    pages.append([])
                baseline = frame.next_page_baseline
            pages[page].append(Text(line, frame.x, baseline, size=frame.size))
    return page, baseline


def _add(pages: list[list[Text]], page: int, texts: Iterable[Text]) -> None:
    pages[page].extend(texts)


# --------------------------------------------------------------------------- DIN 5008 letter

DIN_BODY = Flow(
    x=77.0,
    size=10.5,
    pitch=14.0,
    gap=24.0,
    first_baseline=363.0,
    next_page_baseline=72.0,
    last_baseline=718.0,
)
INFO_LABEL_X = 354.0
INFO_VALUE_X = 431.0


def _din_header(
    org: str,
    unit: str,
    recipient: Sequence[str],
    info: Sequence[tuple[str, str]],
    subject: Sequence[str],
    salutation: str,
) -> list[Text]:
    texts = [
        Text(org, 71, 62, size=15, bold=True, role="letterhead"),
        Text(unit, 71, 80, size=10, role="letterhead"),
        Text(f"{org} · {unit} · 01987 Weidenbrück", 71, 134, size=7, role="return_address"),
        *column(
            ["Dienstgebäude Am Stadtgraben 7", "01987 Weidenbrück"],
            INFO_LABEL_X,
            143,
            10,
            role="info_block",
            size=8,
        ),
        *column(recipient, 71, 157, 14, role="recipient", size=10),
    ]
    for row, (label, value) in enumerate(info):
        baseline = 171 + 12 * row
        texts.append(Text(label, INFO_LABEL_X, baseline, size=7, role="info_block"))
        if value:
            texts.append(Text(value, INFO_VALUE_X, baseline, size=8.5, role="info_block"))
    texts += column(subject, 77, 300, 14, role="subject", size=10.5, bold=True)
    texts.append(Text(salutation, 77, 342, size=10.5, role="salutation"))
    return texts


def _din_footer() -> list[Text]:
    return [
        Text("Hausanschrift Marktplatz 1, 01987 Weidenbrück", 71, 776, size=6.5, role="footer"),
        Text("Sprechzeiten Di 9:00 – 12:00 Uhr", 235, 776, size=6.5, role="footer"),
        Text("Internet www.weidenbrueck.example", 71, 784, size=6.5, role="footer"),
        Text("Behördennummer 115", 235, 784, size=6.5, role="footer"),
    ]


def _din_letter(
    name: str,
    header: list[Text],
    paragraphs: Sequence[Paragraph],
    sign_off: Sequence[str],
    expected: Expected,
    notes: dict[str, str],
) -> Letter:
    pages: list[list[Text]] = [list(header)]
    page, baseline = flow(paragraphs, DIN_BODY, pages)
    closing, signer, role = sign_off
    _add(pages, page, [Text(closing, 77, baseline + 24, role="closing")])
    _add(pages, page, column([signer, role], 77, baseline + 74, 21, role="signature"))
    for number, texts in enumerate(pages, start=1):
        texts.extend(_din_footer())
        if number > 1:
            texts.append(
                Text(
                    f"- {number} -", PAGE_WIDTH / 2, 42, size=8, role="page_number", align="center"
                )
            )
    return Letter(name, tuple(tuple(p) for p in pages), tuple(paragraphs), expected, notes)


def din_letter() -> Letter:
    """A one-page DIN 5008 letter of an administration unit, with a full information block
    whose date differs from the dates in the body."""
    paragraphs = (
        Paragraph(
            (
                "mit Schreiben vom 28.02.2024 hat uns das Ratsbüro um eine Stellungnahme zu",
                "dem o. g. Beschlussantrag gebeten. Dieser Bitte kommen wir nach Abstimmung",
                "mit der Kämmerei und dem Personalrat gern nach.",
            ),
            "mit Schreiben vom 28.02.2024 hat uns das Ratsbüro um eine Stellungnahme zu dem "
            "o. g. Beschlussantrag gebeten. Dieser Bitte kommen wir nach Abstimmung mit der "
            "Kämmerei und dem Personalrat gern nach.",
        ),
        Paragraph(
            (
                "Die Stadt hat in den vergangenen Jahren erste Schritte der Verwaltungs-",
                "digitalisierung unternommen: Seit 2022 können Bürger z. B. Termine im",
                "Bürgerbüro online buchen und Anträge auf Bewohnerparkausweise elektronisch",
                "stellen. Weitere Dienste sollen bis zum 30. Juni 2025 folgen.",
            ),
            "Die Stadt hat in den vergangenen Jahren erste Schritte der "
            "Verwaltungsdigitalisierung unternommen: Seit 2022 können Bürger z. B. Termine im "
            "Bürgerbüro online buchen und Anträge auf Bewohnerparkausweise elektronisch "
            "stellen. Weitere Dienste sollen bis zum 30. Juni 2025 folgen.",
        ),
        Paragraph(
            (
                "Der Antrag sieht vor, dass Anliegen an die Verwaltung künftig formlos per E-",
                "Mail eingereicht werden können. Aus Sicht des Hauptamtes ist das technisch",
                "machbar, erfordert aber zusätzliche Lizenzen und Schulungen für rund vierzig",
                "Mitarbeiterinnen und Mitarbeiter der Bürgerdienste.",
            ),
            "Der Antrag sieht vor, dass Anliegen an die Verwaltung künftig formlos per E-Mail "
            "eingereicht werden können. Aus Sicht des Hauptamtes ist das technisch machbar, "
            "erfordert aber zusätzliche Lizenzen und Schulungen für rund vierzig "
            "Mitarbeiterinnen und Mitarbeiter der Bürgerdienste.",
        ),
        Paragraph(
            (
                "Das Hauptamt empfiehlt daher, den Beschlussantrag in der vorliegenden Form anzu-",
                "nehmen und die erforderlichen Mittel im Haushalt 2025 zu veranschlagen. Für Rück-",
                "fragen steht Ihnen Frau Salzmann gern zur Verfügung.",
            ),
            "Das Hauptamt empfiehlt daher, den Beschlussantrag in der vorliegenden Form "
            "anzunehmen und die erforderlichen Mittel im Haushalt 2025 zu veranschlagen. Für "
            "Rückfragen steht Ihnen Frau Salzmann gern zur Verfügung.",
        ),
    )
    header = _din_header(
        org="Stadt Weidenbrück",
        unit="Hauptamt",
        recipient=["Stadt Weidenbrück", "Ratsbüro", "Marktplatz 1", "01987 Weidenbrück"],
        info=[
            ("Datum", "12.03.2024"),
            ("Unser Zeichen", "10.2-sa/017"),
            ("Auskunft erteilt", "Frau Salzmann"),
            ("Durchwahl", "03512 44-3210"),
            ("Zimmer", "2.07"),
            ("E-Mail", "hauptamt@weidenbrueck.example"),
        ],
        subject=[
            "Beschlussantrag BA-017/2024 „Digitale Bürgerdienste für Weidenbrück“ –",
            "Stellungnahme des Hauptamtes",
        ],
        salutation="Sehr geehrte Damen und Herren,",
    )
    expected = Expected(
        motion_ref="BA-017/2024",
        motion_title="Digitale Bürgerdienste für Weidenbrück",
        date="2024-03-12",
        sender_org="Stadt Weidenbrück",
        sender_unit="Hauptamt",
        author="Henrike Salzmann",
        author_role="Amtsleiterin",
        stakeholder_group="administration",
    )
    notes = {
        "info_date": "12.03.2024",
        "body_date": "28.02.2024",
        "two_column_row": "Ratsbüro",
    }
    return _din_letter(
        "din-letter",
        header,
        paragraphs,
        ("Mit freundlichen Grüßen", "Henrike Salzmann", "Amtsleiterin"),
        expected,
        notes,
    )


def din_letter_two_pages() -> Letter:
    """A two-page DIN 5008 letter of an advisory board; its fourth paragraph runs from the
    foot of page 1 onto page 2, below the page number ``- 2 -``."""
    paragraphs = (
        Paragraph(
            (
                "der Seniorenbeirat hat den Beschlussantrag in seiner Sitzung am 4. März 2024",
                "beraten und dazu Gäste aus den Begegnungsstätten und dem Bürgerbüro gehört.",
                "Wir bedanken uns für die Gelegenheit, dazu Stellung nehmen zu können.",
            ),
            "der Seniorenbeirat hat den Beschlussantrag in seiner Sitzung am 4. März 2024 "
            "beraten und dazu Gäste aus den Begegnungsstätten und dem Bürgerbüro gehört. Wir "
            "bedanken uns für die Gelegenheit, dazu Stellung nehmen zu können.",
        ),
        Paragraph(
            (
                "Viele ältere Menschen in Weidenbrück nutzen das Internet selbstverständlich, um",
                "Fahrkarten zu kaufen, mit der Familie zu telefonieren oder Rezepte einzulösen.",
                "Ebenso viele tun es nicht, sei es aus Unsicherheit, wegen fehlender Geräte",
                "oder weil ihnen niemand die ersten Schritte gezeigt hat. Für diese Menschen",
                "darf ein digitales Bürgerbüro kein Hindernis werden, sondern muss eine Ergän-",
                "zung bleiben, die den persönlichen Kontakt nicht ersetzt.",
            ),
            "Viele ältere Menschen in Weidenbrück nutzen das Internet selbstverständlich, um "
            "Fahrkarten zu kaufen, mit der Familie zu telefonieren oder Rezepte einzulösen. "
            "Ebenso viele tun es nicht, sei es aus Unsicherheit, wegen fehlender Geräte oder "
            "weil ihnen niemand die ersten Schritte gezeigt hat. Für diese Menschen darf ein "
            "digitales Bürgerbüro kein Hindernis werden, sondern muss eine Ergänzung bleiben, "
            "die den persönlichen Kontakt nicht ersetzt.",
        ),
        Paragraph(
            (
                "Im vergangenen Jahr hat der Beirat eine kleine Umfrage in den drei Begegnungs-",
                "stätten der Stadt durchgeführt. Von 212 Befragten gaben 87 an, ein Smartphone",
                "zu besitzen, aber nur 41 nutzen es auch für Bankgeschäfte oder Behördengänge.",
                "Fast alle wünschten sich eine Ansprechperson, die ihnen vor Ort weiterhilft,",
                "und mehr als die Hälfte sorgte sich um die Sicherheit ihrer Daten. Diese Zahlen",
                "sind nicht repräsentativ, decken sich aber mit den Erfahrungen aus unseren",
                "Sprechstunden und aus Gesprächen mit Angehörigen.",
            ),
            "Im vergangenen Jahr hat der Beirat eine kleine Umfrage in den drei "
            "Begegnungsstätten der Stadt durchgeführt. Von 212 Befragten gaben 87 an, ein "
            "Smartphone zu besitzen, aber nur 41 nutzen es auch für Bankgeschäfte oder "
            "Behördengänge. Fast alle wünschten sich eine Ansprechperson, die ihnen vor Ort "
            "weiterhilft, und mehr als die Hälfte sorgte sich um die Sicherheit ihrer Daten. "
            "Diese Zahlen sind nicht repräsentativ, decken sich aber mit den Erfahrungen aus "
            "unseren Sprechstunden und aus Gesprächen mit Angehörigen.",
        ),
        Paragraph(
            (
                "Wir begrüßen deshalb ausdrücklich, dass der Antrag eine Begleitung durch",
                "ehrenamtliche Digitalpatinnen und Digitalpaten vorsieht. Die Sprechstunden,",
                "die der Beirat seit dem vergangenen Herbst gemeinsam mit der Stadtbibliothek",
                "anbietet, sind regelmäßig ausgebucht. Gefragt wird dort nach ganz alltäglichen",
                "Dingen: wie man einen Termin im Bürgerbüro bucht, wie man ein sicheres Kenn-",
                "wort wählt oder wie man eine Nachricht mit einem Foto verschickt. Solche",
                "Angebote brauchen verlässliche Räume, feste Ansprechpersonen in der Verwaltung",
                "und einen kleinen Etat für Geräte, an denen geübt werden kann. Aus unserer",
                "Erfahrung kommen die Menschen gern wieder, wenn sie beim ersten Besuch",
                "Erfolg hatten und wissen, an wen sie sich wenden können.",
            ),
            "Wir begrüßen deshalb ausdrücklich, dass der Antrag eine Begleitung durch "
            "ehrenamtliche Digitalpatinnen und Digitalpaten vorsieht. Die Sprechstunden, die "
            "der Beirat seit dem vergangenen Herbst gemeinsam mit der Stadtbibliothek anbietet, "
            "sind regelmäßig ausgebucht. Gefragt wird dort nach ganz alltäglichen Dingen: wie "
            "man einen Termin im Bürgerbüro bucht, wie man ein sicheres Kennwort wählt oder wie "
            "man eine Nachricht mit einem Foto verschickt. Solche Angebote brauchen verlässliche "
            "Räume, feste Ansprechpersonen in der Verwaltung und einen kleinen Etat für Geräte, "
            "an denen geübt werden kann. Aus unserer Erfahrung kommen die Menschen gern wieder, "
            "wenn sie beim ersten Besuch Erfolg hatten und wissen, an wen sie sich wenden können.",
        ),
        Paragraph(
            (
                "Der Seniorenbeirat empfiehlt dem Stadtrat, dem Antrag zuzustimmen, und bittet",
                "darum, bei der Umsetzung von Anfang an beteiligt zu werden.",
            ),
            "Der Seniorenbeirat empfiehlt dem Stadtrat, dem Antrag zuzustimmen, und bittet "
            "darum, bei der Umsetzung von Anfang an beteiligt zu werden.",
        ),
    )
    header = _din_header(
        org="Stadt Weidenbrück",
        unit="Seniorenbeirat",
        recipient=["Stadt Weidenbrück", "Ratsbüro", "- im Hause -"],
        info=[("Datum", "18.03.2024")],
        subject=[
            "Stellungnahme des Seniorenbeirats zum Beschlussantrag BA-017/2024",
            "„Digitale Bürgerdienste für Weidenbrück“",
        ],
        salutation="Sehr geehrte Stadträtinnen und Stadträte,",
    )
    expected = Expected(
        motion_ref="BA-017/2024",
        motion_title="Digitale Bürgerdienste für Weidenbrück",
        date="2024-03-18",
        sender_org="Stadt Weidenbrück",
        sender_unit="Seniorenbeirat",
        author="Werner Gutjahr",
        author_role="Vorsitzender des Seniorenbeirats",
        stakeholder_group="advisory_board",
    )
    return _din_letter(
        "din-letter-two-pages",
        header,
        paragraphs,
        ("Mit freundlichen Grüßen", "Werner Gutjahr", "Vorsitzender des Seniorenbeirats"),
        expected,
        {"crossing_paragraph": "3"},
    )


# ------------------------------------------------------------------------------ plain letter


def plain_letter() -> Letter:
    """An association's letter: centred bold name, unit and address, a right-aligned place
    and date line, a bold subject naming a Drucksache, no information block."""
    paragraphs = (
        Paragraph(
            (
                "der Heimatverein Weidenbrück dankt für die Gelegenheit, zur geplanten",
                "Sanierung der Stadthalle Stellung zu nehmen. Unsere rund 180 Mitglieder",
                "nutzen die Halle seit Jahrzehnten für Ausstellungen und den Herbstmarkt.",
            ),
            "der Heimatverein Weidenbrück dankt für die Gelegenheit, zur geplanten Sanierung "
            "der Stadthalle Stellung zu nehmen. Unsere rund 180 Mitglieder nutzen die Halle seit "
            "Jahrzehnten für Ausstellungen und den Herbstmarkt.",
        ),
        Paragraph(
            (
                "Wir unterstützen die Vorlage im Grundsatz. Die Halle ist ein Baudenkmal der",
                "Fünfzigerjahre, und ihre Fassade prägt den Marktplatz. Deshalb sollten die Denk-",
                "malschutzbehörde frühzeitig einbezogen und die originalen Fenster sowie die",
                "Wandbilder im Foyer erhalten werden.",
            ),
            "Wir unterstützen die Vorlage im Grundsatz. Die Halle ist ein Baudenkmal der "
            "Fünfzigerjahre, und ihre Fassade prägt den Marktplatz. Deshalb sollten die "
            "Denkmalschutzbehörde frühzeitig einbezogen und die originalen Fenster sowie die "
            "Wandbilder im Foyer erhalten werden.",
        ),
        Paragraph(
            (
                "Während der Bauzeit bitten wir um Ersatzräume für unsere Sammlung, etwa im",
                "ehemaligen Amtsgericht. Der Verein ist bereit, beim Umzug mitzuhelfen.",
            ),
            "Während der Bauzeit bitten wir um Ersatzräume für unsere Sammlung, etwa im "
            "ehemaligen Amtsgericht. Der Verein ist bereit, beim Umzug mitzuhelfen.",
        ),
    )
    centre = PAGE_WIDTH / 2
    page: list[Text] = [
        Text("Heimatverein Weidenbrück e. V.", centre, 57, 13, True, "letterhead", "center"),
        Text("Vorstand", centre, 74, 9, False, "letterhead", "center"),
        Text("Am Mühlgraben 4, 01987 Weidenbrück", centre, 85, 9, False, "letterhead", "center"),
        Text("Weidenbrück, den 14.03.2024", 527, 126, 11, False, "date_line", "right"),
        *column(
            [
                "Drucksache 0342/2024 „Sanierung der Stadthalle Weidenbrück“ –",
                "Stellungnahme des Heimatvereins",
            ],
            68,
            164,
            15,
            role="subject",
            size=11,
            bold=True,
        ),
        Text("Sehr geehrte Damen und Herren,", 68, 209, 11, role="salutation"),
        Text("Seite 1", 511, 810, 8, role="page_number"),
    ]
    pages = [page]
    body = Flow(68, 11, 15, 25, 232, 72, 760)
    at, baseline = flow(paragraphs, body, pages)
    _add(pages, at, [Text("Mit freundlichen Grüßen", 68, baseline + 25, 11, role="closing")])
    _add(
        pages,
        at,
        column(["Gudrun Lamprecht", "Vorsitzende"], 68, baseline + 76, 23, "signature", size=11),
    )
    expected = Expected(
        motion_ref="Drucksache 0342/2024",
        motion_title="Sanierung der Stadthalle Weidenbrück",
        date="2024-03-14",
        sender_org="Heimatverein Weidenbrück e. V.",
        sender_unit="Vorstand",
        author="Gudrun Lamprecht",
        author_role="Vorsitzende",
        stakeholder_group="association",
    )
    return Letter("plain-letter", tuple(tuple(p) for p in pages), paragraphs, expected)


# -------------------------------------------------------------------------- form-style memo

MEMO_LABEL_X = 74.0
MEMO_VALUE_X = 187.0


def memo() -> Letter:
    """A form-style memo of a commissioner: small sender line, big bold title, label/value
    rows, a bold ``Inhalt der Stellungnahme:`` heading and no salutation."""
    paragraphs = (
        Paragraph(
            (
                "der Entwurf des Spielplatzentwicklungsplans ist aus Sicht der Gleichstellung",
                "ein guter Anfang. Positiv ist, dass die Spielflächen erstmals nach Stadtteilen",
                "bewertet und mit Zahlen zur Altersstruktur hinterlegt werden.",
            ),
            "der Entwurf des Spielplatzentwicklungsplans ist aus Sicht der Gleichstellung ein "
            "guter Anfang. Positiv ist, dass die Spielflächen erstmals nach Stadtteilen bewertet "
            "und mit Zahlen zur Altersstruktur hinterlegt werden.",
        ),
        Paragraph(
            (
                "Untersuchungen aus anderen Städten zeigen, dass Mädchen ab etwa zehn Jahren",
                "öffentliche Spielflächen deutlich seltener nutzen als Jungen. Gründe sind u. a.",
                "fehlende Sitzgelegenheiten, schlechte Beleuchtung und Bolzplätze, die den",
                "größten Teil der Fläche einnehmen. Wir regen an, bei jeder Neuplanung",
                "Mädchen und junge Frauen gezielt zu beteiligen, z. B. über die Schulen.",
            ),
            "Untersuchungen aus anderen Städten zeigen, dass Mädchen ab etwa zehn Jahren "
            "öffentliche Spielflächen deutlich seltener nutzen als Jungen. Gründe sind u. a. "
            "fehlende Sitzgelegenheiten, schlechte Beleuchtung und Bolzplätze, die den größten "
            "Teil der Fläche einnehmen. Wir regen an, bei jeder Neuplanung Mädchen und junge "
            "Frauen gezielt zu beteiligen, z. B. über die Schulen.",
        ),
        Paragraph(
            (
                "Außerdem sollten Wickel- und Stillmöglichkeiten sowie barrierefreie Toiletten",
                "an den großen Spielplätzen fester Bestandteil der Planung sein.",
            ),
            "Außerdem sollten Wickel- und Stillmöglichkeiten sowie barrierefreie Toiletten an "
            "den großen Spielplätzen fester Bestandteil der Planung sein.",
        ),
    )
    rows = [
        ("Antrag / Vorlage", "V-2024/031 – Spielplatzentwicklungsplan Weidenbrück"),
        ("Einreicher/in", "Stabsstelle Gleichstellung, Stadt Weidenbrück"),
        ("Datum", "21.03.2024"),
        ("Ansprechpartner/in", "Katharina Ziesemer, Gleichstellungsbeauftragte, 03512 44-1180"),
    ]
    page: list[Text] = [
        Text("Stadt Weidenbrück – Stabsstelle Gleichstellung", 62, 34, 8, role="letterhead"),
        Text("Stellungnahme", 68, 84, 16, True, role="letterhead"),
    ]
    for i, (label, value) in enumerate(rows):
        page.append(Text(label, MEMO_LABEL_X, 111 + 17 * i, 9, role="info_block"))
        page.append(Text(value, MEMO_VALUE_X, 111 + 17 * i, 9, role="info_block"))
    page.append(Text("Inhalt der Stellungnahme:", 68, 194, 10, True, role="heading"))
    page.append(Text("Seite 1", 505, 808, 8, role="page_number"))
    pages = [page]
    at, baseline = flow(paragraphs, Flow(68, 10, 13.5, 23, 221, 72, 760), pages)
    _add(pages, at, [Text("Mit freundlichen Grüßen", 68, baseline + 23, 10, role="closing")])
    _add(
        pages,
        at,
        column(
            ["Katharina Ziesemer", "Gleichstellungsbeauftragte"],
            68,
            baseline + 72,
            20,
            "signature",
            size=10,
        ),
    )
    expected = Expected(
        motion_ref="V-2024/031",
        motion_title="Spielplatzentwicklungsplan Weidenbrück",
        date="2024-03-21",
        sender_org="Stadt Weidenbrück",
        sender_unit="Stabsstelle Gleichstellung",
        author="Katharina Ziesemer",
        author_role="Gleichstellungsbeauftragte",
        stakeholder_group="commissioner",
    )
    return Letter("memo", tuple(tuple(p) for p in pages), paragraphs, expected)


# --------------------------------------------------------------------------- printed e-mail

EMAIL_LABEL_X = 71.0
EMAIL_VALUE_X = 139.0


def email() -> Letter:
    """A printed e-mail reply: a print stamp two days after sending, header rows, a body, a
    ``--`` separator, a small signature with the organisation, and the webmail URL footer."""
    paragraphs = (
        Paragraph(
            (
                "vielen Dank für die Übersendung des Entwurfs. Der Kreissportbund vertritt",
                "in Weidenbrück 23 Vereine mit zusammen rund 4.600 Mitgliedern, von denen",
                "die meisten auf städtische Hallen und Sportplätze angewiesen sind.",
            ),
            "vielen Dank für die Übersendung des Entwurfs. Der Kreissportbund vertritt in "
            "Weidenbrück 23 Vereine mit zusammen rund 4.600 Mitgliedern, von denen die meisten "
            "auf städtische Hallen und Sportplätze angewiesen sind.",
        ),
        Paragraph(
            (
                "Wir halten einen Sportstättenentwicklungsplan für überfällig. Die Hallen-",
                "zeiten sind seit Jahren knapp, und die Sanierung der Sporthalle Nord wird",
                "seit dem Frühjahr 2021 verschoben. Ein Plan mit klaren Prioritäten und",
                "einem Zeitrahmen würde den Vereinen Planungssicherheit geben.",
            ),
            "Wir halten einen Sportstättenentwicklungsplan für überfällig. Die Hallenzeiten "
            "sind seit Jahren knapp, und die Sanierung der Sporthalle Nord wird seit dem "
            "Frühjahr 2021 verschoben. Ein Plan mit klaren Prioritäten und einem Zeitrahmen "
            "würde den Vereinen Planungssicherheit geben.",
        ),
        Paragraph(
            (
                "Gern beteiligen wir uns an der Arbeitsgruppe und bringen die Belegungsdaten",
                "unserer Vereine ein. Bitte senden Sie die Einladung an die Geschäftsstelle.",
            ),
            "Gern beteiligen wir uns an der Arbeitsgruppe und bringen die Belegungsdaten "
            "unserer Vereine ein. Bitte senden Sie die Einladung an die Geschäftsstelle.",
        ),
    )
    page: list[Text] = [
        Text("07.03.24, 08:15", 34, 22, 7, role="running_header"),
        Text("Mail – Matthias Overbeck", 297, 22, 7, role="running_header", align="center"),
        Text("Von:", EMAIL_LABEL_X, 64, 9.5, role="info_block"),
        Text(
            "Matthias Overbeck <info@ksb-weidenbrueck.example>",
            EMAIL_VALUE_X,
            64,
            9.5,
            role="info_block",
        ),
        Text("Gesendet: Dienstag, 5. März 2024 10:09", EMAIL_LABEL_X, 82, 9.5, role="info_block"),
        Text("An:", EMAIL_LABEL_X, 100, 9.5, role="info_block"),
        Text(
            "Ratsbüro <ratsbuero@weidenbrueck.example>", EMAIL_VALUE_X, 100, 9.5, role="info_block"
        ),
        Text("Betreff:", EMAIL_LABEL_X, 118, 9.5, role="info_block"),
        Text(
            "AW: Anhörung zu BA-021/2024 „Sportstättenentwicklungsplan“",
            EMAIL_VALUE_X,
            118,
            9.5,
            role="info_block",
        ),
        Text("Sehr geehrte Damen und Herren,", 63, 150, 10, role="salutation"),
        Text(
            "https://webmail.ksb-weidenbrueck.example/owa/#viewmodel=ReadMessageItem",
            34,
            822,
            7,
            role="footer",
        ),
        Text("1", 557, 822, 7, role="page_number"),
    ]
    pages = [page]
    at, baseline = flow(paragraphs, Flow(63, 10, 13, 22, 169, 72, 760), pages)
    _add(pages, at, [Text("Mit freundlichen Grüßen", 63, baseline + 22, 10, role="closing")])
    _add(pages, at, [Text("--", 63, baseline + 80, 10, role="closing")])
    signature = [
        "Matthias Overbeck",
        "Geschäftsführer",
        "Geschäftsstelle",
        "Kreissportbund Weidenbrück e. V.",
        "Sportplatzweg 2",
        "01987 Weidenbrück",
        "Tel. 03512 44-2710",
    ]
    _add(pages, at, column(signature, 63, baseline + 99, 8.5, "signature", size=7))
    expected = Expected(
        motion_ref="BA-021/2024",
        motion_title="Sportstättenentwicklungsplan",
        date="2024-03-05",
        sender_org="Kreissportbund Weidenbrück e. V.",
        sender_unit="Geschäftsstelle",
        author="Matthias Overbeck",
        author_role="Geschäftsführer",
        stakeholder_group="association",
    )
    notes = {"print_stamp_date": "2024-03-07"}
    return Letter("email", tuple(tuple(p) for p in pages), paragraphs, expected, notes)


LAYOUTS = {
    "din-letter": din_letter,
    "din-letter-two-pages": din_letter_two_pages,
    "plain-letter": plain_letter,
    "memo": memo,
    "email": email,
}


# =========================================================================== more layouts
#
# Layouts and conventions the five letters above do not cover, with invented content: the
# towns of Lerchenbach and Musterstadt, their motions, associations and persons do not exist.


# Word and LibreOffice draw list bullets in the Symbol font; reportlab's Helvetica would write
# the bullet as byte 0x7F, which pdfminer cannot map back to "•".
BULLET_FONT = "Symbol"


@dataclass(frozen=True)
class Block:
    """A body paragraph placed by ``flow_blocks``: ``gap`` is the baseline distance from the
    previous line (the frame's paragraph gap when None); a list item draws ``bullet`` at the
    frame's left edge and its lines ``indent`` points further right (a hanging indent)."""

    para: Paragraph
    gap: float | None = None
    indent: float = 0.0
    bullet: str | None = None


def flow_blocks(
    blocks: Sequence[Block], frame: Flow, pages: list[list[Text]], page: int = 0
) -> tuple[int, float]:
    """Like ``flow``, for paragraphs with their own gaps, indents and bullets."""
    baseline = frame.first_baseline
    for n, block in enumerate(blocks):
        if n:
            baseline += frame.gap if block.gap is None else block.gap
        for i, line in enumerate(block.para.lines):
            if i:
                baseline += frame.pitch
            if baseline > frame.last_baseline:
                page += 1
                if page == len(pages):
                    pages.append([])
                baseline = frame.next_page_baseline
            if i == 0 and block.bullet:
                bullet = Text(block.bullet, frame.x, baseline, frame.size, font=BULLET_FONT)
                pages[page].append(bullet)
            pages[page].append(Text(line, frame.x + block.indent, baseline, size=frame.size))
    return page, baseline


def _letter(
    name: str,
    pages: list[list[Text]],
    paragraphs: Sequence[Paragraph],
    expected: Expected,
    notes: dict[str, str] | None = None,
    rules: Sequence[Sequence[Rule]] = (),
) -> Letter:
    return Letter(
        name,
        tuple(tuple(p) for p in pages),
        tuple(paragraphs),
        expected,
        dict(notes or {}),
        tuple(tuple(r) for r in rules),
    )


GRUENE_SCHULHOEFE = "Grüne Schulhöfe für Lerchenbach"


# ---------------------------------------------------- DIN 5008 letter with a reference line

REF_LINE_COLUMNS = (71.0, 163.0, 263.0, 355.0, 455.0)


def reference_line_letter() -> Letter:
    """A DIN 5008 letter (form B) of an administration unit whose information sits in a
    reference line (Bezugszeichenzeile): 7 pt labels spread across the page and the values
    in the row below. The date is the ``Datum`` value, not the ``Ihre Nachricht vom`` one; the
    sign-off has ``Im Auftrag`` between the closing formula and the signer."""
    paragraphs = (
        Paragraph(
            (
                "vielen Dank für Ihre Nachricht vom 26.02.2024 und die Gelegenheit, zur Vorlage",
                "Stellung zu nehmen. Das Amt für Umwelt und Stadtgrün hat die sieben Schulhöfe",
                "im Stadtgebiet im Januar gemeinsam mit dem Schulverwaltungsamt begangen.",
            ),
            "vielen Dank für Ihre Nachricht vom 26.02.2024 und die Gelegenheit, zur Vorlage "
            "Stellung zu nehmen. Das Amt für Umwelt und Stadtgrün hat die sieben Schulhöfe im "
            "Stadtgebiet im Januar gemeinsam mit dem Schulverwaltungsamt begangen.",
        ),
        Paragraph(
            (
                "Fünf der sieben Höfe sind zu mehr als 80 Prozent asphaltiert. Im Sommer 2023",
                "haben wir auf dem Hof der Grundschule Am Anger an mehreren Nachmittagen Ober-",
                "flächentemperaturen von über 50 Grad gemessen. Eine Entsiegelung mit Pflanz-",
                "inseln, Baumpflanzungen und wasserdurchlässigen Belägen würde die Aufenthalts-",
                "qualität deutlich verbessern und zugleich Regenwasser vor Ort zurückhalten.",
            ),
            "Fünf der sieben Höfe sind zu mehr als 80 Prozent asphaltiert. Im Sommer 2023 haben "
            "wir auf dem Hof der Grundschule Am Anger an mehreren Nachmittagen "
            "Oberflächentemperaturen von über 50 Grad gemessen. Eine Entsiegelung mit "
            "Pflanzinseln, Baumpflanzungen und wasserdurchlässigen Belägen würde die "
            "Aufenthaltsqualität deutlich verbessern und zugleich Regenwasser vor Ort "
            "zurückhalten.",
        ),
        Paragraph(
            (
                "Die Kosten schätzen wir auf rund 140.000 Euro je Schulhof. Für Planung, Aus-",
                "schreibung und Bauüberwachung hat das Amt derzeit keine freien Kapazitäten;",
                "Fördermittel aus dem Landesprogramm „Klimaanpassung in Kommunen“ könnten bis",
                "zu 70 Prozent der Bau- und Pflanzkosten decken, wenn der Antrag bis zum 30. Sep-",
                "tember gestellt wird. Die Eigenmittel wären im Haushalt 2025 bereitzustellen.",
            ),
            "Die Kosten schätzen wir auf rund 140.000 Euro je Schulhof. Für Planung, "
            "Ausschreibung und Bauüberwachung hat das Amt derzeit keine freien Kapazitäten; "
            "Fördermittel aus dem Landesprogramm „Klimaanpassung in Kommunen“ könnten bis zu 70 "
            "Prozent der Bau- und Pflanzkosten decken, wenn der Antrag bis zum 30. September "
            "gestellt wird. Die Eigenmittel wären im Haushalt 2025 bereitzustellen.",
        ),
        Paragraph(
            (
                "Das Amt empfiehlt, der Vorlage zuzustimmen und mit dem Hof der Grundschule Am",
                "Anger als Pilotprojekt zu beginnen.",
            ),
            "Das Amt empfiehlt, der Vorlage zuzustimmen und mit dem Hof der Grundschule Am "
            "Anger als Pilotprojekt zu beginnen.",
        ),
    )
    labels = ("Ihr Zeichen", "Ihre Nachricht vom", "Unser Zeichen", "Telefon", "Datum")
    values = ("GR-Bü/ku", "26.02.2024", "67.2-wo", "04731 62-418", "11.03.2024")
    page: list[Text] = [
        Text("Stadt Lerchenbach", 71, 60, 16, True, "letterhead"),
        Text("Amt für Umwelt und Stadtgrün", 71, 78, 10, role="letterhead"),
        Text(
            "Stadt Lerchenbach · Postfach 11 20 · 38991 Lerchenbach",
            71,
            128,
            7,
            role="return_address",
        ),
        *column(
            [
                "Stadt Lerchenbach",
                "Büro des Gemeinderats",
                "Frau Ilona Kuhnert",
                "Rathausplatz 3",
                "38991 Lerchenbach",
            ],
            71,
            150,
            13,
            role="recipient",
            size=10,
        ),
    ]
    for x, label, value in zip(REF_LINE_COLUMNS, labels, values, strict=True):
        page.append(Text(label, x, 262, 7, role="info_block"))
        page.append(Text(value, x, 275, 10, role="info_block"))
    page += column(
        [
            f"Vorlage GR-014/2024 „{GRUENE_SCHULHOEFE}“",
            "Stellungnahme des Amtes für Umwelt und Stadtgrün",
        ],
        71,
        310,
        14,
        role="subject",
        size=10.5,
        bold=True,
    )
    page.append(Text("Sehr geehrte Frau Kuhnert,", 71, 352, 10.5, role="salutation"))
    footer = [
        ("Rathausplatz 3 · 38991 Lerchenbach", "www.lerchenbach.example"),
        ("Sprechzeiten Mo–Fr 8–12 Uhr", "Telefon 04731 62-0"),
        ("Sparkasse Lerchenbach", "IBAN DE44 2505 0000 0012 3456 78"),
    ]
    for x, (upper, lower) in zip((71, 245, 400), footer, strict=True):
        page.append(Text(upper, x, 786, 7, role="footer"))
        page.append(Text(lower, x, 795, 7, role="footer"))
    pages = [page]
    at, baseline = flow(paragraphs, Flow(71, 10.5, 14, 24, 373, 72, 740), pages)
    _add(
        pages,
        at,
        [
            Text("Mit freundlichen Grüßen", 71, baseline + 24, 10.5, role="closing"),
            Text("Im Auftrag", 71, baseline + 38, 10.5, role="closing"),
            *column(
                ["Jonas Wohlgemuth", "Sachgebietsleiter Stadtgrün"],
                71,
                baseline + 80,
                14,
                "signature",
                size=10.5,
            ),
        ],
    )
    expected = Expected(
        motion_ref="GR-014/2024",
        motion_title=GRUENE_SCHULHOEFE,
        date="2024-03-11",
        sender_org="Stadt Lerchenbach",
        sender_unit="Amt für Umwelt und Stadtgrün",
        author="Jonas Wohlgemuth",
        author_role="Sachgebietsleiter Stadtgrün",
        stakeholder_group="administration",
    )
    notes = {
        "their_message_date": "26.02.2024",
        "date_value": "11.03.2024",
        "subject": f"Vorlage GR-014/2024 „{GRUENE_SCHULHOEFE}“ Stellungnahme des Amtes für "
        "Umwelt und Stadtgrün",
    }
    return _letter("reference-line-letter", pages, paragraphs, expected, notes)


# ------------------------------------------------------------- a private citizen's letter


def citizen_letter() -> Letter:
    """A citizen's two-page letter typed in one font size: her name and address at the top
    left like the body text, a right-aligned ``Ort, 3. März 2024``, a plain ``Betreff:`` line,
    no page numbers, and a paragraph that runs from page 1 onto page 2."""
    paragraphs = (
        Paragraph(
            (
                "als Mutter von zwei Kindern, die die Grundschule Am Anger besuchen, möchte",
                "ich mich zu der geplanten Umgestaltung der Schulhöfe äußern. Ich habe die",
                "Vorlage im Ratsinformationssystem gelesen und mit anderen Eltern aus der",
                "Klasse meiner Tochter darüber gesprochen.",
            ),
            "als Mutter von zwei Kindern, die die Grundschule Am Anger besuchen, möchte ich mich "
            "zu der geplanten Umgestaltung der Schulhöfe äußern. Ich habe die Vorlage im "
            "Ratsinformationssystem gelesen und mit anderen Eltern aus der Klasse meiner "
            "Tochter darüber gesprochen.",
        ),
        Paragraph(
            (
                "Der Hof unserer Schule ist im Sommer kaum zu benutzen. Es gibt dort nur zwei",
                "kleine Bäume, der Rest ist Asphalt. In den heißen Wochen im letzten Juni",
                "durften die Kinder in den großen Pausen teilweise nicht nach draußen, weil es",
                "zu heiß war. Ein Kind aus der Nachbarklasse ist auf dem Hof gestürzt und hat",
                "sich an dem aufgeheizten Boden die Hände verbrannt. Ich finde, das darf an",
                "einer Schule nicht vorkommen.",
            ),
            "Der Hof unserer Schule ist im Sommer kaum zu benutzen. Es gibt dort nur zwei kleine "
            "Bäume, der Rest ist Asphalt. In den heißen Wochen im letzten Juni durften die "
            "Kinder in den großen Pausen teilweise nicht nach draußen, weil es zu heiß war. Ein "
            "Kind aus der Nachbarklasse ist auf dem Hof gestürzt und hat sich an dem "
            "aufgeheizten Boden die Hände verbrannt. Ich finde, das darf an einer Schule nicht "
            "vorkommen.",
        ),
        Paragraph(
            (
                "Deshalb unterstütze ich die Vorlage ausdrücklich. Besonders gut finde ich,",
                "dass die Kinder bei der Planung mitreden sollen. Meine Tochter hat schon viele",
                "Ideen: ein Weidentunnel, ein Kräuterbeet, Sitzsteine im Schatten und eine",
                "Fläche zum Balancieren. Die Schülerinnen und Schüler würden sicher auch beim",
                "Pflanzen und Gießen helfen, wenn man sie lässt.",
            ),
            "Deshalb unterstütze ich die Vorlage ausdrücklich. Besonders gut finde ich, dass "
            "die Kinder bei der Planung mitreden sollen. Meine Tochter hat schon viele Ideen: "
            "ein Weidentunnel, ein Kräuterbeet, Sitzsteine im Schatten und eine Fläche zum "
            "Balancieren. Die Schülerinnen und Schüler würden sicher auch beim Pflanzen und "
            "Gießen helfen, wenn man sie lässt.",
        ),
        Paragraph(
            (
                "Sorgen mache ich mir allerdings um die Bauzeit. Wenn die Arbeiten mitten im",
                "Schuljahr stattfinden, fällt der Hof für viele Monate weg. Ich bitte darum,",
                "die lauten Arbeiten möglichst in die Sommerferien zu legen und während der",
                "Bauzeit eine Ausweichfläche anzubieten, zum Beispiel auf der Wiese hinter der",
                "Turnhalle.",
            ),
            "Sorgen mache ich mir allerdings um die Bauzeit. Wenn die Arbeiten mitten im "
            "Schuljahr stattfinden, fällt der Hof für viele Monate weg. Ich bitte darum, die "
            "lauten Arbeiten möglichst in die Sommerferien zu legen und während der Bauzeit "
            "eine Ausweichfläche anzubieten, zum Beispiel auf der Wiese hinter der Turnhalle.",
        ),
        Paragraph(
            (
                "Außerdem sollte schon jetzt geklärt werden, wer sich nach dem Umbau um die",
                "Pflanzen kümmert. Auf dem Spielplatz in der Gartenstraße wurden vor drei",
                "Jahren Hecken gepflanzt, die im ersten trockenen Sommer eingegangen sind, weil",
                "niemand sie gegossen hat. Der Förderverein und einige Eltern wären bereit,",
                "eine Gießpatenschaft zu übernehmen, brauchen dafür aber einen Wasseranschluss",
                "auf dem Hof und eine feste Ansprechperson bei der Stadt.",
            ),
            "Außerdem sollte schon jetzt geklärt werden, wer sich nach dem Umbau um die Pflanzen "
            "kümmert. Auf dem Spielplatz in der Gartenstraße wurden vor drei Jahren Hecken "
            "gepflanzt, die im ersten trockenen Sommer eingegangen sind, weil niemand sie "
            "gegossen hat. Der Förderverein und einige Eltern wären bereit, eine "
            "Gießpatenschaft zu übernehmen, brauchen dafür aber einen Wasseranschluss auf dem "
            "Hof und eine feste Ansprechperson bei der Stadt.",
        ),
        Paragraph(
            (
                "Schließlich wünsche ich mir, dass die Eltern regelmäßig über den Stand der",
                "Planung informiert werden, etwa über die Elternbriefe der Schule oder die",
                "Internetseite der Stadt.",
            ),
            "Schließlich wünsche ich mir, dass die Eltern regelmäßig über den Stand der Planung "
            "informiert werden, etwa über die Elternbriefe der Schule oder die Internetseite "
            "der Stadt.",
        ),
        Paragraph(
            (
                "Ich würde mich freuen, wenn der Gemeinderat der Vorlage zustimmt und die",
                "Grundschule Am Anger als erste Schule an die Reihe kommt.",
            ),
            "Ich würde mich freuen, wenn der Gemeinderat der Vorlage zustimmt und die "
            "Grundschule Am Anger als erste Schule an die Reihe kommt.",
        ),
    )
    page: list[Text] = [
        *column(
            ["Katrin Sommerfeld", "Angerstraße 17", "38991 Lerchenbach"],
            71,
            57,
            14,
            role="letterhead",
            size=11,
        ),
        *column(
            ["Stadt Lerchenbach", "Büro des Gemeinderats", "Rathausplatz 3", "38991 Lerchenbach"],
            71,
            142,
            14,
            role="recipient",
            size=11,
        ),
        Text("Lerchenbach, 3. März 2024", 524, 232, 11, role="date_line", align="right"),
        Text(f"Betreff: Vorlage GR-014/2024 – {GRUENE_SCHULHOEFE}", 71, 270, 11, role="subject"),
        Text("Sehr geehrte Damen und Herren,", 71, 305, 11, role="salutation"),
    ]
    pages = [page]
    at, baseline = flow(paragraphs, Flow(71, 11, 15, 30, 335, 71, 760), pages)
    _add(
        pages,
        at,
        [
            Text("Mit freundlichen Grüßen", 71, baseline + 30, 11, role="closing"),
            Text("Katrin Sommerfeld", 71, baseline + 90, 11, role="signature"),
        ],
    )
    expected = Expected(
        motion_ref="GR-014/2024",
        motion_title=GRUENE_SCHULHOEFE,
        date="2024-03-03",
        sender_org="Katrin Sommerfeld",
        sender_unit=None,
        author="Katrin Sommerfeld",
        author_role=None,
        stakeholder_group="citizen",
    )
    notes = {
        "crossing_paragraph": "4",
        "subject": f"Vorlage GR-014/2024 – {GRUENE_SCHULHOEFE}",
    }
    return _letter("citizen-letter", pages, paragraphs, expected, notes)


# ----------------------------------------------------------- Thunderbird-style printed e-mail

TB_LABEL_RIGHT = 100.0
TB_VALUE_X = 106.0


def thunderbird_email() -> Letter:
    """An e-mail printed from Thunderbird: the browser-style page header (the subject) and
    footer (page count, print time two days after sending), the header rows ``Betreff``,
    ``Von``, ``Datum``, ``An`` with bold right-aligned labels, a rule, a body without
    salutation, a short greeting and a ``-- `` signature with role, association and address."""
    subject = f"Stellungnahme zu GR-014/2024 ({GRUENE_SCHULHOEFE})"
    paragraphs = (
        Paragraph(
            (
                "Der Förderverein der Grundschule Am Anger begrüßt die Vorlage ausdrücklich.",
                "Wir haben sie am 28. Februar in unserer Mitgliederversammlung vorgestellt; die",
                "rund 60 anwesenden Eltern und Lehrkräfte haben sich einstimmig dafür",
                "ausgesprochen.",
            ),
            "Der Förderverein der Grundschule Am Anger begrüßt die Vorlage ausdrücklich. Wir "
            "haben sie am 28. Februar in unserer Mitgliederversammlung vorgestellt; die rund 60 "
            "anwesenden Eltern und Lehrkräfte haben sich einstimmig dafür ausgesprochen.",
        ),
        Paragraph(
            (
                "Aus unserer Sicht sollten zwei Punkte ergänzt werden. Erstens sollte die Planung",
                "nicht nur mit der Schulleitung, sondern auch mit dem Hort und dem Förderverein",
                "abgestimmt werden, weil der Hof nachmittags vor allem vom Hort genutzt wird.",
                "Zweitens bitten wir darum, die Pflege der neuen Pflanzflächen für mindestens",
                "drei Jahre vertraglich zu sichern.",
            ),
            "Aus unserer Sicht sollten zwei Punkte ergänzt werden. Erstens sollte die Planung "
            "nicht nur mit der Schulleitung, sondern auch mit dem Hort und dem Förderverein "
            "abgestimmt werden, weil der Hof nachmittags vor allem vom Hort genutzt wird. "
            "Zweitens bitten wir darum, die Pflege der neuen Pflanzflächen für mindestens drei "
            "Jahre vertraglich zu sichern.",
        ),
        Paragraph(
            (
                "Der Förderverein kann sich mit bis zu 5.000 Euro aus Spenden an der Ausstattung",
                "beteiligen, z. B. für Sitzgelegenheiten oder ein Hochbeet. Für Rückfragen bin",
                "ich unter der unten genannten Nummer erreichbar.",
            ),
            "Der Förderverein kann sich mit bis zu 5.000 Euro aus Spenden an der Ausstattung "
            "beteiligen, z. B. für Sitzgelegenheiten oder ein Hochbeet. Für Rückfragen bin ich "
            "unter der unten genannten Nummer erreichbar.",
        ),
    )
    rows = [
        ("Betreff:", subject),
        ("Von:", "Till Amberger <vorstand@foerderverein-anger.example>"),
        ("Datum:", "04.03.2024, 09:12"),
        ("An:", "gemeinderat@lerchenbach.example"),
    ]
    page: list[Text] = [
        Text(subject, 36, 24, 8, role="running_header"),
        Text("1 von 1", 36, 822, 8, role="page_number"),
        Text("06.03.2024, 16:40", 559, 822, 8, role="footer", align="right"),
    ]
    for i, (label, value) in enumerate(rows):
        baseline = 62 + 15 * i
        page.append(Text(label, TB_LABEL_RIGHT, baseline, 9, True, "info_block", "right"))
        page.append(Text(value, TB_VALUE_X, baseline, 9, role="info_block"))
    pages = [page]
    at, baseline = flow(paragraphs, Flow(57, 10, 13, 26, 140, 60, 780), pages)
    _add(
        pages,
        at,
        [
            Text("Viele Grüße", 57, baseline + 26, 10, role="closing"),
            Text("Till Amberger", 57, baseline + 39, 10, role="signature"),
            Text("-- ", 57, baseline + 65, 10, role="closing"),
            *column(
                [
                    "Till Amberger",
                    "Vorsitzender",
                    "Förderverein der Grundschule Am Anger e. V.",
                    "Angerstraße 9, 38991 Lerchenbach",
                    "Tel. 04731 558 204",
                    "www.foerderverein-anger.example",
                ],
                57,
                baseline + 78,
                13,
                "signature",
                size=10,
            ),
        ],
    )
    expected = Expected(
        motion_ref="GR-014/2024",
        motion_title=GRUENE_SCHULHOEFE,
        date="2024-03-04",
        sender_org="Förderverein der Grundschule Am Anger e. V.",
        sender_unit=None,
        author="Till Amberger",
        author_role="Vorsitzender",
        stakeholder_group="association",
    )
    notes = {"print_date": "2024-03-06", "subject": subject}
    rules = [[Rule(57, 112, 538, 112)]]
    return _letter("thunderbird-email", pages, paragraphs, expected, notes, rules)


# ------------------------------------------ council group letter, letterhead on the right

GROUP_RIGHT = 524.0
GROUP_NAME = "Fraktion Unabhängige Liste"


def council_group_letter() -> Letter:
    """A council group's two-page letter: letterhead and address block right-aligned, the
    group's name broken over two lines, ``Musterstadt, den 12.3.2024``, a bold subject with
    ``Drucksache Nr.``, a salutation over two lines, a bulleted list with hanging indents, a
    paragraph crossing onto page 2 (below a running header with the group's name), ``Seite x
    von 2`` at the foot and two signers side by side."""
    paragraphs = (
        Paragraph(
            (
                "die Fraktion Unabhängige Liste hat das Parkraumkonzept in ihrer Sitzung am",
                "5. März beraten. Wir teilen das Ziel, die Innenstadt vom Parksuchverkehr zu",
                "entlasten und den Marktplatz für Fußgängerinnen und Fußgänger attraktiver",
                "zu machen. Der vorliegende Entwurf greift aus unserer Sicht aber zu kurz und",
                "belastet einseitig die Anwohnerinnen und Anwohner der Altstadt.",
            ),
            "die Fraktion Unabhängige Liste hat das Parkraumkonzept in ihrer Sitzung am 5. März "
            "beraten. Wir teilen das Ziel, die Innenstadt vom Parksuchverkehr zu entlasten und "
            "den Marktplatz für Fußgängerinnen und Fußgänger attraktiver zu machen. Der "
            "vorliegende Entwurf greift aus unserer Sicht aber zu kurz und belastet einseitig "
            "die Anwohnerinnen und Anwohner der Altstadt.",
        ),
        Paragraph(
            (
                "Positiv bewerten wir die Neuordnung der Lieferzonen in der Langen Straße und",
                "die zusätzlichen Stellplätze für Menschen mit Behinderungen am Rathaus. Auch",
                "die Anzeige freier Plätze in den beiden Parkhäusern halten wir für sinnvoll,",
                "sofern sie nicht allein aus dem städtischen Haushalt bezahlt wird.",
            ),
            "Positiv bewerten wir die Neuordnung der Lieferzonen in der Langen Straße und die "
            "zusätzlichen Stellplätze für Menschen mit Behinderungen am Rathaus. Auch die "
            "Anzeige freier Plätze in den beiden Parkhäusern halten wir für sinnvoll, sofern "
            "sie nicht allein aus dem städtischen Haushalt bezahlt wird.",
        ),
        Paragraph(
            ("Wir beantragen daher, die Vorlage in folgenden Punkten zu ändern:",),
            "Wir beantragen daher, die Vorlage in folgenden Punkten zu ändern:",
        ),
    )
    items = (
        Paragraph(
            (
                "Die Gebühr für Bewohnerparkausweise steigt nicht auf 120 Euro, sondern",
                "in zwei Stufen auf höchstens 80 Euro im Jahr.",
            ),
            "• Die Gebühr für Bewohnerparkausweise steigt nicht auf 120 Euro, sondern in zwei "
            "Stufen auf höchstens 80 Euro im Jahr.",
        ),
        Paragraph(
            (
                "Auf dem Parkplatz am Schwanenteich bleiben die ersten 30 Minuten gebühren-",
                "frei, damit Kundinnen und Kunden des Wochenmarkts kurz halten können.",
            ),
            "• Auf dem Parkplatz am Schwanenteich bleiben die ersten 30 Minuten gebührenfrei, "
            "damit Kundinnen und Kunden des Wochenmarkts kurz halten können.",
        ),
        Paragraph(
            (
                "Die Einnahmen aus der Parkraumbewirtschaftung fließen zweckgebunden in den",
                "Ausbau des Stadtbusses und sicherer Radabstellanlagen.",
            ),
            "• Die Einnahmen aus der Parkraumbewirtschaftung fließen zweckgebunden in den "
            "Ausbau des Stadtbusses und sicherer Radabstellanlagen.",
        ),
    )
    after = (
        Paragraph(
            (
                "Uns ist bewusst, dass die Verwaltung mit dem Konzept auch auf die angespannte",
                "Haushaltslage reagiert. Gerade deshalb halten wir es für falsch, die Gebühren",
                "so stark anzuheben, bevor es eine verlässliche Alternative zum Auto gibt. Der",
                "Stadtbus fährt abends und am Wochenende in den Ortsteilen Niederau und Kirch-",
                "berg nur im Zweistundentakt, und die Pendlerparkplätze am Bahnhof, die Park-and-",
                "Ride-Plätze, sind schon heute an Werktagen ab acht Uhr belegt. Wer in der Innen-",
                "stadt arbeitet und aus dem Umland kommt, hat derzeit keine andere Wahl, als mit",
                "dem eigenen Wagen zu fahren. Eine Erhöhung ohne gleichzeitige Verbesserung des",
                "Angebots würde vor allem Beschäftigte im Einzelhandel und in der Pflege treffen,",
                "die ohnehin nicht zu den Spitzenverdienern gehören und oft im Schichtdienst",
                "arbeiten, wenn kein Bus mehr fährt.",
            ),
            "Uns ist bewusst, dass die Verwaltung mit dem Konzept auch auf die angespannte "
            "Haushaltslage reagiert. Gerade deshalb halten wir es für falsch, die Gebühren so "
            "stark anzuheben, bevor es eine verlässliche Alternative zum Auto gibt. Der "
            "Stadtbus fährt abends und am Wochenende in den Ortsteilen Niederau und Kirchberg "
            "nur im Zweistundentakt, und die Pendlerparkplätze am Bahnhof, die "
            "Park-and-Ride-Plätze, sind schon heute an Werktagen ab acht Uhr belegt. Wer in der "
            "Innenstadt arbeitet und aus dem Umland kommt, hat derzeit keine andere Wahl, als "
            "mit dem eigenen Wagen zu fahren. Eine "
            "Erhöhung ohne gleichzeitige Verbesserung des Angebots würde vor allem Beschäftigte "
            "im Einzelhandel und in der Pflege treffen, die ohnehin nicht zu den "
            "Spitzenverdienern gehören und oft im Schichtdienst arbeiten, wenn kein Bus mehr "
            "fährt.",
        ),
        Paragraph(
            (
                "Wir bitten die Verwaltung, die Vorlage unter Berücksichtigung dieser Änderungen",
                "zu überarbeiten und erneut im Bau- und Verkehrsausschuss vorzulegen. Unter",
                "diesen Voraussetzungen wird unsere Fraktion dem Parkraumkonzept zustimmen.",
            ),
            "Wir bitten die Verwaltung, die Vorlage unter Berücksichtigung dieser Änderungen zu "
            "überarbeiten und erneut im Bau- und Verkehrsausschuss vorzulegen. Unter diesen "
            "Voraussetzungen wird unsere Fraktion dem Parkraumkonzept zustimmen.",
        ),
    )
    right = {"role": "letterhead", "align": "right"}
    page: list[Text] = [
        Text(GROUP_NAME, GROUP_RIGHT, 56, 15, True, **right),
        Text("im Stadtrat Musterstadt", GROUP_RIGHT, 73, 10, **right),
        *[
            Text(line, GROUP_RIGHT, 100 + 11 * i, 8.5, **right)
            for i, line in enumerate(
                [
                    "Rathaus, Zimmer 112",
                    "Marktstraße 5",
                    "54321 Musterstadt",
                    "Telefon 0123 4567-112",
                    "ul-fraktion@musterstadt.example",
                ]
            )
        ],
        Text(
            f"{GROUP_NAME} · Marktstraße 5 · 54321 Musterstadt", 71, 132, 7, role="return_address"
        ),
        *column(
            [
                "Stadt Musterstadt",
                "Herrn Oberbürgermeister",
                "Dr. Konrad Feldmann",
                "Marktstraße 1",
                "54321 Musterstadt",
            ],
            71,
            150,
            13.5,
            role="recipient",
            size=10.5,
        ),
        Text("Musterstadt, den 12.3.2024", GROUP_RIGHT, 240, 10.5, role="date_line", align="right"),
        *column(
            [
                "Drucksache Nr. 0123/2024 – Parkraumkonzept Innenstadt",
                f"hier: Stellungnahme der {GROUP_NAME}",
            ],
            71,
            272,
            14,
            role="subject",
            size=10.5,
            bold=True,
        ),
        *column(
            [
                "Sehr geehrter Herr Oberbürgermeister Dr. Feldmann,",
                "sehr geehrte Damen und Herren,",
            ],
            71,
            309,
            14,
            role="salutation",
            size=10.5,
        ),
    ]
    pages = [page]
    blocks = [
        *(Block(p) for p in paragraphs),
        *(Block(p, gap=None if i else 20, indent=14, bullet="•") for i, p in enumerate(items)),
        *(Block(p) for p in after),
    ]
    frame = Flow(71, 10.5, 14, 22, 345, 84, 730)
    at, baseline = flow_blocks(blocks, frame, pages)
    _add(
        pages,
        at,
        [
            Text("Mit freundlichen Grüßen", 71, baseline + 28, 10.5, role="closing"),
            Text("Anna Beispiel", 71, baseline + 72, 10.5, role="signature"),
            Text("Bernd Muster", 300, baseline + 72, 10.5, role="signature"),
            Text("Fraktionsvorsitzende", 71, baseline + 86, 10.5, role="signature"),
            Text("Stellv. Fraktionsvorsitzender", 300, baseline + 86, 10.5, role="signature"),
        ],
    )
    for number, texts in enumerate(pages, start=1):
        texts.append(
            Text(
                f"Seite {number} von {len(pages)}",
                PAGE_WIDTH / 2,
                806,
                8,
                role="page_number",
                align="center",
            )
        )
        if number > 1:
            texts.append(
                Text(f"{GROUP_NAME} im Stadtrat Musterstadt", 71, 42, 8, role="running_header")
            )
    expected = Expected(
        motion_ref="Drucksache Nr. 0123/2024",
        motion_title="Parkraumkonzept Innenstadt",
        date="2024-03-12",
        sender_org=f"{GROUP_NAME} im Stadtrat Musterstadt",
        sender_unit=None,
        author="Anna Beispiel",
        author_role="Fraktionsvorsitzende",
        stakeholder_group="political_group",
    )
    notes = {
        "crossing_paragraph": str(len(paragraphs) + len(items)),
        "first_item": str(len(paragraphs)),
        "subject": "Drucksache Nr. 0123/2024 – Parkraumkonzept Innenstadt hier: Stellungnahme "
        f"der {GROUP_NAME}",
    }
    body = (*paragraphs, *items, *after)
    return _letter("council-group-letter", pages, body, expected, notes)


# ------------------------------------------ administration memo with a bordered table

TABLE_LEFT, TABLE_SPLIT, TABLE_RIGHT = 71.0, 200.0, 524.0
TABLE_TOP, TABLE_ROW = 104.0, 20.0


def administration_memo() -> Letter:
    """A memo „Stellungnahme der Verwaltung“: a bordered two-column table (``Vorlage``,
    ``Federführendes Amt``, ``Datum``, ``Bearbeiter/in`` naming a clerk who does not sign),
    a bold ``Stellungnahme:`` heading, the body, and ``gez. Dr. Maria Beispiel`` with her role;
    no salutation and no closing formula."""
    paragraphs = (
        Paragraph(
            (
                "Mit der Vorlage soll die Verwaltung beauftragt werden, in jedem Stadtteil min-",
                "destens eine eingezäunte Freilauffläche für Hunde auszuweisen. Das Ordnungs-",
                "amt hat die in der Vorlage genannten sieben Standorte geprüft.",
            ),
            "Mit der Vorlage soll die Verwaltung beauftragt werden, in jedem Stadtteil "
            "mindestens eine eingezäunte Freilauffläche für Hunde auszuweisen. Das Ordnungsamt "
            "hat die in der Vorlage genannten sieben Standorte geprüft.",
        ),
        Paragraph(
            (
                "Drei Standorte (Festwiese Nord, ehemaliger Bolzplatz Lindenweg, Grünzug am",
                "Mühlbach) sind geeignet. Sie liegen in ausreichendem Abstand zu Wohnhäusern",
                "und Spielplätzen, und die Flächen gehören der Stadt. Bei den übrigen vier",
                "Standorten stehen Naturschutzbelange, Pachtverträge oder die Nähe zu Schulen",
                "entgegen.",
            ),
            "Drei Standorte (Festwiese Nord, ehemaliger Bolzplatz Lindenweg, Grünzug am "
            "Mühlbach) sind geeignet. Sie liegen in ausreichendem Abstand zu Wohnhäusern und "
            "Spielplätzen, und die Flächen gehören der Stadt. Bei den übrigen vier Standorten "
            "stehen Naturschutzbelange, Pachtverträge oder die Nähe zu Schulen entgegen.",
        ),
        Paragraph(
            (
                "Für Zaun, Tore, Bänke und Abfallbehälter rechnet die Verwaltung mit einmaligen",
                "Kosten von etwa 25.000 Euro je Fläche sowie jährlichen Unterhaltungskosten von",
                "rund 3.000 Euro. Die Mittel sind im Haushalt 2024 nicht veranschlagt.",
            ),
            "Für Zaun, Tore, Bänke und Abfallbehälter rechnet die Verwaltung mit einmaligen "
            "Kosten von etwa 25.000 Euro je Fläche sowie jährlichen Unterhaltungskosten von rund "
            "3.000 Euro. Die Mittel sind im Haushalt 2024 nicht veranschlagt.",
        ),
        Paragraph(
            (
                "Die Verwaltung empfiehlt, zunächst die drei geeigneten Flächen herzurichten und",
                "die Erfahrungen nach einem Jahr im Ausschuss für Ordnung und Sicherheit auszu-",
                "werten.",
            ),
            "Die Verwaltung empfiehlt, zunächst die drei geeigneten Flächen herzurichten und "
            "die Erfahrungen nach einem Jahr im Ausschuss für Ordnung und Sicherheit "
            "auszuwerten.",
        ),
    )
    rows = [
        ("Vorlage", "0057/2024 – Hundefreilaufflächen im Stadtgebiet"),
        ("Federführendes Amt", "Ordnungsamt"),
        ("Datum", "07.03.2024"),
        ("Bearbeiter/in", "Lars Kowalczyk, Tel. 04731 62-305"),
    ]
    page: list[Text] = [
        Text("Stadt Lerchenbach", 71, 52, 12, True, "letterhead"),
        Text("Stellungnahme der Verwaltung", 71, 86, 15, True, "letterhead"),
        Text("Seite 1 von 1", 524, 806, 8, role="page_number", align="right"),
    ]
    rules = box(TABLE_LEFT, TABLE_TOP, TABLE_RIGHT, TABLE_TOP + TABLE_ROW * len(rows))
    rules.append(Rule(TABLE_SPLIT, TABLE_TOP, TABLE_SPLIT, TABLE_TOP + TABLE_ROW * len(rows)))
    for i, (label, value) in enumerate(rows):
        top = TABLE_TOP + TABLE_ROW * i
        if i:
            rules.append(Rule(TABLE_LEFT, top, TABLE_RIGHT, top))
        page.append(Text(label, TABLE_LEFT + 5, top + 14, 9.5, True, "info_block"))
        page.append(Text(value, TABLE_SPLIT + 5, top + 14, 9.5, role="info_block"))
    page.append(Text("Stellungnahme:", 71, 214, 10.5, True, "heading"))
    pages = [page]
    at, baseline = flow(paragraphs, Flow(71, 10.5, 14, 20, 236, 72, 760), pages)
    _add(
        pages,
        at,
        column(
            ["gez. Dr. Maria Beispiel", "Amtsleiterin"],
            71,
            baseline + 40,
            14,
            "signature",
            size=10.5,
        ),
    )
    expected = Expected(
        motion_ref="Vorlage 0057/2024",
        motion_title="Hundefreilaufflächen im Stadtgebiet",
        date="2024-03-07",
        sender_org="Stadt Lerchenbach",
        sender_unit="Ordnungsamt",
        author="Dr. Maria Beispiel",
        author_role="Amtsleiterin",
        stakeholder_group="administration",
    )
    notes = {"clerk": "Lars Kowalczyk"}
    return _letter("administration-memo", pages, paragraphs, expected, notes, [rules])


MORE_LAYOUTS = {
    "reference-line-letter": reference_line_letter,
    "citizen-letter": citizen_letter,
    "thunderbird-email": thunderbird_email,
    "council-group-letter": council_group_letter,
    "administration-memo": administration_memo,
}


# ------------------------------------------------------------------------------ a bundle


@dataclass(frozen=True)
class Bundle:
    """Several letters in one PDF behind a cover page; ``members`` gives each letter with its
    1-based first and last page in the file."""

    name: str
    pages: tuple[tuple[Text, ...], ...]
    rules: tuple[tuple[Rule, ...], ...]
    members: tuple[tuple[int, int, Letter], ...]


def bundle_of(name: str, cover: Sequence[Text], letters: Sequence[Letter]) -> Bundle:
    """A cover page followed by each letter's pages (and rules)."""
    pages: list[tuple[Text, ...]] = [tuple(cover)]
    rules: list[tuple[Rule, ...]] = [()]
    members = []
    for letter in letters:
        first = len(pages) + 1
        pages += letter.pages
        rules += [
            letter.rules[i] if i < len(letter.rules) else () for i in range(len(letter.pages))
        ]
        members.append((first, len(pages), letter))
    return Bundle(name, tuple(pages), tuple(rules), tuple(members))


def build_bundle(bundle: Bundle, folder: Path) -> Path:
    """Write ``bundle`` to ``folder/<name>.pdf``."""
    return draw(folder / f"{bundle.name}.pdf", bundle.pages, bundle.rules)


def school_yard_bundle() -> Bundle:
    """„Anlage 2“ of the school-yard motion: a cover page listing the three statements
    received, then the administration's reference-line letter (page 2), the citizen's letter
    (pages 3–4) and the association's printed e-mail (page 5)."""
    letters = [reference_line_letter(), citizen_letter(), thunderbird_email()]
    senders = [
        ("Stadt Lerchenbach, Amt für Umwelt und Stadtgrün", "11.03.2024", "2"),
        ("Katrin Sommerfeld", "03.03.2024", "3"),
        ("Förderverein der Grundschule Am Anger e. V.", "04.03.2024", "5"),
    ]
    cover: list[Text] = [
        Text("Stadt Lerchenbach", 71, 60, 12, True, "cover"),
        Text(
            "Anlage 2 zu Vorlage GR-014/2024: Eingegangene Stellungnahmen",
            71,
            110,
            13,
            True,
            "cover",
        ),
        Text(f"„{GRUENE_SCHULHOEFE}“", 71, 128, 11, role="cover"),
        Text("Nr.", 71, 170, 10, True, "cover"),
        Text("Absender", 100, 170, 10, True, "cover"),
        Text("Datum", 380, 170, 10, True, "cover"),
        Text("Seite", 470, 170, 10, True, "cover"),
    ]
    for i, (sender, date, at) in enumerate(senders):
        baseline = 190 + 18 * i
        cover += [
            Text(f"{i + 1}.", 71, baseline, 10, role="cover"),
            Text(sender, 100, baseline, 10, role="cover"),
            Text(date, 380, baseline, 10, role="cover"),
            Text(at, 470, baseline, 10, role="cover"),
        ]
    cover.append(Text("Stand: 14.03.2024", 71, 270, 9, role="cover"))
    return bundle_of("school-yard-bundle", cover, letters)


BUNDLES = {"school-yard-bundle": school_yard_bundle}


def short_letter(
    path: Path,
    date: str,
    subject: str,
    sender: str = "Bürgerverein Altstadt e. V.",
    body: str = "wir bitten den Rat, bei der Entscheidung auch die Anwohner zu hören.",
) -> Path:
    """A one-page letter: sender, place and date, subject, one paragraph, closing, signer."""
    texts = [
        Text(sender, 72, 80),
        Text(f"Weidenbrück, den {date}", 380, 120),
        Text(subject, 72, 200, bold=True),
        Text("Sehr geehrte Damen und Herren,", 72, 330),
        Text(body, 72, 360),
        Text("Mit freundlichen Grüßen", 72, 400),
        Text("Karla Muster", 72, 440),
    ]
    return draw(path, [texts])
