"""Meaning, not only cue words: the sentence encoder, the sentence model and implicit verdicts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.positions.evaluate import reliability
from analysis.positions.semantic import (
    NONE,
    SemanticScorer,
    SentenceEncoder,
    evidence_flags,
    text_key,
)

SENTENCES = [
    "Die Verwaltung wird die Maßnahme im kommenden Jahr umsetzen.",
    "Das Anliegen wird bei der laufenden Fortschreibung des Plans berücksichtigt.",
    "Für eine solche Regelung fehlt der Stadt die Rechtsgrundlage.",
    "Der Ortsteil hat rund 3.000 Einwohnerinnen und Einwohner.",
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


def test_sentences_become_unit_vectors_of_512_numbers(encoder):
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (4, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_similar_meaning_is_closer_than_another_topic(encoder):
    a, b, c = encoder.encode(
        [
            "Die Mittel sind im Haushalt eingeplant.",
            "Das Geld steht im Haushaltsplan bereit.",
            "Der Park hat zwei neue Bänke bekommen.",
        ]
    )
    assert a @ b > a @ c


def test_an_encoded_sentence_is_cached_by_its_hash_and_encodes_the_same_again(encoder):
    first = encoder.encode(SENTENCES[:1])
    assert text_key(SENTENCES[0]) in encoder.cache
    assert np.array_equal(encoder.encode(SENTENCES)[0], first[0])


def test_no_sentences_give_an_empty_matrix(encoder):
    assert encoder.encode([]).shape == (0, 512)


def test_evidence_sentences_are_found_by_their_words():
    sentences = pd.DataFrame({"statement_id": ["a", "a"], "text": SENTENCES[:2]})
    flags = evidence_flags(sentences, {"a": ["Die Verwaltung wird die Maßnahme umsetzen."]})
    assert flags.tolist() == [True, False]


def _scorer(encoder) -> SemanticScorer:
    labels = {
        "position": ["standalone", "integrate", "reject", NONE],
        "stance": ["support", "conditional", "oppose", NONE],
    }
    return SemanticScorer().fit(encoder.encode(SENTENCES), labels)


def test_the_sentence_model_reads_the_code_it_was_taught(encoder):
    scorer = _scorer(encoder)
    probs = scorer.sentence_probabilities(encoder.encode(SENTENCES[:3]), "position")
    assert list(probs.idxmax(axis=1)) == ["standalone", "integrate", "reject"]


def test_a_sentence_that_only_informs_carries_no_verdict(model, encoder):
    """The shipped sentence model (trained on coders' evidence) reads no verdict in a fact."""
    verdicts = model.semantic_.verdicts(encoder.encode(SENTENCES[3:]), "position")
    assert (verdicts.to_numpy() == 0).all()


def test_statement_features_take_the_weighted_maximum_and_mean(encoder):
    scorer = _scorer(encoder)
    vectors = encoder.encode(SENTENCES)
    features = scorer.statement_features(np.array(["x", "x", "y", "y"]), vectors, np.ones(4))
    assert list(features.index) == ["x", "y"]
    assert features.columns.tolist() == scorer.feature_names()
    assert (
        features.filter(like="|max").to_numpy() >= features.filter(like="|mean").to_numpy()
    ).all()


def test_a_sentence_about_the_motion_counts_more(encoder):
    scorer = _scorer(encoder)
    vectors = encoder.encode(SENTENCES[:1])
    about = encoder.encode(["Umsetzung der Maßnahme"])
    other = encoder.encode(["Hundesteuer"])
    assert (
        scorer.sentence_weights(np.ones(1), vectors, about)[0]
        > scorer.sentence_weights(np.ones(1), vectors, other)[0]
    )


def test_the_sentence_model_is_saved_and_loaded_as_numbers(encoder):
    scorer = _scorer(encoder)
    again = SemanticScorer.from_dict(scorer.to_dict())
    vectors = encoder.encode(SENTENCES)
    assert np.allclose(
        again.sentence_probabilities(vectors, "stance"),
        scorer.sentence_probabilities(vectors, "stance"),
        atol=1e-4,
    )


@pytest.mark.parametrize(
    ("paragraphs", "position"),
    [
        (("Die Verwaltung wird beauftragt, die Maßnahme umzusetzen.",
          "Die Mittel sind im Haushalt eingeplant."), "standalone"),
        (("Das Anliegen wird im Rahmen der laufenden Fortschreibung des Konzepts "
          "berücksichtigt.",), "integrate"),
        (("Für eine solche Regelung fehlt der Stadt die Rechtsgrundlage.",
          "Die Verwaltung empfiehlt, den Antrag abzulehnen."), "reject"),
        (("Eine Finanzierung ist frühestens im nächsten Doppelhaushalt darstellbar.",
          "Bis dahin sollte der Antrag ruhen."), "defer"),
    ],
)  # fmt: skip
def test_implicit_verdicts_of_administration_answers_are_read(code, paragraphs, position):
    assert code(*paragraphs)["position"] == position


def test_a_plain_yes_to_the_motion_is_a_vote_for_the_proposed_thing(code):
    coded = code("Wir unterstützen den Antrag ausdrücklich und bitten um Zustimmung.")
    assert (coded["position"], coded["stance"]) == ("standalone", "support")


def test_reliability_bins_confidence_against_the_share_right():
    table = reliability(["a", "a", "b", "b"], ["a", "b", "b", "b"], [0.9, 0.3, 0.95, 0.85])
    bins = {b["bin"]: b for b in table["bins"]}
    assert bins["0.8–1.0"] == {"bin": "0.8–1.0", "n": 3, "confidence": 0.9, "accuracy": 1.0}
    assert bins["0.0–0.4"]["accuracy"] == 0.0
    assert table["ece"] == pytest.approx((3 * 0.1 + 1 * 0.3) / 4, abs=1e-3)
