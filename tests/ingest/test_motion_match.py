"""Statements that name no motion number, tied to a motion of the same run by its title or
topic — and left unassigned when the match is weak, ambiguous or far off in time."""

from __future__ import annotations

import pytest

from analysis.ingest.motion_match import match_motion, pieces, place, same_place
from tests.pdfbuild import short_letter
from tests.runs import ingest

TITLES = {
    "ba-7/2024": "Mehr Sitzbänke am Marktplatz",
    "ba-9/2024": "Lärmaktionsplan Stufe 4",
    "0815/2024": "Digitalisierungsstrategie für Weidenbrück",
}


@pytest.mark.parametrize(
    ("subject", "text", "key", "method"),
    [
        ("Stellungnahme", "Zur Digitalisierungsstrategie für Weidenbrück …", "0815/2024", "title"),
        ("Mehr Bänke am Marktplatz – meine Meinung", "", "ba-7/2024", "topic"),
        ("Lärm an der Ringstraße", "Der Lärmaktionsplan soll sie aufnehmen.", "ba-9/2024", "title"),
    ],
)
def test_a_statement_is_tied_to_the_motion_whose_title_it_names(subject, text, key, method):
    found = match_motion(subject, text, TITLES)
    assert (found.key, found.method) == (key, method)
    assert 0.55 <= found.score <= 1


def test_a_weak_match_stays_unassigned_with_its_reason():
    found = match_motion("Radweg Nordstraße", "Ich bitte um einen Radweg.", TITLES)
    assert found.key is None and found.reason == "too weak"


def test_two_motions_close_together_are_not_guessed_between():
    titles = {"a": "Sitzbänke am Marktplatz", "b": "Sitzbänke am Marktplatz Nord"}
    found = match_motion("Sitzbänke am Marktplatz", "", titles)
    assert found.key is None and found.reason == "ambiguous"


def test_compounds_meet_their_parts():
    assert pieces("Lärm") <= pieces("Lärmaktionsplan")
    assert pieces("Straße") == pieces("STRASSE")


def test_ingest_ties_a_statement_without_number_to_its_motion(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    short_letter(
        src / "a-numbered.pdf", "4.3.2024", "Antrag BA-7/2024 „Mehr Sitzbänke am Marktplatz“"
    )
    short_letter(src / "b-titled.pdf", "12.3.2024", "Mehr Bänke am Marktplatz – unsere Meinung")
    short_letter(
        src / "c-a-year-before.pdf", "12.3.2023", "Mehr Bänke am Marktplatz – unsere Meinung"
    )
    short_letter(src / "d-other.pdf", "12.3.2024", "Radweg an der Nordstraße")
    rows = ingest([src], tmp_path / "out").table("statements").set_index("source_file")
    assert rows.loc["a-numbered.pdf", "motion_match"] == "number"
    titled = rows.loc["b-titled.pdf"]
    assert titled["motion_ref"] == "BA-7/2024"
    assert titled["motion_title"] == "Mehr Sitzbänke am Marktplatz"
    assert titled["motion_match"] == "topic" and titled["motion_match_score"] >= 0.55
    # a letter a year before the motion's statements, and one on another topic: not tied
    for name in ("c-a-year-before.pdf", "d-other.pdf"):
        assert rows.loc[name, "motion_ref"] is None and rows.loc[name, "motion_match"] is None


def test_the_place_of_a_body_and_statements_of_one_municipality():
    assert place("Stadt Weidenbrück") == "Weidenbrück"
    assert place("Gemeinde Elsholz") == "Elsholz"
    bodies = {"a": "Stadt Weidenbrück", "b": "Gemeinde Elsholz", "c": None}
    assert same_place("Bürgerverein Elsholz e. V.: Baumschutzsatzung", bodies) == {"b", "c"}
    assert same_place("Zur Baumschutzsatzung", bodies) == {"a", "b", "c"}  # no place named
    assert same_place("Elsholz", {"a": "Stadt Weidenbrück", "c": None}) == {"a", "c"}
