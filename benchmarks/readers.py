"""Equality of the readers: the tables of ``--reader auto`` (and ``pdfium``) against
``--reader plumber``, the reference, on whole corpora.

For each corpus folder (the sample letters, and any given: the third-party PDFs, real
letters) and for seeded fuzz cases built from the sample (``tests/hardening/mutate.py``),
runs ``statements ingest`` once per reader and compares the tables row by row:

- statements: every column (metadata, status, error kind; error *messages* may name the
  reader, so they are compared by kind only);
- sentences: text and page;
- paragraphs: text and page, and the largest difference of their boxes in points.

Prints one table per reader with the files whose rows differ and the columns that differ,
and the wall time of each run. docs/readers.md explains the differences found.

    .venv/bin/python benchmarks/readers.py ../shared/external ../shared/real-letters/pdf
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hardening import mutate  # noqa: E402

STATEMENTS = Path(sys.executable).with_name("statements")
SAMPLE = REPO / "data" / "raw" / "sample"
BOXES = ["x0", "top", "x1", "bottom"]
KEYS = {
    "statements": ["statement_id"],
    "paragraphs": ["statement_id", "paragraph_no"],
    "sentences": ["statement_id", "paragraph_no", "sentence_no"],
}
SKIPPED_COLUMNS = {"error_message"}


def ingest(src: Path, out: Path, reader: str, timeout: float) -> float:
    """Seconds of one ingest run with ``reader``."""
    command = [str(STATEMENTS), "ingest", str(src), "--out", str(out), "--quiet"]
    command += ["--reader", reader, "--timeout", str(timeout)]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in KEYS}


def differences(reference: dict, other: dict) -> tuple[dict[str, set[str]], float, int]:
    """Files → the table columns that differ; the largest paragraph box difference (points);
    the rows compared."""
    differ: dict[str, set[str]] = {}
    files = reference["statements"].set_index("statement_id")["source_file"]
    files = files.combine_first(other["statements"].set_index("statement_id")["source_file"])
    max_box, rows = 0.0, 0
    for name, keys in KEYS.items():
        a, b = reference[name], other[name]
        merged = a.merge(b, on=keys, how="outer", suffixes=("", "~"), indicator=True)
        rows += len(merged)
        for _, row in merged[merged["_merge"] != "both"].iterrows():
            differ.setdefault(files.get(row["statement_id"], "?"), set()).add(f"{name}: row")
        both = merged[merged["_merge"] == "both"]
        columns = [c for c in a.columns if c not in keys and c not in SKIPPED_COLUMNS]
        if name == "paragraphs":
            gaps = (both[BOXES] - both[[f"{c}~" for c in BOXES]].to_numpy()).abs()
            max_box = max(max_box, float(gaps.to_numpy().max()) if len(gaps) else 0.0)
            columns = [c for c in columns if c not in BOXES]
        for column in columns:
            left, right = both[column], both[f"{column}~"]
            if column == "authors":
                unequal = left.map(_listed) != right.map(_listed)
            else:
                unequal = ~((left == right) | (left.isna() & right.isna()))
            for sid in both.loc[unequal, "statement_id"]:
                differ.setdefault(files.get(sid, "?"), set()).add(f"{name}.{column}")
    return differ, max_box, rows


def _listed(value: object) -> tuple:
    """A list cell (``authors``) as a tuple; missing as empty."""
    return () if value is None or isinstance(value, float) else tuple(value)


def compare(name: str, src: Path, readers: list[str], timeout: float, work: Path) -> None:
    runs = {}
    for reader in ["plumber", *readers]:
        out = work / f"{name.split()[0]}-{reader}"
        runs[reader] = (ingest(src, out, reader, timeout), tables(out))
    seconds, reference = runs["plumber"]
    files = reference["statements"]["source_file"].nunique()
    print(f"\n## {name}: {files} files; plumber {seconds:.1f} s")
    for reader in readers:
        took, other = runs[reader]
        differ, max_box, rows = differences(reference, other)
        print(
            f"{reader}: {took:.1f} s ({seconds / took:.1f}× plumber); {rows} rows compared; "
            f"files with differing rows: {len(differ)}/{files}; "
            f"largest paragraph box difference {max_box:.2f} pt"
        )
        for file, columns in sorted(differ.items()):
            print(f"  {file}: {', '.join(sorted(columns))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="more folders of PDFs")
    parser.add_argument("--fuzz", type=int, default=300, help="fuzz cases (0: none)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--timeout", type=float, default=20.0, help="per-file limit (s)")
    parser.add_argument(
        "--readers", nargs="+", default=["auto", "pdfium"], choices=("auto", "pdfium")
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="readers-") as name:
        work = Path(name)
        corpora = [("sample", SAMPLE), *((p.name, p) for p in args.corpora)]
        if args.fuzz:
            cases = work / "fuzz-cases"
            cases.mkdir()
            for item in mutate.cases(args.seed, args.fuzz, mutate.load_bases(SAMPLE)):
                (cases / item.name).write_bytes(item.data)
            corpora.append((f"fuzz ({args.fuzz} cases, seed {args.seed})", cases))
        for label, src in corpora:
            compare(label, src, args.readers, args.timeout, work)


if __name__ == "__main__":
    main()
