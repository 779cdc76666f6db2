"""A private person's letter whose own words carry her phone number, e-mail address, street
address and bank account, on motion 0815/2022 of the dev corpus (invented person)."""

from __future__ import annotations

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
    paragraphs = tuple(Paragraph(lines, " ".join(lines)) for lines in PARAGRAPHS)
    page: list[Text] = [
        *column([NAME, STREET, TOWN], 71, 57, 14, role="letterhead", size=11),
        *column(
            ["Stadt Lindenau", "Ratsbüro", "Markt 1", "04999 Lindenau"],
            71,
            142,
            14,
            role="recipient",
            size=11,
        ),  # fmt: skip
        Text("Lindenau, 12. Mai 2022", 524, 232, 11, role="date_line", align="right"),
        Text("Betreff: Drucksache 0815/2022 – Radverkehrsstrategie", 71, 270, 11, role="subject"),
        Text("Sehr geehrte Damen und Herren,", 71, 305, 11, role="salutation"),
    ]
    pages = [page]
    at, baseline = flow(paragraphs, Flow(71, 11, 15, 30, 335, 71, 760), pages)
    pages[at].extend(
        [
            Text("Mit freundlichen Grüßen", 71, baseline + 30, 11, role="closing"),
            Text(NAME, 71, baseline + 90, 11, role="signature"),
        ]
    )
    return Letter("einwohnerin-beispielmann", tuple(tuple(p) for p in pages), paragraphs, None)
