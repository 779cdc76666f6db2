"""Leave-one-motion-out evaluation: each motion's statements are coded by a model that never saw it.

For every motion in the gold file, a :class:`PositionModel` is trained on the gold bodies and labels
of all *other* motions and predicts the held-out motion's statements — from the processed tables
(what ingest produced: the realistic case) or from the gold bodies (``text="gold"``, which also
covers scans not yet read); ``text="auto"`` takes the ingested text where the gold names a file
that was read and the gold body otherwise (a set without PDFs). The predictions of all folds
are scored together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.gold import match_gold, motion_key
from analysis.positions.evaluate import (
    Scored,
    gold_id,
    gold_labels,
    gold_sentences,
    statement_motions,
)
from analysis.positions.model import PositionModel
from analysis.positions.semantic import SentenceEncoder


def lomo_predictions(
    gold: list[dict],
    processed: str | Path | None = None,
    text: str = "processed",
    make_model: Callable[[], PositionModel] | None = None,
) -> Scored:
    """Predictions for every gold record, each from a model trained without its motion."""
    if make_model is None:
        encoder = SentenceEncoder()  # one cache for all folds
        make_model = lambda: PositionModel(encoder=encoder)  # noqa: E731
    train_sentences, labels = gold_sentences(gold), gold_labels(gold)
    sentences, test_ids = _test_text(gold, processed, text, train_sentences)
    predictions: list[dict | None] = [None] * len(gold)
    motions = [motion_key(g.get("motion_id")) for g in gold]
    for motion in sorted(set(motions)):
        held = [i for i, m in enumerate(motions) if m == motion]
        train_ids = labels.index[labels["motion"] != motion]
        model = make_model().fit(
            train_sentences[train_sentences["statement_id"].isin(train_ids)], labels.loc[train_ids]
        )
        wanted = {test_ids[i] for i in held if test_ids[i] is not None}
        rows, _ = model.predict(sentences[sentences["statement_id"].isin(wanted)])
        by_id = rows.set_index("statement_id")
        for i in held:
            if test_ids[i] is not None and test_ids[i] in by_id.index:
                predictions[i] = {"motion": motion, **by_id.loc[test_ids[i]].to_dict()}
    return Scored(gold, predictions)


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
