"""Agreement with human coding: macro-F1, accuracy, Cohen's κ with bootstrap intervals, confusion
tables, evidence hit rate; κ between two human coders.

The figures follow the team's scorer: macro-F1 averages over the classes present in the gold
labels; evidence counts as found when one predicted sentence shares at least 60 % of its word
types (Jaccard) with one gold evidence sentence. Intervals are percentile bootstraps over
statements with a fixed seed, so two runs print the same numbers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from analysis.gold import match_gold, motion_key, read_gold
from analysis.ingest.accuracy import format_metadata, has_metadata, metadata_report
from analysis.ingest.text import split_sentences

EVIDENCE_JACCARD = 0.6


# ---------------------------------------------------------------------------- metrics
def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Mean F1 over the classes that occur in ``gold``."""
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    scores = []
    for label in sorted(set(gold)):
        tp = np.sum((gold == label) & (pred == label))
        fp = np.sum((gold != label) & (pred == label))
        fn = np.sum((gold == label) & (pred != label))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores)) if scores else 0.0


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    return float(np.mean(gold == pred)) if len(gold) else 0.0


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's κ of two codings of the same items."""
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    n = len(a)
    if n == 0:
        return 0.0
    observed = np.mean(a == b)
    labels = sorted(set(a) | set(b))
    expected = sum(np.mean(a == k) * np.mean(b == k) for k in labels)
    return float((observed - expected) / (1 - expected)) if expected < 1 else 1.0


def confusion(gold: Sequence[str], pred: Sequence[str]) -> pd.DataFrame:
    """Rows gold, columns predicted, counts; labels sorted."""
    labels = sorted(set(gold) | set(pred))
    table = pd.crosstab(
        pd.Categorical(gold, categories=labels),
        pd.Categorical(pred, categories=labels),
        dropna=False,
    )
    table.index.name, table.columns.name = "gold", "predicted"
    return table


METRICS = {"macro_f1": macro_f1, "accuracy": accuracy, "kappa": cohen_kappa}


def bootstrap(gold, pred, metric, n: int = 1000, seed: int = 0, level: float = 0.95):
    """Percentile bootstrap interval of ``metric`` over items (seeded)."""
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    if len(gold) == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(gold), size=(n, len(gold)))
    values = np.array([metric(gold[i], pred[i]) for i in draws])
    tail = (1 - level) / 2 * 100
    return (float(np.percentile(values, tail)), float(np.percentile(values, 100 - tail)))


def label_report(gold, pred, n_boot: int = 1000, seed: int = 0) -> dict:
    """Macro-F1, accuracy and κ with intervals, the confusion table and per-class F1."""
    out: dict = {"n": len(gold)}
    for name, metric in METRICS.items():
        low, high = bootstrap(gold, pred, metric, n_boot, seed)
        out[name] = {"value": round(metric(gold, pred), 4), "ci95": [round(low, 4), round(high, 4)]}
    out["per_class_f1"] = {label: round(_f1(gold, pred, label), 4) for label in sorted(set(gold))}
    out["confusion"] = confusion(gold, pred)
    return out


def _f1(gold, pred, label) -> float:
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    tp = np.sum((gold == label) & (pred == label))
    denom = np.sum(gold == label) + np.sum(pred == label)
    return float(2 * tp / denom) if denom else 0.0


def _tokens(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "")
    return set(re.findall(r"\w+", re.sub(r"\s+", " ", text).strip().lower()))


