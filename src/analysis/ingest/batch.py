"""Find statement PDFs, skip what is unchanged, ingest the rest in parallel, stream the tables.

A run hashes every input file (or takes the hash the last run recorded for a file whose size
and modification time are unchanged). When the inputs and the configuration match the
manifest of the previous run (and its tables are intact), there is nothing to do. Otherwise
each file is taken from the content-hash cache or read by a worker (local processes, or a
Dask cluster), results stream into the tables in sorted order, and the tables replace their
predecessors atomically. Heavy modules (pdfplumber, pandas, the worker pools) are imported only when
there is work.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.ingest.work import FileResult, IngestConfig, Source

if TYPE_CHECKING:
    from analysis.ingest.assign import Register

MANIFEST = "manifest.json"
EMPTY_SHA = hashlib.sha256(b"").hexdigest()
LOCK = ".lock"
TABLES = ("statements", "motions", "paragraphs", "sentences")
# Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_WORKER = 4
TABLES_MODULE = "analysis.ingest.tables"
RACY_SECONDS = 2

Progress = Callable[[Source, FileResult], None]


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the command line and the manifest."""

    files: int
    read: int
    cached: int
    statements: int
    errors: int
    pages: int
    unchanged: bool
    tables: dict[str, str]
    rejected: list[list[str]]
    motion_papers: int = 0  # files that a files.csv names as a motion paper: not statements


def find_sources(roots: Iterable[Path]) -> list[Source]:
    """Every PDF under ``roots`` (files are taken as given, folders searched recursively),
    sorted by name so that runs are deterministic. Symbolic links to folders are not followed;
    a link to a file outside its folder is listed as ``outside`` (and never read)."""
    found: dict[str, Source] = {}
    for root in roots:
        if root.is_dir():
            inside = root.resolve()
            for path in sorted(root.rglob("*")):
                if path.is_file() and path.suffix.lower() == ".pdf":
                    name = path.relative_to(root).as_posix()
                    outside = path.is_symlink() and not path.resolve().is_relative_to(inside)
                    found.setdefault(name, Source(path, name, outside))
        else:
            found.setdefault(root.name, Source(root, root.name))
    return [found[k] for k in sorted(found)]


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes (of no bytes when it cannot be read: the worker reports)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return hashlib.sha256(b"").hexdigest()
    return digest.hexdigest()


def ingest(
    roots: Iterable[Path],
    out: Path,
    config: IngestConfig,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    motions: Iterable[Path] = (),
) -> RunSummary:
    """Ingest every PDF under ``roots`` into the tables in ``out``; ``motions``: registers
    (``motions.csv``) besides those found in the folders. Raises
    :class:`~analysis.sources.register.RegisterError` for a register that cannot be used."""
    with output_lock(out):
        return _ingest(list(roots), out, config, workers, scheduler, progress, list(motions))


def _ingest(
    roots: list[Path],
    out: Path,
    config: IngestConfig,
    workers: int,
    scheduler: str | None,
    progress: Progress | None,
    motions: list[Path],
) -> RunSummary:
    from analysis.ingest.assign import load

    found = find_sources(roots)
    register, sources = load(roots, motions, found, out)
    previous = _read_manifest(out)
    shas, stats = _hashes(sources, (previous or {}).get("stats", {}))
    inputs = [[s.name, shas[s.name]] for s in sources]
    inputs += [[f"register:{p}", file_sha256(p)] for p in register.files]
    inputs += [[f"settled:{sid}", ref] for sid, ref in sorted(register.settled.items())]
    if previous and _unchanged(out, previous, inputs, config):
        return RunSummary(**{**previous["summary"], "unchanged": True})
    summary = _run(sources, shas, out, config, workers, scheduler, progress, register)
    summary = replace(summary, motion_papers=len(register.motion_papers))
    _write_manifest(out, {"fingerprint": config.fingerprint(), "inputs": inputs, "stats": stats,
                          "summary": {**summary.__dict__, "unchanged": False}})  # fmt: skip
    return summary


