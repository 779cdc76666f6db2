"""What a fetch keeps between runs, in ``<out>/.oparl-fetch/``: a journal of downloaded files
(one JSON line each, written as soon as a file is complete, so a killed fetch resumes where
it stopped) and the state of the last complete run (for ``modified_since`` re-fetches).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from analysis.ingest.batch import write_json
from analysis.sources.oparl import FileRef, PaperRef, Selection

STATE_DIR = ".oparl-fetch"
JOURNAL = "downloads.jsonl"
STATE = "state.json"


class Store:
    """The output folder of a fetch and its memory of earlier runs."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.dir = out / STATE_DIR
        self.dir.mkdir(parents=True, exist_ok=True)
        for leftover in out.rglob("*.part"):  # a download cut off by a kill
            leftover.unlink(missing_ok=True)
        self.journal = _read_journal(self.dir / JOURNAL)
        self.state = _read_json(self.dir / STATE)

    def have(self, url: str, version: str) -> str | None:
        """The relative path of an earlier download of this file version, when still there."""
        entry = self.journal.get(url)
        if not entry or entry["version"] != version:
            return None
        path = self.out / entry["file"]
        return entry["file"] if path.is_file() and path.stat().st_size == entry["size"] else None

    def taken(self) -> dict[str, str]:
        """Download URL → relative path of every journalled file (their names stay theirs)."""
        return {url: entry["file"] for url, entry in self.journal.items()}

    def record(self, url: str, version: str, file: str, size: int, sha256: str) -> None:
        entry = {"url": url, "version": version, "file": file, "size": size, "sha256": sha256}
        self.journal[url] = entry
        with (self.dir / JOURNAL).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def sha256(self, url: str) -> str | None:
        entry = self.journal.get(url)
        return entry["sha256"] if entry else None

    def since(self, key: dict) -> str | None:
        """When the last complete run with the same system, body and selection started
        (``modified_since`` for this one), or None: list everything."""
        state = self.state
        if not state or not state.get("complete") or state.get("key") != key:
            return None
        if not all(self.have(url, e["version"]) for url, e in self.journal.items()):
            return None  # a file was removed by hand: list everything again
        return state.get("started")

    def papers(self) -> dict[str, PaperRef]:
        return {p["id"]: _paper(p) for p in (self.state or {}).get("papers", [])}

    def save(self, key: dict, started: str, complete: bool, papers: list[PaperRef]) -> None:
        state = {
            "key": key,
            "started": started,
            "complete": complete,
            "papers": [asdict(p) for p in sorted(papers, key=lambda p: p.id)],
        }
        write_json(self.dir / STATE, state)
        self.state = state


def state_key(system: str, body: str, selection: Selection) -> dict:
    """What a run's ``modified_since`` is relative to (as JSON reads it back: lists)."""
    return json.loads(json.dumps({"system": system, "body": body, "selection": asdict(selection)}))


def _paper(data: dict) -> PaperRef:
    files = {
        "main_file": FileRef(**data["main_file"]) if data.get("main_file") else None,
        "auxiliary": tuple(FileRef(**f) for f in data.get("auxiliary", ())),
    }
    links = {k: tuple(data.get(k, ())) for k in ("superordinated", "subordinated", "related")}
    plain = {k: v for k, v in data.items() if k not in files and k not in links}
    return PaperRef(**plain, **files, **links)


def _read_journal(path: Path) -> dict[str, dict]:
    entries: dict[str, dict] = {}
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
            entries[entry["url"]] = entry
        except (json.JSONDecodeError, KeyError, TypeError):
            continue  # the last line of a killed run may be cut off
    return entries


def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None
