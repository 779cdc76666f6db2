"""``statements ingest`` end to end: the dev corpus against the scorer, and the CLI contract
(exit status, tables, paths, determinism, atomic writes) on a small tree of built letters."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import cli, schema
from tests import locations
from tests.runs import TABLES, ingest

# Thresholds of the ingest issue, on the text-layer documents of the dev corpus.
THRESHOLDS = {
    "motion_ref_accuracy": 0.98,
    "date_accuracy": 0.98,
    "author_accuracy": 0.95,
    "sender_org_accuracy": 0.95,
    "stakeholder_group_accuracy": 0.85,
    "body_similarity_mean": 0.98,
    "body_similarity_min": 0.90,
}
# Column order of CONTRACT.md; tables may add columns after these.
CONTRACT_COLUMNS = {
    "statements": [
        "statement_id", "source_file", "source_sha256", "first_page", "last_page", "status",
        "error_kind", "error_message", "ocr", "motion_ref", "motion_title", "date", "sender_org",
        "sender_unit", "author", "author_role", "stakeholder_group", "subject", "text",
    ],
    "paragraphs": ["statement_id", "paragraph_no", "text", "page", "x0", "top", "x1", "bottom"],
    "sentences": ["statement_id", "paragraph_no", "sentence_no", "text", "page"],
}  # fmt: skip
SMALL_SRC_FILES = {"broken.pdf", "din-letter.pdf", "sub/memo.pdf", "sub/deeper/email.pdf"}


def failures(scores: dict, metric: str) -> list[dict]:
    """The per-document rows that miss ``metric`` (for the assertion message)."""
    if metric.startswith("body_similarity"):
        limit = THRESHOLDS["body_similarity_min"]
        return [d for d in scores["per_document"] if d.get("body_similarity", 0.0) < limit]
    field = metric.removesuffix("_accuracy")
    return [d for d in scores["per_document"] if not d.get(field, False)]


def read_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


# ------------------------------------------------------------------------------ dev corpus


def test_dev_corpus_ingest_exits_zero(dev_run):
    assert dev_run.code == 0


def test_every_dev_pdf_has_a_row(dev_run, dev_pdf_dir):
    files = set(dev_run.table("statements")["source_file"])
    assert files == {p.name for p in dev_pdf_dir.glob("*.pdf")}


def test_every_text_layer_dev_pdf_is_read(dev_scores):
    assert dev_scores["found"] == dev_scores["n"]


@pytest.mark.parametrize(("metric", "threshold"), THRESHOLDS.items())
def test_dev_corpus_meets_ingest_threshold(metric, threshold, dev_scores):
    missed = "\n".join(map(str, failures(dev_scores, metric)))
    assert dev_scores[metric] >= threshold, f"{metric}={dev_scores[metric]}; missed:\n{missed}"


@pytest.mark.parametrize("table", TABLES)
def test_written_table_validates_against_the_schema(table, dev_run):
    schema.TABLES[table].validate(dev_run.table(table))


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_columns_follow_the_contract_order(table, dev_run):
    columns = list(dev_run.table(table).columns)
    assert columns[: len(CONTRACT_COLUMNS[table])] == CONTRACT_COLUMNS[table]


def test_every_paragraph_and_sentence_belongs_to_an_ok_statement(dev_run):
    st = dev_run.table("statements")
    ok = set(st.loc[st["status"] == "ok", "statement_id"])
    assert set(dev_run.table("paragraphs")["statement_id"]) <= ok
    assert set(dev_run.table("sentences")["statement_id"]) <= ok


def test_sample_corpus_ingests_every_file(sample_corpus, tmp_path):
    """What `make demo` does: every bundled PDF gives a row; only scans may lack text."""
    run = ingest([sample_corpus], tmp_path / "out")
    st = run.table("statements")
    assert run.code == 0
    assert set(st["source_file"]) == {p.name for p in sample_corpus.glob("*.pdf")}
    assert set(st.loc[st["status"] == "error", "error_kind"]) <= {"no_text"}


# --------------------------------------------------------------------- CLI on a small tree


def test_exit_status_is_zero_when_a_file_is_rejected(small_run):
    assert small_run.code == 0


def test_rejected_file_is_an_error_row(small_run):
    st = small_run.table("statements").set_index("source_file")
    assert st.loc["broken.pdf", "status"] == "error"
    assert st.loc["broken.pdf", "error_kind"] == "not_pdf"


def test_readable_files_are_ok_rows(small_run):
    st = small_run.table("statements")
    ok = set(st.loc[st["status"] == "ok", "source_file"])
    assert ok == SMALL_SRC_FILES - {"broken.pdf"}


def test_source_file_is_relative_to_src_and_slash_separated(small_run):
    assert set(small_run.table("statements")["source_file"]) == SMALL_SRC_FILES


def test_a_file_given_directly_is_named_by_its_file_name(small_src, tmp_path):
    run = ingest([small_src / "sub" / "memo.pdf"], tmp_path / "out")
    assert list(run.table("statements")["source_file"]) == ["memo.pdf"]


@pytest.mark.parametrize("table", TABLES)
def test_small_run_tables_validate_against_the_schema(table, small_run):
    schema.TABLES[table].validate(small_run.table(table))


def test_two_runs_give_byte_identical_tables(small_src, small_run, tmp_path):
    again = ingest([small_src], tmp_path / "again", "--workers", "1")
    assert read_bytes(again.out) == read_bytes(small_run.out)


def test_rerun_over_the_same_out_dir_overwrites_cleanly(small_src, small_run, tmp_path):
    out = tmp_path / "out"
    first = ingest([small_src], out)
    second = ingest([small_src], out)
    assert (first.code, second.code) == (0, 0)
    assert read_bytes(out) == read_bytes(small_run.out)


def test_rerun_leaves_no_temporary_files(small_src, tmp_path):
    out = tmp_path / "out"
    ingest([small_src], out)
    ingest([small_src], out)
    expected = sorted([*(f"{t}.parquet" for t in TABLES), "manifest.json", ".cache", ".lock"])
    assert sorted(p.name for p in out.iterdir()) == expected
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_missing_src_exits_non_zero_with_a_message(tmp_path, capsys):
    missing = tmp_path / "no-such-folder"
    code = cli.main(["ingest", str(missing), "--out", str(tmp_path / "out"), "--quiet"])
    assert code != 0
    assert str(missing) in capsys.readouterr().err


def test_missing_src_writes_no_tables(tmp_path):
    ingest([tmp_path / "no-such-folder"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_unwritable_out_exits_non_zero_with_a_message(small_src, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code = cli.main(["ingest", str(small_src / "din-letter.pdf"), "--out", str(blocker / "out")])
    assert code != 0
    assert str(blocker / "out") in capsys.readouterr().err


def test_missing_out_argument_is_a_usage_error(small_src):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["ingest", str(small_src)])
    assert exit_info.value.code != 0


# ---------------------------------------------------------------- console entry points


def console_script() -> Path:
    script = Path(sys.executable).parent / "statements"
    if not script.exists():
        found = shutil.which("statements")
        if found is None:
            pytest.skip("the `statements` console script is not installed (run `make setup`)")
        script = Path(found)
    return script


def test_console_script_ingests_a_tree(small_src, small_run, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [str(console_script()), "ingest", str(small_src), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert read_bytes(out) == read_bytes(small_run.out)


def test_quiet_console_run_prints_nothing(small_src, tmp_path):
    done = subprocess.run(
        [str(console_script()), "ingest", str(small_src), "--out", str(tmp_path), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_progress_and_summary_go_to_stderr(small_src, tmp_path):
    done = subprocess.run(
        [str(console_script()), "ingest", str(small_src), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert done.stdout == ""
    assert "broken.pdf" in done.stderr


def test_module_entry_point_runs(small_src, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "ingest", str(small_src / "din-letter.pdf")]
        + ["--out", str(tmp_path), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "statements.parquet").exists()


def test_version_flag_prints_the_installed_version(capsys):
    from analysis import __version__

    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"statements {__version__}"


def test_evaluate_measures_the_metadata_of_an_ingest_without_analysis(dev_run, capsys):
    only_ingest = dev_run.out.parent / "only-ingest"
    shutil.copytree(dev_run.out, only_ingest, ignore=shutil.ignore_patterns(".*", "positions*"))
    code = cli.main(
        ["evaluate", "--processed", str(only_ingest), "--gold", str(locations.SAMPLE_GOLD)]
    )
    out = capsys.readouterr()
    assert code == 0
    assert "motion_ref_accuracy" in out.out and "body_similarity_mean" in out.out
    assert "no positions.parquet" in out.err


def test_evaluate_without_tables_says_to_ingest_first(tmp_path, capsys):
    code = cli.main(["evaluate", "--processed", str(tmp_path), "--gold", str(tmp_path / "g")])
    assert code == 2
    assert "run statements ingest first" in capsys.readouterr().err


def test_a_learning_curve_needs_leave_one_motion_out(dev_run, capsys):
    gold = str(locations.SAMPLE_GOLD)
    code = cli.main(
        ["evaluate", "--processed", str(dev_run.out), "--gold", gold, "--learning-curve", "3"]
    )
    assert code == 2
    assert "--learning-curve needs --lomo" in capsys.readouterr().err
