"""The invented council of Weidenbrück (and its neighbour Elsholz) as an OParl fixture corpus.

Papers and files are tables of plain records so the tests can tell what a client should find
without reading the server: which papers are motions, which files are statements, and which
file names are hostile. Every file's text is drawn as a small one-page PDF with ``pdfbuild``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.pdfbuild import FONTS, PAGE_WIDTH, Text, column, draw

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Any small bytes do for a Word file: no test opens it, a client only has to skip or keep it.
DOCX_BYTES = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"word/document.xml Laermkartierung" * 4
MOTION_TYPES = ("Beschlussvorlage", "Antrag")
BODIES = (("Weidenbrück", "Stadt Weidenbrück"), ("Elsholz", "Gemeinde Elsholz"))


@dataclass(frozen=True)
class Sheet:
    """The text of a one-page letter or motion: who writes, when, about what, and what."""

    sender: tuple[str, ...]
    date_line: str
    subject: str
    paragraphs: tuple[str, ...]
    salutation: str | None = None
    closing: str | None = None
    signer: tuple[str, ...] = ()


@dataclass(frozen=True)
class PaperSpec:
    """One OParl Paper; ``modified`` defaults to the afternoon of its ``date``."""

    reference: str
    paper_type: str
    name: str
    date: str
    body: str = "Weidenbrück"
    superordinated: str | None = None
    related: tuple[str, ...] = ()
    modified: str | None = None

    @property
    def created_at(self) -> str:
        return f"{self.date}T09:00:00+01:00"

    @property
    def modified_at(self) -> str:
        return self.modified or f"{self.date}T16:30:00+01:00"


@dataclass(frozen=True)
class FileSpec:
    """One OParl File, carried by ``paper`` as its ``slot`` (mainFile or auxiliaryFile)."""

    paper: str
    slot: str
    name: str
    file_name: str
    role: str
    motion_ref: str
    content: Sheet | bytes
    mime_type: str = PDF
    sha1_only: bool = False


def _paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs from a triple-quoted block: blank lines part them, other breaks are spaces."""
    return tuple(" ".join(block.split()) for block in text.split("\n\n") if block.strip())


def _letter(sender: tuple[str, ...], date: str, subject: str, signer: str, text: str) -> Sheet:
    """A statement letter: salutation, body, „Mit freundlichen Grüßen“ and the signer."""
    return Sheet(
        sender,
        f"Weidenbrück, {date}",
        subject,
        _paragraphs(text),
        "Sehr geehrte Damen und Herren,",
        "Mit freundlichen Grüßen",
        tuple(signer.split(", ")),
    )


def _motion(sender: tuple[str, ...], date: str, subject: str, signer: str, text: str) -> Sheet:
    """A motion, inquiry or notice of the council: no salutation, signed with „gez.“."""
    place = sender[0].split()[-1]
    signer_lines = tuple(f"gez. {signer}".split(", "))
    return Sheet(sender, f"{place}, {date}", subject, _paragraphs(text), None, None, signer_lines)


MAYOR = ("Stadt Weidenbrück", "Der Bürgermeister", "Marktplatz 1, 01987 Weidenbrück")
GROUP = ("Wählergemeinschaft Grünes Weidenbrück", "Fraktion im Stadtrat Weidenbrück")

