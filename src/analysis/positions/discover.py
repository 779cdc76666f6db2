"""Unsupervised clusters of argument units across the statements of one motion.

A BERTopic-like pipeline of swappable parts, each a parameter of :class:`ArgumentClusters`:
TF-IDF over stemmed content words plus character n-grams inside words (German compounds) →
TruncatedSVD → k-means (seeded) → labels by class-based TF-IDF (terms frequent in the cluster and
rare in the others) → representative quotes (the units nearest the centroid, from different
statements). The number of clusters follows the data: ``round(sqrt(n_units / 2))``, clipped to
``[min_clusters, max_clusters]`` and to the units available, so 5 statements give a handful of
clusters and 5,000 statements a readable few dozen.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from analysis.positions.features import stem, stems, tokens


def choose_k(n_units: int, min_clusters: int = 2, max_clusters: int = 40) -> int:
    """``round(sqrt(n/2))`` clipped to the bounds and to at most half the units."""
    if n_units < 4:
        return 1
    k = round(math.sqrt(n_units / 2))
    return int(max(min_clusters, min(max_clusters, k, n_units // 2)))


@dataclass(frozen=True)
class Cluster:
    """One discovered cluster: label terms, size and representative units (row positions)."""

    terms: tuple[str, ...]
    size: int
    representatives: tuple[int, ...]


class ArgumentClusters(ClusterMixin, BaseEstimator):
    """Cluster short German texts (argument units) and describe the clusters.

    Parameters
    ----------
    n_clusters : int or None (the :func:`choose_k` rule)
    n_components : SVD dimensions (fewer when the data have fewer)
    reduce_from : below this many units k-means runs on the sparse TF-IDF itself
    n_terms, n_quotes : label terms and representative quotes per cluster
    max_group_share : words in more than this share of the groups (statements) are the motion's
        topic, not an argument, and are left out (when there are at least four groups)
    random_state : seed of SVD and k-means
    """

    def __init__(
        self,
        n_clusters: int | None = None,
        n_components: int = 80,
        n_terms: int = 5,
        n_quotes: int = 3,
        min_clusters: int = 2,
        max_clusters: int = 40,
        reduce_from: int = 2000,
        max_group_share: float = 0.5,
        guide_weight: float = 0.3,
        max_features: int = 20_000,
        random_state: int = 0,
    ):
        self.max_features = max_features
        self.guide_weight = guide_weight
        self.reduce_from = reduce_from
        self.max_group_share = max_group_share
        self.n_clusters = n_clusters
        self.n_components = n_components
        self.n_terms = n_terms
        self.n_quotes = n_quotes
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.random_state = random_state

    def fit(self, texts: list[str], y=None, groups: list[str] | None = None, guide=None):
        """``groups`` (e.g. statement ids) make the quotes of a cluster come from different ones;
        ``guide`` (n × g, e.g. code scores) is added to the text features with ``guide_weight``.

        Identical texts are clustered once, weighted by how often they occur (form letters and
        repeated paragraphs cost nothing extra)."""
        texts = list(texts)
        n = len(texts)
        if n == 0:
            self.labels_, self.clusters_ = np.zeros(0, dtype=int), []
            return self
        uniq, first, inverse = np.unique(
            np.asarray(texts, dtype=object).astype(str), return_index=True, return_inverse=True
        )
        counts = np.bincount(inverse)
        k = self.n_clusters or choose_k(n, self.min_clusters, self.max_clusters)
        k = max(1, min(k, len(uniq)))
        u_groups = [groups[i] for i in first] if groups is not None else None
        self.topic_stems_ = _topic_stems(texts, groups, self.max_group_share)
        matrix = self._vectorize(list(uniq))
        if guide is not None and self.guide_weight > 0:
            g = np.zeros((len(uniq), np.asarray(guide).shape[1]))
            np.add.at(g, inverse, np.asarray(guide, dtype=float))
            extra = sparse.csr_matrix(g / counts[:, None] * self.guide_weight)
            matrix = l2_normalize(sparse.hstack([matrix, extra]).tocsr())
        embedding = self._reduce(matrix)
        if k == 1:
            u_labels = np.zeros(len(uniq), dtype=int)
        else:
            km = KMeans(
                n_clusters=k, n_init=10 if len(uniq) < 5000 else 3, random_state=self.random_state
            )
            u_labels = _relabel_by_size(km.fit(embedding, sample_weight=counts).labels_, counts)
        self.labels_ = u_labels[inverse]
        self.clusters_ = self._describe(list(uniq), u_labels, embedding, u_groups, counts)
        return self

    def fit_predict(self, texts, y=None, groups=None, guide=None) -> np.ndarray:
        return self.fit(texts, groups=groups, guide=guide).labels_

    def _vectorize(self, texts: list[str]) -> sparse.csr_matrix:
        topic = self.topic_stems_
        words = TfidfVectorizer(
            analyzer=lambda t: [s for s in stems(t) if s not in topic],
            sublinear_tf=True,
            max_features=self.max_features,
        )
        chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(4, 5),
            sublinear_tf=True,
            min_df=2,
            max_features=self.max_features,
        )
        parts = [words.fit_transform(texts)]
        try:
            kept = [" ".join(w for w in tokens(t) if stem(w) not in topic) for t in texts]
            parts.append(0.5 * chars.fit_transform(kept))
        except ValueError:  # no n-gram occurs twice: words alone
            pass
        return l2_normalize(sparse.hstack(parts).tocsr())

    def _reduce(self, matrix: sparse.csr_matrix):
        """Few units: the sparse TF-IDF itself; many: TruncatedSVD to ``n_components``."""
        dims = min(self.n_components, matrix.shape[0] - 1, matrix.shape[1] - 1)
        if matrix.shape[0] < self.reduce_from or dims < 2:
            return matrix
        svd = TruncatedSVD(n_components=dims, n_iter=4, random_state=self.random_state)
        reduced = l2_normalize(svd.fit_transform(matrix))
        # rounding absorbs last-digit differences of BLAS builds, so runs agree exactly
        return np.round(reduced, 6)

    def _describe(self, texts, labels, embedding, groups, counts) -> list[Cluster]:
        """Terms, weighted size and representatives (indices into ``texts``, the unique texts)."""
        terms = class_tfidf_terms(texts, labels, self.n_terms, self.topic_stems_, counts)
        out = []
        for c in range(int(labels.max()) + 1 if len(labels) else 0):
            members = np.flatnonzero(labels == c)
            centroid = np.asarray(embedding[members].mean(axis=0)).ravel()
            sims = np.asarray(embedding[members] @ centroid).ravel()
            order = members[np.lexsort((members, -np.round(sims, 6)))]
            size = int(counts[members].sum())
            out.append(Cluster(terms[c], size, _spread(order, groups, self.n_quotes)))
        return out


def _relabel_by_size(labels: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Cluster 0 is the largest; ties by first occurrence — ids do not depend on k-means' order."""
    weights = np.ones(len(labels)) if weights is None else weights
    counts = Counter()
    for lab, w in zip(labels.tolist(), weights.tolist(), strict=True):
        counts[lab] += w
    first = {lab: i for i, lab in reversed(list(enumerate(labels.tolist())))}
    order = sorted(counts, key=lambda lab: (-counts[lab], first[lab]))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping[lab] for lab in labels.tolist()], dtype=int)


