"""Form-letter copies and endorsements are linked and counted as co-signers."""

from __future__ import annotations

import numpy as np

from analysis.positions.links import endorsement, find_links, minhash, near_duplicates, shingles
from analysis.positions.run import analyze_tables
from tests.positions.conftest import sentences_of, statements_table

FORM = (
    "Wir lehnen den Antrag ab. Die vorhandenen Konzepte reichen völlig aus und müssen nur "
    "umgesetzt werden. Ein weiteres Papier kostet Geld, das an anderer Stelle fehlt. In unserem "
    "Viertel warten wir seit Jahren auf sichere Schulwege, auf Bänke im Park und auf eine "
    "Beleuchtung am Bahnhof. Dafür sollte das Geld ausgegeben werden, nicht für Gutachter, "
    "Workshops und Hochglanzbroschüren, die am Ende niemand liest."
)
OTHER = "Der Radweg an der Mulde ist nach jedem Hochwasser voller Schlamm und wird nie geräumt."


def test_form_letter_copies_are_near_duplicates():
    copy = FORM.replace("Bänke", "Sitzbänke") + " Herzliche Grüße aus der Gartenstraße"
    assert [(i, j) for i, j, _ in near_duplicates([FORM, OTHER, copy])] == [(0, 2)]


def test_form_letter_with_a_personal_paragraph_is_a_copy():
    own = " ".join(["Ich wohne seit dreißig Jahren hier und kenne jede Ecke des Viertels."] * 3)
    assert [(i, j) for i, j, _ in near_duplicates([FORM, own + " " + FORM])] == [(0, 1)]


def test_unrelated_statements_are_not_linked():
    assert near_duplicates([FORM, OTHER]) == []


def test_minhash_signatures_are_seeded():
    sets = [shingles(FORM), shingles(OTHER)]
    assert np.array_equal(minhash(sets, seed=3), minhash(sets, seed=3))


def test_copies_link_to_the_earliest_statement():
    st = statements_table(
        {"b": FORM, "a": FORM + " Ergänzung.", "c": OTHER},
        a={"date": "2024-01-02"},
        b={"date": "2024-01-01"},
    )
    st["motion_key"] = "ba-1/2024"
    links = find_links(st)
    assert links[["statement_id", "linked_to", "kind"]].values.tolist() == [["a", "b", "duplicate"]]


def test_endorsement_phrase_names_the_joined_sender():
    found = endorsement(
        "Wir schließen uns der Stellungnahme des Seniorenbeirats vollumfänglich an."
    )
    assert found and found[0] == "Seniorenbeirats"


def test_endorsement_of_a_registered_association_keeps_its_abbreviation():
    found = endorsement("Wir schließen uns der Stellungnahme der Lebenshilfe e. V. an.")
    assert found and found[0] == "Lebenshilfe e. V."


def test_joining_the_motion_is_not_an_endorsement():
    assert endorsement("Wir schließen uns dem Antrag gern an.") is None


def test_endorser_takes_the_position_of_the_statement_it_joins():
    texts = {
        "x1": "Wir wollen einen eigenständigen Plan mit eigenem Budget.\n\n"
        "Wir unterstützen den Antrag ausdrücklich.",
        "x2": "Wir schließen uns der Stellungnahme des Seniorenbeirats vollumfänglich an.",
        "x3": FORM,
        "x4": FORM,
    }
    st = statements_table(texts, x1={"sender_unit": "Seniorenbeirat", "date": "2024-01-01"})
    result = analyze_tables(st, sentences_of(texts))
    pos = result.positions.set_index("statement_id")
    assert pos.loc["x2", "endorses"] == "x1"
    assert pos.loc["x2", "position"] == pos.loc["x1", "position"] == "standalone"
    assert "Seniorenbeirats" in pos.loc["x2", "evidence"][0]
    assert pos.loc["x4", "duplicate_of"] == "x3"
    assert pos.loc["x1", "co_signers"] == 1 and pos.loc["x3", "co_signers"] == 1
    assert pos["independent"].tolist() == [True, False, True, False]