PAPERS = (
    PaperSpec("AF-0002/2026", "Anfrage", "Öffnungszeiten des Bürgerbüros", "2026-01-20"),
    PaperSpec("DS-0012/2026", "Beschlussvorlage", "Lärmaktionsplan Stufe 4", "2026-02-10"),
    PaperSpec(
        "DS-0012/2026-1",
        "Stellungnahme",
        "Stellungnahme Naturschutzbund Ortsgruppe Weidenbrück",
        "2026-02-24",
        superordinated="DS-0012/2026",
    ),
    PaperSpec(
        "DS-0012/2026-2",
        "Stellungnahme",
        "Stellungnahme Erika Muster",
        "2026-02-26",
        superordinated="DS-0012/2026",
    ),
    PaperSpec(
        "DS-0031/2026",
        "Beschlussvorlage",
        "Mehr Sitzbänke am Marktplatz",
        "2026-02-17",
        modified="2026-03-06T08:15:00+01:00",
    ),
    PaperSpec(
        "A-0007/2026",
        "Antrag",
        "Baumschutzsatzung",
        "2026-03-02",
        related=("ST-0005/2026", "M-0004/2026"),
    ),
    PaperSpec(
        "M-0004/2026",
        "Mitteilung",
        "Baumbestand im Stadtgebiet – Sachstand",
        "2026-03-04",
        related=("A-0007/2026",),
    ),
    PaperSpec(
        "ST-0005/2026",
        "Stellungnahme",
        "Stellungnahme Haus & Grund Weidenbrück e. V.",
        "2026-03-10",
        related=("A-0007/2026",),
    ),
    PaperSpec(
        "E-0001/2026", "Beschlussvorlage", "Radweg nach Weidenbrück", "2026-02-05", "Elsholz"
    ),
)

