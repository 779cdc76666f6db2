"""Where files are read: local worker processes, or a Dask cluster. Both take a file and
give its FileResult; a local worker that a hostile file crashes is replaced."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analysis.ingest.work import FileResult, IngestConfig, Source


def executor_for(workers: int, scheduler: str | None, config: IngestConfig) -> Any:
    if scheduler:
        return _DaskExecutor(scheduler)
    return _ProcessExecutor(max(1, workers), config.max_memory_mb * 2**20)


class _ProcessExecutor:
    """Local worker processes, even for one worker: a hostile file that exhausts memory or
    crashes a native library takes down a worker, never the run. Such a file is retried
    alone in a fresh process; if it fails again it becomes an error row."""

    def __init__(self, workers: int, memory_limit: int) -> None:
        self.workers = workers
        self.memory_limit = memory_limit
        self.pool = self._pool(workers)
        self.owners: dict[Future, ProcessPoolExecutor] = {}

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        # Workers fork from a server process that has only the reader imported, not from
        # this process (its tables, threads and reserved memory would count against the
        # workers' memory cap and make it smaller than asked for).
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["analysis.ingest.pipeline"])
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=limit_memory,
            initargs=(self.memory_limit,),
        )

    def __enter__(self) -> _ProcessExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, source: Source, config: IngestConfig, sha: str) -> Future:
        from analysis.ingest.pipeline import ingest_file

        try:
            future = self.pool.submit(ingest_file, source, config, sha)
        except BrokenProcessPool:
            self._renew()
            future = self.pool.submit(ingest_file, source, config, sha)
        self.owners[future] = self.pool
        return future

    def collect(self, future: Future, source: Source, config: IngestConfig, sha: str):
        pool = self.owners.pop(future, None)
        try:
            result = future.result()
        except (BrokenProcessPool, CancelledError):
            # A worker died (a file crashed a native library or its memory cap): the pool
            # is replaced once, and every file that was in flight in it (failed or
            # cancelled) is read again alone, where only the culprit fails.
            if pool is self.pool:
                self._renew()
            return self._isolated(source, config, sha)
        if out_of_memory(result):
            # A worker keeps the address space an earlier file (a decompression bomb) took,
            # so a file can run out of memory there and not in a fresh process: its outcome
            # must not depend on which files the worker read before.
            return self._isolated(source, config, sha)
        return result

    def _renew(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._pool(self.workers)

    def _isolated(self, source: Source, config: IngestConfig, sha: str) -> FileResult:
        from analysis.ingest.pipeline import error_row, ingest_file

        with self._pool(1) as solo:
            try:
                return solo.submit(ingest_file, source, config, sha).result()
            except BrokenProcessPool:
                message = (
                    f"{source.name}: the PDF reader crashed or ran out of memory on this "
                    "file. The file is probably malformed or a decompression bomb: request "
                    "a new copy or repair it (e.g. `qpdf in.pdf out.pdf`)."
                )
                return FileResult(statements=[error_row(source, sha, "damaged", message)])


def out_of_memory(result: FileResult) -> bool:
    """Whether the file was rejected because its worker ran out of memory."""
    return any("MemoryError" in (row["error_message"] or "") for row in result.statements)


def limit_memory(limit: int) -> None:
    """Cap a worker's address space (bytes; 0: no cap) so that one file cannot exhaust the
    machine: allocations beyond it fail inside that worker only."""
    if limit > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class _DaskExecutor:
    """The same tasks on a Dask cluster (``--scheduler ADDRESS``)."""

    def __init__(self, address: str) -> None:
        from distributed import Client

        self.client = Client(address)

    def __enter__(self) -> _DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def submit(self, source: Source, config: IngestConfig, sha: str) -> Any:
        from analysis.ingest.pipeline import ingest_file

        return self.client.submit(ingest_file, source, config, sha, pure=False)

    def collect(self, future: Any, source: Source, config: IngestConfig, sha: str):
        return future.result()
