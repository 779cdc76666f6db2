"""Position and stance of each statement, with scored evidence sentences.

Three steps, each an estimator in the scikit-learn mould:

1. :class:`~analysis.positions.features.SentenceFeatures` turns every sentence into codebook cue
   activations (negation-aware, quotations masked) and context features.
2. :class:`StatementFeatures` weighs each sentence by where and how it speaks — late in the letter,
   as the writer's own recommendation or conclusion weighs more; reported speech, quoted motion text
   and questions weigh less — and sums and maxes the weighted activations per statement.
3. :class:`StatementClassifier` maps those per-statement features to a position and a stance: a
   multinomial logistic regression when trained (the shipped default is trained on the dev corpus,
   see ``docs/positions.md``), otherwise a transparent rule over the codebook's own codes, so a
   user's codebook works without training data.

Evidence is the sentences whose cues carry the chosen position and stance, best first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.linear_model import LogisticRegression

from analysis.positions.codebook import STANCES, Codebook
from analysis.positions.features import SentenceFeatures, add_context

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "generic-de.json"
_WEIGHT_FEATURES = (
    "signals.recommend",
    "signals.conclusion",
    "signals.first_person",
    "signals.attribution",
)
_AGG_PREFIXES = (
    "positions.",
    "stances.",
    "signals.duplication",
    "signals.goal_shared",
    "signals.settled",
)


@dataclass(frozen=True)
class Weighting:
    """How much a sentence counts: verdicts come late and in the writer's own voice."""

    late: float = 1.0  # added at the last sentence, scaled by relative position
    recommend: float = 0.5
    conclusion: float = 0.5
    first_person: float = 0.3
    attribution: float = 0.6  # subtracted for reported speech and descriptions of the motion
    quotation: float = 1.0  # subtracted in proportion to quoted (masked) text
    question: float = 0.5
    floor: float = 0.2

    def apply(self, X: np.ndarray, names: Sequence[str]) -> np.ndarray:
        zero = np.zeros(X.shape[0])
        col = {n: X[:, i] for i, n in enumerate(names)}
        col = {k: col.get(k, zero) for k in (*col, *_WEIGHT_FEATURES)}
        w = (
            1.0
            + self.late * col["context.rel_pos"]
            + self.recommend * (col["signals.recommend"] > 0)
            + self.conclusion * (col["signals.conclusion"] > 0)
            + self.first_person * (col["signals.first_person"] > 0)
            - self.attribution * (col["signals.attribution"] >= 1)
            - self.quotation * col["context.quote_share"]
            - self.question * col["context.question"]
        )
        return np.maximum(w, self.floor)


def sentence_scores(X: np.ndarray, names: Sequence[str], codes: Sequence[str], section: str):
    """Per sentence and code: weighted cue activation minus negated activation (≥ 0)."""
    idx = {n: i for i, n in enumerate(names)}
    out = np.zeros((X.shape[0], len(codes)))
    for j, code in enumerate(codes):
        out[:, j] = X[:, idx[f"{section}.{code}"]] - 0.5 * X[:, idx[f"{section}.{code}:neg"]]
    return np.maximum(out, 0.0)


