"""Privacy: ``statements report --redact`` (and the notebooks' ``redact``) publishes no name,
phone number, e-mail address, street address or bank account of a private person, in any HTML,
CSV or XLSX it writes, while offices and officials keep their names.

The corpus: three citizens' letters of the dev corpus (their phone numbers in the information
block), a built letter of a private person whose own words carry her phone number, e-mail,
address and IBAN, the scanned letter of a village community whose group ingest cannot tell and
whose spokesman names himself and a neighbour, letters of offices and an association, a copy
named ``<script>.pdf`` and an unreadable file named after a person.
"""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from analysis.report import context, redaction
from analysis.report.inputs import load
from tests.hardening import letters, procs
from tests.pdfbuild import build

DEV_LETTERS = (
    "auenberg-ba045-2021-bi-schnelles-netz.pdf",
    "auenberg-ba112-2021-einwohnerin-hoelzel.pdf",
    "lindenau-ds0815-2022-einwohner-pohl.pdf",
    "lindenau-ds0815-2022-fahrradclub.pdf",
    "lindenau-ds0815-2022-stadtplanungsamt.pdf",
)
BROKEN = "einwohnerin-kaputt-mueller.pdf"
# Private senders' data that the PDFs print (dev corpus: information block; built letter: body).
PRIVATE = (
    *letters.PRIVATE,
    *letters.VILLAGE_PRIVATE,
    "03459 31-8874", "03499 60 18 42", "0171 5550192", "Klaus-Dieter Pohl", "Hölzel",
    "Pfannenschmidt", "einwohner-pohl", "einwohnerin-hoelzel", "bi-schnelles-netz",
    "einwohnerin-beispielmann", "kaputt-mueller",
)  # fmt: skip
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.,/-])(?:\+49|0)\d{2,5}(?:[ /-]?\d){5,12}(?![\w/])")
MOTION_REF = re.compile(r"\d+/(?:19|20)\d\d")


def phone_numbers(text: str) -> list[str]:
    """Phone-like numbers (nine digits or more) that are not a reference like 0815/2022."""
    found = [m.group(0) for m in PHONE.finditer(re.sub(r"<[^>]+>", " ", text))]
    return [f for f in found if not MOTION_REF.fullmatch(f) and sum(map(str.isdigit, f)) >= 9]


@dataclass(frozen=True)
class Redacted:
    processed: Path
    reports: Path
    report_code: int
    texts: dict[str, str]  # published file name → its text


@pytest.fixture(scope="session")
def redacted(dev_pdf_dir, tmp_path_factory) -> Redacted:
    root = tmp_path_factory.mktemp("redaction")
    src = root / "raw"
    src.mkdir()
    for name in DEV_LETTERS:
        shutil.copy(dev_pdf_dir / name, src / name)
    build(letters.private_contact_letter(), src)
    village = build(letters.village_community_letter(), root)
    letters.scan(village, src / village.name)
    shutil.copy(dev_pdf_dir / DEV_LETTERS[-1], src / "<script>.pdf")
    (src / BROKEN).write_text("Kein PDF: Einwohnerin Müller, Tel. 0341 5550123\n", "utf-8")
    processed, reports = root / "processed", root / "reports"
    reports.mkdir()
    (reports / ".index-killed.tmp").write_text("a killed build's leftover", "utf-8")
    ingest = procs.ingest_args([src], processed, "--ocr", "auto")  # the scan is read by OCR
    for args in (ingest, procs.analyze_args(processed)):
        assert procs.run(args).code == 0
    report = procs.command(
        "report", "--processed", str(processed), "--out", str(reports), "--sources", str(src),
        "--motion", "0815/2022", "--redact", "--quiet",
    )  # fmt: skip
    done = procs.run(report)
    assert done.code == 0, done.stderr
    return Redacted(processed, reports, done.code, published_texts(reports))


def published_texts(folder: Path) -> dict[str, str]:
    """The text of every HTML and CSV file, and of every XML part of every XLSX file."""
    texts = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".html", ".csv"):
            texts[path.name] = path.read_text("utf-8-sig")
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                texts[path.name] = "\n".join(book.read(n).decode() for n in book.namelist())
    return texts