def _hashes(sources: list[Source], known: dict) -> tuple[dict[str, str], dict[str, list]]:
    """Each source's SHA-256, and what to remember of it. A file whose size and modification
    time are the ones the last run recorded keeps the hash recorded then: a re-run over a
    city's archive stats its files instead of reading them all. A file modified within the
    last ``RACY_SECONDS`` is not remembered (a second change within the clock's resolution
    could keep its time), so the next run reads it again."""
    shas: dict[str, str] = {}
    stats: dict[str, list] = {}
    recent = time.time_ns() - RACY_SECONDS * 10**9
    for source in sources:
        if source.outside:
            shas[source.name] = EMPTY_SHA
            continue
        try:
            info = source.path.stat()
        except OSError:
            shas[source.name] = file_sha256(source.path)
            continue
        stamp = [info.st_size, info.st_mtime_ns]
        old = known.get(source.name)
        shas[source.name] = old[2] if old and old[:2] == stamp else file_sha256(source.path)
        if info.st_mtime_ns < recent:
            stats[source.name] = [*stamp, shas[source.name]]
    return shas, stats


class OutputLocked(Exception):
    """Another run is writing to the same output folder."""


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold ``out/.lock`` for the run; a second run on the same folder is refused rather
    than interleaved. The lock dies with its process (a killed run leaves no stale lock)."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputLocked(
                f"{out} is in use by another run ({holder}); wait for it to finish, "
                "or choose another output folder"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        remove_leftovers(out)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(out: Path) -> None:
    """Delete the temporary tables (``.*.tmp``) of runs that were killed before they could
    clean up; holding the lock proves that no run is still writing them. (The cache's own
    leftovers go when it is pruned: a run that finds nothing changed need not walk it.)"""
    for leftover in out.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def _run(
    sources: list[Source],
    shas: dict[str, str],
    out: Path,
    config: IngestConfig,
    workers: int,
    scheduler: str | None,
    progress: Progress | None,
    register: Register,
) -> RunSummary:
    from analysis.ingest.cache import ResultCache

    cache = ResultCache(out, config.fingerprint())
    # The tables' modules (pandas, pandera: half a second) load in the background while
    # the workers start, instead of after them beside busy workers.
    threading.Thread(target=importlib.import_module, args=(TABLES_MODULE,), daemon=True).start()
    sink = None
    counts = {"read": 0, "cached": 0, "statements": 0, "errors": 0, "pages": 0}
    rejected: list[list[str]] = []
    seen: dict[str, int] = {}
    try:
        for source, result, cached in _results(sources, shas, config, cache, workers, scheduler):
            sink = sink or _table_sink(out, register)
            _number_copies(result, seen)
            sink.add(result)
            _count(counts, result, cached)
            rejected.extend(
                [r["source_file"], r["error_message"]]
                for r in result.statements
                if r["status"] == "error"
            )
            if progress is not None:
                progress(source, result)
        sink = sink or _table_sink(out, register)
        written = sink.commit()
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    cache.prune()
    tables = {name: _sha_of(path) for name, path in written.items()}
    return RunSummary(
        files=len(sources), unchanged=False, tables=tables, rejected=rejected, **counts
    )


def _table_sink(out: Path, register: Register) -> Any:
    return importlib.import_module(TABLES_MODULE).TableSink(out, register)


def _count(counts: dict[str, int], result: FileResult, cached: bool) -> None:
    counts["cached" if cached else "read"] += 1
    counts["pages"] += result.pages
    for row in result.statements:
        counts["errors" if row["status"] == "error" else "statements"] += 1


