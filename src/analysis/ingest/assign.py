"""Tie statements to motions and list the motions of a run (``motions.parquet``).

In order of trust: a file → motion mapping (``files.csv`` from a fetch or an analyst), an
analyst's settlement (a ``motion_ref`` in ``corrections.csv``), the number the statement
prints, and last the title or topic it names (:mod:`analysis.ingest.motion_match`, against
titles from the register and from other statements). A motion register's title is the
motion's official one and replaces what letters print.

Metadata code is imported where titles are counted, not at the top: a run that finds
nothing changed needs the register alone and should end at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corrections import CORRECTIONS_FILE, MIN_PREFIX, settled_motions
from analysis.ingest.motion_match import motion_key
from analysis.ingest.work import Source
from analysis.sources import register

MAPPED = 1.0  # confidence of a motion given by a mapping or a person


@dataclass
class Register:
    """What a run knows about motions besides the statements' own words."""

    motions: list[register.Motion] = field(default_factory=list)
    links: dict[str, register.FileLink] = field(default_factory=dict)  # source name → link
    settled: dict[str, str] = field(default_factory=dict)  # statement id (prefix) → motion_ref
    motion_papers: dict[str, str] = field(default_factory=dict)  # motion key → source name
    files: list[Path] = field(default_factory=list)  # the register files read

    def seed(self, titles: dict[str, Counter]) -> None:
        """Count the register's motions into ``titles`` (as statements' titles are counted)."""
        from analysis.ingest.metadata import collect_motion_titles

        collect_motion_titles(
            [
                {"motion_ref": m.motion_ref, "motion_title": m.title, "date": m.date,
                 "body": m.body}
                for m in self.motions
            ],
            titles,
        )  # fmt: skip

    def official_titles(self) -> dict[str, str]:
        return {motion_key(m.motion_ref): m.title for m in self.motions if m.title}


def load(
    roots: list[Path], explicit: list[Path], sources: list[Source], out: Path
) -> tuple[Register, list[Source]]:
    """The register of a run and the sources that are statements: a file that a mapping
    names as the motion paper itself is set aside (it is the motion, not a statement on it).
    Raises :class:`register.RegisterError` for a register that cannot be used."""
    found_motions, found_files = register.find_registers(roots)
    reg = Register(files=sorted({*explicit, *found_motions, *found_files}))
    for path in [*explicit, *found_motions]:
        reg.motions.extend(register.read_motions(path))
    reg.motions = _merge(reg.motions)
    links: dict[Path, register.FileLink] = {}
    for path in found_files:
        links.update(register.read_file_links(path))
    statements = []
    for source in sources:
        link = links.get(source.path.resolve()) if links else None
        if link and link.role == "motion":
            reg.motion_papers.setdefault(motion_key(link.motion_ref), source.name)
            continue
        if link:
            reg.links[source.name] = link
        statements.append(source)
    reg.settled = settled_motions(out / CORRECTIONS_FILE)
    return reg, statements


def apply_links(row: dict, reg: Register) -> None:
    """A mapped or settled statement takes its motion from there (in place)."""
    if row.get("status") != "ok":
        return
    settled = _settled(row["statement_id"], reg.settled)
    link = reg.links.get(row["source_file"])
    if settled:
        _assign(row, settled, "analyst")
    elif link:
        _assign(row, link.motion_ref, link.origin)


def apply_official_title(row: dict, titles: dict[str, str]) -> None:
    if row.get("motion_ref") and (title := titles.get(motion_key(row["motion_ref"]))):
        row["motion_title"] = title


def _assign(row: dict, motion_ref: str, how: str) -> None:
    """The mapping decides (it is how the statement was tied), also where the statement
    prints the same number; a title printed for another motion goes."""
    same = row.get("motion_ref") and motion_key(row["motion_ref"]) == motion_key(motion_ref)
    row.update(
        motion_ref=motion_ref,
        motion_title=row.get("motion_title") if same else None,
        motion_match=how,
        motion_match_score=MAPPED,
        motion_ref_source=how,
        motion_ref_confidence=MAPPED,
    )


def _settled(statement_id: str, settled: dict[str, str]) -> str | None:
    if statement_id in settled:
        return settled[statement_id]
    hits = {
        ref
        for sid, ref in settled.items()
        if len(sid) >= MIN_PREFIX and statement_id.startswith(sid)
    }
    return hits.pop() if len(hits) == 1 else None


def _merge(motions: list[register.Motion]) -> list[register.Motion]:
    """One entry per motion: the first register that names it wins, later ones fill gaps."""
    merged: dict[str, register.Motion] = {}
    for motion in motions:
        key = motion_key(motion.motion_ref)
        if key in merged:
            old = merged[key]
            motion = register.Motion(**{
                name: getattr(old, name) or getattr(motion, name)
                for name in register.Motion.__dataclass_fields__
            })  # fmt: skip
        merged[key] = motion
    return [merged[k] for k in sorted(merged)]


class MotionTable:
    """Collects the motions of the statements as they are finished, with the register's."""

    def __init__(self, reg: Register) -> None:
        self.reg = reg
        self.seen: dict[str, Counter] = {}
        self.statements: Counter[str] = Counter()  # motion key → readable statements

    def add(self, row: dict) -> None:
        from analysis.ingest.metadata import collect_motion_titles

        if row.get("status") == "ok" and row.get("motion_ref"):
            collect_motion_titles([row], self.seen)
            self.statements[motion_key(row["motion_ref"])] += 1

    def rows(self) -> list[dict]:
        """One row per motion, sorted by reference."""
        from analysis.ingest.metadata import fullest

        known = {motion_key(m.motion_ref): m for m in self.reg.motions}
        rows = []
        for key in sorted(known.keys() | self.seen.keys() | self.reg.motion_papers.keys()):
            motion, seen = known.get(key), self.seen.get(key, Counter())
            rows.append({
                "motion_ref": motion.motion_ref if motion else fullest(seen, "ref") or key,
                "title": (motion.title if motion else None) or fullest(seen, "title"),
                "body": motion.body if motion else None,
                "date": motion.date if motion else None,
                "kind": motion.kind if motion else None,
                "origin": motion.origin if motion else "statements",
                "url": motion.url if motion else None,
                "paper_file": self.reg.motion_papers.get(key),
                "statements": self.statements[key],
            })  # fmt: skip
        return sorted(rows, key=lambda r: (r["motion_ref"].casefold(), r["motion_ref"]))
