"""The position model: codebook features, statement classifiers, evidence and concerns together.

``PositionModel.fit(sentences, labels)`` trains on coded statements; ``predict(sentences)`` returns
one row per statement (position, stance, scores, evidence, concerns) and one row per sentence (the
argument units with their code scores). ``save``/``load`` keep a trained model as readable JSON
(feature names and coefficients), so the shipped default needs no pickles and no downloads.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from analysis.positions.classify import (
    DEFAULT_MODEL,
    CueRule,
    Evidence,
    StatementClassifier,
    StatementFeatures,
    Weighting,
)
from analysis.positions.codebook import STANCES, Codebook, load_codebook
from analysis.positions.semantic import NONE, SemanticScorer, SentenceEncoder, evidence_flags

_STANCE_CUES = {
    "support": (("support", 1.0), ("oppose:neg", 1.0)),
    "oppose": (("oppose", 1.0), ("support:neg", 1.0)),
    "conditional": (("conditional", 1.0),),
    "neutral": (("neutral", 1.0),),
}


def codebook_fingerprint(codebook: Codebook) -> str:
    """A hash of the codebook file's cue patterns: a trained model only fits the codebook it saw."""
    text = json.dumps(
        [(c.section, c.name, [q.pattern for q in c.cues]) for c in codebook.groups()],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class PositionModel(BaseEstimator):
    """Position, stance, evidence and concerns for statements given as sentences.

    Parameters
    ----------
    codebook : Codebook, path or None (the shipped generic codebook)
    C_position, C_stance : regularisation of the two logistic regressions
    weighting : how sentences are weighted (see :class:`Weighting`)
    evidence : how evidence sentences are picked (see :class:`Evidence`)
    concern_min_hits : cue hits a statement needs before a concern is coded
    rule_weight : share of the codebook's cue rule in the blended position probabilities (the
        rest is the trained logistic regression); 1 means rules only
    stance_rule_weight : the same for the stance (``None``: as ``rule_weight``)
    semantic : add the sentence-embedding features of :mod:`analysis.positions.semantic`
        (trained from the coders' evidence sentences)
    semantic_sentences : how many sentences of a statement the semantic part reads (those that
        weigh most), which bounds the cost of the sentence encoder
    encoder : the sentence encoder (shared between models to share its cache)
    bare_weight : weight of the "bare" copies added in training: each statement without its
        cue-bearing and evidence sentences, coded with the fallback position and neutral stance,
        so that a statement without any verdict is not forced into a position (0, the default,
        turns this off: measured leave-one-motion-out, the copies taught the semantic features
        that verdicts the cues miss mean "unclear")
    random_state : seed (the solver is deterministic; kept for the estimator contract)
    """

    def __init__(
        self,
        codebook: Codebook | str | None = None,
        C_position: float = 0.5,
        C_stance: float = 0.3,
        weighting: Weighting | None = None,
        evidence: Evidence | None = None,
        concern_min_hits: int = 2,
        rule_weight: float = 0.3,
        stance_rule_weight: float | None = 0.0,
        bare_weight: float = 0.0,
        semantic: bool = True,
        semantic_sentences: int = 5,
        encoder: SentenceEncoder | None = None,
        random_state: int = 0,
    ):
        self.codebook = codebook
        self.C_position = C_position
        self.C_stance = C_stance
        self.weighting = weighting
        self.evidence = evidence
        self.concern_min_hits = concern_min_hits
        self.rule_weight = rule_weight
        self.stance_rule_weight = stance_rule_weight
        self.bare_weight = bare_weight
        self.semantic = semantic
        self.semantic_sentences = semantic_sentences
        self.encoder = encoder
        self.random_state = random_state

    # ------------------------------------------------------------------ training
    def _setup(self) -> None:
        cb = self.codebook
        self.codebook_ = cb if isinstance(cb, Codebook) else load_codebook(cb)
        self.features_ = StatementFeatures(self.codebook_, self.weighting).fit(pd.DataFrame())
        self.position_rule_ = CueRule(self.codebook_, "position").fit()
        self.stance_rule_ = CueRule(self.codebook_, "stance").fit()
        self.encoder_ = self.encoder or SentenceEncoder()
        self.semantic_ = None
        self.exemplars_ = None  # an analyst's corrections of the motion (see adapt.py)

    def fit(self, sentences: pd.DataFrame, labels: pd.DataFrame) -> PositionModel:
        """Train on coded statements: ``labels`` is indexed by statement_id, with ``position``
        and ``stance`` columns (and ``evidence``, the coders' sentences, for the semantic part).
        ``sentences`` may carry a ``motion`` column: the motion's title and the subject line."""
        self._setup()
        df, feats, weights = self.features_.sentences(sentences)
        if self.semantic:
            self._fit_semantic(df, weights, labels)
        X = self._statement_features(df, feats, weights)
        y = labels.reindex(X.index)[["position", "stance"]].dropna()
        X, w = X.loc[y.index], np.ones(len(y))
        if self.bare_weight > 0:
            bare_X, bare_y = self._bare(df, feats, weights, self._evidence(df, labels))
            X, y = pd.concat([X, bare_X]), pd.concat([y, bare_y])
            w = np.concatenate([w, np.full(len(bare_y), self.bare_weight)])
        self.position_ = StatementClassifier("position", self.C_position, self.random_state)
        self.position_.fit(X, y["position"], sample_weight=w)
        self.stance_ = StatementClassifier("stance", self.C_stance, self.random_state)
        self.stance_.fit(X, y["stance"], sample_weight=w)
        return self

    def _fit_semantic(self, df: pd.DataFrame, weights: np.ndarray, labels: pd.DataFrame) -> None:
        """The sentence-level model: the coders' evidence sentences carry their statement's
        codes, every other sentence ``none``."""
        coded = df["statement_id"].isin(labels.index).to_numpy()
        df, flags = df[coded], self._evidence(df, labels)[coded]
        targets = {
            t: np.where(flags, df["statement_id"].map(labels[t]).to_numpy(dtype=object), NONE)
            for t in SemanticScorer.TARGETS
        }
        if not flags.any():
            return  # no evidence to learn from: cues only
        vectors = self.encoder_.encode(df["text"])
        self.semantic_ = SemanticScorer(random_state=self.random_state).fit(vectors, targets)

    def semantic_activation(self, df: pd.DataFrame, weights: np.ndarray, inputs=None) -> dict:
        """Per target and code, how strongly each sentence carries it by its meaning (the
        sentence model's probability, weighted like the semantic features); empty without a
        semantic part. Added to the cue activation, it scores argument units and evidence."""
        if self.semantic_ is None or df.empty:
            return {}
        rows, vectors, weights = inputs or self._semantic_inputs(df, weights)
        share = (self.evidence or Evidence()).semantic_share
        out: dict = {}
        for target in SemanticScorer.TARGETS:
            probs = self.semantic_.verdicts(vectors, target)
            out[target] = {}
            for code in probs.columns:
                values = np.zeros(len(df))
                values[rows] = share * probs[code].to_numpy() * weights
                out[target][code] = values
        return out

    @staticmethod
    def _evidence(df: pd.DataFrame, labels: pd.DataFrame) -> np.ndarray:
        """Which sentences the coders chose as evidence (none when the labels name none)."""
        if "evidence" not in labels:
            return np.zeros(len(df), dtype=bool)
        return evidence_flags(df, labels["evidence"].to_dict())

    def _statement_features(
        self, df: pd.DataFrame, feats: np.ndarray, weights: np.ndarray, inputs=None
    ):
        """Cue features per statement, and the semantic ones when the model has them
        (``inputs``: :meth:`_semantic_inputs` of these sentences, when already computed)."""
        X = self.features_.aggregate(df, feats, weights)
        if self.semantic_ is None:
            return X
        rows, vectors, weights = inputs or self._semantic_inputs(df, weights)
        ids = df["statement_id"].to_numpy()[rows]
        semantic = self.semantic_.statement_features(ids, vectors, weights)
        return X.join(semantic.reindex(X.index).fillna(0.0))

    def _semantic_inputs(self, df: pd.DataFrame, weights: np.ndarray):
        """The sentences the semantic part reads — per statement the ``semantic_sentences`` that
        weigh most (verdicts come late and in the writer's own voice), so that the encoder's cost
        is bounded per statement — with their embeddings and semantic weights."""
        frame = pd.DataFrame(
            {"sid": df["statement_id"].to_numpy(), "w": weights, "pos": np.arange(len(df))}
        )
        frame = frame.sort_values(["sid", "w", "pos"], ascending=[True, False, False])
        chosen = frame.groupby("sid", sort=False).head(self.semantic_sentences)["pos"]
        rows = np.sort(chosen.to_numpy())
        picked = df.iloc[rows]
        vectors = self.encoder_.encode(picked["text"])
        motion = self._motion_vectors(picked)
        return rows, vectors, self.semantic_.sentence_weights(weights[rows], vectors, motion)

    def _motion_vectors(self, df: pd.DataFrame) -> np.ndarray:
        """Each sentence's motion (title and subject line) embedded; zeros where unknown."""
        if "motion" not in df:
            return np.zeros((len(df), self.encoder_.encode([""]).shape[1]), dtype=np.float32)
        motions = df["motion"].fillna("").astype(str)
        vectors = self.encoder_.encode(motions)
        vectors[(motions == "").to_numpy()] = 0.0
        return vectors

    def _bare(self, df: pd.DataFrame, feats: np.ndarray, weights: np.ndarray, evidence):
        """Each statement without its verdict — the sentences with position or stance cues and
        those the coders chose as evidence — coded as no verdict."""
        names = self.features_.sentence_features_.get_feature_names_out()
        verdict = np.array([n.startswith(("positions.", "stances.")) for n in names])
        keep = ~(feats[:, verdict] > 0).any(axis=1) & ~evidence
        bare = df[keep].assign(statement_id=df["statement_id"][keep] + "#bare")
        X = self._statement_features(bare, feats[keep], weights[keep])
        y = pd.DataFrame(
            {"position": self.codebook_.fallback_position, "stance": "neutral"}, index=X.index
        )
        return X, y

    def fit_rules(self) -> PositionModel:
        """No training data: decide by the codebook's cues alone."""
        self._setup()
        self.position_ = self.stance_ = None
        return self

    def _blend(self, learned, rule: np.ndarray, share: float, shift=None) -> np.ndarray:
        """Rule probabilities, blended with the trained model's where there is one, then shifted
        in log space by ``shift(classes)`` (the exemplars of an analyst's corrections)."""
        if learned is not None:
            probs = learned.predict_proba(self._X)
            aligned = pd.DataFrame(probs, columns=learned.classes_)
            aligned = aligned.reindex(columns=self._classes, fill_value=0.0).to_numpy()
            rule = share * rule + (1 - share) * aligned
        if shift is None:
            return rule
        logits = np.log(np.maximum(rule, 1e-12)) + shift(self._classes)
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)

    def decide(
        self, X: pd.DataFrame, shifts=None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Position and stance per statement row of ``X``, with their blended probabilities;
        ``shifts(target, classes)`` moves them towards an analyst's corrections."""
        shift = {t: shifts and functools.partial(shifts, t) for t in SemanticScorer.TARGETS}
        self._X, self._classes = X, list(self.position_rule_.classes_)
        rule = self.position_rule_.predict_proba(X)
        p_pos = self._blend(self.position_, rule, self.rule_weight, shift["position"])
        positions = self.position_rule_.classes_[p_pos.argmax(1)]
        self._classes = list(self.stance_rule_.classes_)
        stance_share = (
            self.rule_weight if self.stance_rule_weight is None else self.stance_rule_weight
        )
        rule = self.stance_rule_.predict_proba(X, positions)
        p_st = self._blend(self.stance_, rule, stance_share, shift["stance"])
        del self._X, self._classes
        return positions, p_pos, self.stance_rule_.classes_[p_st.argmax(1)], p_st

    # ------------------------------------------------------------------ prediction
    def predict(self, sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """→ (one row per statement, one row per sentence)."""
        df, feats, weights = self.features_.sentences(sentences)
        # The sentences the semantic part reads, chosen and embedded once for features and units.
        inputs = self._semantic_inputs(df, weights) if self.semantic_ and len(df) else None
        X = self._statement_features(df, feats, weights, inputs)
        semantic = self.semantic_activation(df, weights, inputs)
        if X.empty:
            none = pd.Series(dtype=object)
            return _empty_statements(), _units(df, feats, weights, self, none, semantic)
        shifts = None
        if self.exemplars_ is not None and inputs is not None:
            rows, vectors, _ = inputs
            owners = df["statement_id"].to_numpy()[rows]
            shifts = lambda target, classes: self.exemplars_.shift(  # noqa: E731
                target, classes, X.index, owners, vectors
            )
        positions, p_pos, stances, p_st = self.decide(X, shifts)
        statements = pd.DataFrame(
            {
                "statement_id": X.index.to_numpy(),
                "position": positions,
                "position_score": p_pos.max(1).round(6),
                "stance": stances,
                "stance_score": p_st.max(1).round(6),
            }
        )
        units = _units(df, feats, weights, self, statements.set_index("statement_id"), semantic)
        picked = units[units["evidence_rank"].notna()].sort_values(
            ["statement_id", "evidence_rank"], kind="stable"
        )
        evidence = picked.groupby("statement_id", sort=False)["text"].agg(list)
        statements["evidence"] = statements["statement_id"].map(evidence)
        statements["evidence"] = statements["evidence"].map(
            lambda e: e if isinstance(e, list) else []
        )
        statements["concerns"] = statements["statement_id"].map(self._concerns(units))
        return statements, units

    def _concerns(self, units: pd.DataFrame) -> pd.Series:
        exploded = units[["statement_id", "concerns"]].explode("concerns").dropna()
        counts = exploded.groupby(["statement_id", "concerns"]).size()
        kept = counts[counts >= self.concern_min_hits].reset_index()
        order = {c: i for i, c in enumerate(self.codebook_.concern_codes)}
        kept["o"] = kept["concerns"].map(order)
        out = kept.sort_values(["statement_id", "o"]).groupby("statement_id")["concerns"].agg(list)
        return out.reindex(units["statement_id"].unique()).map(
            lambda v: v if isinstance(v, list) else []
        )

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> Path:
        data = {
            "codebook": self.codebook_.name,
            "codebook_fingerprint": codebook_fingerprint(self.codebook_),
            "weighting": asdict(self.weighting or Weighting()),
            "rule_weight": self.rule_weight,
            "stance_rule_weight": self.stance_rule_weight,
            "position": self.position_.to_dict() if self.position_ else None,
            "stance": self.stance_.to_dict() if self.stance_ else None,
            "semantic": self.semantic_.to_dict() if self.semantic_ else None,
            "semantic_sentences": self.semantic_sentences,
        }
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL, codebook: Codebook | None = None):
        """A saved model; ``None`` when it was trained on another codebook than ``codebook``."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        codebook = codebook or load_codebook()
        if data["codebook_fingerprint"] != codebook_fingerprint(codebook):
            return None
        model = cls(
            codebook=codebook,
            weighting=Weighting(**data["weighting"]),
            rule_weight=data["rule_weight"],
            stance_rule_weight=data.get("stance_rule_weight"),
            semantic=data.get("semantic") is not None,
            semantic_sentences=data["semantic_sentences"],
        )
        model._setup()
        model.position_ = data["position"] and StatementClassifier.from_dict(data["position"])
        model.stance_ = data["stance"] and StatementClassifier.from_dict(data["stance"])
        if data.get("semantic"):
            model.semantic_ = SemanticScorer.from_dict(data["semantic"])
        return model


def default_model(codebook: Codebook | None = None) -> PositionModel:
    """The shipped trained model for the generic codebook, else cue rules for ``codebook``."""
    codebook = codebook or load_codebook()
    model = PositionModel.load(DEFAULT_MODEL, codebook) if DEFAULT_MODEL.exists() else None
    return model or PositionModel(codebook=codebook).fit_rules()


def _empty_statements() -> pd.DataFrame:
    cols = ["statement_id", "position", "position_score", "stance", "stance_score"]
    out = pd.DataFrame({c: pd.Series(dtype=float if "score" in c else object) for c in cols})
    out["evidence"] = pd.Series(dtype=object)
    out["concerns"] = pd.Series(dtype=object)
    return out


def _units(
    df, feats, weights, model: PositionModel, statements: pd.DataFrame, semantic: dict
) -> pd.DataFrame:
    """The per-sentence table: code scores (cues and ``semantic`` activation), stance cue,
    concerns, evidence rank."""
    names = list(model.features_.sentence_features_.get_feature_names_out())
    idx = {n: i for i, n in enumerate(names)}
    codes = model.codebook_.position_codes
    units = df[["statement_id", "paragraph_no", "sentence_no", "text", "page"]].copy()
    act = {}
    for c in codes:
        own = feats[:, idx[f"positions.{c}"]] - 0.5 * feats[:, idx[f"positions.{c}:neg"]]
        others = sum(feats[:, idx[f"positions.{o}:neg"]] for o in codes if o != c)
        act[c] = np.maximum(own + 0.5 * others, 0.0) * weights
    stance_act = {}
    for s in STANCES:
        keys = [(f"stances.{k}", w) for k, w in _STANCE_CUES[s] if f"stances.{k}" in idx]
        stance_act[s] = (
            sum(feats[:, idx[k]] * w for k, w in keys) * weights if keys else 0 * weights
        )
    for section, activation in semantic.items():
        target = act if section == "position" else stance_act
        for code, values in activation.items():
            if code in target:
                target[code] = target[code] + values
    for c in codes:
        units[f"score_{c}"] = (1 - np.exp(-act[c])).round(6)
    stance_matrix = np.column_stack([stance_act[s] for s in STANCES])
    best = stance_matrix.argmax(1)
    units["stance_cue"] = np.where(stance_matrix.max(1) > 0, np.asarray(STANCES)[best], None)
    units["stance_cue_score"] = (1 - np.exp(-stance_matrix.max(1))).round(6)
    units["concerns"] = _sentence_concerns(feats, idx, model.codebook_)
    units["evidence_rank"] = _evidence_ranks(units, act, stance_act, statements, model)
    units["is_evidence"] = units["evidence_rank"].notna()
    return units


def _sentence_concerns(feats, idx, codebook: Codebook) -> list[list[str]]:
    codes = codebook.concern_codes
    cols = [idx[f"concerns.{c}"] for c in codes]
    present = feats[:, cols] > 0 if cols else np.zeros((len(feats), 0), bool)
    return [[codes[j] for j in np.flatnonzero(row)] for row in present]


def _evidence_ranks(units, act, stance_act, statements, model) -> pd.Series:
    cfg = model.evidence or Evidence()
    if statements.empty:
        return pd.Series([None] * len(units), index=units.index, dtype=object)
    pos = units["statement_id"].map(statements["position"]).to_numpy()
    st = units["statement_id"].map(statements["stance"]).to_numpy()
    score = np.zeros(len(units))
    for code, a in act.items():
        score += np.where(pos == code, a, 0.0)
    for s, a in stance_act.items():
        score += np.where(st == s, cfg.stance_share * a, 0.0)
    # with no cue of the chosen codes, any position or stance cue is the best evidence there is
    anything = sum(act.values()) + sum(stance_act.values())
    frame = pd.DataFrame({"sid": units["statement_id"], "s": score, "any": 0.01 * anything})
    frame["key"] = frame["s"] + frame["any"]
    frame["pos"] = np.arange(len(frame))
    # no cue at all: the closing sentence, where a verdict would stand, is shown for checking
    last = ~frame["sid"].duplicated(keep="last")
    silent = ~frame.groupby("sid")["key"].transform("max").gt(0)
    frame.loc[last & silent, "key"] = 1e-6
    frame = frame[
        (frame["s"] >= cfg.min_score) | (frame["any"] >= cfg.min_score * 0.01) | (last & silent)
    ]
    frame = frame.sort_values(["sid", "key", "pos"], ascending=[True, False, False], kind="stable")
    rank = frame.groupby("sid", sort=False).cumcount()
    rank = rank[rank < cfg.max_sentences]
    return pd.Series(rank.reindex(units.index).to_numpy(dtype=float), index=units.index)
