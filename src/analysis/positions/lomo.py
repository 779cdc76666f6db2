"""Leave-one-motion-out evaluation: each motion's statements are coded by a model that never saw it.

For every motion in the gold file, a :class:`PositionModel` is trained on the gold bodies and labels
of all *other* motions and predicts the held-out motion's statements — from the processed tables
(what ingest produced: the realistic case) or from the gold bodies (``text="gold"``, which also
covers scans not yet read); ``text="auto"`` takes the ingested text where the gold names a file
that was read and the gold body otherwise (a set without PDFs). The predictions of all folds
are scored together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.gold import match_gold, motion_key
from analysis.positions.adapt import adapt_model
from analysis.positions.evaluate import (
    Scored,
    gold_id,
    gold_labels,
    gold_sentences,
    macro_f1,
    statement_motions,
)
from analysis.positions.model import PositionModel
from analysis.positions.semantic import SentenceEncoder


@dataclass(frozen=True)
class Fold:
    """One motion held out: its gold records, the statement id each is coded by, the model
    trained without the motion, and the held-out statements' sentences."""

    motion: str
    held: list[int]
    test_ids: list[str | None]
    model: PositionModel
    sentences: pd.DataFrame


def lomo_folds(
    gold: list[dict],
    processed: str | Path | None = None,
    text: str = "processed",
    make_model: Callable[[], PositionModel] | None = None,
) -> Iterator[Fold]:
    """Every motion of ``gold`` in turn, with a model trained on the gold of all other motions."""
    if make_model is None:
        encoder = SentenceEncoder()  # one cache for all folds
        make_model = lambda: PositionModel(encoder=encoder)  # noqa: E731
    train_sentences, labels = gold_sentences(gold), gold_labels(gold)
    sentences, test_ids = _test_text(gold, processed, text, train_sentences)
    motions = [motion_key(g.get("motion_id")) for g in gold]
    for motion in sorted(set(motions)):
        held = [i for i, m in enumerate(motions) if m == motion]
        train_ids = labels.index[labels["motion"] != motion]
        model = make_model().fit(
            train_sentences[train_sentences["statement_id"].isin(train_ids)], labels.loc[train_ids]
        )
        wanted = {test_ids[i] for i in held if test_ids[i] is not None}
        held_ids = [test_ids[i] for i in held]
        yield Fold(motion, held, held_ids, model, sentences[sentences["statement_id"].isin(wanted)])


def fold_predictions(fold: Fold, model: PositionModel | None = None) -> dict[int, dict]:
    """The held-out records' predictions (by gold index), from ``model`` or the fold's own."""
    rows, _ = (model or fold.model).predict(fold.sentences)
    by_id = rows.set_index("statement_id")
    return {
        i: {"motion": fold.motion, **by_id.loc[sid].to_dict()}
        for i, sid in zip(fold.held, fold.test_ids, strict=True)
        if sid is not None and sid in by_id.index
    }


def lomo_predictions(
    gold: list[dict],
    processed: str | Path | None = None,
    text: str = "processed",
    make_model: Callable[[], PositionModel] | None = None,
) -> Scored:
    """Predictions for every gold record, each from a model trained without its motion."""
    return lomo_evaluation(gold, processed, text, make_model)[0]


def lomo_evaluation(
    gold: list[dict],
    processed: str | Path | None = None,
    text: str = "processed",
    make_model: Callable[[], PositionModel] | None = None,
    corrected: Sequence[int] = (),
    draws: int = 5,
) -> tuple[Scored, LearningCurve]:
    """Leave-one-motion-out predictions and, in the same folds, the learning curve: for each
    number ``k`` in ``corrected`` and each of ``draws`` seeded draws, ``k`` statements of the
    held-out motion count as corrected by an analyst (their gold codes), the model is adapted to
    them (:mod:`analysis.positions.adapt`) and codes the motion's other statements. Motions with
    no more than ``k`` statements have nothing left to code at ``k`` and are left out there."""
    predictions: list[dict | None] = [None] * len(gold)
    curve = LearningCurve(gold, tuple(sorted(set(corrected))), draws)
    for fold in lomo_folds(gold, processed, text, make_model):
        for i, row in fold_predictions(fold).items():
            predictions[i] = row
        curve.add(fold, predictions)
    return Scored(gold, predictions), curve


