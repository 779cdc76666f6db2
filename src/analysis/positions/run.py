"""``statements analyze``: read a processed folder, code every statement, write the tables.

Writes ``positions.parquet`` (one row per ok statement, CONTRACT columns first),
``arguments.parquet`` (one row per sentence: the argument units with code scores),
``clusters.parquet`` (discovered clusters per motion) and ``links.parquet`` (near-duplicates and
endorsements). Everything is deterministic: sorted inputs, fixed seeds, no timestamps.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corrections import CORRECTIONS_FILE, read_corrections
from analysis.gold import motion_key
from analysis.language.table import readability_table
from analysis.positions.adapt import recode_motions
from analysis.positions.codebook import Codebook, load_codebook
from analysis.positions.discover import ArgumentClusters, cluster_units
from analysis.positions.evaluate import statement_motions
from analysis.positions.links import LinkConfig, find_links
from analysis.positions.model import PositionModel, default_model

OUTPUTS = ("positions", "arguments", "clusters", "links", "readability")
POSITION_COLUMNS = [
    "statement_id", "position", "position_score", "stance", "stance_score", "evidence", "cluster",
    "evidence_pages", "concerns", "motion_ref", "duplicate_of", "endorses", "co_signers",
    "independent", "adapted_from", "readability",
]  # fmt: skip
CLUSTER_COLUMNS = [
    "cluster", "motion_ref", "label", "terms", "size", "statements", "quotes",
    "quote_statement_ids", "quote_pages", "positions",
]  # fmt: skip
MIN_UNIT_WORDS = 5


@dataclass(frozen=True)
class AnalyzeResult:
    """The tables of one analysis (what ``analyze`` writes)."""

    positions: pd.DataFrame
    arguments: pd.DataFrame
    clusters: pd.DataFrame
    links: pd.DataFrame
    readability: pd.DataFrame


def analyze(
    processed: str | Path,
    codebook: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Path]:
    """Code the statements in ``processed`` and write the four tables there; → written paths."""
    processed = Path(processed)
    statements = pd.read_parquet(processed / "statements.parquet")
    sentences = pd.read_parquet(processed / "sentences.parquet")
    book = load_codebook(codebook) if codebook is not None else load_codebook()
    corrections, problems = read_corrections(processed / CORRECTIONS_FILE)
    for problem in problems:
        print(f"statements: {problem}", file=sys.stderr)
    result = analyze_tables(statements, sentences, book, progress=progress, corrections=corrections)
    return write_tables({name: getattr(result, name) for name in OUTPUTS}, processed)


def analyze_tables(
    statements: pd.DataFrame,
    sentences: pd.DataFrame,
    codebook: Codebook | None = None,
    model: PositionModel | None = None,
    clusters: ArgumentClusters | None = None,
    progress: Callable[[str], None] | None = None,
    corrections: pd.DataFrame | None = None,
) -> AnalyzeResult:
    """The pure core of :func:`analyze`: tables in, tables out. ``corrections`` (an analyst's
    codes, as in ``corrections.csv``) teach the model about their motion before the motion's
    other statements are coded (:func:`analysis.positions.adapt.recode_motions`)."""
    say = progress or (lambda _msg: None)
    ok = statements[statements["status"] == "ok"].sort_values("statement_id", ignore_index=True)
    ok = ok.assign(motion_key=ok["motion_ref"].map(lambda r: motion_key(r) or None))
    sents = sentences[sentences["statement_id"].isin(ok["statement_id"])]
    sents = sents.assign(motion=sents["statement_id"].map(statement_motions(ok)))
    model = model or default_model(codebook)
    say(f"coding {len(ok)} statements")
    coded, units = model.predict(sents)
    if corrections is not None and not corrections.empty:
        say(f"learning from {len(corrections)} corrected statements")
    motions = dict(zip(ok["statement_id"], ok["motion_key"], strict=True))
    coded, units = recode_motions(model, sents, coded, units, corrections, motions)
    coded = ok[["statement_id"]].merge(coded, on="statement_id", how="left")
    coded = _fill_empty(coded, model)
    say("linking duplicates and endorsements")
    links = find_links(ok)
    coded = _apply_links(coded, links, units, model.codebook_.fallback_position)
    say("discovering argument clusters")
    units, cluster_rows = _discover(ok, units, clusters)
    coded = _statement_clusters(coded, units)
    coded["motion_ref"] = coded["statement_id"].map(
        dict(zip(ok["statement_id"], ok["motion_ref"], strict=True))
    )
    table = pd.DataFrame(cluster_rows, columns=CLUSTER_COLUMNS)
    table = _cluster_positions(table, units, coded)
    units = units.drop(columns=["motion_key"], errors="ignore")
    say("measuring readability")
    readability = readability_table(ok, sents)
    coded["readability"] = coded["statement_id"].map(
        readability.dropna(subset=["statement_id"]).set_index("statement_id")["wstf"]
    )
    return AnalyzeResult(
        coded[POSITION_COLUMNS], units.reset_index(drop=True), table, links, readability
    )


def _fill_empty(coded: pd.DataFrame, model: PositionModel) -> pd.DataFrame:
    """Statements without sentences: the fallback position, neutral, no evidence."""
    empty = coded["position"].isna()
    coded.loc[empty, "position"] = model.codebook_.fallback_position
    coded.loc[empty, "stance"] = "neutral"
    coded.loc[empty, ["position_score", "stance_score"]] = 0.0
    coded["adapted_from"] = coded["adapted_from"].fillna(0).astype(int)
    for col in ("evidence", "concerns"):
        coded[col] = coded[col].map(lambda v: list(v) if isinstance(v, list | np.ndarray) else [])
    return coded


def _apply_links(coded, links: pd.DataFrame, units: pd.DataFrame, fallback: str) -> pd.DataFrame:
    """duplicate_of, endorses, co_signers, independent; an endorser without a position of its
    own takes the position of the statement it joins, with the joining sentence as evidence."""
    dup = links[links["kind"] == "duplicate"].set_index("statement_id")["linked_to"]
    endorse = links[(links["kind"] == "endorsement") & links["linked_to"].notna()]
    endorse = endorse.set_index("statement_id")["linked_to"]
    coded["duplicate_of"] = coded["statement_id"].map(dup).astype(object)
    coded["endorses"] = coded["statement_id"].map(endorse).astype(object)
    coded = coded.where(coded.notna(), None)
    by_id = coded.set_index("statement_id")
    for sid, target in endorse.items():
        if target not in by_id.index:
            continue
        i = coded.index[coded["statement_id"] == sid][0]
        phrase = links[(links["statement_id"] == sid) & (links["kind"] == "endorsement")]
        joined = _sentence_with(units, sid, phrase["evidence"].iloc[0])
        if joined and joined not in coded.at[i, "evidence"]:
            coded.at[i, "evidence"] = [joined, *coded.at[i, "evidence"]]
        if coded.at[i, "position"] != fallback:
            continue  # it argues a position of its own
        # it only joins another statement: it takes that statement's position and stance
        src = by_id.loc[target]
        for col in ("position", "position_score", "stance", "stance_score"):
            coded.at[i, col] = src[col]
    followers = pd.concat([dup, endorse]).value_counts()
    coded["co_signers"] = coded["statement_id"].map(followers).fillna(0).astype(int)
    coded["independent"] = coded["duplicate_of"].isna() & coded["endorses"].isna()
    pages = units.set_index(["statement_id", "text"])["page"]
    pages = pages[~pages.index.duplicated()]
    coded["evidence_pages"] = [
        [int(pages.get((sid, e), 0)) for e in ev]
        for sid, ev in zip(coded["statement_id"], coded["evidence"], strict=True)
    ]
    return coded


def _sentence_with(units: pd.DataFrame, sid: str, phrase: str) -> str | None:
    mine = units[units["statement_id"] == sid]
    key = " ".join(phrase.split()).lower()[:40]
    for text in mine["text"]:
        if key in " ".join(text.split()).lower():
            return text
    return None


def _discover(ok: pd.DataFrame, units: pd.DataFrame, model: ArgumentClusters | None):
    units = units.copy()
    units["motion_key"] = units["statement_id"].map(
        dict(zip(ok["statement_id"], ok["motion_key"], strict=True))
    )
    score_cols = [c for c in units.columns if c.startswith("score_")]
    active = (units[score_cols].max(axis=1) > 0) | units["stance_cue"].notna()
    active |= units["concerns"].map(len) > 0
    words = units["text"].str.split().str.len()
    eligible = active & (words >= MIN_UNIT_WORDS)
    units["cluster"] = pd.array([None] * len(units), dtype="Int64")
    rows, offset = [], 0
    for key, group in units[eligible].groupby(units["motion_key"].fillna(""), sort=True):
        ids, found = cluster_units(group, model or ArgumentClusters(), offset)
        units.loc[group.index, "cluster"] = ids
        ref = ok.loc[ok["motion_key"].fillna("") == key, "motion_ref"].dropna()
        for row in found:
            row["motion_ref"] = ref.mode().sort_values().iloc[0] if len(ref) else None
        rows += found
        offset += len(found)
    return units, rows


def _statement_clusters(coded: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """A statement's cluster: that of its best evidence unit, else its most common one."""
    clustered = units[units["cluster"].notna()]
    top = clustered[clustered["evidence_rank"] == 0].set_index("statement_id")["cluster"]
    common = clustered.groupby("statement_id")["cluster"].agg(lambda s: s.value_counts().idxmax())
    cluster = coded["statement_id"].map(top).fillna(coded["statement_id"].map(common))
    coded["cluster"] = pd.array(cluster, dtype="Int64")
    return coded


