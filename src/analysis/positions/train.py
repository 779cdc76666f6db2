"""Train the shipped default model on gold files:
``python -m analysis.positions.train GOLD [GOLD ...]``.

The model is trained on the gold bodies (split into sentences as ingest splits them), the gold
position and stance labels and the coders' evidence sentences, and saved as JSON beside this
module (``models/``). The shipped model is trained on the bundled sample's gold and the
independent set: ``data/raw/sample-gold.jsonl data/eval/independent/gold.jsonl``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.gold import read_gold
from analysis.positions.classify import DEFAULT_MODEL
from analysis.positions.evaluate import gold_labels, gold_sentences
from analysis.positions.model import PositionModel


def train(gold_paths: list[str | Path], out: str | Path = DEFAULT_MODEL) -> Path:
    gold = [record for path in gold_paths for record in read_gold(path)]
    model = PositionModel().fit(gold_sentences(gold), gold_labels(gold))
    return model.save(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    print(f"wrote {train(args.gold, args.out)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
