"""German labels for codes, a codebook's labels on top, and the Okabe–Ito palette."""

from __future__ import annotations

import pytest

from analysis.report.labels import (
    OKABE_ITO,
    POSITION_COLOURS,
    STANCE_COLOURS,
    codebook_codes,
    labels_for,
)

CODEBOOK = {
    "positions": {
        "integrate": {"label": "In bestehende Gesamtstrategie integrieren", "cues": ["x"]},
        "pilot": {"label": "Erst erproben", "definition": "Ein Pilotprojekt zuerst."},
    },
    "stances": {"conditional": {"label": "Unter Bedingungen"}},
}


def test_builtin_german_labels():
    labels = labels_for("de")
    codes = ("standalone", "integrate", "defer", "reject", "unclear")
    assert [labels.position(c) for c in codes] == [
        "Eigenständige Strategie", "Integration in bestehende Strategie", "Zurückstellen",
        "Ablehnen", "Unklar"]  # fmt: skip
    assert [labels.stance(c) for c in ("support", "conditional", "oppose", "neutral")] == [
        "Zustimmung", "Bedingte Zustimmung", "Ablehnung", "Neutral"]  # fmt: skip
    assert labels.group("advisory_board") == "Beiräte"


def test_unknown_code_shows_itself_and_missing_says_so():
    labels = labels_for("de")
    assert labels.position("pilot") == "pilot"
    assert labels.group(None) == "ohne Angabe"


def test_codebook_labels_come_first_and_keep_builtin_definitions():
    labels = labels_for("de", CODEBOOK)
    assert labels.position("integrate") == "In bestehende Gesamtstrategie integrieren"
    assert labels.position_definitions["integrate"].startswith("Das Thema als Querschnittsthema")
    assert labels.position_order()[:2] == ["integrate", "pilot"]
    assert labels.stance("conditional") == "Unter Bedingungen"


def test_codebook_as_a_list_of_codes():
    book = {"codes": [{"code": "defer", "label": "Später"}]}
    assert codebook_codes(book) == {"defer": ("Später", "")}


def test_codebook_of_unknown_shape_gives_no_codes():
    assert codebook_codes({"positions": "nonsense"}) == {}


def test_only_german_is_available():
    with pytest.raises(ValueError, match="available: de"):
        labels_for("fr")


def test_code_colours_are_okabe_ito():
    assert set(POSITION_COLOURS.values()) | set(STANCE_COLOURS.values()) <= set(OKABE_ITO.values())