def _spread(order: np.ndarray, groups, n: int) -> tuple[int, ...]:
    """The first ``n`` units in ``order``, preferring different groups."""
    if groups is None:
        return tuple(int(i) for i in order[:n])
    picked, seen = [], set()
    for i in order:
        if groups[i] not in seen:
            picked.append(int(i))
            seen.add(groups[i])
        if len(picked) == n:
            return tuple(picked)
    rest = [int(i) for i in order if int(i) not in picked]
    return tuple(picked + rest[: n - len(picked)])


def _topic_stems(texts, groups, max_share: float, cap: float = 0.05) -> frozenset[str]:
    """Stems in more than ``max_share`` of the groups (given four or more), the most widespread
    first and at most ``cap`` of the vocabulary (at least 10), so some words always remain."""
    if groups is None or len(set(groups)) < 4:
        return frozenset()
    seen: dict[str, set] = {}
    for text, group in zip(texts, groups, strict=True):
        for s in set(stems(text)):
            seen.setdefault(s, set()).add(group)
    limit = max_share * len(set(groups))
    common = sorted(
        (s for s, g in seen.items() if len(g) > limit), key=lambda s: (-len(seen[s]), s)
    )
    return frozenset(common[: max(10, int(cap * len(seen)))])


def class_tfidf_terms(
    texts: list[str],
    labels: np.ndarray,
    n_terms: int = 5,
    skip: frozenset[str] = frozenset(),
    counts: np.ndarray | None = None,
) -> list[tuple]:
    """Distinctive terms per cluster (c-TF-IDF over stems, shown as the commonest surface word)."""
    n_clusters = int(labels.max()) + 1 if len(labels) else 0
    surface: dict[str, Counter] = {}
    weights = np.ones(len(texts), dtype=int) if counts is None else counts
    tallies = [Counter() for _ in range(n_clusters)]
    for text, lab, w in zip(texts, labels, weights, strict=True):
        for word in tokens(text):
            s = stem(word)
            if s in skip:
                continue
            tallies[lab][s] += int(w)
            surface.setdefault(s, Counter())[word] += int(w)
    totals = Counter()
    for c in tallies:
        totals.update(c)
    avg = sum(totals.values()) / max(1, n_clusters)
    out = []
    for c in tallies:
        size = sum(c.values()) or 1
        scored = [
            (tf / size * math.log(1 + avg / totals[s]), s) for s, tf in c.items() if len(s) > 2
        ]
        scored.sort(key=lambda x: (-round(x[0], 12), x[1]))
        words = [max(sorted(surface[s]), key=lambda w: surface[s][w]) for _, s in scored]
        out.append(tuple(words[:n_terms]))
    return out


def cluster_units(units: pd.DataFrame, model: ArgumentClusters | None = None, offset: int = 0):
    """Cluster one motion's units; → (cluster id per unit, clusters table rows)."""
    model = model or ArgumentClusters()
    guide_cols = [c for c in units.columns if c.startswith("score_")]
    guide = units[guide_cols].to_numpy(dtype=float) if guide_cols else None
    model.fit(units["text"].tolist(), groups=units["statement_id"].tolist(), guide=guide)
    ids = model.labels_ + offset
    rows = []
    uniq_first = _first_rows(units["text"].tolist())
    for c, cluster in enumerate(model.clusters_):
        reps = units.iloc[[uniq_first[i] for i in cluster.representatives]]
        members = units[model.labels_ == c]
        rows.append(
            {
                "cluster": offset + c,
                "label": ", ".join(cluster.terms),
                "terms": list(cluster.terms),
                "size": cluster.size,
                "statements": int(members["statement_id"].nunique()),
                "quotes": reps["text"].tolist(),
                "quote_statement_ids": reps["statement_id"].tolist(),
                "quote_pages": [int(p) for p in reps["page"]],
            }
        )
    return ids, rows


def _first_rows(texts: list[str]) -> list[int]:
    """For each unique text in sorted order, the row where it first occurs."""
    _, first = np.unique(np.asarray(texts, dtype=object).astype(str), return_index=True)
    return [int(i) for i in first]