def test_private_contact_data_is_in_the_tables(redacted):
    """The precondition: without redaction these would reach the reports."""
    text = " ".join(pd.read_parquet(redacted.processed / "sentences.parquet")["text"])
    assert letters.PHONE in text and letters.EMAIL in text and letters.IBAN in text


def test_the_build_leaves_no_temporary_file(redacted):
    assert procs.leftovers(redacted.reports) == []


def test_every_kind_of_output_was_written(redacted):
    kinds = {Path(name).suffix for name in redacted.texts}
    assert kinds == {".html", ".csv", ".xlsx"}
    assert {"0815-2022.html", "texterfassung.html", "codierung.html"} <= set(redacted.texts)


@pytest.mark.parametrize("private", PRIVATE)
def test_no_private_data_in_any_published_file(redacted, private):
    for name, text in redacted.texts.items():
        assert private not in text, f"{private!r} in {name}"


def test_no_email_address_or_phone_number_survives(redacted):
    for name, text in redacted.texts.items():
        assert not EMAIL.search(text), (name, EMAIL.search(text))
        assert not phone_numbers(text), (name, phone_numbers(text))


def test_offices_and_officials_keep_their_names(redacted):
    page = redacted.texts["0815-2022.html"]
    assert "Stadt Lindenau" in page
    assert "Katrin Wendler" in page  # Amtsleiterin, signing in her office
    assert "Fahrradclub Lindenau" in page
    assert redaction.PRIVATE_PERSON in page


def test_a_file_name_with_markup_is_shown_escaped(redacted):
    page = redacted.texts["0815-2022.html"]
    assert "&lt;script&gt;.pdf" in page
    assert "<script" not in page.lower()


def test_every_text_in_the_report_context_is_redacted(redacted):
    """What the notebooks get with ``redact=True``: every table, every text column."""
    ctx = context.build(load(redacted.processed), redact=True, report_dir=redacted.reports)
    frames = [ctx.coded, ctx.unassigned, ctx.evidence]
    frames += [getattr(ctx.inputs, n) for n in ("statements", "paragraphs", "sentences")]
    frames += [getattr(ctx.inputs, n) for n in ("positions", "arguments", "clusters")]
    texts = " ".join(str(v) for frame in frames for column in frame for v in frame[column])
    for private in PRIVATE:
        assert private not in texts, private
    assert not EMAIL.search(texts)
    for placeholder in (redaction.PHONE, redaction.EMAIL, redaction.ADDRESS, redaction.IBAN):
        assert placeholder in texts


def test_redacted_evidence_still_points_at_its_page(redacted):
    ctx = context.build(load(redacted.processed), redact=True, report_dir=redacted.reports)
    assert len(ctx.evidence) and ctx.evidence["page"].notna().all()


# ------------------------------------------------------------------------- the pure rules

STATEMENTS = pd.DataFrame(
    {
        "statement_id": ["citizen", "office", "broken"],
        "source_file": ["einwohner-pohl.pdf", "amt.pdf", "pohl-scan.pdf"],
        "status": ["ok", "ok", "error"],
        "stakeholder_group": ["citizen", "administration", None],
        "sender_org": [None, "Stadt Lindenau", None],
        "author": ["Klaus-Dieter Pohl", "Dr. Katrin Wendler", None],
        "error_message": [None, None, "pohl-scan.pdf: the PDF is damaged …"],
        "sender_unit": [None, "Stadtplanungsamt", None],
        "text": ["Ich wohne seit 1990 hier.", "Die Verwaltung nimmt Stellung.", ""],
    }
)
RED = redaction.redactor(STATEMENTS)


@pytest.mark.parametrize(
    "text",
    ["a.b-c@example.org", "jana (at) example (dot) org", "x_y+z@mail.example.de"],
)
def test_email_addresses_are_replaced(text):
    assert RED.text(f"Mail: {text}.", "office") == f"Mail: {redaction.EMAIL}."