FILES = (
    FileSpec(
        "AF-0002/2026",
        "mainFile",
        "Anfrage AF-0002/2026",
        "anfrage-af-0002-2026.pdf",
        "other",
        "AF-0002/2026",
        _motion(
            GROUP,
            "20.01.2026",
            "Anfrage AF-0002/2026 Öffnungszeiten des Bürgerbüros",
            "Paula Winter, Fraktionsvorsitzende",
            """Wir fragen die Verwaltung: An wie vielen Tagen war das Bürgerbüro im Jahr 2025
            wegen Personalmangels geschlossen, und ist eine Öffnung am Samstagvormittag geplant?""",
        ),
    ),
    FileSpec(
        "DS-0012/2026",
        "mainFile",
        "Beschlussvorlage DS-0012/2026",
        "ds-0012-2026-laermaktionsplan.pdf",
        "motion",
        "DS-0012/2026",
        _motion(
            MAYOR,
            "10.02.2026",
            "Beschlussvorlage DS-0012/2026 Lärmaktionsplan Stufe 4",
            "Tobias Lenz, Bürgermeister",
            """Beschlussvorschlag: Der Stadtrat beschließt den Entwurf des Lärmaktionsplans der
            Stufe 4 und beauftragt die Verwaltung, die Öffentlichkeit vom 16. Februar bis zum
            13. März 2026 zu beteiligen.

            Begründung: Nach der Lärmkartierung 2025 sind an der Bahnhofstraße und der
            Auenstraße rund 1.400 Menschen nachts Pegeln über 55 dB(A) ausgesetzt. Der Plan
            schlägt Tempo 30 in der Nacht, lärmarmen Asphalt und ruhige Gebiete vor.""",
        ),
    ),
    FileSpec(
        "DS-0012/2026",
        "auxiliaryFile",
        "Erläuterung zur Lärmkartierung",
        "erlaeuterung-laermkartierung.docx",
        "other",
        "DS-0012/2026",
        DOCX_BYTES,
        DOCX,
    ),
    FileSpec(
        "DS-0012/2026-1",
        "mainFile",
        "Stellungnahme Naturschutzbund",
        "../../etc/passwd.pdf",
        "statement",
        "DS-0012/2026",
        _letter(
            ("Naturschutzbund Ortsgruppe Weidenbrück", "Auenweg 3, 01987 Weidenbrück"),
            "24.02.2026",
            "Stellungnahme zur Vorlage DS-0012/2026 „Lärmaktionsplan Stufe 4“",
            "Jonas Feldhaus, Vorsitzender",
            """die Ortsgruppe begrüßt, dass die Stadt den Lärmaktionsplan fortschreibt.
            Verkehrslärm belastet nicht nur die Anwohnerinnen und Anwohner der Hauptstraßen,
            sondern auch die Brutvögel in den Auwäldern entlang der Umgehungsstraße.

            Wir regen an, die ruhigen Gebiete am Mühlbach und im Stadtwald förmlich festzulegen
            und Tempo 30 in der Nacht auch auf der Auenstraße anzuordnen. Lärmschutzwände sollten
            begrünt werden, damit sie zugleich Lebensraum bieten.""",
        ),
    ),
    FileSpec(
        "DS-0012/2026-2",
        "mainFile",
        "Stellungnahme Erika Muster",
        "stellungnahme-erika-muster.pdf",
        "statement",
        "DS-0012/2026",
        _letter(
            ("Erika Muster", "Bahnhofstraße 14, 01987 Weidenbrück"),
            "26.02.2026",
            "Meine Meinung zum Lärmaktionsplan Stufe 4",
            "Erika Muster",
            """ich wohne seit zwanzig Jahren an der Bahnhofstraße. Seit der Sperrung der Brücke
            fahren nachts deutlich mehr Lastwagen an meinem Schlafzimmerfenster vorbei, und an
            Durchschlafen ist kaum noch zu denken.

            Ich bitte Sie deshalb, ein nächtliches Durchfahrverbot für Lastwagen und einen
            leiseren Straßenbelag in den Plan aufzunehmen. Schallschutzfenster allein helfen
            nicht, wenn man im Sommer bei offenem Fenster schlafen möchte.""",
        ),
        sha1_only=True,
    ),
    FileSpec(
        "DS-0031/2026",
        "mainFile",
        "Beschlussvorlage DS-0031/2026",
        "ds-0031-2026-sitzbaenke.pdf",
        "motion",
        "DS-0031/2026",
        _motion(
            MAYOR,
            "17.02.2026",
            "Beschlussvorlage DS-0031/2026 Mehr Sitzbänke am Marktplatz",
            "Tobias Lenz, Bürgermeister",
            """Beschlussvorschlag: Der Stadtrat beschließt, am Marktplatz und in der Kirchgasse
            bis zum Sommer 2026 zwölf zusätzliche Sitzbänke aufzustellen. Die Kosten von
            18.000 Euro werden aus dem Budget Stadtmöblierung gedeckt.""",
        ),
    ),
    FileSpec(
        "DS-0031/2026",
        "auxiliaryFile",
        "Stellungnahme Seniorenbeirat",
        "stellungnahme-seniorenbeirat.pdf",
        "statement",
        "DS-0031/2026",
        _letter(
            ("Seniorenbeirat Weidenbrück", "Marktplatz 1, 01987 Weidenbrück"),
            "05.03.2026",
            "Mehr Bänke am Marktplatz – Stellungnahme des Seniorenbeirats",
            "Gertrud Hahnemann, Vorsitzende",
            """der Seniorenbeirat unterstützt den Vorschlag, am Marktplatz zusätzliche Sitzbänke
            aufzustellen. Viele ältere Menschen kaufen auf dem Wochenmarkt ein und brauchen
            zwischen Bushaltestelle und Rathaus eine Möglichkeit, sich auszuruhen.

            Wir bitten darum, Bänke mit Rücken- und Armlehnen zu wählen und einige davon im
            Schatten der Linden aufzustellen. Gern beteiligen wir uns an einer Begehung, um
            geeignete Standorte gemeinsam festzulegen.""",
        ),
    ),
    FileSpec(
        "A-0007/2026",
        "mainFile",
        "Antrag A-0007/2026",
        "a-0007-2026-baumschutzsatzung.pdf",
        "motion",
        "A-0007/2026",
        _motion(
            GROUP,
            "02.03.2026",
            "Antrag A-0007/2026 Baumschutzsatzung",
            "Paula Winter, Fraktionsvorsitzende",
            """Der Stadtrat möge beschließen: Die Verwaltung legt bis Juni 2026 den Entwurf einer
            Baumschutzsatzung vor, die Laubbäume ab einem Stammumfang von 60 Zentimetern im
            Stadtgebiet schützt.""",
        ),
    ),
    FileSpec(
        "M-0004/2026",
        "mainFile",
        "Mitteilung M-0004/2026",
        "m-0004-2026-baumbestand.pdf",
        "other",
        "A-0007/2026",
        _motion(
            MAYOR,
            "04.03.2026",
            "Mitteilung M-0004/2026 Baumbestand im Stadtgebiet – Sachstand",
            "Tobias Lenz, Bürgermeister",
            """Das Baumkataster verzeichnet 8.230 Straßen- und Parkbäume. Im Jahr 2025 wurden
            74 Bäume gefällt und 91 nachgepflanzt; die Mitteilung dient der Information des
            Stadtrats.""",
        ),
    ),
    FileSpec(
        "ST-0005/2026",
        "mainFile",
        "CON",
        "CON.pdf",
        "statement",
        "A-0007/2026",
        _letter(
            ("Haus & Grund Weidenbrück e. V.", "Lindenallee 9, 01987 Weidenbrück"),
            "10.03.2026",
            "Stellungnahme zum Antrag A-0007/2026 „Baumschutzsatzung“",
            "Dr. Klaus Brenner, Vorsitzender",
            """unser Verein vertritt rund 600 Haus- und Grundeigentümer in Weidenbrück. Wir teilen
            das Ziel, den Baumbestand der Stadt zu erhalten, halten den Antrag aber in mehreren
            Punkten für zu weitgehend.

            Obstbäume und Bäume mit einem Stammumfang unter 80 Zentimetern sollten ausgenommen
            werden. Zudem bitten wir um ein einfaches und gebührenfreies Genehmigungsverfahren,
            damit die Satzung private Gärten nicht belastet.""",
        ),
    ),
    FileSpec(
        "E-0001/2026",
        "mainFile",
        "Beschlussvorlage E-0001/2026",
        "e-0001-2026-radweg.pdf",
        "motion",
        "E-0001/2026",
        _motion(
            ("Gemeinde Elsholz", "Der Bürgermeister"),
            "05.02.2026",
            "Beschlussvorlage E-0001/2026 Radweg nach Weidenbrück",
            "Maren Olbrich, Bürgermeisterin",
            """Beschlussvorschlag: Der Gemeinderat beschließt, gemeinsam mit der Stadt
            Weidenbrück einen Radweg entlang der Kreisstraße 12 zu planen und Fördermittel des
            Landes zu beantragen.""",
        ),
    ),
)

