"""What an ingest run works on: input sources, its configuration, per-file results.

Kept free of heavy imports so that a run with nothing to do starts and ends quickly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# Text-layer readers (``--reader``): PDFium with pdfplumber for doubtful pages, PDFium alone,
# pdfplumber alone (the reference).
READERS = ("auto", "pdfium", "plumber")


@dataclass(frozen=True)
class IngestConfig:
    """Limits and switches of one ingest run; all of them change what a file yields."""

    max_pages: int = 2000
    timeout: float = 300.0
    ocr: str = "auto"
    reader: str = "auto"
    max_memory_mb: int = 4096
    max_file_mb: float = 200.0

    def fingerprint(self) -> str:
        """Identifies results that this configuration (and this code version) produces."""
        from analysis import __version__

        key = f"{__version__}|{self.max_pages}|{self.timeout}|{self.ocr}|{self.max_memory_mb}"
        key += f"|{self.max_file_mb:g}|{self.reader}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Source:
    """An input file and the name it carries in the tables (relative to its SRC, '/'-joined).
    ``outside``: a symbolic link found in a SRC folder that leads out of it (never read)."""

    path: Path
    name: str
    outside: bool = False


@dataclass
class FileResult:
    """The rows one input file contributes to each table, and the pages it had."""

    statements: list[dict] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    pages: int = 0
