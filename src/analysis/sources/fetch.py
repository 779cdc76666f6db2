"""One fetch: system → body → papers → plan → downloads → ``motions.csv`` and ``files.csv``.

A failure while listing stops the fetch and leaves the previous tables as they were; a file
that fails is reported and the others go on. What was downloaded stays, journalled, so the
next run resumes. Everything is written in a fixed order: a fetch of the same server state
gives the same folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from analysis.sources import names, register
from analysis.sources.http import FetchError, PoliteClient, Politeness, check_url
from analysis.sources.oparl import (
    Item,
    PaperRef,
    Plan,
    Selection,
    iter_list,
    kind,
    missing_links,
    paper,
    plan,
)
from analysis.sources.store import Store, state_key

# Servers' clocks and ours differ; a re-fetch asks for a little more than it needs.
CLOCK_MARGIN = timedelta(hours=1)

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class FetchSummary:
    """What a fetch did, for the command line."""

    body: str
    motions: int = 0
    downloaded: int = 0
    kept: int = 0
    incremental: bool = False
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def fetch(
    system_url: str,
    out: Path,
    selection: Selection,
    body: str | None = None,
    politeness: Politeness | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> FetchSummary:
    """Fetch the motions ``selection`` picks, with their statements, into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    store = Store(out)
    started = datetime.now(UTC).replace(microsecond=0)
    with PoliteClient(politeness) as client:
        chosen = choose_body(client, check_url(system_url), body)
        key = state_key(system_url, str(chosen.get("id")), selection)
        since = None if full else store.since(key)
        papers = store.papers() if since else {}
        summary = FetchSummary(body=_body_label(chosen), incremental=since is not None)
        listed, deleted = _list_papers(client, chosen, since, progress)
        papers = {k: v for k, v in {**papers, **listed}.items() if k not in deleted}
        for url in sorted(set(missing_links(papers, selection)) - deleted):
            obj = client.get_json(url)
            if kind(obj) == "Paper" and obj.get("deleted") is not True:
                papers[url] = paper(obj)
        found = plan(papers, selection)
        summary.motions, summary.skipped = len(found.motions), found.skipped
        files = _download(client, store, found, summary, progress)
    motions = [_motion_row(m, summary.body) for m in found.motions]
    register.write_csv(out / register.MOTIONS_FILE, register.MOTION_COLUMNS, motions)
    register.write_csv(out / register.FILES_FILE, register.FILE_COLUMNS, files)
    kept = _relevant(papers, found)
    store.save(key, _iso(started - CLOCK_MARGIN), not summary.errors, kept)
    return summary


def choose_body(client: PoliteClient, url: str, wanted: str | None) -> dict:
    """The Body to fetch from: the object at ``url`` when it is one, else the System's body
    that ``wanted`` names (id, short name or name), or its only body."""
    root = client.get_json(url)
    if kind(root) == "Body":
        return root
    if kind(root) != "System" or not isinstance(root.get("body"), str):
        raise FetchError(url, f"is not an OParl System or Body (type {root.get('type')!r})")
    bodies = list(iter_list(client.get_json, root["body"]))
    if wanted:
        hits = [b for b in bodies if _names_body(b, wanted)]
        if len(hits) == 1:
            return hits[0]
    elif len(bodies) == 1:
        return bodies[0]
    listed = "; ".join(f"{b.get('shortName') or ''} ({b.get('name')})" for b in bodies)
    problem = f"no single body matches {wanted!r}" if wanted else "offers several bodies"
    raise FetchError(url, f"{problem}; choose one with --body: {listed or 'none listed'}")


def _names_body(body: dict, wanted: str) -> bool:
    wanted = wanted.casefold()
    if wanted in (str(body.get("id")).casefold(), str(body.get("shortName", "")).casefold()):
        return True
    return wanted in str(body.get("name", "")).casefold()


def _body_label(body: dict) -> str:
    return str(body.get("shortName") or body.get("name") or body.get("id"))


