"""Codes with corrections on top, and the counts the report shows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import corrections
from analysis.corrections import read_corrections
from analysis.report import coding
from analysis.report.labels import labels_for

LABELS = labels_for("de")


def _positions() -> pd.DataFrame:
    return coding.normalise_positions(
        pd.DataFrame(
            {
                "statement_id": ["a", "b"],
                "position": ["integrate", "reject"],
                "position_score": [0.9, 0.4],
                "stance": ["conditional", "oppose"],
                "stance_score": [0.8, 0.5],
                "evidence": [np.array(["Satz eins."]), np.array([], dtype=object)],
                "cluster": [1, None],
            }
        )
    )


def _corrections(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["statement_id", "position", "stance", "note"])


def test_evidence_becomes_tuples_and_missing_concerns_empty():
    positions = _positions()
    assert positions.loc[0, "evidence"] == ("Satz eins.",)
    assert positions.loc[1, "concerns"] == ()
    assert positions["cluster"].isna().tolist() == [False, True]


def test_correction_replaces_the_code_and_marks_the_row():
    coded, problems = coding.apply_corrections(
        _positions(), _corrections(("b", "defer", None, "Rückruf")), LABELS
    )
    row = coded.set_index("statement_id").loc["b"]
    assert (row["position"], row["stance"], row["machine_position"]) == (
        "defer",
        "oppose",
        "reject",
    )
    assert row["corrected"] and row["note"] == "Rückruf" and not problems


def test_unknown_code_in_a_correction_is_reported_not_applied():
    coded, problems = coding.apply_corrections(
        _positions(), _corrections(("a", "banana", None, None)), LABELS
    )
    assert coded.loc[0, "position"] == "integrate" and not coded.loc[0, "corrected"]
    assert "banana" in problems[0]


def test_correction_for_an_uncoded_statement_adds_it():
    coded, _ = coding.apply_corrections(
        _positions(), _corrections(("c", "standalone", "support", None)), LABELS
    )
    assert coded.set_index("statement_id").loc["c", "position"] == "standalone"


def test_corrections_file_may_use_semicolons_and_a_bom(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_bytes("\ufeffstatement_id;position;stance;note\na;defer;;\n".encode())
    frame, problems = read_corrections(path)
    assert frame.to_dict("records") == [
        {"statement_id": "a", "position": "defer", "stance": None, "note": None, "motion_ref": None}
    ]
    assert not problems


def test_crosstab_keeps_code_order_and_counts_missing_codes():
    df = pd.DataFrame(
        {"g": ["citizen", "administration", None], "p": ["reject", "integrate", None]}
    )
    table = coding.crosstab(df, "g", "p", ["administration", "citizen"], ["integrate", "reject"])
    assert list(table.index) == ["administration", "citizen", None]
    assert list(table.columns) == ["integrate", "reject", None]
    assert table.to_numpy().sum() == 3


def test_counts_follow_the_given_order_with_shares():
    table = coding.counts(pd.Series(["oppose", "support", "support"]), ["support", "oppose"])
    assert table["code"].tolist() == ["support", "oppose"]
    assert table["share"].round(2).tolist() == [0.67, 0.33]


def test_a_correction_may_name_a_statement_by_the_short_id_the_pages_show():
    positions = _positions().assign(statement_id=["3782b2e1d4b28365", "cf0665fb49ad8f91"])
    short = corrections.short_id("cf0665fb49ad8f91")
    coded, problems = coding.apply_corrections(
        positions, _corrections((short, "defer", None, None)), LABELS
    )
    assert problems == [] and len(coded) == 2
    assert coded.set_index("statement_id").loc["cf0665fb49ad8f91", "position"] == "defer"


def test_a_prefix_that_is_too_short_or_names_several_statements_is_not_resolved():
    known = ["abcdef12", "abcdef34"]
    assert corrections.resolve_id("abcdef", known) == "abcdef"
    assert corrections.resolve_id("abc", ["abc123456"]) == "abc"
    assert corrections.resolve_id("abcdef1", known) == "abcdef12"
