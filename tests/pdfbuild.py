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

    @property
    def width(self) -> float:
        return stringWidth(self.text, FONTS[self.bold], self.size)

    @property
    def x0(self) -> float:
        offset = {"left": 0.0, "center": self.width / 2, "right": self.width}[self.align]
        return self.x - offset


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
    author_role: str
    stakeholder_group: str


@dataclass(frozen=True)
class Letter:
    """A statement to build: the texts of each page and what ingest should find in them."""

    name: str
    pages: tuple[tuple[Text, ...], ...]
    paragraphs: tuple[Paragraph, ...]
    expected: Expected
    notes: dict[str, str] = field(default_factory=dict)

    def texts(self, role: str | None = None) -> list[Text]:
        """The drawn texts in page order, optionally only those of one role."""
        return [t for page in self.pages for t in page if role is None or t.role == role]


def draw(path: Path, pages: Sequence[Sequence[Text]]) -> Path:
    """Write ``pages`` as an A4 PDF. The standard Helvetica fonts use WinAnsi encoding, which
    has the German letters, „“ quotes, dashes and the middle dot; anything else is refused
    rather than drawn as a blank glyph."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pages:
        for item in page:
            item.text.encode("cp1252")
            if item.x0 < 0 or item.x0 + item.width > PAGE_WIDTH:
                raise ValueError(f"text does not fit on the page: {item.text!r}")
            pdf.setFont(FONTS[item.bold], item.size)
            pdf.drawString(item.x0, PAGE_HEIGHT - item.baseline, item.text)
        pdf.showPage()
    pdf.save()
    return path


def build(letter: Letter, folder: Path) -> Path:
    """Write ``letter`` to ``folder/<name>.pdf``."""
    return draw(folder / f"{letter.name}.pdf", letter.pages)


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
