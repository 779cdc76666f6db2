"""„Das Wichtigste in einfacher Sprache“: short sentences, plain words, counts as digits."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.language.plain import MAX_WORDS, index_summary, motion_summary
from analysis.language.readability import abbreviations, measure


def _coded(n: int, positions: list[str], stances: list[str]) -> pd.DataFrame:
    groups = ["citizen", "association", "administration", "advisory_board", None]
    return pd.DataFrame(
        {
            "stakeholder_group": [groups[i % len(groups)] for i in range(n)],
            "position": [positions[i % len(positions)] for i in range(n)],
            "stance": [stances[i % len(stances)] for i in range(n)],
            "concerns": [
                ["resources", "accessibility"] if i % 2 else ["resources"] for i in range(n)
            ],
        }
    )


CASES = {
    "agreed": _coded(8, ["integrate"], ["support", "conditional"]),
    "disputed": _coded(9, ["standalone", "integrate", "reject"], ["support", "oppose"]),
    "single": _coded(1, ["defer"], ["neutral"]),
    "unclear": _coded(3, ["unclear"], ["neutral"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_summary_keeps_the_rules_of_plain_language(case):
    sentences = motion_summary(CASES[case])
    assert all(len(s.split()) <= MAX_WORDS for s in sentences)
    assert measure(" ".join(sentences), sentences).wstf <= 6
    assert not any(abbreviations(s) for s in sentences)
    assert not any("%" in s for s in sentences)


def test_the_summary_says_who_wrote_what_most_want_and_what_happens_next():
    text = " ".join(motion_summary(CASES["disputed"]))
    assert "Zu diesem Antrag kamen 9 Briefe." in text
    assert "3 von 9 Briefen wollen" in text and "Die Meinungen gehen auseinander." in text
    assert "Der Rat entscheidet über den Antrag." in text
    assert "Oft geht es um Geld und Personal: in 9 Briefen." in text


def test_one_letter_is_spoken_of_in_the_singular():
    sentences = motion_summary(CASES["single"])
    assert sentences[0] == "Zu diesem Antrag kam 1 Brief."
    assert "Der Brief will erst später entscheiden." in sentences


def test_the_index_summary_is_plain_too():
    sentences = index_summary(CASES["agreed"], motions=3)
    assert sentences[0] == "Hier gibt es Berichte zu 3 Anträgen."
    assert all(len(s.split()) <= MAX_WORDS for s in sentences)
    assert measure(" ".join(sentences), sentences).wstf <= 6
    assert all(re.search(r"\d+ von \d+", s) for s in sentences if "Briefen" in s)