class StatementFeatures(TransformerMixin, BaseEstimator):
    """Sentences → one row per statement: weighted sums and maxima of the cue activations.

    ``transform`` takes the sentences DataFrame (``statement_id``, ``paragraph_no``,
    ``sentence_no``, ``text``) and returns a DataFrame indexed by sorted ``statement_id``.
    """

    def __init__(self, codebook: Codebook | str | None = None, weighting: Weighting | None = None):
        self.codebook = codebook
        self.weighting = weighting

    def fit(self, X: pd.DataFrame, y=None) -> StatementFeatures:
        self.sentence_features_ = SentenceFeatures(self.codebook).fit(X)
        names = list(self.sentence_features_.get_feature_names_out())
        self.groups_ = [n for n in names if n.startswith(_AGG_PREFIXES)]
        self.feature_names_ = [f"{g}|{a}" for g in self.groups_ for a in ("sum", "max")]
        return self

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.asarray(self.feature_names_, dtype=object)

    def sentences(self, X: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """Sentences in statement order with their cue features and weights."""
        df = add_context(X)
        feats = self.sentence_features_.transform(df)
        names = list(self.sentence_features_.get_feature_names_out())
        weights = (self.weighting or Weighting()).apply(feats, names)
        return df, feats, weights

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        df, feats, weights = self.sentences(X)
        return self.aggregate(df, feats, weights)

    def aggregate(self, df: pd.DataFrame, feats: np.ndarray, weights: np.ndarray) -> pd.DataFrame:
        names = list(self.sentence_features_.get_feature_names_out())
        cols = [names.index(g) for g in self.groups_]
        weighted = pd.DataFrame(feats[:, cols] * weights[:, None], columns=self.groups_)
        weighted["statement_id"] = df["statement_id"].to_numpy()
        grouped = weighted.groupby("statement_id", sort=True)
        sums = np.log1p(grouped.sum())
        maxima = grouped.max()
        out = pd.concat([sums.add_suffix("|sum"), maxima.add_suffix("|max")], axis=1)
        return out[self.feature_names_]


class StatementClassifier(ClassifierMixin, BaseEstimator):
    """Per-statement features → a label: logistic regression, or a cue rule when untrained.

    Parameters
    ----------
    target : "position" or "stance"
    C : inverse regularisation strength of the logistic regression.
    random_state : seed for the solver (lbfgs is deterministic; kept for the estimator contract).
    """

    def __init__(self, target: str = "position", C: float = 0.1, random_state: int = 0):
        self.target = target
        self.C = C
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y: Sequence[str], sample_weight=None) -> StatementClassifier:
        self.model_ = LogisticRegression(
            C=self.C, max_iter=5000, class_weight="balanced", random_state=self.random_state
        ).fit(X.to_numpy(dtype=float), np.asarray(y), sample_weight=sample_weight)
        self.classes_ = self.model_.classes_
        self.feature_names_in_ = np.asarray(X.columns, dtype=object)
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        return self.model_.predict_proba(X[list(self.feature_names_in_)].to_numpy(dtype=float))

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def to_dict(self) -> dict:
        return {
            "target": self.target,
            "C": self.C,
            "classes": [str(c) for c in self.classes_],
            "features": [str(f) for f in self.feature_names_in_],
            "coef": np.round(self.model_.coef_, 8).tolist(),
            "intercept": np.round(self.model_.intercept_, 8).tolist(),
        }

    @classmethod
    def from_dict(cls, data: dict) -> StatementClassifier:
        est = cls(target=data["target"], C=data["C"])
        model = LogisticRegression(C=data["C"])
        model.classes_ = np.asarray(data["classes"], dtype=object)
        model.coef_ = np.asarray(data["coef"], dtype=float)
        model.intercept_ = np.asarray(data["intercept"], dtype=float)
        model.n_features_in_ = len(data["features"])
        est.model_, est.classes_ = model, model.classes_
        est.feature_names_in_ = np.asarray(data["features"], dtype=object)
        return est


