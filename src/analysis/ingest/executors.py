"""Where files are read: local worker processes, or a Dask cluster. Both take a file and
give its FileResult (or, for a scan of several pages, the OcrWork whose pages then run as
tasks of their own); a local worker that a hostile file crashes is replaced."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analysis.ingest.work import FileResult, IngestConfig, Source

# A file with this many pages to OCR has them read one task per page, on every worker.
SPLIT_OCR_PAGES = 2


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

    def call(self, task: str, *args: object) -> Future:
        """Run ``pipeline.<task>(*args)`` on a worker."""
        try:
            future = self.pool.submit(in_worker, task, *args)
        except BrokenProcessPool:
            self._renew()
            future = self.pool.submit(in_worker, task, *args)
        self.owners[future] = self.pool
        return future

    def result(self, future: Future, task: str, *args: object) -> Any:
        """The value of ``call(task, *args)``. When its worker died (a file crashed a native
        library or its memory cap), the pool is replaced once, and every task that was in
        flight in it (failed or cancelled) runs again alone, where only the culprit fails:
        BrokenProcessPool if it kills that worker too."""
        pool = self.owners.pop(future, None)
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError):
            if pool is self.pool:
                self._renew()
            return self._alone(task, *args)

    def submit(self, source: Source, config: IngestConfig, sha: str) -> Future:
        return self.call(*file_task(source, config, sha))

    def collect(self, future: Future, source: Source, config: IngestConfig, sha: str) -> Any:
        task = file_task(source, config, sha)
        try:
            result = self.result(future, *task)
            if isinstance(result, FileResult) and out_of_memory(result):
                # A worker keeps the address space an earlier file (a decompression bomb)
                # took, so a file can run out of memory there and not in a fresh process:
                # its outcome must not depend on which files the worker read before.
                result = self._alone(*task)
        except BrokenProcessPool:
            return crashed(source, sha)
        return result

    def _renew(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._pool(self.workers)

    def _alone(self, task: str, *args: object) -> Any:
        with self._pool(1) as solo:
            return solo.submit(in_worker, task, *args).result()


def file_task(source: Source, config: IngestConfig, sha: str) -> tuple:
    """The task that reads one file: a file with SPLIT_OCR_PAGES or more pages to OCR comes
    back as OcrWork, for its pages to be spread over the workers."""
    return ("ingest_file", source, config, sha, SPLIT_OCR_PAGES)


def in_worker(task: str, *args: object) -> Any:
    """``pipeline.<task>(*args)``, imported in the worker: tasks name their function, so the
    command itself never loads the readers (a tenth of a second before the first file)."""
    from analysis.ingest import pipeline

    return getattr(pipeline, task)(*args)


def crashed(source: Source, sha: str) -> FileResult:
    """The error row of a file that crashed its worker twice."""
    from analysis.ingest.pipeline import error_row

    message = (
        f"{source.name}: the PDF reader crashed or ran out of memory on this file. The file "
        "is probably malformed or a decompression bomb: request a new copy or repair it "
        "(e.g. `qpdf in.pdf out.pdf`)."
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

    def call(self, task: str, *args: object) -> Any:
        return self.client.submit(in_worker, task, *args, pure=False)

    def result(self, future: Any, task: str, *args: object) -> Any:
        return future.result()

    def submit(self, source: Source, config: IngestConfig, sha: str) -> Any:
        return self.call(*file_task(source, config, sha))

    def collect(self, future: Any, source: Source, config: IngestConfig, sha: str) -> Any:
        return future.result()
