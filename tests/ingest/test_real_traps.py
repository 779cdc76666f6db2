"""The traps of real letters, rebuilt: the recipient block first, the sender only in the
closing, stamps and agenda lines over the header, three-part and letter-coded motion numbers,
joint letters of several groups and signers, a speech's header. Each letter is drawn with
``tests.pdfbuild`` (invented towns and persons) and read as ingest reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest.extract import Statement, extract_statement
from analysis.ingest.fields.orgs import clean_org, looks_like_org, org_problem
from analysis.ingest.reader import read_pdf
from tests.pdfbuild import Text, draw

BODY = (
    "der Beirat hat sich in seiner Sitzung mit der Vorlage befasst und bittet den Rat, die",
    "Hinweise zur Barrierefreiheit der Haltestellen bei der weiteren Planung zu beachten.",
    "Wir begrüßen den Ausbau ausdrücklich und stehen für Gespräche gern zur Verfügung.",
)


def _letter(tmp_path: Path, name: str, header: list[Text], closing: list[Text]) -> Statement:
    """A one-page letter: ``header`` texts, a salutation, three body lines, ``closing``."""
    body = [Text("Sehr geehrte Damen und Herren,", 72, 330)]
    body += [Text(line, 72, 360 + 15 * i) for i, line in enumerate(BODY)]
    body += [Text("Mit freundlichen Grüßen", 72, 430)]
    path = draw(tmp_path / f"{name}.pdf", [[*header, *body, *closing]])
    return extract_statement(read_pdf(path, path.name, 10, 10))


def test_the_recipient_block_is_never_the_sender_and_the_closing_names_it(tmp_path):
    header = [
        Text("An Oberbürgermeister Dr. Jens Beispiel", 72, 90),
        Text("Rathausplatz 1", 72, 104),
        Text("99999 Weidenbrück", 72, 118),
        Text("Weidenbrück, den 4.3.2024", 380, 150),
        Text("Antrag zur Verlängerung der Buslinie 7", 72, 200, bold=True),
    ]
    closing = [Text("Karla Muster für den Stadtteilbeirat Nordend", 72, 470)]
    meta = _letter(tmp_path, "recipient-first", header, closing).metadata
    assert meta.sender_org == "Stadtteilbeirat Nordend"
    assert meta.sender_source == "signature_for" and 0.5 < meta.sender_confidence <= 1
    assert meta.author == "Karla Muster" and meta.date == "2024-03-04"
    assert meta.sources == {"motion_ref": None, "date": "date_line", "author": "signature"}
    assert meta.confidence("date") == 0.9 and meta.confidence("motion_ref") == 0


def test_a_return_address_line_gives_its_organisation_not_the_contact_or_street(tmp_path):
    header = [
        Text("Seniorenbeirat Weidenbrück, z. H. Karla Muster, Lindenweg 7, 99999 Weidenbrück",
             72, 80, size=7),
        Text("Herrn Oberbürgermeister", 72, 100),
        Text("Dr. Jens Beispiel", 72, 114),
        Text("Weidenbrück, 4. März 2024", 380, 150),
    ]  # fmt: skip
    closing = [Text("Karla Muster", 72, 470), Text("Vorsitzende", 72, 484)]
    meta = _letter(tmp_path, "return-address", header, closing).metadata
    assert meta.sender_org == "Seniorenbeirat Weidenbrück"
    assert meta.author == "Karla Muster"


def test_stamps_agenda_lines_and_debris_over_the_header_do_not_become_the_sender(tmp_path):
    header = [
        Text("TOP 4.2", 360, 50),
        Text("Sitzung der BV Süd", 160, 60),
        Text("| cD U ##", 360, 70),
        Text("Eingang 16. JAN. 2024", 360, 82),
        Text("Fraktion in der Bezirksvertretung Weidenbrück-Süd", 300, 110),
        Text("Herrn Bezirksbürgermeister", 72, 130),
        Text("Hans Beispiel", 72, 144),
        Text("Weidenbrück, den 09.01.2024", 380, 180),
    ]
    meta = _letter(tmp_path, "stamped", header, [Text("Horst Beispiel", 72, 470)]).metadata
    assert meta.sender_org == "Fraktion in der Bezirksvertretung Weidenbrück-Süd"
    assert meta.date == "2024-01-09"


@pytest.mark.parametrize(
    ("subject", "motion"),
    [
        ("Stellungnahme zur Beschlussvorlage 4711/61/2024 „Umweltspur am Kanal“", "4711/61/2024"),
        ("Stellungnahme zur Beschlussvorlage Ö17 Trassenführung", "Ö17"),
        ("Stellungnahme zum Antrag VI/191/2023", "VI/191/2023"),
    ],
)
def test_motion_numbers_in_the_forms_councils_use(tmp_path, subject, motion):
    header = [
        Text("Stadtteilbeirat Nordend", 72, 80),
        Text("Weidenbrück, den 7.7.2024", 380, 80),
        Text(subject, 72, 200, bold=True),
    ]
    meta = _letter(tmp_path, "numbers", header, [Text("Karla Muster", 72, 470)]).metadata
    assert meta.motion_ref is not None and meta.motion_ref.split()[-1] == motion
    assert meta.sender_org == "Stadtteilbeirat Nordend"


def test_a_labelled_motion_number_beats_other_numbers_of_the_form(tmp_path):
    header = [
        Text("CSU-Stadtratsfraktion Weidenbrück, Rathausplatz 1, 99999 Weidenbrück", 60, 80,
             size=7),
        Text("Antragsnr.:", 300, 110),
        Text("151/2024", 370, 110),
        Text("Zust. Referat:", 300, 124),
        Text("VI/61", 370, 124),
        Text("Weidenbrück, 21. Juli 2024", 380, 160),
    ]  # fmt: skip
    meta = _letter(tmp_path, "form", header, [Text("Christa Beispiel", 72, 470)]).metadata
    assert meta.motion_ref == "151/2024" and meta.sources["motion_ref"] == "labelled"
    assert meta.sender_org == "CSU-Stadtratsfraktion Weidenbrück"


def test_a_joint_letter_names_every_group_and_every_signer(tmp_path):
    header = [
        Text("CDU-Fraktion", 72, 80),
        Text("SPD-Fraktion", 72, 94),
        Text("Fraktion Bündnis 90/Die Grünen", 72, 108),
        Text("An die Bezirksbürgermeisterin", 72, 150),
        Text("Helga Beispiel", 72, 164),
        Text("Weidenbrück, 22.06.2024", 380, 190),
    ]
    closing = [
        Text("Anna Muster", 72, 470),
        Text("Bernd Beispiel", 230, 470),
        Text("Carla Probe", 390, 470),
        Text("Fraktionsvorsitzende", 72, 484),
        Text("Fraktionsvorsitzender", 230, 484),
        Text("Sprecherin", 390, 484),
    ]
    meta = _letter(tmp_path, "joint", header, closing).metadata
    assert meta.sender_org == "CDU-Fraktion, SPD-Fraktion, Fraktion Bündnis 90/Die Grünen"
    assert meta.author == "Anna Muster"
    assert meta.authors == ("Anna Muster", "Bernd Beispiel", "Carla Probe")


def test_signers_printed_with_initials_on_one_line_are_all_authors(tmp_path):
    header = [Text("Fraktion Freie Liste", 72, 80), Text("Weidenbrück, 2.2.2024", 380, 120)]
    closing = [Text("H. Muster R.Beispiel L. Probe", 72, 470)]
    meta = _letter(tmp_path, "initials", header, closing).metadata
    assert meta.authors == ("H. Muster", "R. Beispiel", "L. Probe")
    assert meta.author == "H. Muster"


def test_a_speech_names_its_speaker_and_group_in_the_header(tmp_path):
    header = [
        Text("Aktuelle Stunde 12.03.2024", 72, 70),
        Text("Maria Beispiel, SPD-Fraktion", 72, 100),
        Text("(Es gilt das gesprochene Wort)", 72, 118),
        Text("Mehr Grün für die Innenstadt", 72, 200, bold=True),
    ]
    meta = _letter(tmp_path, "speech", header, []).metadata
    assert meta.sender_org == "SPD-Fraktion" and meta.sender_unit is None
    assert meta.author == "Maria Beispiel"


def test_a_chair_named_in_the_header_signs_when_the_closing_names_only_the_board(tmp_path):
    header = [
        Text("Stadtteilbeirat Nordend", 72, 80),
        Text("Vorsitzender: Karl Muster", 72, 94),
        Text("Weidenbrück, den 23.10.2024", 380, 94),
    ]
    meta = _letter(tmp_path, "chair", header, [Text("Stadtteilbeirat Nordend", 72, 470)]).metadata
    assert meta.author == "Karl Muster"
    assert meta.sender_org == "Stadtteilbeirat Nordend"


def test_without_any_plausible_name_the_sender_is_empty_with_the_reason(tmp_path):
    header = [Text("Herrn Oberbürgermeister", 72, 90), Text("21.07.2024", 380, 90)]
    meta = _letter(tmp_path, "nobody", header, []).metadata
    assert meta.sender_org is None and meta.sender_confidence == 0
    assert meta.sender_source.startswith("none")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("An Oberbürgermeister Dr. Florian Beispiel", "recipient"),
        ("Mitglieder des Betriebsausschusses", "recipient"),
        ("21.07.2020", "date"),
        ("Sitzung der BV Süd", "agenda or stamp"),
        ("Aktuelle Stunde 20.02.2020", "agenda or stamp"),
        ("Antrag zur Erweiterung der Sozialen Stadt", "title or subject"),
        ("Am Packhof 2-6", "address"),
        ("IST”", "too few letters"),
        ("BV2 an 70.04 242 CDU ..", "unreadable"),
        ("Stadtteilbeirat Büchenbach", None),
        ("Offene Daten Saale e. V.", None),
        ("Müller & Söhne Bau", None),
    ],
)
def test_what_cannot_be_a_senders_name(text, problem):
    assert org_problem(text) == problem


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("für den Stadtteilbeirat Nordend", "Stadtteilbeirat Nordend"),
        ("in Vertretung des Stadtteilbeirats Nordend", "Stadtteilbeirat Nordend"),
        ("Abs. Fraktion Freie Liste", "Fraktion Freie Liste"),
        ("Bürgerinitiative „Schnelles Netz“", "Bürgerinitiative „Schnelles Netz“"),
        ("Freie Wählergemeinschaft (FWG)", "Freie Wählergemeinschaft (FWG)"),
    ],
)
def test_a_name_is_taken_out_of_its_sentence(text, cleaned):
    assert clean_org(text) == cleaned


def test_organisations_are_told_by_their_words():
    assert looks_like_org("Kreishandwerkerschaft Weidenbrück") and looks_like_org("CDU Köln")
    assert not looks_like_org("Karla Muster")


def test_a_question_without_closing_formula_is_signed_in_its_last_paragraph(tmp_path):
    header = [
        Text("SPD-Fraktion in der Bezirksvertretung Nordend", 72, 80),
        Text("Weidenbrück, 23.01.2024", 380, 120),
        Text("Anfrage zur Sitzung am 2. Februar 2024", 72, 200, bold=True),
    ]
    body = [Text("Sehr geehrte Damen und Herren,", 72, 330)]
    body += [Text(line, 72, 360 + 15 * i) for i, line in enumerate(BODY)]
    body += [Text("Lisa Muster gez. Friedhelm Probe", 72, 440)]
    body += [Text("Fraktionsvorsitzende", 72, 454)]
    path = draw(tmp_path / "question.pdf", [[*header, *body]])
    meta = extract_statement(read_pdf(path, path.name, 10, 10)).metadata
    assert meta.author == "Lisa Muster" and meta.sources["author"] == "closing_paragraph"
    assert meta.authors == ("Lisa Muster", "Friedhelm Probe")


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Wir bitten die Verwaltung um Prüfung.", "Vielen Dank an Frau Beigeordnete Probe."],
        ["Die Bürgermeisterin wird gebeten, dies zu prüfen"],
        ["Wie viele Wohnungen entstehen dort, Frau Beigeordnete?"],
    ],
)
def test_prose_at_the_end_of_a_letter_names_no_signer(paragraphs):
    from analysis.ingest.fields import closing_signers

    assert closing_signers(paragraphs) == []