class LearningCurve:
    """Codes after ``k`` corrected statements per motion, collected fold by fold, beside the
    codes the same statements get without the corrections (the fair baseline: the statements
    left to code change with ``k``)."""

    def __init__(self, gold: list[dict], corrected: tuple[int, ...], draws: int):
        self.gold, self.corrected, self.draws = gold, corrected, draws
        # (k, draw) → gold index → (prediction using the corrections, prediction without)
        self.predictions: dict[tuple[int, int], dict[int, tuple[dict, dict]]] = {}

    def add(self, fold: Fold, plain: list[dict | None]) -> None:
        coded = [i for i, sid in zip(fold.held, fold.test_ids, strict=True) if sid is not None]
        by_index = dict(zip(fold.held, fold.test_ids, strict=True))
        for k in self.corrected:
            for draw in range(self.draws if k else 1):
                got = self.predictions.setdefault((k, draw), {})
                if len(coded) <= k:
                    continue
                if not k:  # nothing corrected: the plain leave-one-motion-out codes
                    got.update({i: (plain[i], plain[i]) for i in coded if plain[i]})
                    continue
                rng = np.random.default_rng([draw, k, *fold.motion.encode()])
                chosen = sorted(rng.choice(coded, size=k, replace=False).tolist())
                rest = [i for i in coded if i not in chosen]
                ids = [by_index[i] for i in chosen]
                left = fold.sentences[~fold.sentences["statement_id"].isin(ids)]
                adapted = fold_predictions(
                    Fold(fold.motion, rest, [by_index[i] for i in rest], fold.model, left),
                    self._adapted(fold, ids, chosen),
                )
                got.update({i: (row, plain[i]) for i, row in adapted.items() if plain[i]})

    def _adapted(self, fold: Fold, ids: list[str], chosen: list[int]) -> PositionModel:
        labels = pd.DataFrame(
            {f: [self.gold[i][f] for i in chosen] for f in ("position", "stance")}, index=ids
        )
        return adapt_model(
            fold.model, fold.sentences[fold.sentences["statement_id"].isin(ids)], labels
        )

    def report(self, records: range) -> list[dict]:
        """Per ``k``: macro-F1 of position and stance on the statements not corrected, with and
        without the corrections (means over the draws), for the gold records in ``records``."""
        rows = []
        for k in self.corrected:
            scores: dict[str, list[float]] = {}
            counts = []
            for draw in range(self.draws if k else 1):
                got = self.predictions.get((k, draw), {})
                keep = [i for i in records if i in got]
                if not keep:
                    continue
                counts.append(len(keep))
                for field in ("position", "stance"):
                    gold = [self.gold[i][field] for i in keep]
                    for j, how in enumerate(("", "_without")):
                        key = f"{field}_macro_f1{how}"
                        pred = [got[i][j][field] for i in keep]
                        scores.setdefault(key, []).append(macro_f1(gold, pred))
            row = {"corrected": k, "statements": int(round(float(np.mean(counts or [0]))))}
            for key in ("position", "stance"):
                for how in ("", "_without"):
                    values = scores.get(f"{key}_macro_f1{how}")
                    row[f"{key}_macro_f1{how}"] = (
                        round(float(np.mean(values)), 4) if values else None
                    )
            rows.append(row)
        return rows


def _test_text(gold, processed, text: str, gold_text: pd.DataFrame):
    """The sentences to code and, per gold record, the statement id to code it by."""
    own = [gold_id(g) for g in gold]
    if text == "gold" or processed is None:
        return gold_text, own
    statements = pd.read_parquet(Path(processed) / "statements.parquet")
    read = pd.read_parquet(Path(processed) / "sentences.parquet")
    read = read.assign(motion=read["statement_id"].map(statement_motions(statements)))
    matched = match_gold(gold, statements)
    if text == "processed":
        return read, matched
    # "auto": what ingest read where the gold names a file it read, else the gold body
    test_ids = [m if m is not None else o for m, o in zip(matched, own, strict=True)]
    return pd.concat([read, gold_text], ignore_index=True), test_ids
