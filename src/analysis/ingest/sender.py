"""Who sends a letter: candidates from every place a letter names its sender, checked, scored.

A letter names its sender in the letterhead, the return-address line, a labelled field, the
top lines of the header, the closing (``Für den Stadtteilbeirat …``, a group's name under the
signature) and an e-mail signature. Real letters also put the recipient block, dates, agenda
stamps, the subject and OCR debris where a letterhead would be; every candidate is cleaned and
checked (:func:`analysis.ingest.fields.orgs.org_problem`) before it is scored. The best one
wins; a name without a word organisations are named with counts only from a labelled field, the
letterhead or the return address (a citizen's own name, a firm). No candidate: no sender, with
the reason.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from analysis.ingest import fields
from analysis.ingest.fields.groups import GROUP_CUES
from analysis.ingest.fields.orgs import clean_org, looks_like_org, org_problem
from analysis.ingest.records import Line

# How much each place can be trusted to name the sender (a word such as Fraktion adds BONUS).
PRIORS = {
    "labelled": 0.9,
    "letterhead": 0.85,
    "return_address": 0.8,
    "signature_for": 0.75,
    "email_signature": 0.72,  # the organisation lines under an e-mail's signer, as a chain
    "speaker": 0.75,  # `Name, Fraktion` over a speech or press statement
    "signature": 0.7,
    "header": 0.65,
}
BONUS = 0.1
SEPARATORS = re.compile(r"\s+[·|•]\s+|\s+[–—]\s+|\s*,\s*|\s{3,}")
_ON_BEHALF = re.compile(
    r"\b(?:für|in\s+vertretung|im\s+namen|namens)\s+(?:des|der|den|dem|die|das)\s+(.+)$", re.I
)
_JOINS_NEXT = re.compile(r"\b(?:im|in|in der|der|des|für|und|&|von|vom|zu|zur)$|-$", re.I)
MAX_HEADER_WORDS = 8
# A line that describes the group above it (`Fraktion im Gemeinderat`), not another group.
_DESCRIBES = re.compile(r"(?:fraktion|gruppe)\s+(?:im|in\s+der|des|der)\b", re.I)
_SUBJECT_WORDS = re.compile(
    r"\b(?:stellungnahme|antrag|anfrage|vorlage|betreff|votum|beschluss\w*|zu\b|zum\b|zur\b)",
    re.I,
)


@dataclass(frozen=True)
class Sender:
    """The sending organisation and unit, where the letter names them, and how sure that is."""

    org: str | None
    unit: str | None
    source: str  # the place (see PRIORS), or "none: <why>"
    confidence: float


@dataclass(frozen=True)
class _Candidate:
    org: str
    unit: str | None
    source: str
    confidence: float


def choose_sender(
    by_zone: dict[str, list[Line]],
    pairs: dict[str, str],
    email_chain: tuple[str | None, str | None] = (None, None),
) -> Sender:
    """The best-scored plausible sender of a letter (``by_zone``: its lines per zone,
    ``pairs``: its labelled fields, ``email_chain``: organisation and unit an e-mail
    signature names)."""
    first = _first_page(by_zone)
    rejected: list[str] = []
    candidates = [
        *_labelled(pairs, rejected),
        *_letterhead(_above_text(by_zone, "letterhead", first), rejected),
        *_return_address(by_zone.get("return_address", []), rejected),
        *_speaker(by_zone, rejected),
        *_header(by_zone, first, rejected),
        *_signature(by_zone.get("signature", []), rejected),
        *_scored("email_signature", email_chain[0], email_chain[1], rejected, need_word=True),
    ]
    if not candidates:
        why = ", ".join(sorted(set(rejected))) or "not named"
        return Sender(None, None, f"none: {why}", 0.0)
    best = max(candidates, key=lambda c: c.confidence)  # the first of equals
    return Sender(best.org, best.unit, best.source, round(best.confidence, 2))


def _above_text(by_zone: dict[str, list[Line]], zone: str, page: int) -> list[Line]:
    """The lines of ``zone`` on ``page`` above the letter's subject and salutation (lines
    zoned so further down are agenda items or stamps, not a letterhead)."""
    starts = [ln.top for z in ("subject", "salutation") for ln in by_zone.get(z, [])
              if ln.page == page]  # fmt: skip
    limit = min(starts, default=float("inf"))
    return [ln for ln in by_zone.get(zone, []) if ln.page == page and ln.top < limit]


def _scored(
    source: str, org: str | None, unit: str | None, rejected: list[str], need_word: bool
) -> list[_Candidate]:
    """The candidate ``org`` (cleaned) if it can be a sender's name; else its reason noted."""
    org = clean_org(org or "")
    if not org:
        return []
    problem = org_problem(org)
    worded = looks_like_org(org)
    if problem is None and need_word and not worded and fields.looks_like_name(org):
        problem = "a person's name"
    if problem is None and need_word and not worded:
        problem = "no organisation's name"
    if problem:
        rejected.append(problem)
        return []
    unit = clean_org(unit or "") or None
    if unit and org_problem(unit):
        unit = None
    return [_Candidate(org, unit, source, min(1.0, PRIORS[source] + (BONUS if worded else 0.0)))]


