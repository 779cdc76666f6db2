"""OParl 1.0/1.1 objects → the motions to fetch and the files of the statements on them.

Pure functions on the JSON a server sent (no I/O except through the ``get_json`` given to
:func:`iter_list`). Servers differ and are not trusted: every field is read defensively, a
missing or mistyped one counts as absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from analysis.sources import STATEMENT_PATTERN
from analysis.sources.http import FetchError, check_url

# Paper types (and auxiliary file names) that are statements; matched case-insensitively.
MAX_LIST_PAGES = 20_000

GetJson = Callable[..., dict]


@dataclass(frozen=True)
class FileRef:
    """A ``File`` object: where to download it and what the server declares about it."""

    id: str
    url: str | None
    name: str | None
    file_name: str | None
    mime_type: str | None
    size: int | None
    sha512: str | None
    sha1: str | None
    modified: str | None

    @property
    def is_pdf(self) -> bool:
        if self.mime_type:
            return "pdf" in self.mime_type.lower()
        return any((t or "").lower().endswith(".pdf") for t in (self.file_name, self.url))

    @property
    def version(self) -> str:
        """What changes when the file does (compared on re-fetch)."""
        return "|".join(str(v or "") for v in (self.size, self.sha512, self.sha1, self.modified))


@dataclass(frozen=True)
class PaperRef:
    """A ``Paper`` object with the fields a fetch needs."""

    id: str
    reference: str | None
    name: str | None
    date: str | None
    paper_type: str | None
    web: str | None
    main_file: FileRef | None
    auxiliary: tuple[FileRef, ...]
    superordinated: tuple[str, ...]
    subordinated: tuple[str, ...]
    related: tuple[str, ...]

    @property
    def linked(self) -> bool:
        return bool(self.superordinated or self.subordinated or self.related)


@dataclass(frozen=True)
class Selection:
    """Which motions to fetch: every criterion given must hold."""

    references: tuple[str, ...] = ()
    name: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    motion_types: tuple[str, ...] = ()  # paperType must contain one of these
    statement_pattern: str = STATEMENT_PATTERN

    @property
    def given(self) -> bool:
        return bool(self.references or self.name or self.date_from or self.date_to)

    def is_statement(self, text: str | None) -> bool:
        return bool(text) and re.search(self.statement_pattern, text, re.IGNORECASE) is not None

    def is_motion(self, paper: PaperRef) -> bool:
        """A paper of its own (not a sub-paper, not a statement) that the criteria pick."""
        if paper.superordinated or self.is_statement(paper.paper_type):
            return False
        wanted = {_ref_key(r) for r in self.references}
        kind = (paper.paper_type or "").casefold()
        return (
            (not wanted or _ref_key(paper.reference or "") in wanted)
            and (not self.name or self.name.casefold() in (paper.name or "").casefold())
            and (not self.date_from or (paper.date or "") >= self.date_from)
            and (not self.date_to or "" < (paper.date or "") <= self.date_to)
            and (not self.motion_types or any(t.casefold() in kind for t in self.motion_types))
        )


@dataclass(frozen=True)
class Item:
    """One file to download for one motion, and the role it plays there."""

    motion: PaperRef
    paper: PaperRef
    file: FileRef
    role: str  # "motion" (the motion paper itself) or "statement"


@dataclass
class Plan:
    """The files to download, and what was left out and why (for the summary)."""

    motions: list[PaperRef] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def kind(obj: dict) -> str:
    """The object's type without its schema prefix (``…/1.1/Paper`` → ``Paper``)."""
    return str(obj.get("type", "")).rstrip("/").rsplit("/", 1)[-1]


def iter_list(
    get_json: GetJson, url: str, params: dict[str, str] | None = None,
    max_pages: int = MAX_LIST_PAGES,
) -> Iterator[dict]:  # fmt: skip
    """The objects of a paginated OParl list, following ``links.next``. A list that points
    back to a page it had, repeats its objects, or runs past ``max_pages`` is an error."""
    seen_pages: set[str] = set()
    seen_ids: set[str] = set()
    page_url: str | None = check_url(url)
    pages = 0
    while page_url:
        if page_url in seen_pages or pages >= max_pages:
            raise FetchError(url, f"the list does not end (more than {pages} pages or a loop)")
        seen_pages.add(page_url)
        page = get_json(page_url, params if pages == 0 else None)
        pages += 1
        data = page.get("data")
        if not isinstance(data, list):
            raise FetchError(page_url, "is not an OParl list (no 'data' array)")
        ids = [str(o.get("id")) for o in data if isinstance(o, dict)]
        if ids and all(i in seen_ids for i in ids):
            raise FetchError(url, "the list repeats itself page after page")
        seen_ids.update(ids)
        yield from (o for o in data if isinstance(o, dict))
        following = (
            (page.get("links") or {}).get("next") if isinstance(page.get("links"), dict) else None
        )
        page_url = check_url(following) if following else None


