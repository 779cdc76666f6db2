"""Malformed, hostile and foreign PDFs: every file becomes rows, never a crash; rejected
files are error rows whose message names the file and says what to do."""

from __future__ import annotations

import json
import re

import pytest

from analysis.schema import ERROR_KINDS
from tests import locations

# What each malformed or hostile input must give (tests/data/robustness/robustness.json):
# ``ok`` one readable row, ``error`` one error row with a message, ``error_or_partial`` and
# ``error_or_flag`` either, ``split`` readable rows spanning the listed pages.
CASES = json.loads(locations.ROBUSTNESS_CASES.read_text(encoding="utf-8"))
# What the contract's error_kind must be where a case is rejected.
REJECTED_KINDS = {
    "user-password.pdf": "encrypted",
    "empty.pdf": "empty",
    "not-a-pdf.pdf": "not_pdf",
    "truncated.pdf": "damaged",
    "blank.pdf": "no_text",
}
EXTERNAL_PDFS = (
    sorted(p.relative_to(locations.EXTERNAL).as_posix() for p in locations.EXTERNAL.rglob("*.pdf"))
    if locations.EXTERNAL.is_dir()
    else []
)
SENTENCE = re.compile(r"[^.!?]+[.!?](?:\s|$)")
MIN_TEXT = 200  # characters of a statement read in full
MIN_MESSAGE = 10


def rows_of(run, file: str):
    st = run.table("statements")
    return st[st["source_file"] == file]


def error_rows(run):
    st = run.table("statements")
    return st[st["status"] == "error"]


# ------------------------------------------------------------------------ robustness corpus


def test_robustness_ingest_exits_zero(robustness_run):
    assert robustness_run.code == 0


def _explained_errors(rows) -> bool:
    return (rows["status"] == "error").all() and all(
        isinstance(m, str) and len(m) > MIN_MESSAGE for m in rows["error_message"]
    )


def case_passes(case: dict, rows) -> bool:
    """Whether the rows of one robustness case are what the case expects."""
    statuses = list(rows["status"])
    if case["expect"] == "ok":
        return statuses == ["ok"] and len(rows["text"].iloc[0].strip()) > MIN_TEXT
    if case["expect"] == "error":
        return len(rows) == 1 and _explained_errors(rows)
    if case["expect"] in ("error_or_partial", "error_or_flag"):
        return bool(statuses) and ("ok" in statuses or _explained_errors(rows))
    if case["expect"] == "split":
        ok = rows[rows["status"] == "ok"].sort_values("first_page")
        spans = list(zip(ok["first_page"].astype(int), ok["last_page"].astype(int), strict=True))
        return spans == [(m["first_page"], m["last_page"]) for m in case["members"]]
    raise ValueError(f"unknown expectation {case['expect']!r} in robustness.json")


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_robustness_case_gives_what_it_expects(case, robustness_run):
    rows = rows_of(robustness_run, case["file"])
    assert case_passes(case, rows), rows[["status", "error_kind", "first_page", "last_page"]]


@pytest.mark.parametrize("file", sorted(REJECTED_KINDS))
def test_rejected_file_has_the_error_kind_of_its_defect(file, robustness_run):
    rows = rows_of(robustness_run, file)
    errors = rows[rows["status"] == "error"]
    if errors.empty:
        pytest.skip(f"{file} was read (allowed for this case)")
    assert set(errors["error_kind"]) == {REJECTED_KINDS[file]}


def test_error_rows_have_a_contract_error_kind(robustness_run):
    assert set(error_rows(robustness_run)["error_kind"]) <= set(ERROR_KINDS)


def test_error_message_names_the_file(robustness_run):
    rows = error_rows(robustness_run)
    assert not rows.empty
    unnamed = [r.source_file for r in rows.itertuples() if r.source_file not in r.error_message]
    assert unnamed == []


def test_error_message_says_what_is_wrong_and_what_to_do(robustness_run):
    """At least two sentences: the defect, then the remedy."""
    rows = error_rows(robustness_run)
    assert not rows.empty
    terse = [
        r.error_message for r in rows.itertuples() if len(SENTENCE.findall(r.error_message)) < 2
    ]
    assert terse == []


def test_error_rows_carry_no_text_and_no_metadata(robustness_run):
    rows = error_rows(robustness_run)
    assert (rows["text"] == "").all()
    assert rows[["motion_ref", "date", "author", "sender_org"]].isna().all().all()


def test_error_rows_have_distinct_ids(robustness_run):
    ids = robustness_run.table("statements")["statement_id"]
    assert ids.is_unique


def test_owner_password_only_pdf_is_read(robustness_run):
    assert list(rows_of(robustness_run, "owner-password-only.pdf")["status"]) == ["ok"]


def test_owner_password_only_pdf_reads_like_its_unprotected_original(robustness_run, dev_run):
    protected = rows_of(robustness_run, "owner-password-only.pdf")["text"].iloc[0]
    original = rows_of(dev_run, "auenberg-ba045-2021-bi-schnelles-netz.pdf")["text"].iloc[0]
    assert protected == original


def test_markup_in_a_subject_is_stored_verbatim(robustness_run):
    """Escaping is the reports' job; the tables keep what the letter says."""
    subject = rows_of(robustness_run, "hostile-markup.pdf")["subject"].iloc[0]
    assert "<script>alert('subject')</script>" in subject


# ---------------------------------------------------------------------------- external PDFs


def test_external_ingest_exits_zero(external_run):
    assert external_run.code == 0


@pytest.mark.parametrize("file", EXTERNAL_PDFS)
def test_external_pdf_gives_one_row_or_only_ok_rows(file, external_run):
    statuses = list(rows_of(external_run, file)["status"])
    assert statuses == ["error"] or (statuses and set(statuses) == {"ok"}), statuses


def test_external_error_rows_name_the_file_and_say_what_to_do(external_run):
    errors = error_rows(external_run)
    vague = [
        r.source_file
        for r in errors.itertuples()
        if r.source_file not in r.error_message or len(SENTENCE.findall(r.error_message)) < 2
    ]
    assert vague == []


def test_external_error_rows_have_a_contract_error_kind(external_run):
    assert set(error_rows(external_run)["error_kind"]) <= set(ERROR_KINDS)
