"""Agreement of the machine's codes with a person's (gold) coding: accuracy, Cohen's κ, confusion.

Small on purpose: the report shows agreement for one motion; the full evaluation with intervals
belongs to ``analysis.positions.evaluate`` and reaches the report through ``evaluation.json``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd


def with_gold(coded: pd.DataFrame, gold: pd.DataFrame | None) -> pd.DataFrame:
    """Coded statements that have a human code, joined on the PDF's file name.

    Columns ``gold_position`` and ``gold_stance`` are added; statements without gold are left out.
    """
    if gold is None or gold.empty:
        return coded.iloc[0:0].assign(gold_position=None, gold_stance=None)
    names = coded["source_file"].map(lambda f: Path(f).name)
    human = gold.drop_duplicates("file_name").set_index("file_name")
    matched = coded[names.isin(human.index)].copy()
    keys = names[names.isin(human.index)]
    matched["gold_position"] = keys.map(human["position"]).to_numpy()
    matched["gold_stance"] = keys.map(human["stance"]).to_numpy()
    return matched.reset_index(drop=True)


def agreement(machine: pd.Series, human: pd.Series) -> dict[str, float | int | None]:
    """``n``, ``accuracy`` and Cohen's ``kappa`` (``None`` when chance agreement is total)."""
    pairs = pd.DataFrame({"m": machine.to_numpy(), "h": human.to_numpy()}).dropna()
    n = len(pairs)
    if n == 0:
        return {"n": 0, "accuracy": None, "kappa": None}
    observed = float((pairs["m"] == pairs["h"]).mean())
    m_share = pairs["m"].value_counts(normalize=True)
    h_share = pairs["h"].value_counts(normalize=True)
    expected = float(sum(m_share.get(c, 0.0) * h_share.get(c, 0.0) for c in h_share.index))
    kappa = None if expected >= 1.0 else (observed - expected) / (1.0 - expected)
    return {"n": n, "accuracy": observed, "kappa": kappa}


def confusion(machine: pd.Series, human: pd.Series, order: Iterable[str]) -> pd.DataFrame:
    """Counts with the human code as rows and the machine's as columns, in ``order``."""
    order = list(order)
    table = pd.crosstab(
        pd.Categorical(human.to_numpy(), categories=order),
        pd.Categorical(machine.to_numpy(), categories=order),
        dropna=False,
    )
    table.index, table.columns = order, order
    return table.astype(int)
