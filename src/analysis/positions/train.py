"""Train the shipped default model on a gold file: ``python -m analysis.positions.train GOLD``.

The model is trained on the gold bodies (split into sentences as ingest splits them) and the
gold position and stance labels, and saved as JSON beside this module (``models/``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.gold import read_gold
from analysis.positions.classify import DEFAULT_MODEL
from analysis.positions.evaluate import gold_labels, gold_sentences
from analysis.positions.model import PositionModel


def train(gold_path: str | Path, out: str | Path = DEFAULT_MODEL) -> Path:
    gold = read_gold(gold_path)
    model = PositionModel().fit(gold_sentences(gold), gold_labels(gold))
    return model.save(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    print(f"wrote {train(args.gold, args.out)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
