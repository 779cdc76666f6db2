"""Codebook loading, the cue syntax and validation errors that name file, key and problem."""

from __future__ import annotations

import re

import pytest
import yaml

from analysis.positions.codebook import (
    CodebookError,
    compile_cue,
    load_codebook,
    parse_codebook,
    required_literals,
)

MINIMAL = {"name": "mine", "positions": {"yes": {"cues": ["dafür"]}, "unclear": {"cues": []}}}


def _with(**changes) -> dict:
    book = yaml.safe_load(yaml.safe_dump(MINIMAL))
    book.update(changes)
    return book


def test_shipped_codebook_defines_the_generic_codes(codebook):
    assert codebook.position_codes == ["standalone", "integrate", "defer", "reject", "unclear"]
    assert [c.name for c in codebook.stances] == ["support", "conditional", "oppose", "neutral"]
    assert codebook.concern_codes == [
        "resources", "costs", "accessibility", "participation", "data_protection",
        "coordination", "timeline", "complexity",
    ]  # fmt: skip


def test_every_shipped_code_has_definition_and_examples(codebook):
    for code in [*codebook.positions, *codebook.stances]:
        assert code.definition and code.examples, code.name


def test_star_at_word_start_matches_compound_ends():
    assert compile_cue("*strategie").search("die radverkehrsstrategie der stadt")


def test_star_at_word_end_matches_inflections():
    assert compile_cue("verank*").search("im leitbild verankert")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("einbetten", "das thema wird in die strategie eingebettet"),
        ("einbetten", "das thema ist einzubetten"),
        ("ablehnen", "der antrag wird abgelehnt"),
        ("ablehnen", "die abgelehnten anträge"),
        ("vorschlagen", "wie vorgeschlagen"),
        ("zustimm*", "dem antrag wird zugestimmt"),
    ],
)
def test_separable_verbs_match_their_zu_infinitive_and_past_participle(pattern, text):
    cue = compile_cue(pattern)
    assert cue.search(text)
    assert any(lit in text for lit in required_literals(pattern, {}))


def test_the_participle_of_a_separable_verb_does_not_match_other_words():
    assert not compile_cue("ablehnen").search("die anlehnung an den plan")
    assert not compile_cue("einbetten").search("die betten im heim")


def test_words_must_follow_each_other_without_gap():
    assert not compile_cue("eigenes budget").search("eigenes und festes budget")


def test_gap_allows_words_between():
    assert compile_cue("eigenes ..2 budget").search("eigenes und festes budget")


def test_parenthesised_alternatives_may_have_several_words():
    cue = compile_cue("(unter dem dach|im rahmen) des")
    assert cue.search("unter dem dach des isek") and cue.search("im rahmen des plans")


def test_optional_word_may_be_missing():
    cue = compile_cue("nicht? zustimmen")
    assert cue.search("wir können zustimmen") and cue.search("wir können nicht zustimmen")


def test_term_lists_expand():
    cue = compile_cue("eigen* {plan}", {"plan": ("konzept", "*strategie")})
    assert cue.search("ein eigenes konzept") and cue.search("eine eigene jugendstrategie")


def test_cue_does_not_match_inside_a_word():
    assert not compile_cue("plan").search("planung")


def test_required_literals_hold_for_every_match(codebook):
    texts = [ex.lower() for code in codebook.groups() for ex in code.examples]
    for code in codebook.groups():
        for cue in code.cues:
            for text in texts:
                if cue.regex.search(text) and cue.literals:
                    assert any(lit in text for lit in cue.literals), (cue.pattern, text)


def test_unknown_term_list_error_names_file_key_and_problem():
    book = _with(positions={"yes": {"cues": ["eigen* {plans}"]}, "unclear": {}})
    with pytest.raises(CodebookError) as err:
        parse_codebook(book, "mine.yaml")
    assert err.value.source == "mine.yaml"
    assert err.value.key == "positions.yes.cues[0]"
    assert "unknown term list {plans}" in err.value.problem


def test_unclosed_parenthesis_is_reported():
    book = _with(positions={"yes": {"cues": ["(dafür|dagegen"]}, "unclear": {}})
    with pytest.raises(CodebookError, match=r"positions\.yes\.cues\[0\]"):
        parse_codebook(book, "mine.yaml")


def test_unknown_key_is_reported():
    with pytest.raises(CodebookError, match="colour: unknown key"):
        parse_codebook(_with(colour="blue"), "mine.yaml")


def test_unknown_stance_code_is_rejected():
    with pytest.raises(CodebookError, match="stances: unknown stance codes"):
        parse_codebook(_with(stances={"maybe": {"cues": ["vielleicht"]}}), "mine.yaml")


def test_fallback_must_be_a_position_code():
    with pytest.raises(CodebookError, match="fallback: 'unclear' is not one of the position"):
        parse_codebook({"name": "x", "positions": {"yes": {"cues": ["ja"]}}}, "mine.yaml")


def test_cue_weight_out_of_range_is_rejected():
    book = _with(positions={"yes": {"cues": [{"cue": "ja", "weight": 9}]}, "unclear": {}})
    with pytest.raises(CodebookError, match=r"cues\[0\]\.weight: must be a number"):
        parse_codebook(book, "mine.yaml")


def test_code_names_must_be_identifiers():
    with pytest.raises(CodebookError, match="positions.Ja Bitte: code names"):
        parse_codebook(_with(positions={"Ja Bitte": {"cues": ["ja"]}, "unclear": {}}), "m.yaml")


def test_unquoted_yes_as_code_name_gets_a_hint(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("name: x\npositions:\n  yes:\n    cues: [ja]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="put the code in quotes"):
        load_codebook(path)


def test_invalid_yaml_file_error_names_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        CodebookError, match=re.escape(str(path)) + r": \(file\): is not valid YAML"
    ):
        load_codebook(path)


def test_missing_file_error_names_the_file(tmp_path):
    with pytest.raises(CodebookError, match="cannot be read"):
        load_codebook(tmp_path / "nowhere.yaml")


def test_user_codebook_round_trips_from_yaml(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(MINIMAL, allow_unicode=True, sort_keys=False), encoding="utf-8")
    book = load_codebook(path)
    assert book.position_codes == ["yes", "unclear"] and book.source == str(path)


def test_codebook_names_no_town_motion_or_plan_of_the_dev_corpus(codebook, dev_gold):
    """Cues must fit any motion: none may carry a name or topic word of the dev statements."""
    import json
    from pathlib import Path

    text = Path(codebook.source).read_text(encoding="utf-8").lower()
    names = set()
    for line in dev_gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        names.add(record["municipality"].lower())
        names.update(w.lower() for w in record["motion_title"].split() if len(w) > 4)
    names -= {"strategie", "konzept"}
    assert not [n for n in names if n in text]
