"""The ``statements`` command: parses arguments, shows progress, calls the stages; no logic."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from analysis.ingest import batch


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="statements",
        description="Turn statements (Stellungnahmen) on council motions into analysis tables.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="read statement PDFs into processed tables")
    ingest.add_argument("sources", nargs="+", type=Path, metavar="SRC", help="PDF files or folders")
    ingest.add_argument("--out", required=True, type=Path, help="directory for the tables")
    ingest.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    ingest.add_argument("--ocr", choices=("auto", "off", "force"), default="auto")
    ingest.add_argument("--max-pages", type=int, default=2000, help="page limit per file")
    ingest.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ingest.set_defaults(func=_ingest)
    return parser


def _ingest(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.sources if not p.exists()]
    if missing:
        print(f"statements ingest: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    sources = batch.find_sources(args.sources)
    config = batch.IngestConfig(
        workers=max(1, args.workers), max_pages=args.max_pages, ocr=args.ocr
    )
    with tqdm(total=len(sources), unit="file", disable=args.quiet, file=sys.stderr) as bar:
        result = batch.run(sources, config, progress=lambda _s: bar.update(1))
    try:
        written = batch.write_tables(result, args.out)
    except OSError as exc:
        print(f"statements ingest: cannot write to {args.out}: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        _summary(result, written)
    return 0


def _summary(result: batch.FileResult, written: dict[str, Path]) -> None:
    errors = [r for r in result.statements if r["status"] == "error"]
    ok = len(result.statements) - len(errors)
    print(f"{ok} statements read, {len(errors)} files rejected", file=sys.stderr)
    for row in errors:
        print(f"  {row['error_kind']}: {row['error_message']}", file=sys.stderr)
    for path in written.values():
        print(f"wrote {path}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