def _cluster_positions(table: pd.DataFrame, units: pd.DataFrame, coded: pd.DataFrame):
    """How the positions of a cluster's statements divide (JSON text), so no cluster hides a mix."""
    position = dict(zip(coded["statement_id"], coded["position"], strict=True))
    mixes = []
    for cid in table["cluster"]:
        sids = units.loc[units["cluster"] == cid, "statement_id"].unique()
        counts = pd.Series([position[s] for s in sids]).value_counts()
        mixes.append(json.dumps({k: int(counts[k]) for k in sorted(counts.index)}))
    table["positions"] = mixes
    return table


def write_tables(frames: dict[str, pd.DataFrame], folder: Path) -> dict[str, Path]:
    """Write every table to a temporary file first, then rename them all over their targets:
    a run killed while writing leaves the previous set whole, never new and old tables mixed
    (bar the moment between the renames)."""
    staged: dict[str, str] = {}
    try:
        for name, frame in frames.items():
            fd, staged[name] = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
            os.close(fd)
            frame.to_parquet(staged[name], index=False)
            with open(staged[name], "rb") as fh:
                os.fsync(fh.fileno())
    except BaseException:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise
    written = {}
    for name, tmp in staged.items():
        written[name] = folder / f"{name}.parquet"
        os.replace(tmp, written[name])
    return written


__all__ = ["analyze", "analyze_tables", "AnalyzeResult", "LinkConfig"]
