"""File and folder names for what a server sends: never a path outside the output folder.

A ``fileName`` such as ``../../etc/passwd.pdf``, ``/abs/path.pdf`` or ``CON.pdf`` comes from
the server; only its last part is kept, cleaned of characters that are not portable, and
names that Windows reserves get a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME = 120
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*\\/]+')


def safe_name(name: str | None, fallback: str, suffix: str = "") -> str:
    """A plain file name from ``name`` (its last path part), ending in ``suffix`` when given;
    ``fallback`` when nothing usable is left."""
    text = unicodedata.normalize("NFC", name or "").replace("\\", "/").split("/")[-1]
    text = _UNSAFE.sub("_", text).strip(" ._")
    if not text:
        text = fallback
    if suffix and not text.lower().endswith(suffix):
        text += suffix
    if text.split(".")[0].lower() in _RESERVED:
        text = f"_{text}"
    if len(text) > MAX_NAME:
        stem, dot, ext = text.rpartition(".")
        keep = ext if dot and len(ext) <= 8 else ""
        text = text[: MAX_NAME - len(keep) - 1].rstrip(" .") + (f".{keep}" if keep else "")
    return text


def folder_name(reference: str | None, fallback: str) -> str:
    """A folder for a motion: its reference with separators turned into dashes
    (``DS-0012/2026`` → ``DS-0012-2026``)."""
    text = re.sub(r"[^\w.-]+", "-", unicodedata.normalize("NFC", reference or "")).strip("-._")
    return safe_name(text, fallback)


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with ``-2``, ``-3``… before its suffix when it is taken
    (case-insensitively: a file system may fold case); ``taken`` is updated."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    taken.add(candidate.lower())
    return candidate


def inside(folder: Path, relative: str) -> Path:
    """``folder / relative``, refusing anything that would lie outside ``folder``."""
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ValueError(f"{relative!r} would lie outside {folder}")
    return target
