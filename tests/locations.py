"""Where the tests find their inputs: what the repository holds, and the team's ``../shared``.

The repository alone is enough for the suite: the sample corpus and its gold in ``data/raw``, the
robustness cases in ``tests/data/robustness``. ``../shared`` (or the folder named by the
``STATEMENTS_SHARED`` environment variable) adds third-party PDFs, the real letters and the team's
scorer; tests that need them skip with one line when it is absent.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STATEMENTS_SHARED") or REPO.parent / "shared")
SAMPLE = REPO / "data" / "raw" / "sample"
SAMPLE_GOLD = REPO / "data" / "raw" / "sample-gold.jsonl"
ROBUSTNESS = Path(__file__).resolve().parent / "data" / "robustness"
ROBUSTNESS_CASES = ROBUSTNESS / "robustness.json"
EXTERNAL = SHARED / "external"
REAL_LETTERS = SHARED / "real-letters"
SCORER = SHARED / "eval" / "score.py"
