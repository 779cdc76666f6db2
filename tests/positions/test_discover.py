"""Argument clusters: number of clusters, separation, labels, quotes, stability."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.positions.discover import ArgumentClusters, choose_k, class_tfidf_terms, cluster_units

BUDGET = [
    "Für die Umsetzung fehlt im Haushalt das nötige Budget.",
    "Die Kosten der Maßnahmen sind im Haushalt nicht gedeckt.",
    "Ohne zusätzliches Budget im Haushalt bleibt der Plan wirkungslos.",
    "Das Budget für die Maßnahmen muss im Haushalt stehen.",
]
PARTICIPATION = [
    "Jugendliche sollen an der Beteiligung von Anfang an mitwirken.",
    "Die Beteiligung der Jugendlichen braucht eigene Formate.",
    "Ohne echte Beteiligung der Jugendlichen fehlt die Akzeptanz.",
    "Jugendliche wollen bei der Beteiligung ernst genommen werden.",
]


def test_number_of_clusters_grows_slowly_and_is_clipped():
    assert choose_k(3) == 1
    assert choose_k(10) == 2
    assert choose_k(50) == 5
    assert choose_k(5_000) == 40
    assert choose_k(500_000) == 40


def test_distinct_topics_fall_into_distinct_clusters():
    labels = ArgumentClusters(n_clusters=2).fit_predict(BUDGET + PARTICIPATION)
    assert len(set(labels[:4])) == 1 and len(set(labels[4:])) == 1
    assert labels[0] != labels[4]


def test_labels_name_the_distinctive_terms():
    model = ArgumentClusters(n_clusters=2).fit(BUDGET + PARTICIPATION)
    labels = {" ".join(c.terms) for c in model.clusters_}
    assert any("haushalt" in lab or "budget" in lab for lab in labels)
    assert any("beteiligung" in lab or "jugendlichen" in lab for lab in labels)


def test_clusters_are_identical_across_runs():
    texts = BUDGET + PARTICIPATION + ["Die Kreuzung am Bahnhof ist gefährlich für Radfahrende."]
    a = ArgumentClusters(n_clusters=3, random_state=7).fit(texts)
    b = ArgumentClusters(n_clusters=3, random_state=7).fit(texts)
    assert np.array_equal(a.labels_, b.labels_) and a.clusters_ == b.clusters_


def test_identical_texts_share_a_cluster_and_count_in_its_size():
    texts = BUDGET + PARTICIPATION + [BUDGET[0]] * 3
    model = ArgumentClusters(n_clusters=2).fit(texts)
    assert len(set(model.labels_[[0, 8, 9, 10]])) == 1
    assert sorted(c.size for c in model.clusters_) == [4, 7]


def test_cluster_zero_is_the_largest():
    model = ArgumentClusters(n_clusters=2).fit(BUDGET + [BUDGET[1]] * 4 + PARTICIPATION)
    assert model.clusters_[0].size >= model.clusters_[1].size


def test_representative_quotes_come_from_different_statements():
    units = pd.DataFrame(
        {
            "statement_id": ["a", "a", "b", "c"] + ["d", "e", "f", "g"],
            "text": BUDGET + PARTICIPATION,
            "page": [1] * 8,
        }
    )
    _, rows = cluster_units(units, ArgumentClusters(n_clusters=2, n_quotes=2), offset=10)
    assert [r["cluster"] for r in rows] == [10, 11]
    for row in rows:
        assert len(set(row["quote_statement_ids"])) == len(row["quote_statement_ids"])
        assert set(row["quotes"]) <= set(units["text"])


def test_class_tfidf_prefers_terms_of_one_cluster():
    terms = class_tfidf_terms(BUDGET + PARTICIPATION, np.array([0] * 4 + [1] * 4), n_terms=2)
    assert "haushalt" in terms[0] or "budget" in terms[0]
    assert "beteiligung" in terms[1] or "jugendliche" in terms[1]


def test_empty_input_gives_no_clusters():
    model = ArgumentClusters().fit([])
    assert model.clusters_ == [] and len(model.labels_) == 0
