"""A private person's letter whose own words carry her phone number, e-mail address, street
address and bank account, on motion 0815/2022 of the dev corpus (invented person)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tests.pdfbuild import Flow, Letter, Paragraph, Text, column, flow

NAME = "Jana Beispielmann"
PHONE = "0176 55501234"
EMAIL = "jana.beispielmann@example.org"
STREET = "Lindenhofstraße 7"
TOWN = "04999 Lindenau"
IBAN = "DE89 3704 0044 0532 0130 00"
# What must not survive redaction anywhere (the town alone is the council's own town).
PRIVATE = (NAME, "Beispielmann", PHONE, EMAIL, STREET, IBAN)

PARAGRAPHS = (
    (
        "ich unterstütze die Radverkehrsstrategie ausdrücklich. Ich wohne in der",
        f"{STREET}, {TOWN}, und fahre jeden Tag mit dem Rad zur Arbeit.",
    ),
    (
        "Die Kreuzung am Mühlgraben ist für Radfahrende gefährlich. Die Stadt sollte dort",
        "einen sicheren Übergang bauen, bevor etwas passiert.",
    ),
    (
        f"Für Rückfragen erreichen Sie mich unter {PHONE} oder per E-Mail an",
        f"{EMAIL}. Eine Entschädigung für meine Auslagen bitte auf",
        f"das Konto {IBAN}.",
    ),
)


def private_contact_letter() -> Letter:
    return _letter_to_lindenau(
        "einwohnerin-beispielmann", [NAME, STREET, TOWN], "Lindenau, 12. Mai 2022", PARAGRAPHS, NAME
    )


def _letter_to_lindenau(
    name: str, sender: list[str], dated: str, lines: tuple[tuple[str, ...], ...], signer: str
) -> Letter:
    """A one-page letter on motion 0815/2022 to the council office of Lindenau."""
    paragraphs = tuple(Paragraph(chunk, " ".join(chunk)) for chunk in lines)
    page: list[Text] = [
        *column(sender, 71, 57, 14, role="letterhead", size=11),
        *column(
            ["Stadt Lindenau", "Ratsbüro", "Markt 1", "04999 Lindenau"],
            71,
            142,
            14,
            role="recipient",
            size=11,
        ),  # fmt: skip
        Text(dated, 524, 232, 11, role="date_line", align="right"),
        Text("Betreff: Drucksache 0815/2022 – Radverkehrsstrategie", 71, 270, 11, role="subject"),
        Text("Sehr geehrte Damen und Herren,", 71, 305, 11, role="salutation"),
    ]
    pages = [page]
    at, baseline = flow(paragraphs, Flow(71, 11, 15, 30, 335, 71, 760), pages)
    pages[at].extend(
        [
            Text("Mit freundlichen Grüßen", 71, baseline + 30, 11, role="closing"),
            Text(signer, 71, baseline + 90, 11, role="signature"),
        ]
    )
    return Letter(name, tuple(tuple(p) for p in pages), paragraphs, None)


# A village community's statement, scanned: its group is not known to ingest, so only
# privacy by default keeps its spokesman's name, and the neighbour he names, out of reports.
SPOKESMAN = "Gerhard Kleinschmidt"
NEIGHBOUR = "Annegret Vogelsang"
VILLAGE_PRIVATE = (SPOKESMAN, "Kleinschmidt", NEIGHBOUR, "Vogelsang")
VILLAGE_PARAGRAPHS = (
    (
        "mein Name ist Gerhard Kleinschmidt, ich spreche für die Dorfgemeinschaft",
        "Oberhain. Wir begrüßen die Radverkehrsstrategie, wenn der Weg nach Lindenau",
        "endlich einen Radweg bekommt.",
    ),
    (
        "Frau Annegret Vogelsang aus unserem Ort fährt dort täglich zur Arbeit. Frau",
        "Vogelsang und viele andere warten seit Jahren auf eine sichere Verbindung.",
    ),
)


def village_community_letter() -> Letter:
    return _letter_to_lindenau(
        "dorfgemeinschaft-oberhain",
        ["Dorfgemeinschaft Oberhain", "Am Anger 3"],
        "Oberhain, 20. Mai 2022",
        VILLAGE_PARAGRAPHS,
        SPOKESMAN,
    )


def scan(pdf: Path, target: Path, dpi: int = 200) -> Path:
    """``pdf`` as an image-only PDF, as a scanner would make it (no text layer)."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target
