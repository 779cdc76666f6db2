"""Cue matching with negation scope and masked quotations; words, stems, context."""

from __future__ import annotations

import numpy as np

from analysis.positions.features import (
    SentenceFeatures,
    add_context,
    mask_quotations,
    stem,
    tokens,
)
from tests.positions.conftest import letter


def groups(matcher, sentence: str) -> set[str]:
    hits, _ = matcher.hits(sentence)
    return {f"{h.group}:neg" if h.negated else h.group for h in hits}


def test_own_budget_and_own_programme_are_standalone_cues(matcher):
    found = groups(matcher, "Das Thema braucht ein eigenes Programm mit eigenem Budget.")
    assert "positions.standalone" in found


def test_under_the_roof_of_the_overall_concept_is_integrate(matcher):
    found = groups(matcher, "Das Thema gehört unter das Dach des ISEK.")
    assert "positions.integrate" in found


def test_no_further_paper_beside_the_guiding_principle_is_a_duplication_signal(matcher):
    found = groups(matcher, "Wir wollen kein weiteres Papier neben dem Leitbild.")
    assert "signals.duplication" in found
    assert "positions.standalone" not in found


def test_negation_shortly_before_a_cue_flips_it(matcher):
    found = groups(matcher, "Wir brauchen keine eigenständige Strategie.")
    assert "positions.standalone:neg" in found
    assert "positions.standalone" not in found


def test_negation_in_another_clause_does_not_flip(matcher):
    found = groups(matcher, "Wir wollen nicht warten, sondern eine eigenständige Strategie.")
    assert "positions.standalone" in found


def test_negated_verdict_after_the_cue_flips_it(matcher):
    found = groups(matcher, "Ein separates Dokument halten wir nicht für zielführend.")
    assert "positions.standalone:neg" in found


def test_fixed_cue_carries_its_own_negation(matcher):
    found = groups(matcher, "Noch ein Papier braucht hier niemand.")
    assert "positions.reject" in found and "positions.reject:neg" not in found


def test_not_agreeing_is_negated_support(matcher):
    found = groups(matcher, "Dem Antrag werden wir nicht zustimmen.")
    assert "stances.support:neg" in found or "stances.oppose" in found
    assert "stances.support" not in found


def test_quoted_motion_text_is_masked(matcher):
    found = groups(
        matcher, "Der Antrag verlangt „eine eigenständige Strategie mit eigenem Budget“."
    )
    assert "positions.standalone" not in found


def test_short_quoted_names_stay(matcher):
    text, share = mask_quotations("als kapitel in „auenberg 2035“ aufnehmen")
    assert "auenberg 2035" in text and share == 0


def test_quotation_that_is_the_whole_sentence_stays():
    sentence = "„Der Beirat empfiehlt dem Stadtrat, dem Antrag zuzustimmen.“"
    text, share = mask_quotations(sentence.lower())
    assert "zuzustimmen" in text and share == 0


def test_proposed_wording_in_quotes_stays():
    sentence = (
        "der beschlusstext soll wie folgt lauten: „das leitbild wird um ein kapitel ergänzt.“"
    )
    assert "ergänzt" in mask_quotations(sentence)[0]


def test_abstention_is_an_unclear_cue(matcher):
    found = groups(matcher, "Ob ein neues Papier nötig ist, kann ich nicht beurteilen.")
    assert "positions.unclear" in found and "stances.neutral" in found


def test_deferral_phrases_are_defer_cues(matcher):
    for sentence in (
        "Wir regen an, zunächst die Evaluation abzuwarten.",
        "Die Entscheidung sollte zurückgestellt werden.",
        "Das Thema sollte 2025 erneut beraten werden.",
    ):
        assert "positions.defer" in groups(matcher, sentence), sentence


def test_matches_are_cached_per_sentence(matcher):
    sentence = "Wir befürworten den Antrag."
    assert matcher.hits(sentence) is matcher.hits(sentence)


def test_stem_strips_german_inflection():
    assert stem("strategien") == stem("strategie")
    assert stem("aufgenommen") == stem("aufgenommene")


def test_tokens_drop_stop_words_and_numbers():
    assert tokens("Die Stadt hat 2020 ein Konzept beschlossen.") == [
        "stadt",
        "konzept",
        "beschlossen",
    ]


def test_relative_position_runs_from_first_to_last_sentence():
    df = add_context(letter("Erster Satz hier. Zweiter Satz hier.", "Dritter Satz hier."))
    assert df["rel_pos"].tolist() == [0.0, 0.5, 1.0]
    assert df["last_paragraph"].tolist() == [False, False, True]


def test_feature_names_match_feature_columns(codebook):
    est = SentenceFeatures(codebook).fit(None)
    X = est.transform(add_context(letter("Wir lehnen den Antrag ab.")))
    names = list(est.get_feature_names_out())
    assert X.shape == (1, len(names))
    assert X[0, names.index("stances.oppose")] > 0
    assert np.all(X >= 0)