class CueRule(ClassifierMixin, BaseEstimator):
    """Untrained decision for any codebook, from the weighted cue mass per statement.

    Position: the code with the largest ``positions.<code>|sum`` (negated cues of the other codes
    count half); a plain yes or no to the motion counts for the position that implies that
    stance (``implied_share`` of the verdict's mass: "we support the motion" is a vote for the
    proposed thing); the codebook's fallback code when no code reaches ``threshold``.
    Stance (given the positions): an explicit verdict decides — opposing cues (``lehnen … ab``,
    negated support) beat supporting ones; support with conditions is conditional — and without a
    verdict the stance the codebook gives the position (``stance:``) applies.
    """

    def __init__(
        self,
        codebook: Codebook,
        target: str = "position",
        threshold: float = 0.5,
        verdict: float = 0.6,
        sharpness: float = 3.0,
        implied_share: float = 0.9,
    ):
        self.codebook = codebook
        self.target = target
        self.threshold = threshold
        self.verdict = verdict
        self.sharpness = sharpness
        self.implied_share = implied_share

    def fit(self, X=None, y=None) -> CueRule:
        codes = self.codebook.position_codes if self.target == "position" else list(STANCES)
        self.classes_ = np.asarray(codes, dtype=object)
        self._implied = {c.name: c.stance for c in self.codebook.positions}
        return self

    def predict_proba(self, X: pd.DataFrame, positions: Sequence[str] | None = None) -> np.ndarray:
        mass = (
            self._position_mass(X) if self.target == "position" else self._stance_mass(X, positions)
        )
        mass = np.exp(self.sharpness * (mass - mass.max(axis=1, keepdims=True)))
        return mass / mass.sum(axis=1, keepdims=True)

    def _position_mass(self, X: pd.DataFrame) -> np.ndarray:
        codes = list(self.classes_)

        def get(name: str) -> np.ndarray:
            return X.get(name, pd.Series(0.0, index=X.index)).to_numpy(float)

        mass = np.column_stack([get(f"positions.{c}|sum") for c in codes])
        for j, c in enumerate(codes):
            others = sum(get(f"positions.{o}:neg|sum") for o in codes if o != c)
            mass[:, j] += 0.5 * others - 0.5 * get(f"positions.{c}:neg|sum")
        # A verdict on the motion without words for a position: a yes means the proposed thing
        # (the position whose implied stance is support), a no the position that opposes it.
        stance = {name: X.get(f"stances.{name}|sum", pd.Series(0.0, index=X.index)).to_numpy(float)
                  for name in ("support", "oppose", "support:neg", "oppose:neg")}  # fmt: skip
        verdicts = {
            "support": stance["support"] + stance["oppose:neg"] - stance["oppose"],
            "oppose": stance["oppose"] + stance["support:neg"] - stance["support"],
        }
        for verdict, strength in verdicts.items():
            implied = [j for j, c in enumerate(codes) if self._implied.get(c) == verdict]
            if len(implied) == 1:
                j = implied[0]
                mass[:, j] = np.maximum(mass[:, j], self.implied_share * strength)
        fallback = codes.index(self.codebook.fallback_position)
        mass[:, fallback] = np.maximum(mass[:, fallback], self.threshold)
        return mass

    def _stance_mass(self, X: pd.DataFrame, positions: Sequence[str] | None) -> np.ndarray:
        def get(name: str) -> np.ndarray:
            return X.get(f"stances.{name}|sum", pd.Series(0.0, index=X.index)).to_numpy(float)

        support = get("support") + get("oppose:neg")
        oppose = get("oppose") + get("support:neg")
        cond, neutral = get("conditional"), get("neutral")
        implied = {c.name: c.stance for c in self.codebook.positions}
        fallback = self.codebook.fallback_position
        positions = positions if positions is not None else [fallback] * len(X)
        stances = list(STANCES)
        mass = np.zeros((len(X), len(stances)))
        for i, pos in enumerate(positions):
            if oppose[i] >= self.verdict and oppose[i] >= support[i]:
                choice = "oppose"
            elif support[i] >= self.verdict:
                choice = "conditional" if cond[i] >= self.verdict else "support"
            elif pos == fallback or neutral[i] >= self.verdict:
                choice = "neutral"
            else:
                choice = implied.get(pos) or ("conditional" if cond[i] > 0 else "neutral")
                if choice == "support" and cond[i] >= self.verdict:
                    choice = "conditional"  # conditions without an explicit yes
            mass[i, stances.index(choice)] = 1.0
        return mass

    def predict(self, X: pd.DataFrame, positions: Sequence[str] | None = None) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X, positions), axis=1)]


@dataclass(frozen=True)
class Evidence:
    """How evidence sentences are chosen."""

    max_sentences: int = 3
    min_score: float = 0.3
    stance_share: float = 0.8  # weight of stance cues relative to position cues
    semantic_share: float = 1.0  # weight of the sentence model's probabilities beside the cues
