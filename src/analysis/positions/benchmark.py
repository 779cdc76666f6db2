"""Time ``analyze`` on many statements synthesised by recombining the paragraphs of a processed
folder: ``python -m analysis.positions.benchmark DIR [--n 10000]``.

Each synthetic statement takes 3–7 paragraphs (with their sentences) from statements of one
motion, drawn with a fixed seed, so the text is realistic and the run repeatable.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.positions.run import analyze_tables


def synthesize(statements: pd.DataFrame, sentences: pd.DataFrame, n: int, seed: int = 0):
    """``n`` statements recombined from the paragraphs of ``statements`` (same motion)."""
    rng = np.random.default_rng(seed)
    ok = statements[statements["status"] == "ok"].sort_values("statement_id")
    paras = sentences.merge(ok[["statement_id", "motion_ref"]], on="statement_id")
    keys = paras[["statement_id", "paragraph_no", "motion_ref"]].drop_duplicates()
    by_motion = {
        m: g[["statement_id", "paragraph_no"]].to_numpy() for m, g in keys.groupby("motion_ref")
    }
    grouped = {k: g for k, g in sentences.groupby(["statement_id", "paragraph_no"])}
    motions = sorted(by_motion)
    st_rows, se_rows = [], []
    for i in range(n):
        motion = motions[rng.integers(len(motions))]
        pool = by_motion[motion]
        picks = pool[rng.choice(len(pool), size=min(len(pool), rng.integers(3, 8)), replace=False)]
        sid = f"synth{i:06d}"
        texts = []
        for p_no, (src, para) in enumerate(picks):
            part = grouped[(src, para)].assign(statement_id=sid, paragraph_no=p_no)
            se_rows.append(part)
            texts.append(" ".join(part["text"]))
        st_rows.append(
            {
                "statement_id": sid,
                "status": "ok",
                "motion_ref": motion,
                "date": None,
                "sender_org": None,
                "sender_unit": None,
                "author": None,
                "text": "\n\n".join(texts),
            }
        )
    return pd.DataFrame(st_rows), pd.concat(se_rows, ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("processed", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument(
        "--unique", action="store_true", help="make every sentence unique (no caching helps)"
    )
    args = parser.parse_args(argv)
    statements = pd.read_parquet(args.processed / "statements.parquet")
    sentences = pd.read_parquet(args.processed / "sentences.parquet")
    st, se = synthesize(statements, sentences, args.n)
    if args.unique:
        se["text"] = se["text"] + " (Anmerkung " + pd.Series(range(len(se))).astype(str) + ")"
    start = time.perf_counter()
    result = analyze_tables(st, se, progress=lambda m: print(f"  {m}", file=sys.stderr))
    seconds = time.perf_counter() - start
    print(
        f"analyze: {len(st)} statements, {len(se)} sentences, {len(result.clusters)} clusters, "
        f"{len(result.links)} links in {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
