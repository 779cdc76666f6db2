"""Leave-one-motion-out evaluation: each motion's statements are coded by a model that never saw it.

For every motion in the gold file, a :class:`PositionModel` is trained on the gold bodies and labels
of all *other* motions and predicts the held-out motion's statements — from the processed tables
(what ingest produced: the realistic case) or from the gold bodies (``text="gold"``, which also
covers scans not yet read). The predictions of all folds are scored together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.gold import match_gold, motion_key
from analysis.positions.evaluate import Scored, gold_id, gold_labels, gold_sentences
from analysis.positions.model import PositionModel


def lomo_predictions(
    gold: list[dict],
    processed: str | Path | None = None,
    text: str = "processed",
    make_model: Callable[[], PositionModel] = PositionModel,
) -> Scored:
    """Predictions for every gold record, each from a model trained without its motion."""
    train_sentences, labels = gold_sentences(gold), gold_labels(gold)
    if text == "processed":
        statements = pd.read_parquet(Path(processed) / "statements.parquet")
        sentences = pd.read_parquet(Path(processed) / "sentences.parquet")
        test_ids = match_gold(gold, statements)
    else:
        sentences = train_sentences
        test_ids = [gold_id(g) for g in gold]
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