def evidence_hit(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """One predicted sentence matches one gold sentence at Jaccard ≥ 0.6 over word types."""
    for p in predicted:
        a = _tokens(p)
        for g in gold:
            b = _tokens(g)
            if a and b and len(a & b) / len(a | b) >= EVIDENCE_JACCARD:
                return True
    return False


# ---------------------------------------------------------------------------- gold
def gold_id(record: dict) -> str:
    """A statement id for a gold record's own body text."""
    page = record.get("first_page")
    stem = PurePosixPath(record["file"]).stem
    return f"gold:{stem}" + (f"@{page}" if page else "")


def gold_sentences(gold: list[dict]) -> pd.DataFrame:
    """The gold bodies as a sentences table (training data independent of ingest and OCR)."""
    rows = []
    for g in gold:
        sid, motion = gold_id(g), motion_text(g.get("motion_title"), g.get("subject"))
        for p_no, paragraph in enumerate(g["body"]):
            for s_no, sentence in enumerate(split_sentences(paragraph)):
                rows.append((sid, p_no, s_no, sentence, 1, motion))
    cols = ["statement_id", "paragraph_no", "sentence_no", "text", "page", "motion"]
    return pd.DataFrame(rows, columns=cols)


def motion_text(title, subject) -> str:
    """What a statement says the motion is about: the motion's title and the subject line."""
    return " – ".join(t for t in (title, subject) if isinstance(t, str) and t.strip())


def statement_motions(statements: pd.DataFrame) -> dict[str, str]:
    """:func:`motion_text` of every row of a statements table, by statement_id."""
    about = statements.reindex(columns=["motion_title", "subject"])
    texts = [motion_text(t, s) for t, s in about.itertuples(index=False)]
    return dict(zip(statements["statement_id"], texts, strict=True))


def gold_labels(gold: list[dict]) -> pd.DataFrame:
    """position, stance, motion, evidence per gold record, indexed by :func:`gold_id`."""
    return pd.DataFrame(
        {
            "position": [g["position"] for g in gold],
            "stance": [g["stance"] for g in gold],
            "motion": [motion_key(g.get("motion_id")) for g in gold],
            "evidence": [list(g.get("evidence") or []) for g in gold],
            "concerns": [list(g.get("concerns") or []) for g in gold],
        },
        index=pd.Index([gold_id(g) for g in gold], name="statement_id"),
    )


@dataclass(frozen=True)
class Scored:
    """Predictions lined up with gold records (``None`` where a statement is missing)."""

    gold: list[dict]
    predictions: list[dict | None]

    def report(self, n_boot: int = 1000, seed: int = 0) -> dict:
        out: dict = {"n": len(self.gold)}
        out["missing"] = sum(p is None for p in self.predictions)
        for field in ("position", "stance"):
            gold = [g[field] for g in self.gold]
            pred = [p[field] if p else "missing" for p in self.predictions]
            out[field] = label_report(gold, pred, n_boot, seed)
        hits = [
            evidence_hit(list(p["evidence"]) if p else [], g["evidence"])
            for g, p in zip(self.gold, self.predictions, strict=True)
            if g.get("evidence")
        ]
        out["evidence_hit_rate"] = round(float(np.mean(hits)), 4) if hits else 0.0
        out["concerns"] = _concern_scores(self.gold, self.predictions)
        out["reliability"] = {
            field: reliability(
                [g[field] for g in self.gold],
                [p[field] if p else None for p in self.predictions],
                [p.get(f"{field}_score") if p else None for p in self.predictions],
            )
            for field in ("position", "stance")
        }
        return out


RELIABILITY_BINS = (0.0, 0.4, 0.6, 0.8, 1.0)


def reliability(gold: Sequence[str], pred: Sequence, scores: Sequence) -> dict:
    """Is the confidence honest? Per confidence bin the number of statements, their mean
    confidence and the share coded right; and the expected calibration error (the mean gap,
    weighted by bin size)."""
    rows, gap, total = [], 0.0, 0
    pairs = [
        (float(c), g == p)
        for g, p, c in zip(gold, pred, scores, strict=True)
        if p is not None and c is not None
    ]
    for low, high in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in pairs if low <= c < high or (high == 1.0 and c == 1.0)]
        if not inside:
            continue
        confidence = float(np.mean([c for c, _ in inside]))
        right = float(np.mean([ok for _, ok in inside]))
        rows.append(
            {
                "bin": f"{low:.1f}–{high:.1f}",
                "n": len(inside),
                "confidence": round(confidence, 3),
                "accuracy": round(right, 3),
            }
        )
        gap += len(inside) * abs(confidence - right)
        total += len(inside)
    return {"bins": rows, "ece": round(gap / total, 4) if total else None}


def _concern_scores(gold: list[dict], predictions: list[dict | None]) -> dict:
    tp = fp = fn = 0
    for g, p in zip(gold, predictions, strict=True):
        want, got = set(g.get("concerns") or []), set((p or {}).get("concerns") or [])
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"micro_f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


def coder_agreement(a: str | Path, b: str | Path, key: str = "file") -> dict:
    """κ, accuracy and macro-F1 between two coders' CSV files (columns ``file``, ``position``,
    ``stance``), joined on ``key``."""
    left, right = pd.read_csv(a, dtype=str), pd.read_csv(b, dtype=str)
    joined = left.merge(right, on=key, suffixes=("_a", "_b"))
    out: dict = {"n": len(joined)}
    for field in ("position", "stance"):
        if f"{field}_a" in joined and f"{field}_b" in joined:
            x, y = joined[f"{field}_a"].fillna(""), joined[f"{field}_b"].fillna("")
            out[field] = {
                "kappa": round(cohen_kappa(x, y), 4),
                "accuracy": round(accuracy(x, y), 4),
                "macro_f1": round(macro_f1(x, y), 4),
            }
    return out


