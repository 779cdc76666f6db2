"""Motion keys group the spellings of one reference; slugs are safe file names."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report import motions


@pytest.mark.parametrize(
    "ref", ["0815/2022", "Drucksache 0815/2022", "DS 0815/2022", "Drucksache Nr. 0815/2022"]
)
def test_spellings_of_one_reference_share_a_key(ref):
    assert motions.motion_key(ref) == "0815/2022"


def test_prefix_that_belongs_to_the_number_is_kept():
    assert motions.motion_key("BA-045/2021") == "BA-045/2021"
    assert motions.motion_key("V-2022/117") == "V-2022/117"


def test_missing_reference_has_no_key():
    assert motions.motion_key(None) is None and motions.motion_key("  ") is None


def test_slug_is_lowercase_and_file_safe():
    assert motions.slug("BA-045/2021") == "ba-045-2021"


def test_motion_shows_the_spelling_most_letters_use_and_the_title():
    statements = pd.DataFrame(
        {
            "status": ["ok", "ok", "ok", "error"],
            "motion_ref": ["Drucksache 0815/2022", "Drucksache 0815/2022", "0815/2022", None],
            "motion_title": ["Radverkehrsstrategie", None, "Radverkehrsstrategie", None],
        }
    )
    [found] = motions.motions(statements)
    assert (found.ref, found.title, found.statements) == ("Drucksache 0815/2022",
                                                          "Radverkehrsstrategie", 3)  # fmt: skip
    assert motions.find([found], "DS 0815/2022") is found


def test_unknown_motion_names_the_known_ones():
    with pytest.raises(LookupError, match="BA-045/2021"):
        motions.find([motions.Motion("BA-045/2021", "BA-045/2021", None, "ba", 1)], "X-1/2020")


def test_the_register_gives_the_official_title_date_body_and_kind():
    statements = pd.DataFrame(
        {"status": ["ok"], "motion_ref": ["DS-0012/2026"], "motion_title": ["Lärmaktionsplan"]}
    )
    register = pd.DataFrame(
        {
            "motion_ref": ["DS-0012/2026"],
            "title": ["Lärmaktionsplan Stufe 4"],
            "body": ["Weidenbrück"],
            "date": ["2026-02-10"],
            "kind": ["Beschlussvorlage"],
        }
    )
    [found] = motions.motions(statements, register)
    assert (found.title, found.date, found.body, found.kind) == (
        "Lärmaktionsplan Stufe 4", "2026-02-10", "Weidenbrück", "Beschlussvorlage",
    )  # fmt: skip