def paper(obj: dict) -> PaperRef:
    """A Paper object as sent (embedded File objects included)."""
    aux = obj.get("auxiliaryFile")
    return PaperRef(
        id=str(obj.get("id")),
        reference=_text(obj.get("reference")),
        name=_text(obj.get("name")),
        date=_day(obj.get("date")),
        paper_type=_text(obj.get("paperType")),
        web=_text(obj.get("web")),
        main_file=file_ref(obj["mainFile"]) if isinstance(obj.get("mainFile"), dict) else None,
        auxiliary=tuple(file_ref(f) for f in aux if isinstance(f, dict))
        if isinstance(aux, list) else (),
        superordinated=_urls(obj.get("superordinatedPaper")),
        subordinated=_urls(obj.get("subordinatedPaper")),
        related=_urls(obj.get("relatedPaper")),
    )  # fmt: skip


def file_ref(obj: dict) -> FileRef:
    size = obj.get("size")
    return FileRef(
        id=str(obj.get("id")),
        url=_text(obj.get("downloadUrl")) or _text(obj.get("accessUrl")),
        name=_text(obj.get("name")),
        file_name=_text(obj.get("fileName")),
        mime_type=_text(obj.get("mimeType")),
        size=size if isinstance(size, int) and not isinstance(size, bool) else None,
        sha512=_hex(obj.get("sha512Checksum")),
        sha1=_hex(obj.get("sha1Checksum")),
        modified=_text(obj.get("modified")),
    )


def missing_links(papers: dict[str, PaperRef], selection: Selection) -> list[str]:
    """Papers that the chosen motions link to but the list did not bring (fetched one by
    one: some servers list sub-papers elsewhere)."""
    wanted = {
        url
        for p in papers.values()
        if selection.is_motion(p)
        for url in (*p.subordinated, *p.related)
    }
    return sorted(wanted - papers.keys())


def plan(papers: dict[str, PaperRef], selection: Selection) -> Plan:
    """The chosen motions, in reference order, with the motion paper's own file and every
    statement's files: sub-papers, related papers of a statement type, and auxiliary files
    of the motion named as statements. Files that are no PDF are left out, with a reason."""
    result = Plan()
    motions = sorted((p for p in papers.values() if selection.is_motion(p)),
                     key=lambda p: (p.reference or "", p.id))  # fmt: skip
    for motion in motions:
        if not motion.reference:
            result.skipped.append((motion.name or motion.id, "motion without a reference"))
            continue
        result.motions.append(motion)
        if motion.main_file:
            _add(result, Item(motion, motion, motion.main_file, "motion"))
        for aux in motion.auxiliary:
            if selection.is_statement(aux.name) or selection.is_statement(aux.file_name):
                _add(result, Item(motion, motion, aux, "statement"))
            else:
                result.skipped.append((_label(aux), "attachment, not a statement"))
        for statement in _statements(motion, papers, selection):
            for f in (statement.main_file, *statement.auxiliary):
                if f is not None:
                    _add(result, Item(motion, statement, f, "statement"))
    return result


def _statements(motion: PaperRef, papers: dict[str, PaperRef], selection: Selection):
    subs = set(motion.subordinated) | {
        p.id for p in papers.values() if motion.id in p.superordinated
    }
    related = set(motion.related) | {p.id for p in papers.values() if motion.id in p.related}
    for pid in sorted(subs | related):
        p = papers.get(pid)
        if p is None or p.id == motion.id:
            continue
        if pid in subs or selection.is_statement(p.paper_type):
            yield p


def _add(result: Plan, item: Item) -> None:
    if not item.file.url:
        result.skipped.append((_label(item.file), "no download address"))
    elif not item.file.is_pdf:
        result.skipped.append((_label(item.file), f"not a PDF ({item.file.mime_type})"))
    else:
        result.items.append(item)


def _label(f: FileRef) -> str:
    return f.file_name or f.name or f.id


def _ref_key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _day(value: object) -> str | None:
    text = _text(value)
    return text[:10] if text and re.match(r"\d{4}-\d{2}-\d{2}", text) else None


def _hex(value: object) -> str | None:
    text = _text(value)
    return text.lower() if text and re.fullmatch(r"[0-9a-fA-F]+", text) else None


def _urls(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    # Links are URLs; some servers embed the linked object instead.
    links = (v.get("id") if isinstance(v, dict) else v for v in value)
    return tuple(sorted({v for v in links if isinstance(v, str)}))
