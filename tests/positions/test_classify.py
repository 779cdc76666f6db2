"""Position, stance and evidence of literal letters with the shipped model; the estimator API."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone

from analysis.positions.codebook import load_codebook, parse_codebook
from analysis.positions.model import PositionModel, default_model
from tests.positions.conftest import letter


def test_late_verdict_outweighs_an_early_sceptical_remark(code):
    result = code(
        "Als ich von dem Antrag las, dachte ich zuerst: schon wieder ein Papier.",
        "Wir wohnen am Stadtrand, und an heißen Tagen weiß niemand, wohin mit den Kindern.",
        "Am Ende bin ich doch dafür, dass es einen eigenen Plan dafür gibt, der für sich steht.",
    )
    assert result["position"] == "standalone"


def test_quoted_motion_before_disagreement_is_not_the_position(code):
    result = code(
        "Der Antrag fordert „eine eigenständige Strategie mit eigener Koordinierungsstelle“.",
        "Wir halten es für sinnvoller, das Thema als eigenes Kapitel in das bestehende Leitbild "
        "aufzunehmen, statt ein weiteres Dokument daneben zu stellen.",
    )
    assert result["position"] == "integrate"
    assert result["stance"] == "conditional"


def test_negated_new_plan_with_sufficient_tools_is_reject(code):
    result = code(
        "Einen neuen Plan brauchen wir nicht.",
        "Die vorhandenen Konzepte reichen völlig aus, sie müssen nur umgesetzt werden.",
        "Wir lehnen den Antrag ab.",
    )
    assert (result["position"], result["stance"]) == ("reject", "oppose")


def test_rejecting_now_and_revisiting_later_is_defer_oppose(code):
    result = code(
        "Die Verwaltung empfiehlt, den Antrag abzulehnen.",
        "Nach Abschluss der laufenden Evaluation sollte das Thema 2026 erneut beraten werden.",
    )
    assert (result["position"], result["stance"]) == ("defer", "oppose")


def test_abstaining_writer_is_unclear_and_neutral(code):
    result = code(
        "Wir haben die Lage vor Ort gemessen und stellen die Daten gern zur Verfügung.",
        "Ob die Stadt dafür ein neues Konzept braucht, ist eine politische Entscheidung, zu der "
        "wir keine Empfehlung abgeben.",
    )
    assert (result["position"], result["stance"]) == ("unclear", "neutral")


def test_letter_without_any_verdict_is_unclear_and_neutral(code):
    result = code(
        "Ich wohne seit vielen Jahren in der Altstadt.",
        "Die Straße vor meinem Haus ist im Sommer sehr laut und im Winter dunkel.",
    )
    assert (result["position"], result["stance"]) == ("unclear", "neutral")


def test_integration_read_into_the_motion_is_integrate_with_support(code):
    result = code(
        "Wir begrüßen den Antrag ausdrücklich und empfehlen die Zustimmung.",
        "Wir verstehen ihn so, dass das Thema als Kapitel in die bestehende Gesamtstrategie "
        "aufgenommen wird, und genau das halten wir für richtig.",
    )
    assert (result["position"], result["stance"]) == ("integrate", "support")


def test_support_with_conditions_is_conditional(code):
    result = code(
        "Eine eigenständige Strategie halten wir für richtig.",
        "Wir unterstützen den Antrag aber nur, wenn die Beiräte von Anfang an beteiligt werden "
        "und ein eigenes Budget bereitsteht.",
    )
    assert (result["position"], result["stance"]) == ("standalone", "conditional")


def test_evidence_is_verbatim_sentences_with_the_verdict_first(model):
    sentences = letter(
        "Unser Verein besteht seit 1990 und hat 300 Mitglieder.",
        "Wir lehnen den Antrag ab. Noch ein Papier braucht hier niemand.",
    )
    rows, units = model.predict(sentences)
    evidence = rows.iloc[0]["evidence"]
    assert evidence and set(evidence) <= set(sentences["text"])
    assert "Unser Verein besteht seit 1990 und hat 300 Mitglieder." not in evidence
    assert units["is_evidence"].sum() == len(evidence)


def test_scores_are_probabilities(model):
    rows, units = model.predict(letter("Wir unterstützen den Antrag ohne Wenn und Aber."))
    for col in ("position_score", "stance_score"):
        assert 0 < rows.iloc[0][col] <= 1
    scores = units.filter(like="score_").to_numpy()
    assert ((scores >= 0) & (scores <= 1)).all()


def test_argument_units_carry_stance_cue_and_concerns(model):
    _, units = model.predict(letter("Wir lehnen den Antrag ab, weil das Personal fehlt."))
    row = units.iloc[0]
    assert row["stance_cue"] == "oppose"
    assert "resources" in row["concerns"]


def test_saved_model_predicts_the_same_after_loading(tmp_path, code):
    trained = default_model()
    path = trained.save(tmp_path / "model.json")
    loaded = PositionModel.load(path)
    sentences = letter("Wir empfehlen, das Thema im Rahmen der Fortschreibung zu verankern.")
    a, _ = trained.predict(sentences)
    b, _ = loaded.predict(sentences)
    pd.testing.assert_frame_equal(a, b)


def test_model_trained_on_another_codebook_is_not_loaded(tmp_path):
    path = default_model().save(tmp_path / "model.json")
    other = parse_codebook({"name": "x", "positions": {"unclear": {"cues": ["egal"]}}})
    assert PositionModel.load(path, other) is None


def test_user_codebook_without_training_codes_by_its_own_cues():
    book = parse_codebook(
        {
            "name": "tempo",
            "positions": {
                "for_limit": {"stance": "support", "cues": ["tempo 30 ..3 (richtig|nötig)"]},
                "against_limit": {"stance": "oppose", "cues": ["=kein* tempo 30"]},
                "unclear": {"stance": "neutral", "cues": []},
            },
        }
    )
    model = default_model(book)
    rows, _ = model.predict(letter("Wir wollen kein Tempo 30 in der Hauptstraße."))
    assert rows.iloc[0]["position"] == "against_limit"


def test_fit_learns_from_labelled_statements():
    sentences = pd.concat(
        [
            letter("Wir wollen einen eigenständigen Plan.", statement_id="a"),
            letter("Das gehört als Kapitel in das bestehende Leitbild.", statement_id="b"),
            letter("Wir lehnen ab, das braucht niemand.", statement_id="c"),
        ]
    )
    labels = pd.DataFrame(
        {
            "position": ["standalone", "integrate", "reject"],
            "stance": ["support", "conditional", "oppose"],
        },
        index=["a", "b", "c"],
    )
    model = PositionModel(codebook=load_codebook()).fit(sentences, labels)
    rows, _ = model.predict(sentences)
    assert rows["position"].tolist() == ["standalone", "integrate", "reject"]


def test_position_model_follows_the_estimator_contract():
    est = PositionModel(C_position=0.5, rule_weight=0.7)
    copy = clone(est)
    assert copy.get_params()["C_position"] == 0.5 and copy.get_params()["rule_weight"] == 0.7


def test_prediction_is_deterministic(model):
    sentences = letter("Wir regen an, zunächst die Ergebnisse abzuwarten.", "Danach neu beraten.")
    a, ua = model.predict(sentences)
    b, ub = model.predict(sentences)
    pd.testing.assert_frame_equal(a, b)
    assert np.array_equal(ua.filter(like="score_").to_numpy(), ub.filter(like="score_").to_numpy())