def _list_papers(
    client: PoliteClient, body: dict, since: str | None, progress: Progress | None
) -> tuple[dict[str, PaperRef], set[str]]:
    """The body's papers (modified since ``since``), and the ids of those marked deleted."""
    url = body.get("paper")
    if not isinstance(url, str):
        raise FetchError(str(body.get("id")), "the body has no paper list")
    found: dict[str, PaperRef] = {}
    deleted: set[str] = set()
    params = {"modified_since": since} if since else None
    for n, obj in enumerate(iter_list(client.get_json, url, params), start=1):
        if kind(obj) == "Paper" and obj.get("id"):
            if obj.get("deleted") is True:
                deleted.add(str(obj["id"]))
            else:
                found[str(obj["id"])] = paper(obj)
        if progress:
            progress("papers", n, 0)
    return found, deleted


def _download(
    client: PoliteClient, store: Store, found: Plan, summary: FetchSummary,
    progress: Progress | None,
) -> list[dict]:  # fmt: skip
    """Download what is not there yet; the rows of ``files.csv`` for what is."""
    paths = _paths(found.items, store.taken())
    rows = []
    for n, item in enumerate(found.items, start=1):
        url = str(item.file.url)
        relative = paths[url]
        if store.have(url, item.file.version) == relative:
            summary.kept += 1
        else:
            try:
                _one(client, store, item, relative)
                summary.downloaded += 1
            except (FetchError, OSError) as exc:
                summary.errors.append(f"{names.safe_name(item.file.file_name, url)}: {exc}")
                continue
        rows.append(_file_row(item, relative, store.sha256(url)))
        if progress:
            progress("files", n, len(found.items))
    return rows


def _one(client: PoliteClient, store: Store, item: Item, relative: str) -> None:
    target = names.inside(store.out, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    url = str(item.file.url)
    got = client.download(url, target)
    declared = item.file
    differs = [
        what
        for what, mine, theirs in (
            ("size", got.size, declared.size),
            ("SHA-512", got.sha512, declared.sha512),
            ("SHA-1", got.sha1, declared.sha1),
        )
        if theirs is not None and mine != theirs
    ]
    if differs:
        target.unlink(missing_ok=True)
        raise FetchError(url, f"{' and '.join(differs)} differ from what the server declares")
    store.record(url, declared.version, relative, got.size, got.sha256)


def _paths(items: list[Item], journalled: dict[str, str]) -> dict[str, str]:
    """Download URL → path relative to the output folder: ``<motion>/<file name>``; a file
    keeps the path it was first downloaded to."""
    paths: dict[str, str] = {}
    taken: dict[str, set[str]] = {}
    for relative in journalled.values():
        folder, _, name = relative.rpartition("/")
        taken.setdefault(folder, set()).add(name.lower())
    for item in items:
        url = str(item.file.url)
        if url in paths:
            continue
        if url in journalled:
            paths[url] = journalled[url]
            continue
        folder = names.folder_name(item.motion.reference, "vorlage")
        name = names.safe_name(
            item.file.file_name or item.file.name, f"datei-{len(paths) + 1}", ".pdf"
        )
        paths[url] = f"{folder}/{names.unique(name, taken.setdefault(folder, set()))}"
    return paths


def _file_row(item: Item, relative: str, sha256: str | None) -> dict:
    return {
        "file": relative,
        "motion_ref": item.motion.reference,
        "role": item.role,
        "paper_reference": item.paper.reference,
        # an auxiliary file of the motion is a statement of its own: its name says whose
        "paper_name": item.file.name
        if item.paper is item.motion and item.role == "statement"
        else item.paper.name,
        "paper_type": item.paper.paper_type,
        "file_name": item.file.file_name or item.file.name,
        "url": item.file.url,
        "size": item.file.size,
        "sha256": sha256,
    }


def _motion_row(motion: PaperRef, body: str) -> dict:
    return {
        "motion_ref": motion.reference,
        "title": motion.name,
        "body": body,
        "date": motion.date,
        "kind": motion.paper_type,
        "origin": "oparl",
        "url": motion.web or motion.id,
    }


def _relevant(papers: dict[str, PaperRef], found: Plan) -> list[PaperRef]:
    """The papers a later ``modified_since`` fetch needs to know: motions and linked papers."""
    motions = {m.id for m in found.motions}
    return [p for p in papers.values() if p.linked or p.id in motions]


def _iso(moment: datetime) -> str:
    return moment.isoformat()
