"""The whole stage on the dev corpus: tables, determinism, the shared scorer, LOMO figures."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from analysis.gold import read_gold
from analysis.positions import evaluate
from analysis.positions.evaluate import Scored, gold_id, gold_sentences
from analysis.positions.lomo import lomo_predictions
from analysis.positions.model import default_model
from analysis.positions.run import POSITION_COLUMNS, analyze, analyze_tables
from tests import locations
from tests.positions.conftest import DATA, statements_table
from tests.runs import score

CONTRACT = ["statement_id", "position", "position_score", "stance", "stance_score", "evidence",
            "cluster"]  # fmt: skip


def test_analyze_writes_positions_with_contract_columns_first(dev_analysed):
    positions = pd.read_parquet(dev_analysed / "positions.parquet")
    assert list(positions.columns[: len(CONTRACT)]) == CONTRACT
    assert list(positions.columns) == POSITION_COLUMNS


def test_every_ok_statement_has_exactly_one_position_row(dev_analysed):
    statements = pd.read_parquet(dev_analysed / "statements.parquet")
    positions = pd.read_parquet(dev_analysed / "positions.parquet")
    ok = statements.loc[statements["status"] == "ok", "statement_id"]
    assert sorted(positions["statement_id"]) == sorted(ok)


def test_evidence_is_verbatim_from_the_sentences_table_with_pages(dev_analysed):
    sentences = pd.read_parquet(dev_analysed / "sentences.parquet")
    positions = pd.read_parquet(dev_analysed / "positions.parquet")
    known = set(zip(sentences["statement_id"], sentences["text"], strict=True))
    for row in positions.itertuples():
        assert len(row.evidence) == len(row.evidence_pages)
        for text in row.evidence:
            assert (row.statement_id, text) in known


def test_codes_are_from_the_codebook(dev_analysed, codebook):
    positions = pd.read_parquet(dev_analysed / "positions.parquet")
    assert set(positions["position"]) <= set(codebook.position_codes)
    assert set(positions["stance"]) <= {"support", "conditional", "oppose", "neutral"}


def test_arguments_table_has_one_row_per_sentence(dev_analysed):
    sentences = pd.read_parquet(dev_analysed / "sentences.parquet")
    arguments = pd.read_parquet(dev_analysed / "arguments.parquet")
    assert len(arguments) == len(sentences)
    for col in ("paragraph_no", "sentence_no", "page", "stance_cue", "concerns", "is_evidence"):
        assert col in arguments


def test_clusters_table_describes_every_cluster_used(dev_analysed):
    clusters = pd.read_parquet(dev_analysed / "clusters.parquet")
    positions = pd.read_parquet(dev_analysed / "positions.parquet")
    assert set(positions["cluster"].dropna()) <= set(clusters["cluster"])
    assert (clusters["size"] > 0).all() and clusters["label"].str.len().gt(0).all()
    assert all(
        len(q) == len(p) for q, p in zip(clusters["quotes"], clusters["quote_pages"], strict=True)
    )
    assert all(json.loads(mix) for mix in clusters["positions"])


def test_two_runs_write_identical_tables(dev_analysed, tmp_path):
    for name in ("statements", "paragraphs", "sentences"):
        shutil.copy(dev_analysed / f"{name}.parquet", tmp_path / f"{name}.parquet")
    analyze(tmp_path)
    for name in ("positions", "arguments", "clusters", "links"):
        a = (dev_analysed / f"{name}.parquet").read_bytes()
        assert a == (tmp_path / f"{name}.parquet").read_bytes(), name


def test_shared_scorer_reads_the_output(dev_analysed, dev_gold, scorer):
    result = score(scorer, "positions", "--gold", str(dev_gold), "--processed", str(dev_analysed))
    assert result["position_macro_f1"] >= 0.75
    assert result["stance_macro_f1"] >= 0.70
    assert result["evidence_hit_rate"] >= 0.85


def test_evaluate_matches_the_shared_scorer(dev_analysed, dev_gold, scorer):
    ours = evaluate.score_processed(dev_analysed, read_gold(dev_gold)).report(n_boot=10)
    theirs = score(scorer, "positions", "--gold", str(dev_gold), "--processed", str(dev_analysed))
    assert ours["position"]["macro_f1"]["value"] == pytest.approx(
        theirs["position_macro_f1"], abs=1e-4
    )
    assert ours["stance"]["kappa"]["value"] == pytest.approx(theirs["stance_kappa"], abs=1e-4)
    assert ours["evidence_hit_rate"] == pytest.approx(theirs["evidence_hit_rate"], abs=1e-4)


@pytest.mark.slow
def test_leave_one_motion_out_meets_the_targets(dev_analysed, dev_gold):
    report = lomo_predictions(read_gold(dev_gold), dev_analysed).report(n_boot=50)
    assert report["position"]["macro_f1"]["value"] >= 0.75
    assert report["stance"]["macro_f1"]["value"] >= 0.70
    assert report["evidence_hit_rate"] >= 0.85


@pytest.mark.parametrize("name", ["challenge", "blind", "blind2"])
def test_new_wording_on_new_topics_is_coded(model, name):
    """Letters on motions and in wording the dev corpus does not have (tests/positions/data)."""
    gold = read_gold(DATA / f"{name}.jsonl")
    rows, _ = model.predict(gold_sentences(gold))
    by_id = rows.set_index("statement_id")
    report = Scored(gold, [by_id.loc[gold_id(g)].to_dict() for g in gold]).report(n_boot=10)
    assert report["position"]["macro_f1"]["value"] >= 0.75
    assert report["stance"]["macro_f1"]["value"] >= 0.70
    assert report["evidence_hit_rate"] >= 0.85


def test_no_ok_statements_give_empty_tables():
    st = statements_table({"a": "x"}).assign(status="error")
    sentences = pd.DataFrame(
        columns=["statement_id", "paragraph_no", "sentence_no", "text", "page"]
    )
    result = analyze_tables(st, sentences, model=default_model())
    assert result.positions.empty and list(result.positions.columns) == POSITION_COLUMNS
    assert result.clusters.empty and result.links.empty


def test_evaluate_command_prints_the_figures(dev_analysed, dev_gold, capsys):
    evaluate.main(["--processed", str(dev_analysed), "--gold", str(dev_gold), "--bootstrap", "20"])
    out = capsys.readouterr().out
    assert "position  macro_f1" in out and "evidence hit rate" in out and "confusion" in out


def test_evaluate_pools_gold_files_and_reports_each_with_what_it_measured(
    dev_analysed, dev_gold, tmp_path
):
    """A set without PDFs (coded from its gold bodies) beside the sample letters (coded from
    what ingest read): one leave-one-motion-out run, one report per set."""
    independent = locations.REPO / "data" / "eval" / "independent" / "gold.jsonl"
    records = read_gold(independent)
    two_motions = sorted({r["motion_id"] for r in records})[:2]
    small = tmp_path / "small.jsonl"
    small.write_text(
        "".join(json.dumps(r) + "\n" for r in records if r["motion_id"] in two_motions), "utf-8"
    )
    outputs = dict(
        evaluate.evaluations(
            dev_analysed, [dev_gold, small], lomo=True, n_boot=10, corrected=(0, 3, 10)
        )
    )
    dev = outputs[f"leave-one-motion-out: {dev_gold}"]
    other = outputs[f"leave-one-motion-out: {small}"]
    assert dev["missing"] == 0 and other["missing"] == 0
    assert other["measured_on"] == {
        "gold": str(small),
        "statements": 16,
        "motions": 2,
        "lomo": True,
    }
    assert dev["measured_on"]["statements"] == 49
    assert set(other["reliability"]) == {"position", "stance"}

    # the learning curve, in the same folds: k statements of each motion count as corrected
    curve = outputs[f"learning curve: {small}"]["learning_curve"]
    assert [row["corrected"] for row in curve] == [0, 3, 10]
    none, three, ten = curve
    assert none["statements"] == 16 and three["statements"] == 10  # 2 motions × (8 − 3)
    assert none["position_macro_f1"] == none["position_macro_f1_without"]
    assert 0 <= three["position_macro_f1"] <= 1 and 0 <= three["stance_macro_f1_without"] <= 1
    assert ten["statements"] == 0 and ten["position_macro_f1"] is None  # 8 statements a motion
    printed = evaluate.to_text(list(outputs.items()))
    assert "no motion has more statements" in printed and "position: with (without)" in printed
