"""Agreement figures against hand-computed values; gold matching; coder agreement."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.positions.evaluate import (
    accuracy,
    bootstrap,
    coder_agreement,
    cohen_kappa,
    confusion,
    evidence_hit,
    macro_f1,
    motion_key,
)

GOLD = ["a", "a", "a", "b", "b", "c"]
PRED = ["a", "a", "b", "b", "c", "c"]


def test_macro_f1_matches_hand_computation():
    # a: P=1, R=2/3 → 0.8; b: P=1/2, R=1/2 → 0.5; c: P=1/2, R=1 → 2/3
    assert macro_f1(GOLD, PRED) == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)


def test_macro_f1_averages_only_over_gold_classes():
    assert macro_f1(["a", "a"], ["a", "z"]) == pytest.approx(2 / 3)


def test_kappa_matches_hand_computation():
    # po = 4/6; pe = (3*2 + 2*2 + 1*2) / 36 = 12/36
    assert cohen_kappa(GOLD, PRED) == pytest.approx((4 / 6 - 1 / 3) / (1 - 1 / 3))


def test_kappa_is_one_for_perfect_agreement_and_zero_for_chance():
    assert cohen_kappa(GOLD, GOLD) == 1.0
    assert cohen_kappa(["a", "b", "a", "b"], ["a", "a", "b", "b"]) == pytest.approx(0.0)


def test_accuracy_counts_exact_agreement():
    assert accuracy(GOLD, PRED) == pytest.approx(4 / 6)


def test_confusion_table_has_gold_rows_and_predicted_columns():
    table = confusion(GOLD, PRED)
    assert table.loc["a", "b"] == 1 and table.loc["a", "a"] == 2 and table.values.sum() == 6


def test_bootstrap_interval_is_seeded_and_brackets_the_value():
    low, high = bootstrap(GOLD, PRED, accuracy, n=200, seed=1)
    assert (low, high) == bootstrap(GOLD, PRED, accuracy, n=200, seed=1)
    assert low <= accuracy(GOLD, PRED) <= high


def test_evidence_hit_needs_sixty_percent_word_overlap():
    gold = ["Wir lehnen den Antrag in dieser Form ab."]
    assert evidence_hit(["Wir lehnen den Antrag in dieser Form ab"], gold)
    assert not evidence_hit(["Wir lehnen den Antrag ab, weil er zu teuer und unnötig ist."], gold)


def test_motion_key_ignores_prefixes():
    assert motion_key("Drucksache 0815/2022") == motion_key("DS 0815/2022") == "0815/2022"


def test_two_coders_agreement_from_csv(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    pd.DataFrame({"file": list("wxyz"), "position": GOLD[:4], "stance": list("ssoo")}).to_csv(a)
    pd.DataFrame({"file": list("wxyz"), "position": PRED[:4], "stance": list("ssoo")}).to_csv(b)
    result = coder_agreement(a, b)
    assert result["n"] == 4
    assert result["stance"]["kappa"] == 1.0
    assert result["position"]["accuracy"] == 0.75