@pytest.mark.parametrize(
    "number",
    ["0176 55501234", "03459 31-8874", "03499 60 18 42", "0371/488-5581", "(0371) 488 55 81",
     "+49 371 4885581", "+49 (0)171 555 01 92", "0049 341 1234567"],
)  # fmt: skip
def test_german_phone_numbers_are_replaced(number):
    assert (
        RED.text(f"Erreichbar unter {number}.", "office") == f"Erreichbar unter {redaction.PHONE}."
    )


def test_labelled_short_numbers_are_replaced():
    assert RED.text("Tel. 12-5512", "office") == f"Tel. {redaction.PHONE}"


@pytest.mark.parametrize(
    "text",
    ["Drucksache 0815/2022", "BA-090/2020", "DS 0815/2022-1", "am 10.08.2020", "412 Unterschriften",
     "von 2017 bis 2020", "01234 Einwohner", "20000 Euro", "„Auenberg 2035“"],
)  # fmt: skip
def test_references_dates_and_counts_are_kept(text):
    assert RED.text(text, "citizen") == text


def test_addresses_are_replaced_in_private_statements_only():
    text = "Ich wohne in der Weinbergstraße 31, 06999 Bergheim an der Saale."
    assert (
        RED.text(text, "citizen") == f"Ich wohne in der {redaction.ADDRESS}, {redaction.ADDRESS}."
    )
    assert RED.text("Sanierung Bahnhofstraße 20–26", "office") == "Sanierung Bahnhofstraße 20–26"


@pytest.mark.parametrize(
    "mention", ["Herr Pohl", "Herrn K.-D. Pohl", "Klaus-Dieter Pohl", "Pohls Antrag"]
)
def test_a_private_persons_name_is_replaced_wherever_it_appears(mention):
    assert redaction.NAME in RED.text(f"Wie {mention} schreibt", "office")
    assert "Pohl" not in RED.text(f"Wie {mention} schreibt", "office")


def test_longer_names_and_double_names_are_kept():
    text = "Frau Pohlmann und Frau Müller-Pohl-Schmidt"
    assert RED.text(text, "office") == text


def test_officials_keep_their_names_and_private_rows_lose_theirs():
    table = redaction.statements(STATEMENTS, RED)
    assert list(table["author"]) == [redaction.PRIVATE_PERSON, "Dr. Katrin Wendler", None]
    assert table.loc[0, "source_file"] == "Stellungnahme-citizen"


def test_unreadable_files_lose_their_names_in_rows_and_messages():
    row = redaction.statements(STATEMENTS, RED).iloc[2]
    assert row["source_file"] == "Stellungnahme-broken"
    assert "pohl-scan" not in row["error_message"]


def test_redaction_is_stable():
    text = "Herr Pohl, 0176 55501234, pohl@example.org"
    assert RED.text(text, "office") == RED.text(text, "office")
    assert RED.text(RED.text(text, "citizen"), "citizen") == RED.text(text, "citizen")


def test_an_enormous_token_is_redacted_in_linear_time():
    text = "x" * 200_000 + " 0176 55501234 " + "7" * 200_000
    started = time.monotonic()
    assert redaction.PHONE in RED.text(text, "citizen")
    assert time.monotonic() - started < 2


# ------------------------------------------------------------------ private by default


def _sender(**row) -> pd.DataFrame:
    base = {
        "statement_id": "s",
        "source_file": "s.pdf",
        "status": "ok",
        "error_message": None,
        "stakeholder_group": None,
        "sender_org": None,
        "sender_unit": None,
        "author": "Gerd Beispiel",
        "text": "Wir begrüßen den Antrag.",
    }
    return pd.DataFrame([{**base, **row}])


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"stakeholder_group": "citizen"}, "citizen"),
        ({"stakeholder_group": None}, "unknown"),
        ({"stakeholder_group": "association", "sender_org": "Bürgerinitiative Nordring"},
         "collective"),
        ({"stakeholder_group": "association", "sender_org": "Dorfgemeinschaft Oberhain e. V."},
         "collective"),
        ({"stakeholder_group": "association", "sender_org": "Nachbarschaftsverein Am Hang"},
         "collective"),
        ({"stakeholder_group": "association", "text": "Rückfragen an gerd.b@gmx.de."},
         "freemail"),
        ({"sender_org": "Gerd Beispiel", "stakeholder_group": "association"}, "own_name"),
    ],
)  # fmt: skip
def test_whoever_is_not_known_to_write_officially_is_private(row, reason):
    assert list(redaction.private_reasons(_sender(**row))) == [reason]