def _labelled(pairs: dict[str, str], rejected: list[str]) -> list[_Candidate]:
    if not pairs.get("sender"):
        return []
    org, unit = split_chain([p.strip() for p in pairs["sender"].split(",")], ascending=True)
    return _scored("labelled", org, unit, rejected, need_word=False)


def _letterhead(lines: list[Line], rejected: list[str]) -> list[_Candidate]:
    """The name lines of the first letterhead block that has any (organisation, then unit),
    past the recipient block and whatever cannot be a name."""
    for block in _blocks(_without_recipient(lines)):
        names: list[str] = []
        for text in (ln.text.strip() for ln in block):
            for part in _name_parts(text):
                if names and (part[:1].islower() or _JOINS_NEXT.search(names[-1])):
                    names[-1] = f"{names[-1]} {part}"  # `im Stadtrat X` continues the name
                elif not org_problem(clean_org(part)):
                    names.append(part)
                else:
                    rejected.append(org_problem(clean_org(part)) or "")
        if names:
            joint = _joint_groups(names)
            if joint:
                return _scored("letterhead", joint, None, rejected, need_word=True)
            if len(names) == 1:
                parts = [p.strip() for p in SEPARATORS.split(names[0]) if p.strip()]
                names = [parts[0], ", ".join(parts[1:])] if len(parts) > 1 else names
            return _scored("letterhead", names[0], names[1] if len(names) > 1 else None,
                           rejected, need_word=False)  # fmt: skip
    return []


def _joint_groups(names: list[str]) -> str | None:
    """Several political groups named one under the other (a joint motion): all of them."""
    political = dict(GROUP_CUES)["political_group"]
    groups = list(
        itertools.takewhile(lambda n: bool(political.search(n)) and not _DESCRIBES.match(n), names)
    )
    return ", ".join(groups) if len(groups) >= 2 else None


