"""Stream validated rows into the ingest tables, replacing them atomically at the end.

Rows arrive file by file; they are validated and written in row groups, so memory stays
bounded by a chunk, not by the corpus. Until ``commit`` the tables live in temporary files
beside their targets: an interrupted run leaves the previous tables untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis import schema
from analysis.ingest.assign import MotionTable, Register, apply_links, apply_official_title
from analysis.ingest.metadata import apply_motion_titles, collect_motion_titles
from analysis.ingest.work import FileResult

TABLE_NAMES = ("statements", "paragraphs", "sentences")  # streamed
MOTIONS = "motions"  # one row per motion, written at the end
TABLE_MODE = 0o644
# A chunk is written once it holds this many rows or this many characters of text: statement
# rows carry a whole letter each, so a count of rows alone would let them grow large. About
# what forty letters give: the command's memory at 5,000 letters stays near that at 100
# (a chunk costs several times its text while it becomes a validated frame and an Arrow table).
CHUNK_ROWS = 2_000
CHUNK_CHARS = 200_000
ARROW_TYPES = {
    "str": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "object": pa.list_(pa.string()),  # lists of names (``authors``)
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``, derived from its pandera schema."""
    columns = schema.TABLES[table].columns
    return pa.schema([(name, ARROW_TYPES[str(col.dtype)]) for name, col in columns.items()])


class TableSink:
    """Collects FileResults in order and writes the tables in row groups of at most
    ``chunk_rows`` rows or ``chunk_chars`` characters of text."""

    def __init__(
        self,
        out: Path,
        register: Register | None = None,
        chunk_rows: int = CHUNK_ROWS,
        chunk_chars: int = CHUNK_CHARS,
    ) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.chunk_rows = chunk_rows
        self.chunk_chars = chunk_chars
        self.register = register or Register()
        self.titles: dict[str, Counter[str]] = {}
        self.register.seed(self.titles)
        self.buffers: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
        self.chars: dict[str, int] = dict.fromkeys(TABLE_NAMES, 0)
        self.tmp: dict[str, str] = {}
        self.writers: dict[str, pq.ParquetWriter] = {}
        try:
            for name in TABLE_NAMES:
                self.tmp[name] = _temp_path(out, name)
                self.writers[name] = pq.ParquetWriter(self.tmp[name], arrow_schema(name))
        except BaseException:  # an interrupt while starting must not leave files either
            self.abort()
            raise

    def add(self, result: FileResult) -> None:
        collect_motion_titles(result.statements, self.titles)
        for name in TABLE_NAMES:
            rows = getattr(result, name)
            self.buffers[name].extend(rows)
            self.chars[name] += sum(len(row["text"]) for row in rows)
            full = len(self.buffers[name]) >= self.chunk_rows
            if full or self.chars[name] >= self.chunk_chars:
                self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self.buffers[name]
        if rows:
            frame = schema.frame(name, rows)
            table = pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False)
            self.writers[name].write_table(table)
        self.buffers[name] = []
        self.chars[name] = 0

    def commit(self) -> dict[str, Path]:
        """Finish the temporary tables and rename them over the targets. Statements take a
        second pass: a motion title seen late in the run completes rows written early."""
        for name in TABLE_NAMES:
            self._flush(name)
            self.writers[name].close()
        motions = self._rewrite_titles()
        self.tmp[MOTIONS] = _temp_path(self.out, MOTIONS)
        frame = schema.frame(MOTIONS, motions.rows())
        pq.write_table(
            pa.Table.from_pandas(frame, schema=arrow_schema(MOTIONS), preserve_index=False),
            self.tmp[MOTIONS],
        )
        # Everything on disk first, then the renames back to back: a crash between two renames
        # (which the next run repairs) becomes as unlikely as it can be without a set rename.
        for name in self.tmp:
            _fsync(self.tmp[name])
        written = {}
        for name in self.tmp:
            target = self.out / f"{name}.parquet"
            os.replace(self.tmp[name], target)
            written[name] = target
        return written

    def _rewrite_titles(self) -> MotionTable:
        """Tie every statement to its motion (mapping, analyst, number, title) and complete
        its title; → the run's motions. Row group by row group, as written: memory stays
        one chunk."""
        motions = MotionTable(self.register)
        official = self.register.official_titles()
        source = pq.ParquetFile(self.tmp["statements"])
        final = _temp_path(self.out, "statements")
        try:
            with pq.ParquetWriter(final, arrow_schema("statements")) as writer:
                for group in range(source.num_row_groups):
                    rows = source.read_row_group(group).to_pylist()
                    for row in rows:
                        apply_links(row, self.register)
                    apply_motion_titles(rows, self.titles)
                    for row in rows:
                        apply_official_title(row, official)
                        motions.add(row)
                    table = pa.Table.from_pylist(rows, schema=arrow_schema("statements"))
                    writer.write_table(table)
            source.close()
            os.replace(final, self.tmp["statements"])
        except BaseException:
            Path(final).unlink(missing_ok=True)
            raise
        return motions

    def abort(self) -> None:
        """Close and remove the temporary tables (the previous tables stay as they were)."""
        for name in (*TABLE_NAMES, MOTIONS):
            try:
                if name in self.writers:
                    self.writers[name].close()
            finally:
                if name in self.tmp:
                    Path(self.tmp[name]).unlink(missing_ok=True)


def _temp_path(out: Path, name: str) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".parquet.tmp", dir=out)
    os.close(fd)
    os.chmod(tmp, TABLE_MODE)  # mkstemp makes files private; tables are shared like any output
    return tmp


def _fsync(path: str) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
