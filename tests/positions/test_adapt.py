"""An analyst's corrections as examples for the rest of their motion (adapt.py), in analyze and
in the learning curve of ``statements evaluate``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.positions.adapt import Exemplars, adapt_model, exemplars, recode_motions
from analysis.positions.run import analyze, analyze_tables

from .conftest import sentences_of, statements_table

MOTION = "BA-7/2025"
# One motion, statements in the voices councils receive; the first two are "corrected".
TEXTS = {
    "c1": "Die Verwaltung hat den Antrag geprüft.\n\nDie Verwaltung empfiehlt, dem Antrag zu "
    "folgen; die Mittel für die Sitzbänke sind im Haushalt 2026 eingeplant.",
    "c2": "Der Seniorenbeirat hat beraten.\n\nWir halten das Anliegen für richtig, es sollte "
    "aber im laufenden Freiraumkonzept behandelt werden, statt gesondert.",
    "o1": "Die Fraktion hat den Antrag beraten.\n\nWir empfehlen, dem Antrag zu folgen; das "
    "Geld für die neuen Bänke steht im Haushalt 2026 bereit.",
    "o2": "Als Anwohnerin schreibe ich Ihnen.\n\nDas Thema gehört in das Freiraumkonzept, das "
    "gerade fortgeschrieben wird, und nicht in einen eigenen Beschluss.",
    "o3": "Der Sportverein grüßt den Rat.\n\nZum Antrag nehmen wir keine Stellung.",
}
CORRECTIONS = pd.DataFrame(
    {
        "statement_id": ["c1", "c2"],
        "position": ["standalone", "integrate"],
        "stance": ["support", "conditional"],
        "note": [None, None],
    }
)


def _sentences() -> pd.DataFrame:
    frame = sentences_of(TEXTS)
    return frame.assign(motion="Mehr Sitzbänke am Marktplatz")


def test_a_statement_leans_to_the_code_whose_exemplar_it_resembles():
    unit = np.eye(3, dtype=np.float32)
    found = Exemplars({"position": {"a": unit[:1], "b": unit[1:2]}}, strength=2.0)
    owners = np.array(["x", "x", "y"])
    vectors = np.stack([unit[0], unit[2], unit[1]])
    shift = found.shift("position", ["a", "b", "c"], pd.Index(["x", "y", "z"]), owners, vectors)
    assert shift[0, 0] > 0 > shift[0, 1]  # x resembles a's exemplar
    assert shift[1, 1] > 0 > shift[1, 0]  # y resembles b's
    assert shift[0, 2] == shift[1, 2] == 0  # no exemplar of c: neither favoured nor penalised
    assert not shift[2].any()  # z has no sentence the semantic part reads


def test_exemplars_are_the_corrected_statements_verdict_sentences(model):
    sentences = _sentences()
    labels = CORRECTIONS.set_index("statement_id")[["position", "stance"]]
    found = exemplars(model, sentences[sentences["statement_id"].isin(["c1", "c2"])], labels)
    assert set(found.vectors["position"]) == {"standalone", "integrate"}
    assert "stance" not in found.vectors  # measured: stance exemplars did not help
    assert all(v.shape == (1, 512) for v in found.vectors["position"].values())


def test_the_adapted_model_moves_towards_the_corrected_codes_and_leaves_the_model_alone(model):
    sentences = _sentences()
    labels = CORRECTIONS.set_index("statement_id")[["position", "stance"]]
    adapted = adapt_model(model, sentences[sentences["statement_id"].isin(["c1", "c2"])], labels)
    assert adapted is not model and model.exemplars_ is None
    others = sentences[sentences["statement_id"].isin(["o1", "o2"])]
    before, _ = model.predict(others)
    after, _ = adapted.predict(others)
    columns = list(model.position_rule_.classes_)
    assert list(before["statement_id"]) == list(after["statement_id"]) == ["o1", "o2"]
    # o1 paraphrases c1 (standalone), o2 paraphrases c2 (integrate): each score moves that way
    moved = after.set_index("statement_id")
    kept = before.set_index("statement_id")
    assert "standalone" in columns and "integrate" in columns
    if kept.at["o1", "position"] == "standalone":
        assert moved.at["o1", "position_score"] >= kept.at["o1", "position_score"]
    assert moved.at["o1", "position"] == "standalone"
    assert moved.at["o2", "position"] == "integrate"


def test_analysis_recodes_only_the_uncorrected_statements_of_the_corrected_motion(model):
    texts = TEXTS | {"x1": "Wir unterstützen den Antrag zum Radweg ausdrücklich."}
    statements = statements_table(texts, motion=MOTION, x1={"motion_ref": "BA-9/2025"})
    sentences = sentences_of(texts)
    plain = analyze_tables(statements, sentences, model=model).positions.set_index("statement_id")
    result = analyze_tables(statements, sentences, model=model, corrections=CORRECTIONS)
    coded = result.positions.set_index("statement_id")
    assert coded["adapted_from"].to_dict() == {"c1": 0, "c2": 0, "o1": 2, "o2": 2, "o3": 2, "x1": 0}
    # the corrected statements keep the machine's own codes (reports compare them fairly)
    for sid in ("c1", "c2", "x1"):
        assert coded.loc[sid, ["position", "position_score"]].equals(
            plain.loc[sid, ["position", "position_score"]]
        )
    assert set(result.arguments["statement_id"]) == set(texts)
    again = analyze_tables(statements, sentences, model=model, corrections=CORRECTIONS)
    pd.testing.assert_frame_equal(result.positions, again.positions)
    pd.testing.assert_frame_equal(result.arguments, again.arguments)


def test_corrections_of_unknown_statements_are_left_out(model):
    sentences = _sentences()
    coded, units = model.predict(sentences)
    motions = dict.fromkeys(TEXTS, "ba-7/2025")
    odd = pd.DataFrame(
        {
            "statement_id": ["c1", "nowhere"],
            "position": ["standalone", "reject"],
            "stance": [None, None],
        }
    )
    recoded, recoded_units = recode_motions(model, sentences, coded, units, odd, motions)
    assert recoded.set_index("statement_id")["adapted_from"].to_dict() == {
        "c1": 0, "c2": 1, "o1": 1, "o2": 1, "o3": 1,
    }  # fmt: skip
    assert len(recoded_units) == len(units)
    untouched, _ = recode_motions(model, sentences, coded, units, None, motions)
    assert (untouched["adapted_from"] == 0).all()


def test_analyze_reads_the_corrections_file_of_the_folder(tmp_path):
    statements = statements_table(TEXTS, motion=MOTION)
    statements.to_parquet(tmp_path / "statements.parquet")
    sentences_of(TEXTS).to_parquet(tmp_path / "sentences.parquet")
    (tmp_path / "corrections.csv").write_text(
        "statement_id;position;stance;note\nc1;standalone;support;geprüft\n", encoding="utf-8"
    )
    analyze(tmp_path)
    coded = pd.read_parquet(tmp_path / "positions.parquet").set_index("statement_id")
    assert coded.loc["o1", "adapted_from"] == 1 and coded.loc["c1", "adapted_from"] == 0


@pytest.mark.parametrize("bad", ["statement;x\n", "statement_id,position\nc1,vielleicht\n"])
def test_a_corrections_file_the_analysis_cannot_use_changes_nothing(tmp_path, bad, capsys):
    statements = statements_table(TEXTS, motion=MOTION)
    statements.to_parquet(tmp_path / "statements.parquet")
    sentences_of(TEXTS).to_parquet(tmp_path / "sentences.parquet")
    (tmp_path / "corrections.csv").write_text(bad, encoding="utf-8")
    analyze(tmp_path)
    coded = pd.read_parquet(tmp_path / "positions.parquet")
    assert (coded["adapted_from"] == 0).all()
    if "statement;x" in bad:
        assert "statement_id fehlt" in capsys.readouterr().err
