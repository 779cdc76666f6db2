"""Agreement with human coding, statements to review, form letters, metadata completeness."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report import agreement, council, review


def test_kappa_for_a_known_table():
    # 20 pairs: observed agreement 0.7, chance agreement 0.5 → κ = 0.4
    machine = pd.Series(["a"] * 10 + ["b"] * 10)
    human = pd.Series(["a"] * 7 + ["b"] * 3 + ["a"] * 3 + ["b"] * 7)
    result = agreement.agreement(machine, human)
    assert result["n"] == 20 and result["accuracy"] == pytest.approx(0.7)
    assert result["kappa"] == pytest.approx(0.4)


def test_kappa_is_undefined_when_both_use_one_code():
    assert agreement.agreement(pd.Series(["a", "a"]), pd.Series(["a", "a"]))["kappa"] is None


def test_confusion_has_human_rows_and_machine_columns():
    table = agreement.confusion(pd.Series(["a", "b"]), pd.Series(["a", "a"]), ["a", "b"])
    assert table.loc["a", "b"] == 1 and table.loc["a", "a"] == 1 and table.loc["b"].sum() == 0


def _statement(sid: str, text: str, **extra) -> dict:
    row = {"statement_id": sid, "status": "ok", "text": text, "ocr": False,
           "sender_org": "Verein", "stakeholder_group": "association", "position": "integrate",
           "position_score": 0.9, "corrected": False}  # fmt: skip
    return row | extra


def test_nearly_identical_letters_form_one_group():
    letter = "Wir fordern eine eigene Strategie für den Radverkehr in unserer Stadt. " * 5
    rows = [_statement("a", letter), _statement("b", letter.replace("Stadt", "Stadt!")),
            _statement("c", "Ganz anderer Text über etwas anderes. " * 8)]  # fmt: skip
    assert review.form_letter_groups(pd.DataFrame(rows)) == [["a", "b"]]


def test_review_reasons_name_ocr_missing_sender_and_low_confidence():
    rows = pd.DataFrame([_statement("a", "t", ocr=True, sender_org=None, position_score=0.3)])
    reasons = review.review_reasons(rows).iloc[0]
    assert reasons == ["Text per Texterkennung (OCR) gelesen", "Absender fehlt",
                       "geringe Sicherheit (0,30)"]  # fmt: skip


def test_corrected_statement_is_not_flagged_for_low_confidence():
    rows = pd.DataFrame([_statement("a", "t", position_score=0.3, corrected=True)])
    assert review.review_reasons(rows).iloc[0] == []


def test_completeness_counts_filled_fields_of_readable_statements():
    rows = pd.DataFrame([_statement("a", "t"), _statement("b", "t", status="error")])
    for column in review.METADATA_FIELDS:
        rows[column] = rows.get(column, "x")
    rows.loc[0, "date"] = None
    table = review.completeness(rows).set_index("field")
    assert table.loc["Datum", "filled"] == 0 and table.loc["Absender", "filled"] == 1
    assert (table["total"] == 1).all()


def test_analysis_duplicates_group_form_letters_before_text_similarity():
    coded = pd.DataFrame(
        {"statement_id": ["a", "b", "c", "d"], "duplicate_of": [None, "a", "a", None],
         "text": ["x", "y", "z", "w"], "status": ["ok"] * 4}
    )  # fmt: skip
    groups, how = council._letter_groups(coded)
    assert groups == [["a", "b", "c"]] and how == "laut Auswertung"


def test_the_review_list_puts_the_least_certain_statement_first():
    coded = pd.DataFrame(
        {
            "statement_id": ["a", "b", "c", "d"],
            "position_score": [0.9, 0.3, 0.55, 0.2],
            "stance_score": [0.8, 0.9, 0.4, 0.9],
            "corrected": [False, False, False, True],
        }
    )
    assert list(review.by_expected_gain(coded)["statement_id"]) == ["b", "c", "a", "d"]


def test_the_learning_curve_section_shows_chart_table_and_what_was_not_measurable():
    from types import SimpleNamespace

    from analysis.report import position_review

    curve = [
        {"corrected": k, "statements": n, "position_macro_f1": w, "position_macro_f1_without": wo,
         "stance_macro_f1": 0.7, "stance_macro_f1_without": 0.7}
        for k, n, w, wo in ((0, 40, 0.75, 0.75), (3, 25, 0.8, 0.76), (10, 0, None, None))
    ]  # fmt: skip
    evaluation = {"learning curve: /home/a/data/eval/gold.jsonl": {"learning_curve": curve}}
    ctx = SimpleNamespace(inputs=SimpleNamespace(evaluation=evaluation))
    html = str(position_review.learning_curve(ctx))
    assert "<figure" in html and "data:image/svg+xml" in html and "<table" in html
    assert "Lernkurve: eval/gold.jsonl" in html and "/home/a" not in html
    assert "0,800" in html and "0,760" in html  # with and without the corrections
    assert "Für 10 Korrekturen je Antrag nicht messbar" in html
    empty = SimpleNamespace(inputs=SimpleNamespace(evaluation={}))
    assert "--learning-curve 0 3 5 10" in str(position_review.learning_curve(empty))


def test_the_metadata_table_shows_where_each_field_was_read_least_sure_sender_first():
    from types import SimpleNamespace

    from analysis.report import ingest_quality

    statements = pd.DataFrame(
        {
            "statement_id": ["a", "b"],
            "status": ["ok", "ok"],
            "source_file": ["brief.pdf", "scan.pdf"],
            "sender_org": ["Stadtteilbeirat Nordend", None],
            "sender_source": ["signature_for", "none: recipient, date"],
            "sender_confidence": [0.85, 0.0],
            "authors": [["Karla Muster", "Bernd Beispiel"], []],
            "motion_ref_source": ["subject", None],
            "motion_ref_confidence": [0.9, 0.0],
            "date_source": ["date_line", "header"],
            "date_confidence": [0.9, 0.6],
            "author_source": ["signature", None],
            "author_confidence": [0.9, 0.0],
        }
    )
    ctx = SimpleNamespace(inputs=SimpleNamespace(statements=statements), motion=None)
    html = str(ingest_quality.metadata_sources(ctx))
    assert html.index("scan.pdf") < html.index("brief.pdf")  # the doubtful one first
    assert "nicht gefunden (verworfen: Empfänger, Datum)" in html
    assert "Schluss („für den …“)" in html and "0,85" in html
    assert "Karla Muster, Bernd Beispiel" in html
    assert "Antrag: Betreff (0,90); Datum: Orts- und Datumszeile (0,90)" in html
    assert "Antrag: –; Datum: Kopfbereich (0,60); Unterschrift: –" in html


def test_statements_without_motion_are_listed_with_their_best_title_match():
    from types import SimpleNamespace

    from analysis.report import ingest_quality

    statements = pd.DataFrame(
        {
            "statement_id": ["a1b2c3d4e5f6", "0a0b0c0d0e0f", "ffffffffffff"],
            "status": ["ok", "ok", "error"],
            "source_file": ["mit.pdf", "ohne.pdf", "kaputt.pdf"],
            "motion_ref": ["BA-7/2024", None, None],
            "subject": ["Antrag BA-7/2024", "Radweg Nordstraße", None],
            "motion_match_score": [1.0, 0.12, 0.0],
            "motion_ref_source": ["subject", "none: too weak", None],
        }
    )
    html = str(
        ingest_quality.without_motion(
            SimpleNamespace(inputs=SimpleNamespace(statements=statements))
        )
    )
    assert "ohne.pdf" in html and "0,12" in html and "Ohne Antrag: 1 Stellungnahme" in html
    assert "mit.pdf" not in html and "kaputt.pdf" not in html
    assert "Titel passt zu wenig" in html  # why it stayed open
    assert "<code>0a0b0c0d;BA-090/2020</code>" in html  # the line that settles it
    done = statements.assign(motion_ref="BA-7/2024")
    empty = SimpleNamespace(inputs=SimpleNamespace(statements=done))
    assert "Jede gelesene Stellungnahme ist einem Antrag zugeordnet" in str(
        ingest_quality.without_motion(empty)
    )
