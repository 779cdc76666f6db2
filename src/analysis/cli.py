"""The ``statements`` command: parses arguments, shows progress, calls the stages; no logic."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis import __version__
from analysis.ingest import batch
from analysis.ingest.work import READERS, FileResult, IngestConfig, Source

SHOWN_ERRORS = 20
EVALUATION = "evaluation.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="statements",
        description="Turn statements (Stellungnahmen) on council motions into analysis tables.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="read statement PDFs into processed tables")
    ingest.add_argument("sources", nargs="+", type=Path, metavar="SRC", help="PDF files or folders")
    ingest.add_argument("--out", required=True, type=Path, help="directory for the tables")
    ingest.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    ingest.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on a Dask cluster (e.g. tcp://host:8786)"
    )
    ingest.add_argument("--ocr", choices=("auto", "off", "force"), default="auto")
    ingest.add_argument(
        "--reader", choices=READERS, default="auto",
        help="text layer reader: PDFium with pdfplumber for doubtful pages (auto), PDFium "
        "alone, or pdfplumber alone (the reference)",
    )  # fmt: skip
    ingest.add_argument("--max-pages", type=int, default=2000, help="page limit per file")
    ingest.add_argument(
        "--timeout", type=float, default=300.0, help="time limit per file in seconds (0: none)"
    )
    ingest.add_argument(
        "--max-memory", type=int, default=4096, help="memory limit per worker in MB (0: none)"
    )
    ingest.add_argument(
        "--max-file-mb", type=float, default=200.0, help="size limit per file in MB (0: none)"
    )
    ingest.add_argument(
        "--motions", action="append", default=[], type=Path, metavar="CSV",
        help="motions register (motions.csv; those inside SRC folders are read anyway)",
    )  # fmt: skip
    ingest.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ingest.set_defaults(func=_ingest)

    analyze = sub.add_parser("analyze", help="code positions and stances, find argument clusters")
    analyze.add_argument("--processed", required=True, type=Path, help="folder with the tables")
    analyze.add_argument("--codebook", type=Path, help="YAML codebook (default: the shipped one)")
    analyze.add_argument("--quiet", action="store_true", help="no progress on stderr")
    analyze.set_defaults(func=_analyze)

    evaluate = sub.add_parser("evaluate", help="agreement of the coding with human coding")
    evaluate.add_argument("--processed", required=True, type=Path, help="folder with the tables")
    evaluate.add_argument(
        "--gold",
        type=Path,
        action="append",
        help="gold.jsonl with human coding (repeat for several sets; --lomo pools them)",
    )
    evaluate.add_argument("--lomo", action="store_true", help="leave-one-motion-out retraining")
    evaluate.add_argument(
        "--learning-curve",
        nargs="+",
        type=int,
        metavar="K",
        help="with --lomo: macro-F1 after K corrected statements per motion (e.g. 0 3 5 10)",
    )
    evaluate.add_argument("--coders", nargs=2, type=Path, metavar="CSV", help="two coders' CSVs")
    evaluate.add_argument("--json", action="store_true", help="machine-readable output")
    evaluate.set_defaults(func=_evaluate)

    report = sub.add_parser("report", help="write the council reports (HTML, CSV, XLSX)")
    report.add_argument("--processed", required=True, type=Path, help="folder with the tables")
    report.add_argument("--out", required=True, type=Path, help="folder for the reports")
    report.add_argument("--motion", help="one motion's reference (default: every motion)")
    report.add_argument(
        "--sources", type=Path, help="folder ingest read the PDFs from (default: PROCESSED/../raw)"
    )
    report.add_argument("--gold", type=Path, help="gold.jsonl with human coding (agreement)")
    report.add_argument("--codebook", type=Path, help="YAML codebook for the code labels")
    report.add_argument(
        "--glossary", action="append", default=[], type=Path, metavar="YAML",
        help="your own glossary file on top of the shipped one (repeatable)",
    )  # fmt: skip
    report.add_argument(
        "--redact",
        nargs="?",
        const="private",
        choices=("private", "all"),
        help="hide personal data: of everyone not known to write in an official capacity "
        "(--redact), or of everyone (--redact all)",
    )
    report.add_argument(
        "--no-checks", dest="checks", action="store_false", help="skip the two check pages"
    )
    report.add_argument("--quiet", action="store_true", help="no progress on stderr")
    report.set_defaults(func=_report_command)
    _add_fetch(sub)
    return parser


def _add_fetch(sub: argparse._SubParsersAction) -> None:
    from analysis.sources import STATEMENT_PATTERN

    fetch = sub.add_parser(
        "fetch", help="download motions and their statements from a council system (OParl)"
    )
    fetch.add_argument(
        "--oparl", required=True, metavar="URL", help="OParl system URL (…/oparl/v1/system)"
    )
    fetch.add_argument("--out", required=True, type=Path, help="folder for the PDFs and tables")
    fetch.add_argument("--body", help="the body (id, short name or part of the name)")
    select = fetch.add_argument_group("which motions (every criterion given must hold)")
    select.add_argument(
        "--reference", action="append", default=[], metavar="REF", help="e.g. BA-090/2020"
    )
    select.add_argument("--name", metavar="TEXT", help="text in the motion's name")
    select.add_argument("--from", dest="date_from", type=_iso_day, metavar="YYYY-MM-DD")
    select.add_argument("--to", dest="date_to", type=_iso_day, metavar="YYYY-MM-DD")
    select.add_argument(
        "--motion-type", action="append", default=[], metavar="TYPE",
        help="paper type of the motions, e.g. Antrag (repeatable)",
    )  # fmt: skip
    select.add_argument(
        "--statement-type", default=STATEMENT_PATTERN, metavar="REGEX",
        help="paper types and attachment names that are statements",
    )  # fmt: skip
    fetch.add_argument("--full", action="store_true", help="list every paper again")
    fetch.add_argument("--delay", type=float, default=0.5, help="seconds between requests")
    fetch.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    fetch.add_argument("--retries", type=int, default=3, help="retries of a failed request")
    fetch.add_argument("--max-file-mb", type=float, default=100.0, help="size limit per file")
    fetch.add_argument("--quiet", action="store_true", help="no progress on stderr")
    fetch.set_defaults(func=_fetch)


def _iso_day(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _ingest(args: argparse.Namespace) -> int:
    from analysis.sources.register import RegisterError

    missing = [str(p) for p in [*args.sources, *args.motions] if not p.exists()]
    if missing:
        return _fail(f"not found: {', '.join(missing)}")
    if (refused := _refuse_unwritable(args.out)) is not None:
        return refused
    config = IngestConfig(
        max_pages=args.max_pages,
        timeout=args.timeout,
        ocr=args.ocr,
        reader=args.reader,
        max_memory_mb=args.max_memory,
        max_file_mb=args.max_file_mb,
    )
    bar: Any = None
    pages = 0

    def progress(_source: Source, result: FileResult) -> None:
        # The bar appears with the first file read: a run that finds nothing changed ends
        # without importing tqdm or listing the sources a second time.
        nonlocal bar, pages
        if bar is None and not args.quiet:
            from tqdm import tqdm

            total = len(batch.find_sources(args.sources))
            bar = tqdm(total=total, unit="file", file=sys.stderr, desc="ingest")
        pages += result.pages
        if bar is not None:
            bar.update(1)
            bar.set_postfix(pages=pages, refresh=False)

    try:
        summary = batch.ingest(
            args.sources,
            args.out,
            config,
            workers=max(1, args.workers),
            scheduler=args.scheduler,
            progress=progress,
            motions=args.motions,
        )
    except (batch.OutputLocked, RegisterError) as exc:
        return _fail(str(exc))
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        _report(summary, args.out)
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from analysis.positions.codebook import CodebookError
    from analysis.positions.run import analyze

    if not (args.processed / "sentences.parquet").exists():
        return _fail(f"no sentences.parquet in {args.processed}: run `statements ingest` first")
    say = None if args.quiet else (lambda message: print(message, file=sys.stderr))
    try:
        with batch.output_lock(args.processed):
            written = analyze(args.processed, args.codebook, progress=say)
    except (CodebookError, batch.OutputLocked) as exc:
        return _fail(str(exc))
    except OSError as exc:
        print(f"statements: cannot write to {args.processed}: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        for path in written.values():
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from analysis.positions import evaluate

    if not args.gold and not args.coders:
        return _fail("evaluate needs --gold and/or --coders")
    if not (args.processed / "statements.parquet").exists():
        return _fail(f"no statements.parquet in {args.processed}: run statements ingest first")
    for path in [*(args.gold or ()), *(args.coders or ())]:
        if not path.is_file():
            return _fail(f"{path} not found: give the path of a gold.jsonl or coder CSV file")
    if args.gold and not args.lomo and not (args.processed / "positions.parquet").exists():
        print(
            f"no positions.parquet in {args.processed}: measuring the metadata only "
            "(run statements analyze to measure the coding too)",
            file=sys.stderr,
        )
    if args.learning_curve and not args.lomo:
        return _fail("--learning-curve needs --lomo (the curve is measured on held-out motions)")
    if any(k < 0 for k in args.learning_curve or ()):
        return _fail("--learning-curve takes numbers of statements (0 or more)")
    outputs = evaluate.evaluations(
        args.processed,
        args.gold,
        lomo=args.lomo,
        coders=args.coders,
        corrected=args.learning_curve or (),
    )
    if args.gold:
        # The report's methods section quotes these figures.
        batch.write_json(args.processed / EVALUATION, evaluate.to_json(outputs))
    if args.json:
        print(json.dumps(evaluate.to_json(outputs), ensure_ascii=False, indent=1))
    else:
        print(evaluate.to_text(outputs))
    return 0


def _report_command(args: argparse.Namespace) -> int:
    # Imported here: papermill and nbconvert load slowly and `ingest` does not need them.
    from analysis.language.glossary import GlossaryError
    from analysis.report.build import build_reports

    if (refused := _refuse_unwritable(args.out)) is not None:
        return refused
    say = None if args.quiet else (lambda message: print(message, file=sys.stderr))
    try:
        result = build_reports(
            args.processed,
            args.out,
            args.motion,
            sources=args.sources,
            gold=args.gold,
            codebook=args.codebook,
            redact=args.redact,
            checks=args.checks,
            progress=say,
            glossary=args.glossary,
        )
    except (FileNotFoundError, LookupError, GlossaryError) as exc:
        return _fail(str(exc))
    if not args.quiet:
        for warning in result.warnings:
            print(warning, file=sys.stderr, end="")
        print(f"reports in {args.out}: open {result.index}", file=sys.stderr)
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from analysis.sources.fetch import fetch
    from analysis.sources.http import FetchError, Politeness
    from analysis.sources.oparl import Selection

    selection = Selection(
        references=tuple(args.reference),
        name=args.name,
        date_from=args.date_from,
        date_to=args.date_to,
        motion_types=tuple(args.motion_type),
        statement_pattern=args.statement_type,
    )
    if not selection.given:
        return _fail("fetch: choose motions with --reference, --name or --from/--to")
    if (refused := _refuse_unwritable(args.out)) is not None:
        return refused
    politeness = Politeness(
        delay=args.delay,
        timeout=args.timeout,
        retries=args.retries,
        max_file_bytes=int(args.max_file_mb * 1024 * 1024),
    )
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(what: str, done: int, total: int) -> None:
        if args.quiet:
            return
        if what not in bars:
            bars[what] = tqdm(desc=what, unit="", total=total or None, file=sys.stderr)
        bar = bars[what]
        bar.update(done - bar.n)

    try:
        summary = fetch(args.oparl, args.out, selection, args.body, politeness, args.full, progress)
    except FetchError as exc:
        return _fail(f"fetch stopped: {exc}; what was downloaded stays in {args.out}")
    finally:
        for bar in bars.values():
            bar.close()
    if not args.quiet:
        how = "changes since the last fetch" if summary.incremental else "all papers"
        print(
            f"{summary.body}: {summary.motions} motions ({how}); {summary.downloaded} files "
            f"downloaded, {summary.kept} already there; tables in {args.out}",
            file=sys.stderr,
        )
        for name, reason in summary.skipped[:SHOWN_ERRORS]:
            print(f"  left out {name}: {reason}", file=sys.stderr)
    for error in summary.errors:
        print(f"  failed {error}", file=sys.stderr)
    return 1 if summary.errors else 0


def _refuse_unwritable(out: Path) -> int | None:
    """The exit status of a command whose output folder cannot be written, with the reason
    on stderr; None when it can."""
    problem = _unwritable(out)
    return _fail(f"cannot write to {out}: {problem}") if problem else None


def _unwritable(out: Path) -> str | None:
    """Why a file cannot be created in ``out``, found by creating one (permissions, ACLs,
    read-only mounts all show); None when it can."""
    probe = out / f".write-test-{os.getpid()}"
    try:
        out.mkdir(parents=True, exist_ok=True)
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        probe.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _fail(message: str) -> int:
    print(f"statements: {message}", file=sys.stderr)
    return 2


def _report(summary: batch.RunSummary, out: Path) -> None:
    if summary.unchanged:
        print(f"nothing changed since the last run; tables in {out}", file=sys.stderr)
        return
    print(
        f"{summary.files} files ({summary.read} read, {summary.cached} from cache): "
        f"{summary.statements} statements, {summary.errors} files rejected; tables in {out}",
        file=sys.stderr,
    )
    if summary.motion_papers:
        print(
            f"  {summary.motion_papers} motion papers set aside (files.csv: role motion); "
            "they are listed in motions.parquet",
            file=sys.stderr,
        )
    for name, message in summary.rejected[:SHOWN_ERRORS]:
        print(f"  rejected {name}: {message}", file=sys.stderr)
    if len(summary.rejected) > SHOWN_ERRORS:
        more = len(summary.rejected) - SHOWN_ERRORS
        print(
            f"  … and {more} more: rows with status 'error' in statements.parquet", file=sys.stderr
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