def _name_parts(text: str) -> list[str]:
    """A letterhead line as name parts: a line with an address (``Beirat X, z. H. Name,
    Weg 7, 91056 Ort``) or a speaker's line (``Name, Fraktion``) keeps its organisation."""
    parts = [p.strip() for p in SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return [text]
    if any(org_problem(p) == "address" for p in parts) or any(
        fields.looks_like_name(p) for p in parts
    ):
        return [p for p in parts if looks_like_org(p) and not org_problem(p)][:1]
    return [text]


def _without_recipient(lines: list[Line]) -> list[Line]:
    """``lines`` without the recipient block: a line addressing someone (``An …``, ``Herrn``,
    ``Gleichlautend:``) and the lines below it in its column."""
    kept: list[Line] = []
    runs: list[Line] = []  # the last line of each recipient run
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        height = max(line.bottom - line.top, 1.0)
        run = next(
            (
                i
                for i, last in enumerate(runs)
                if abs(line.x0 - last.x0) <= 2 * height and 0 <= line.top - last.bottom <= height
            ),
            None,
        )
        if run is not None:
            runs[run] = line
        elif org_problem(line.text) == "recipient":
            runs.append(line)
        else:
            kept.append(line)
    return kept


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        prev = blocks[-1][-1] if blocks else None
        if prev and line.top - prev.bottom <= 1.2 * (prev.bottom - prev.top):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _return_address(lines: list[Line], rejected: list[str]) -> list[_Candidate]:
    """The small line above the address field: its first part that is no address."""
    for line in lines:
        parts = [p for p in SEPARATORS.split(line.text) if p.strip()]
        names = [p for p in parts if org_problem(p) != "address" and not fields.looks_like_name(p)]
        if names:
            return _scored("return_address", names[0], ", ".join(names[1:2]) or None,
                           rejected, need_word=False)  # fmt: skip
    return []


def speaker(by_zone: dict[str, list[Line]]) -> tuple[str, str] | None:
    """(person, organisation) of a header line naming someone beside their organisation
    (``Name, SPD-Fraktion`` over a speech or a press statement)."""
    first = _first_page(by_zone)
    for zone in ("letterhead", "recipient", "info_block", "date_line"):
        for line in _above_text(by_zone, zone, first):
            parts = [p.strip() for p in line.text.split(",")]
            if len(parts) == 2 and fields.looks_like_name(parts[0]) and looks_like_org(parts[1]):
                return parts[0], parts[1]
    return None


def _speaker(by_zone: dict[str, list[Line]], rejected: list[str]) -> list[_Candidate]:
    found = speaker(by_zone)
    return _scored("speaker", found[1], None, rejected, need_word=True) if found else []


def _first_page(by_zone: dict[str, list[Line]]) -> int:
    return min((ln.page for lines in by_zone.values() for ln in lines), default=1)


def _header(by_zone: dict[str, list[Line]], first: int, rejected: list[str]) -> list[_Candidate]:
    """A short line at the top of the first page, above the salutation, that names an
    organisation (``Stadtteilbeirat X`` printed without a letterhead)."""
    salutation = [ln.top for ln in by_zone.get("salutation", []) if ln.page == first]
    limit = min(salutation, default=float("inf"))
    found: list[_Candidate] = []
    for zone in ("info_block", "subject"):
        for line in by_zone.get(zone, []):
            text = line.text.strip()
            if line.page != first or line.top >= limit or len(text.split()) > MAX_HEADER_WORDS:
                continue
            if _SUBJECT_WORDS.search(text) or fields.find_motion_ref(text):
                continue  # a subject line that names the sender (`Stellungnahme der Fraktion X`)
            if fields.split_label(text) is None and looks_like_org(text):
                found += _scored("header", text, None, rejected, need_word=True)
    return found[:1]


def _signature(lines: list[Line], rejected: list[str]) -> list[_Candidate]:
    """The group a signer signs for (``… für den Stadtteilbeirat X``) or a group's name on a
    line of its own under the closing."""
    found: list[_Candidate] = []
    for line in lines:
        text = line.text.strip()
        behalf = _ON_BEHALF.search(text)
        if behalf:
            found += _scored("signature_for", text[behalf.start() :], None, rejected, True)
        elif not fields.looks_like_role(text) and looks_like_org(text):
            found += _scored("signature", text, None, rejected, need_word=True)
    return found[:1]


def split_chain(parts: list[str], ascending: bool) -> tuple[str | None, str | None]:
    """Split a chain of organisational names into (organisation, unit). ``ascending`` chains
    run from the smallest unit up to the organisation (``Sachgebiet IT, Stadt X``)."""
    parts = [p for p in parts if p]
    if not parts:
        return None, None
    if len(parts) == 1:
        return parts[0], None
    org = parts[-1] if ascending else parts[0]
    rest = parts[:-1] if ascending else parts[1:]
    return org, ", ".join(rest)
