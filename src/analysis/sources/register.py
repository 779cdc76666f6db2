"""The motions register: ``motions.csv`` (one row per motion) and ``files.csv`` (which input
file belongs to which motion, and whether it is a statement or the motion paper itself).

``statements fetch`` writes both beside the PDFs it downloads; an analyst may write a
``motions.csv`` by hand and give it with ``ingest --motions``. Ingest reads them so that a
statement is tied to its motion by the mapping, or by the register's title, not guessed.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

MOTIONS_FILE = "motions.csv"
FILES_FILE = "files.csv"
MOTION_COLUMNS = ("motion_ref", "title", "body", "date", "kind", "origin", "url")
FILE_COLUMNS = (
    "file", "motion_ref", "role", "paper_reference", "paper_name", "paper_type", "file_name",
    "url", "size", "sha256",
)  # fmt: skip
ROLES = ("statement", "motion")
# A hand-written register may use German headings.
_ALIASES = {
    "reference": "motion_ref", "referenz": "motion_ref", "aktenzeichen": "motion_ref",
    "drucksache": "motion_ref", "nummer": "motion_ref", "titel": "title", "name": "title",
    "gremium": "body", "kommune": "body", "datum": "date", "art": "kind", "typ": "kind",
    "quelle": "origin", "datei": "file", "rolle": "role",
}  # fmt: skip
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


class RegisterError(Exception):
    """A register that cannot be used; the message names the file and what to change."""


@dataclass(frozen=True)
class Motion:
    """One motion known to a run."""

    motion_ref: str
    title: str | None = None
    body: str | None = None
    date: str | None = None  # ISO
    kind: str | None = None
    origin: str = "register"
    url: str | None = None


@dataclass(frozen=True)
class FileLink:
    """An input file's motion, from a ``files.csv``."""

    motion_ref: str
    role: str
    origin: str  # "oparl" when written by a fetch, else "register"


def read_motions(path: Path) -> list[Motion]:
    """The motions of a ``motions.csv`` (``,`` or ``;`` separated, with or without BOM)."""
    rows = read_rows(path, required="motion_ref")
    motions = []
    for line, row in rows:
        ref = row.get("motion_ref")
        if not ref:
            raise RegisterError(f"{path}: line {line} has no motion_ref")
        motions.append(
            Motion(
                motion_ref=ref,
                title=row.get("title"),
                body=row.get("body"),
                date=_iso_date(row.get("date"), path, line),
                kind=row.get("kind"),
                origin=row.get("origin") or "register",
                url=row.get("url"),
            )
        )
    return motions


def read_file_links(path: Path) -> dict[Path, FileLink]:
    """Resolved input path → its motion, from a ``files.csv`` (paths relative to its folder;
    one that leads outside the folder is refused)."""
    links = {}
    folder = path.parent.resolve()
    for line, row in read_rows(path, required="file"):
        if not row.get("file") or not row.get("motion_ref"):
            raise RegisterError(f"{path}: line {line} needs both file and motion_ref")
        target = (folder / row["file"]).resolve()
        if not target.is_relative_to(folder):
            raise RegisterError(f"{path}: line {line} names a file outside its folder")
        role = (row.get("role") or "statement").lower()
        if role not in ROLES:
            raise RegisterError(f"{path}: line {line}: role must be one of {', '.join(ROLES)}")
        links[target] = FileLink(row["motion_ref"], role, row.get("origin") or _origin(path))
    return links


def find_registers(roots: list[Path]) -> tuple[list[Path], list[Path]]:
    """The ``motions.csv`` and ``files.csv`` inside the SRC folders (as a fetch leaves them)."""
    motions, files = [], []
    for root in roots:
        if root.is_dir():
            found = sorted(root.rglob("*.csv"))  # one walk of the tree for both names
            motions.extend(p for p in found if p.name == MOTIONS_FILE)
            files.extend(p for p in found if p.name == FILES_FILE)
    return motions, files


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    """Write ``rows`` as CSV (UTF-8 with BOM, so Excel shows umlauts), replacing ``path``
    only when complete."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
    part = path.with_name(path.name + ".part")
    part.write_text(buffer.getvalue(), encoding="utf-8-sig")
    part.replace(path)


def _origin(path: Path) -> str:
    return "oparl" if (path.parent / ".oparl-fetch").is_dir() else "register"


def read_rows(path: Path, required: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, column → non-empty value) of a CSV a person or a fetch wrote."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegisterError(f"{path}: cannot be read ({exc}); save it as UTF-8 CSV") from exc
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [_column(h) for h in next(reader, [])]
    if required not in header:
        raise RegisterError(f"{path}: the column {required} is missing (columns: {header})")
    return [
        (line, {k: v.strip() for k, v in zip(header, values, strict=False) if v.strip()})
        for line, values in enumerate(reader, start=2)
        if any(v.strip() for v in values)
    ]


def _column(heading: str) -> str:
    key = heading.strip().lower().replace(" ", "_").replace("-", "_")
    return _ALIASES.get(key, key)


def _iso_date(text: str | None, path: Path, line: int) -> str | None:
    if not text:
        return None
    if german := _GERMAN_DATE.fullmatch(text):
        day, month, year = german.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
        return text[:10]
    raise RegisterError(f"{path}: line {line}: date {text!r} is neither YYYY-MM-DD nor DD.MM.YYYY")
