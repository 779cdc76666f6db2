"""A content-hash cache of per-file results, so re-runs re-read only new or changed files.

Entries are keyed by the file's SHA-256 and the configuration fingerprint, stored as
compressed JSON beside the tables (``DIR/.cache``): plain data, never code, so a tampered
cache cannot execute anything. Entries no run uses any more are pruned.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from analysis.ingest.work import FileResult

CACHE_DIR = ".cache"


class ResultCache:
    """Per-file results under ``root/<fingerprint>/<sha[:2]>/<sha>.json.gz``."""

    def __init__(self, out: Path, fingerprint: str) -> None:
        self.root = out / CACHE_DIR
        self.dir = self.root / fingerprint
        self.used: set[str] = set()
        self.folders: set[Path] = set()  # made already: one mkdir per folder, not per entry

    def _path(self, sha: str) -> Path:
        return self.dir / sha[:2] / f"{sha}.json.gz"

    def get(self, sha: str, source_name: str) -> FileResult | None:
        """The cached rows of content ``sha``, renamed to ``source_name``; None if absent."""
        path = self._path(sha)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError, EOFError):
            return None
        self.used.add(sha)
        for row in data["statements"]:
            row["error_message"] = _renamed(row["error_message"], row["source_file"], source_name)
            row["source_file"] = source_name
        return FileResult(
            statements=data["statements"],
            paragraphs=data["paragraphs"],
            sentences=data["sentences"],
            pages=data["pages"],
        )

    def put(self, sha: str, result: FileResult) -> None:
        """Store ``result`` atomically (a crash leaves no partial entry)."""
        path = self._path(sha)
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        payload = {
            "statements": result.statements,
            "paragraphs": result.paragraphs,
            "sentences": result.sentences,
            "pages": result.pages,
        }
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                gz.write(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.used.add(sha)

    def prune(self) -> None:
        """Drop entries of files no longer in the corpus and of other configurations, and
        temporary files of killed runs."""
        if not self.root.is_dir():
            return
        for entry in sorted(self.root.rglob("*")):
            if entry.name.endswith(".tmp"):  # left by a run that was killed while writing
                entry.unlink(missing_ok=True)
            elif entry.name.endswith(".json.gz"):
                stale = entry.parent.parent != self.dir or entry.name[:-8] not in self.used
                if stale:
                    entry.unlink(missing_ok=True)
        for folder in sorted(self.root.rglob("*"), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def _renamed(message: str | None, old: str, new: str) -> str | None:
    """An error message of content first seen as ``old``, naming ``new`` instead (a copy of
    the file, or the file renamed since): messages begin with the file's name (or, from OCR,
    its base name), and must name the file they are about."""
    if not message or old == new:
        return message
    for prefix in (old, old.rsplit("/", 1)[-1]):
        if message.startswith(prefix):
            return new + message[len(prefix) :]
    return message
