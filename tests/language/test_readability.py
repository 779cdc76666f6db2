"""Readability measures on sentences counted by hand."""

from __future__ import annotations

import pytest

from analysis.language.readability import abbreviations, measure, syllables, words


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("Digitalisierungsstrategie", 9),  # Di-gi-ta-li-sie-rungs-stra-te-gie
        ("Beschlussvorlage", 5),  # Be-schluss-vor-la-ge
        ("Behindertenbeauftragte", 8),  # Be-hin-der-ten-be-auf-trag-te
        ("Querschnittsthema", 4),  # Quer-schnitts-the-ma
        ("Bürgerbeteiligung", 6),  # Bür-ger-be-tei-li-gung
        ("Lärmaktionsplan", 5),  # Lärm-ak-ti-ons-plan
        ("Situation", 5),  # Si-tu-a-ti-on
        ("Steuer", 2),  # Steu-er
        ("Rat", 1),
        ("Haushaltsmittel", 4),  # Haus-halts-mit-tel
        ("Baumschutzsatzung", 4),  # Baum-schutz-sat-zung
        ("Theater", 3),  # The-a-ter
    ],
)
def test_syllables_of_administrative_words(word, count):
    assert syllables(word) == count


def test_words_are_runs_of_letters_with_compounds_whole():
    assert words("Der Roll-out kommt 2026, ggf. früher.") == [
        "Der", "Roll-out", "kommt", "ggf", "früher",
    ]  # fmt: skip


def test_abbreviations_are_acronyms_and_shortened_words():
    assert abbreviations("Der BA zum OZG ist m. E. ggf. zu prüfen, z.B. im B-Plan.") == 6


def test_a_short_plain_sentence():
    # Der(1) Rat(1) stimmt(1) dem(1) Antrag(2) zu(1): 6 words, none long, 5 of one syllable
    r = measure("Der Rat stimmt dem Antrag zu.")
    assert (r.words, r.sentences, r.mean_sentence_length) == (6, 1, 6.0)
    assert (r.long_word_share, r.polysyllable_share) == (0.0, 0.0)
    assert r.monosyllable_share == pytest.approx(5 / 6, abs=1e-4)
    # WSTF = 0.1672·6 − 0.0327·83.33 − 0.875; LIX = 6 + 0
    assert r.wstf == pytest.approx(0.1672 * 6 - 0.0327 * 500 / 6 - 0.875, abs=0.01)
    assert r.lix == 6.0


def test_a_dense_administrative_sentence():
    text = "Die Beschlussvorlage zur Digitalisierungsstrategie berücksichtigt Querschnittsthemen."
    # Die(1) Beschlussvorlage(5) zur(1) Digitalisierungsstrategie(9) berücksichtigt(4)
    # Querschnittsthemen(4): 6 words, 4 long, 4 of three or more syllables, 2 of one
    r = measure(text)
    assert (r.long_word_share, r.polysyllable_share) == (round(4 / 6, 4), round(4 / 6, 4))
    expected = 0.1935 * 400 / 6 + 0.1672 * 6 + 0.1297 * 400 / 6 - 0.0327 * 200 / 6 - 0.875
    assert r.wstf == pytest.approx(expected, abs=0.01)
    assert r.wstf > 15  # far beyond the school years: the kind of text readers struggle with
    assert r.lix == pytest.approx(6 + 400 / 6, abs=0.01)


def test_abbreviations_per_hundred_words():
    r = measure("Der BA geht an den Rat. Das OZG gilt.")
    assert r.abbreviations_per_100 == pytest.approx(200 / 9, abs=0.01)


def test_an_empty_text_measures_nothing():
    assert measure("").words == 0 and measure("123 456").wstf == 0.0