LEFT, WIDTH, SIZE, PITCH = 71.0, 450.0, 10.5, 14.0


def wrap(text: str, bold: bool = False) -> list[str]:
    """Greedy line breaking at the body column's width."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and stringWidth(candidate, FONTS[bold], SIZE) > WIDTH:
            lines.append(line)
            candidate = word
        line = candidate
    return [*lines, line] if line else lines


def sheet_texts(sheet: Sheet) -> list[Text]:
    """Lay out a sheet on one A4 page, top to bottom like a plain German letter."""
    texts = [Text(sheet.sender[0], LEFT, 60, 13, True, "letterhead")]
    texts += column(sheet.sender[1:], LEFT, 76, 12, "letterhead", size=9)
    texts.append(Text(sheet.date_line, PAGE_WIDTH - LEFT, 150, role="date_line", align="right"))
    subject = wrap(sheet.subject, bold=True)
    texts += column(subject, LEFT, 200, PITCH, "subject", size=SIZE, bold=True)
    baseline = 200 + PITCH * len(subject) + 20
    if sheet.salutation:
        texts.append(Text(sheet.salutation, LEFT, baseline, role="salutation"))
        baseline += 24
    for paragraph in sheet.paragraphs:
        lines = wrap(paragraph)
        texts += column(lines, LEFT, baseline, PITCH, "body", size=SIZE)
        baseline += PITCH * len(lines) + 10
    if sheet.closing:  # a letter leaves room for the handwritten signature
        texts.append(Text(sheet.closing, LEFT, baseline + 14, role="closing"))
        baseline += 42
    texts += column(sheet.signer, LEFT, baseline + 14, PITCH, "signature", size=SIZE)
    return texts


def build_corpus(folder: Path) -> list[bytes]:
    """The bytes of every file in ``FILES``, drawing PDFs into ``folder`` when missing.
    Local names are numbered, never the (partly hostile) ``fileName`` of the JSON."""
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for number, spec in enumerate(FILES, start=1):
        if isinstance(spec.content, bytes):
            result.append(spec.content)
            continue
        path = folder / f"file-{number:02d}.pdf"
        if not path.exists():
            draw(path, [sheet_texts(spec.content)])
        result.append(path.read_bytes())
    return result
