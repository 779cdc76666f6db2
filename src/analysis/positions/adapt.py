"""An analyst's corrections as labelled examples for the rest of their motion.

A corrected statement shows how its code reads in the words of this motion. Its *exemplar* is
the sentence the sentence model reads as carrying the corrected code most strongly (among the
sentences the semantic part reads). Every other statement of the motion then leans towards the
position whose exemplars its own sentences resemble most: its log-probabilities are shifted by
``strength × (similarity to the code's exemplars − the mean over the codes with exemplars)``,
so codes without a corrected example are neither favoured nor penalised, and a statement that
resembles all exemplars alike keeps its coding.

Measured leave-one-motion-out (``statements evaluate --lomo --learning-curve``, see
``docs/positions.md``): statements of one motion that repeat each other's arguments (the bundled
sample) are coded better after a few corrections; heterogeneous ones (administration, groups,
chambers and citizens on one motion) keep their accuracy. Refitting the statement classifier
with the corrected statements, or moving its coefficients towards them, did not help.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.corrections import resolve_id

STRENGTH = 1.0  # log-probability shift per unit of cosine similarity
# The position only: stance exemplars lowered stance macro-F1 by up to 0.01 (docs/positions.md).
TARGETS = ("position",)


@dataclass(frozen=True)
class Exemplars:
    """Per target (:data:`TARGETS`) and code the exemplar sentences' embeddings."""

    vectors: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    strength: float = STRENGTH

    def shift(
        self, target: str, classes: list[str], statement_ids: pd.Index, owners, vectors
    ) -> np.ndarray:
        """Per statement (``statement_ids``) and class the shift of the log-probability, from
        the read sentences (``owners``: each sentence's statement id, ``vectors``: their
        embeddings)."""
        out = np.zeros((len(statement_ids), len(classes)))
        codes = self.vectors.get(target, {})
        if not codes or not len(vectors):
            return out
        row = {sid: i for i, sid in enumerate(statement_ids)}
        best = np.full((len(statement_ids), len(codes)), np.nan)
        for j, examples in enumerate(codes.values()):
            similarity = vectors @ examples.T
            frame = pd.DataFrame({"sid": owners, "s": similarity.max(axis=1)})
            for sid, value in frame.groupby("sid", sort=False)["s"].max().items():
                if sid in row:
                    best[row[sid], j] = value
        known = ~np.isnan(best).any(axis=1)
        centred = best[known] - best[known].mean(axis=1, keepdims=True)
        for j, code in enumerate(codes):
            if code in classes:
                out[known, classes.index(code)] = self.strength * centred[:, j]
        return out


def exemplars(model, sentences: pd.DataFrame, labels: pd.DataFrame) -> Exemplars:
    """The exemplar sentences of the corrected statements in ``sentences`` (``labels``: their
    ``position`` and ``stance`` by statement id, either may be missing)."""
    if model.semantic_ is None:
        return Exemplars()
    df, _, weights = model.features_.sentences(sentences)
    if df.empty:
        return Exemplars()
    rows, vectors, _ = model._semantic_inputs(df, weights)
    owners = df["statement_id"].to_numpy()[rows]
    found: dict[str, dict[str, list[np.ndarray]]] = {}
    for target in TARGETS:
        probs = model.semantic_.sentence_probabilities(vectors, target)
        given = labels.get(target, pd.Series(dtype=object)).dropna()
        for sid, code in sorted(given.items()):
            mine = np.flatnonzero(owners == sid)
            if code not in probs.columns or not len(mine):
                continue
            best = mine[int(np.argmax(probs[code].to_numpy()[mine]))]
            found.setdefault(target, {}).setdefault(code, []).append(vectors[best])
    return Exemplars(
        {t: {c: np.stack(v) for c, v in sorted(codes.items())} for t, codes in found.items()}
    )


def adapt_model(model, sentences: pd.DataFrame, labels: pd.DataFrame):
    """A copy of the position model that codes with the corrected statements (their
    ``sentences`` and ``labels``) as exemplars; the model itself when it has no sentence model."""
    found = exemplars(model, sentences, labels)
    if not found.vectors:
        return model
    adapted = copy.copy(model)
    adapted.exemplars_ = found
    return adapted


def recode_motions(
    model,
    sentences: pd.DataFrame,
    coded: pd.DataFrame,
    units: pd.DataFrame,
    corrections: pd.DataFrame | None,
    motions: dict[str, str | None],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Code again, per motion, the statements an analyst did not correct, with the model adapted
    to the corrected ones of that motion (``motions``: statement id → motion key; statements
    without a motion are left as coded). ``coded`` gains ``adapted_from``: how many corrected
    statements the coding of that row learnt from (0: the trained model alone). The corrected
    statements keep the trained model's codes, so agreement with the corrections stays a fair
    measure."""
    coded = coded.assign(adapted_from=0)
    if corrections is None or corrections.empty or model.semantic_ is None:
        return coded, units
    known = set(coded["statement_id"])
    labels = corrections.assign(
        statement_id=[resolve_id(s, known) for s in corrections["statement_id"]]
    )
    labels = labels[labels["statement_id"].isin(known)].drop_duplicates("statement_id", keep="last")
    labels = labels.set_index("statement_id")[["position", "stance"]]
    by_motion: dict[str, list[str]] = {}
    for sid in labels.index:
        if motions.get(sid):
            by_motion.setdefault(motions[sid], []).append(sid)
    for motion, corrected in sorted(by_motion.items()):
        others = [
            s for s in coded["statement_id"] if motions.get(s) == motion and s not in labels.index
        ]
        mine = sentences[sentences["statement_id"].isin(others)]
        if mine.empty:
            continue
        own = sentences[sentences["statement_id"].isin(corrected)]
        adapted = adapt_model(model, own, labels.loc[sorted(corrected)])
        if adapted is model:
            continue  # no code the model knows among the corrections
        new_coded, new_units = adapted.predict(mine)
        rows = coded["statement_id"].isin(new_coded["statement_id"]).to_numpy()
        replaced = coded.loc[rows, ["statement_id"]].merge(new_coded, on="statement_id", how="left")
        for column in new_coded.columns:
            coded.loc[rows, column] = pd.Series(list(replaced[column]), index=coded.index[rows])
        coded.loc[rows, "adapted_from"] = len(corrected)
        mask = units["statement_id"].isin(others).to_numpy()
        units = pd.concat([units[~mask], new_units.set_axis(units.index[mask])]).sort_index()
    return coded, units