# ---------------------------------------------------------------------------- processed folder
def score_processed(processed: str | Path, gold: list[dict]) -> Scored:
    """Line up ``positions.parquet`` in ``processed`` with the gold records."""
    processed = Path(processed)
    statements = pd.read_parquet(processed / "statements.parquet")
    positions = pd.read_parquet(processed / "positions.parquet").set_index("statement_id")
    predictions: list[dict | None] = []
    for sid in match_gold(gold, statements):
        if sid is None or sid not in positions.index:
            predictions.append(None)
        else:
            row = positions.loc[sid].to_dict()
            row["evidence"] = list(row.get("evidence") if row.get("evidence") is not None else [])
            row["concerns"] = list(row.get("concerns") if row.get("concerns") is not None else [])
            predictions.append(row)
    return Scored(gold, predictions)


def format_report(report: dict, title: str) -> str:
    """A plain-text summary: one line per figure, then the confusion tables."""
    lines = [f"== {title} (n={report['n']}, missing={report.get('missing', 0)})"]
    for field in ("position", "stance"):
        r = report[field]
        figures = "  ".join(
            f"{name} {r[name]['value']:.3f} [{r[name]['ci95'][0]:.3f}, {r[name]['ci95'][1]:.3f}]"
            for name in METRICS
        )
        lines.append(f"{field:9s} {figures}")
        per_class = ", ".join(f"{k} {v:.2f}" for k, v in r["per_class_f1"].items())
        lines.append(f"{'':9s} F1 per class: {per_class}")
    lines.append(f"evidence hit rate {report['evidence_hit_rate']:.3f}")
    lines.append(f"concerns micro-F1 {report['concerns']['micro_f1']:.3f}")
    for field, table in report.get("reliability", {}).items():
        lines.append(f"\n{field} reliability (confidence bin: n, mean confidence, share right; "
                     f"expected calibration error {table['ece']}):")  # fmt: skip
        lines += [
            f"  {b['bin']}: n={b['n']:3d}  confidence {b['confidence']:.2f}  "
            f"right {b['accuracy']:.2f}"
            for b in table["bins"]
        ]
    for field in ("position", "stance"):
        lines.append(f"\n{field} confusion (rows gold, columns predicted):")
        lines.append(report[field]["confusion"].to_string())
    return "\n".join(lines)


def format_curve(report: dict, title: str) -> str:
    """The learning curve as printable lines: one per number of corrected statements, the
    macro-F1 on the statements left to code with the corrections used and without."""
    lines = [
        f"== {title}",
        "corrected per motion  statements coded  position: with (without)  stance: with (without)",
    ]
    for row in report["learning_curve"]:
        if not row["statements"]:
            lines.append(f"{row['corrected']:>20}  no motion has more statements")
            continue
        pos = f"{row['position_macro_f1']:.3f} ({row['position_macro_f1_without']:.3f})"
        stance = f"{row['stance_macro_f1']:.3f} ({row['stance_macro_f1_without']:.3f})"
        lines.append(f"{row['corrected']:>20}  {row['statements']:>16}  {pos:>24}  {stance:>22}")
    return "\n".join(lines)


def jsonable(report: dict) -> dict:
    """The report with confusion tables as nested dicts (for ``--json``)."""
    out = {}
    for key, value in report.items():
        if isinstance(value, dict):
            out[key] = jsonable(value)
        elif isinstance(value, pd.DataFrame):
            out[key] = {
                str(r): {str(c): int(v) for c, v in row.items()} for r, row in value.iterrows()
            }
        else:
            out[key] = value
    return out


