"""The shipped glossary: its format, its size and coverage, and how terms are found."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from analysis.language.glossary import GlossaryError, load_glossary, parse_glossary
from analysis.language.readability import abbreviations

SHIPPED = load_glossary()


def test_the_glossary_explains_at_least_300_terms():
    assert len(SHIPPED) >= 300


def test_every_explanation_is_one_or_two_short_plain_sentences():
    for term in SHIPPED.terms:
        sentences = re.split(r"(?<=[.!?])\s+", term.explanation)
        assert 1 <= len(sentences) <= 2, term.term
        assert all(len(s.split()) <= 15 for s in sentences), term.term
        assert "(" not in term.explanation and "bzw." not in term.explanation, term.term


def test_no_form_names_two_terms():
    forms = Counter(
        form
        for t in SHIPPED.terms
        for form in {(f if t.is_abbreviation else f.casefold()) for f in (t.term, *t.forms)}
    )
    assert [form for form, n in forms.items() if n > 1] == []


def test_the_terms_of_the_chemnitz_statement_are_covered():
    text = (
        "Zum BA-090/2020: Digitalisierung ist m. E. ein Querschnittsthema und gehört in die "
        "Digitale Agenda der Stadt."
    )
    found = [f.term.term for f in SHIPPED.find(text)]
    assert {"BA", "Querschnittsthema", "Digitale Agenda", "m. E."} <= set(found)


def test_the_longest_term_wins_and_inflected_forms_are_found():
    found = list(SHIPPED.find("Die Ziele der Digitalen Agenda"))
    assert [(f.term.term, f.start, f.end) for f in found] == [("Digitale Agenda", 14, 30)]


def test_abbreviations_are_matched_as_printed_and_only_as_whole_words():
    assert [f.term.term for f in SHIPPED.find("Das OZG gilt. Die ozg-Regel.")] == ["OZG"]
    assert "IT" not in {f.term.term for f in SHIPPED.find("Die IT-Sicherheit der Stadt.")}
    assert [f.term.term for f in SHIPPED.find("meines Erachtens m.E. gut")] == ["m. E."]


def test_a_user_file_adds_terms_and_replaces_shipped_ones(tmp_path):
    own = tmp_path / "eigen.yaml"
    own.write_text(
        "- term: Querschnittsthema\n  explanation: Ein Thema für alle Ämter.\n"
        "- term: Weidenbrücker Modell\n  explanation: So arbeitet Weidenbrück.\n",
        encoding="utf-8",
    )
    glossary = load_glossary([own])
    assert len(glossary) == len(SHIPPED) + 1
    [found] = glossary.find("Ein Querschnittsthema.")
    assert found.term.explanation == "Ein Thema für alle Ämter."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("term: x", "must be a list"),
        ("- term: Amt\n", "entry 1 \\(Amt\\): needs an explanation"),
        ("- term: Amt\n  explanation: Ein Amt.\n  farbe: rot\n", "unknown fields \\['farbe'\\]"),
        ("- [unclosed", "not valid YAML"),
    ],
)
def test_a_broken_glossary_file_is_named_with_the_entry(text, message):
    with pytest.raises(GlossaryError, match=message) as err:
        parse_glossary(text, "eigen.yaml")
    assert "eigen.yaml" in str(err.value)


def test_explanations_use_no_abbreviations():
    offenders = [t.term for t in SHIPPED.terms if abbreviations(t.explanation)]
    assert offenders == []