def _results(
    sources: list[Source],
    shas: dict[str, str],
    config: IngestConfig,
    cache: Any,
    workers: int,
    scheduler: str | None,
) -> Iterator[tuple[Source, FileResult, bool]]:
    """Results in source order: cached ones at once, the rest from a bounded window of
    tasks in flight on the executor."""
    from analysis.ingest.executors import executor_for

    with executor_for(workers, scheduler, config) as executor:
        window = max(1, workers) * WINDOW_PER_WORKER
        pending: deque[tuple[Source, Any]] = deque()  # a FileResult or a task
        todo = iter(sources)
        while True:
            while len(pending) < window and (source := next(todo, None)) is not None:
                if source.outside:
                    pending.append((source, outside_result(source)))
                    continue
                hit = cache.get(shas[source.name], source.name)
                task = hit or executor.submit(source, config, shas[source.name])
                pending.append((source, task))
            if not pending:
                return
            source, task = pending.popleft()
            if isinstance(task, FileResult):
                yield source, task, not source.outside
                continue
            result = executor.collect(task, source, config, shas[source.name])
            if not isinstance(result, FileResult):
                result = _spread_ocr(executor, source, config, shas[source.name], result)
            cache.put(shas[source.name], result)
            yield source, result, False


def _spread_ocr(executor: Any, source: Source, config: IngestConfig, sha: str, work: Any):
    """A file's scanned pages (``work``: an OcrWork) as one task each, so that a long scan
    runs on every worker at once; then its statements. A page that fails fails the file."""
    from concurrent.futures.process import BrokenProcessPool

    from analysis.ingest.executors import crashed
    from analysis.ingest.pipeline import PageFailure, failed

    tasks = {n: executor.call("ocr_one", source, n, config) for n in work.pages}
    read = {}
    try:
        for number, task in tasks.items():
            read[number] = executor.result(task, "ocr_one", source, number, config)
    except BrokenProcessPool:
        return crashed(source, sha)
    errors = [page for page in read.values() if isinstance(page, PageFailure)]
    if errors:
        return failed(source, sha, errors[0])
    finish = ("finish_file", source, work, read, config, sha)
    try:
        return executor.result(executor.call(*finish), *finish)
    except BrokenProcessPool:
        return crashed(source, sha)


def outside_result(source: Source) -> FileResult:
    """The error row of a symbolic link that leads out of its source folder: such a file is
    not read, so a folder from elsewhere cannot pull other files of this machine into the
    tables (and from there into published reports)."""
    from analysis.ingest.pipeline import error_row

    message = (
        f"{source.name}: the file is a symbolic link to a file outside the source folder; it "
        "was not read. If the file belongs to the statements, copy it into the folder (or name it "
        "on the command line) and run ingest again."
    )
    return FileResult(statements=[error_row(source, EMPTY_SHA, "other", message)])


def _number_copies(result: FileResult, seen: dict[str, int]) -> None:
    """Byte-identical files share a content id; later copies get a numbered suffix so every
    row stays addressable (sources are sorted, so the numbering is stable)."""
    renamed: dict[str, str] = {}
    for row in result.statements:
        sid = row["statement_id"]
        seen[sid] = seen.get(sid, 0) + 1
        if seen[sid] > 1:
            renamed[sid] = row["statement_id"] = f"{sid}-{seen[sid]}"
    for row in (*result.paragraphs, *result.sentences):
        row["statement_id"] = renamed.get(row["statement_id"], row["statement_id"])


def _read_manifest(out: Path) -> dict | None:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _unchanged(out: Path, previous: dict, inputs: list, config: IngestConfig) -> bool:
    """Same inputs, same configuration, and the tables are the ones that run wrote."""
    if previous.get("inputs") != inputs or previous.get("fingerprint") != config.fingerprint():
        return False
    if set(previous.get("summary", {})) != set(RunSummary.__dataclass_fields__):
        return False
    tables = previous.get("summary", {}).get("tables", {})
    return set(tables) == set(TABLES) and all(
        _sha_of(out / f"{name}.parquet") == sha for name, sha in tables.items()
    )


def _sha_of(path: Path) -> str:
    return file_sha256(path) if path.exists() else ""


def _write_manifest(out: Path, manifest: dict) -> None:
    write_json(out / MANIFEST, manifest)


def write_json(target: Path, data: dict) -> None:
    """Write ``data`` as JSON to ``target`` atomically (temporary file, fsync, rename)."""
    import tempfile  # here: a run that finds nothing changed writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