def evaluations(
    processed: str | Path | None,
    gold: str | Path | Sequence[str | Path] | None = None,
    lomo: bool = False,
    text: str = "auto",
    coders: Sequence[str | Path] | None = None,
    n_boot: int = 1000,
    corrected: Sequence[int] = (),
) -> list[tuple[str, dict]]:
    """(title, report) pairs: the metadata ingest found, agreement with each gold file (as
    coded, or leave-one-motion-out over all gold files together) and of two human coders.

    Each agreement report says in ``measured_on`` on which statements it was measured: the gold
    file, how many statements and motions, and whether each motion was coded by a model that
    never saw it (``lomo``). With ``lomo`` and ``corrected`` (numbers of statements an analyst
    corrected per motion, e.g. ``(0, 3, 5, 10)``) each gold file also gets its learning curve."""
    golds = [gold] if isinstance(gold, str | Path) else list(gold or [])
    sets = [(str(path), read_gold(path)) for path in golds]
    outputs = []
    for name, records in sets:
        if processed and has_metadata(records):
            statements = pd.read_parquet(Path(processed) / "statements.parquet")
            outputs.append((f"metadata: {name}", metadata_report(records, statements)))
    if sets and lomo:
        from analysis.positions.lomo import lomo_evaluation

        everything = [record for _, records in sets for record in records]
        scored, curve = lomo_evaluation(everything, processed, text=text, corrected=corrected)
        start = 0
        for name, records in sets:
            span = range(start, start + len(records))
            part = Scored(records, scored.predictions[span.start : span.stop])
            start += len(records)
            outputs.append((f"leave-one-motion-out: {name}", _measured(part, name, True, n_boot)))
            if corrected:
                measured = {"gold": name, "statements": len(records), "lomo": True}
                report = {"learning_curve": curve.report(span), "measured_on": measured}
                outputs.append((f"learning curve: {name}", report))
    elif sets and processed and (Path(processed) / "positions.parquet").exists():
        for name, records in sets:
            scored = score_processed(processed, records)
            outputs.append((f"as coded: {name}", _measured(scored, name, False, n_boot)))
    if coders:
        outputs.append(("coders", coder_agreement(*coders)))
    return outputs


def _measured(scored: Scored, name: str, lomo: bool, n_boot: int) -> dict:
    report = scored.report(n_boot)
    report["measured_on"] = {
        "gold": name,
        "statements": len(scored.gold),
        "motions": len({motion_key(g.get("motion_id")) for g in scored.gold}),
        "lomo": lomo,
    }
    return report


def to_json(outputs: list[tuple[str, dict]]) -> dict:
    """The evaluations as one JSON-ready object keyed by title."""
    return {title: jsonable(report) for title, report in outputs}


def to_text(outputs: list[tuple[str, dict]]) -> str:
    """The evaluations as printable text (what ``statements evaluate`` prints)."""
    parts = []
    for title, report in outputs:
        if title == "coders":
            parts.append(f"== two coders (n={report['n']})\n{json.dumps(report, indent=1)}")
        elif "learning_curve" in report:
            parts.append(format_curve(report, title))
        elif "per_document" in report:
            parts.append(format_metadata(report, title))
        else:
            parts.append(format_report(report, title))
    return "\n\n".join(parts)


def run(
    processed: str | Path | None,
    gold: str | Path | Sequence[str | Path] | None = None,
    lomo: bool = False,
    text: str = "auto",
    coders: Sequence[str | Path] | None = None,
    n_boot: int = 1000,
    as_json: bool = False,
    corrected: Sequence[int] = (),
) -> str:
    """The evaluation as printable text, or as JSON text."""
    outputs = evaluations(
        processed, gold, lomo=lomo, text=text, coders=coders, n_boot=n_boot, corrected=corrected
    )
    if as_json:
        return json.dumps(to_json(outputs), ensure_ascii=False, indent=1)
    return to_text(outputs)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.positions.evaluate --processed DIR --gold GOLD [--lomo]``

    Also ``--coders A.csv B.csv`` for two human coders; ``--json`` for machine-readable output."""
    import argparse

    parser = argparse.ArgumentParser(description="Agreement of the coding with a gold file.")
    parser.add_argument("--processed", type=Path)
    parser.add_argument("--gold", type=Path, action="append", help="gold file (repeatable)")
    parser.add_argument("--lomo", action="store_true", help="leave-one-motion-out retraining")
    parser.add_argument(
        "--text", choices=("auto", "processed", "gold"), default="auto",
        help="with --lomo: code the ingested text, the gold bodies, or each where it exists",
    )  # fmt: skip
    parser.add_argument("--coders", nargs=2, type=Path, metavar="CSV", help="two coders' CSVs")
    parser.add_argument("--learning-curve", nargs="+", type=int, default=(), metavar="K")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.gold and not args.coders:
        parser.error("give --gold (with --processed) and/or --coders")
    if args.gold and not (args.processed or (args.lomo and args.text == "gold")):
        parser.error("--gold needs --processed")
    print(
        run(
            args.processed,
            args.gold,
            args.lomo,
            args.text,
            args.coders,
            args.bootstrap,
            args.json,
            args.learning_curve,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
