"""Where the tests find their inputs: the repository's sample corpus and ``../shared``."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "data" / "raw" / "sample"
DEV = SHARED / "corpus" / "dev"
DEV_PDF = DEV / "pdf"
DEV_GOLD = DEV / "gold.jsonl"
ROBUSTNESS = DEV / "robustness"
ROBUSTNESS_CASES = ROBUSTNESS / "robustness.json"
EXTERNAL = SHARED / "external"
SCORER = SHARED / "eval" / "score.py"