@pytest.mark.parametrize(
    "row",
    [
        {"stakeholder_group": "administration", "sender_org": "Stadt Lindenau"},
        {"stakeholder_group": "commissioner", "sender_org": "Stadt Lindenau"},
        {"stakeholder_group": "political_group", "sender_org": "SPD-Fraktion im Stadtrat"},
        {"stakeholder_group": "association", "sender_org": "Fahrradclub Lindenau e. V."},
        {"stakeholder_group": "administration", "sender_org": "Bürgermeisteramt Oberhain"},
    ],
)
def test_officials_are_not_private(row):
    assert list(redaction.private_reasons(_sender(**row))) == [None]


def test_redact_all_treats_every_statement_as_private():
    row = _sender(stakeholder_group="administration", sender_org="Stadt Lindenau")
    assert list(redaction.private_reasons(row, everyone=True)) == ["everyone"]
    red = redaction.redactor(row, everyone=True)
    assert redaction.statements(row, red)["author"].iloc[0] == redaction.PRIVATE_PERSON
    assert "Beispiel" not in red.text("Wie Herr Beispiel sagte", "office")


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Mein Name ist Erika Musterfrau und ich wohne hier.", "Musterfrau"),
        ("Ich heiße Ole Sandmann.", "Sandmann"),
        ("Frau Vogelsang fährt täglich.", "Vogelsang"),
        ("Herrn Dr. Kranich haben wir gefragt.", "Kranich"),
        ("Familie Brösel wohnt nebenan.", "Brösel"),
    ],
)
def test_a_private_statement_names_itself_or_a_neighbour_and_the_name_is_hidden(text, hidden):
    rows = _sender(statement_id="c", stakeholder_group="citizen", text=text)
    red = redaction.redactor(rows)
    assert hidden not in red.text(text, "c")
    assert redaction.NAME in red.text(text, "c")


def test_a_surname_a_private_statement_names_is_hidden_in_other_statements_too():
    rows = _sender(statement_id="c", stakeholder_group="citizen", text="Frau Vogelsang fährt.")
    red = redaction.redactor(rows)
    assert "Vogelsang" not in red.text("Auch Vogelsangs Weg ist unsicher.", "office")


def test_offices_named_in_a_private_statement_are_kept():
    text = "Frau Oberbürgermeisterin, Herr Stadtrat Klein hat zugesagt."
    rows = _sender(statement_id="c", stakeholder_group="citizen", text=text)
    assert redaction.redactor(rows).text(text, "c") == text


def test_two_capitalised_words_after_a_form_of_address_are_hidden_only_together():
    """German capitalises nouns: "Frau Müller Recht geben" must not black out "Recht"."""
    text = "Wir müssen Frau Anna Ruhland Recht geben."
    rows = _sender(statement_id="c", stakeholder_group="citizen", text=text)
    red = redaction.redactor(rows)
    assert "Ruhland" not in red.text(text, "c")
    assert red.text("Das Recht auf Teilhabe", "office") == "Das Recht auf Teilhabe"


def test_the_check_page_counts_what_was_hidden_and_why(redacted):
    page = redacted.texts["texterfassung.html"]
    assert "Was geschwärzt wurde und warum" in page
    assert "Gruppe nicht erkannt" in page
    assert "Bürgerin oder Bürger" in page
    summary = redaction.summary(
        redaction.redactor(pd.read_parquet(redacted.processed / "statements.parquet")),
        context.build(load(redacted.processed), redact=True).inputs.statements,
    )
    counts = dict(zip(summary["Was"], summary["Anzahl"], strict=False))
    assert counts["Namen im Text"] > 0 and counts["E-Mail-Adressen"] > 0


def test_report_pages_name_no_absolute_local_path(redacted):
    for name, text in redacted.texts.items():
        assert str(redacted.processed) not in text, name
        assert str(redacted.reports.parent) not in text, name
