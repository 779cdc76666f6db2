"""Zoned lines → statement metadata: motion, date, sender, author, role, stakeholder group.

Each field has an ordered list of sources, from the most explicit (a labelled information-block
value) to the most implied (the first date anywhere in the header). The parsers in ``fields``
read the strings; this module decides which zone's strings they read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from analysis.ingest import fields
from analysis.ingest.fields.orgs import ADDRESS, is_stamp
from analysis.ingest.motion_match import match_motion, motion_key, same_place
from analysis.ingest.records import Line
from analysis.ingest.sender import choose_sender, speaker, split_chain
from analysis.ingest.text import join_lines
from analysis.ingest.zones import ZonedLine

ROW_TOLERANCE = 3.0
SAME_TIME = timedelta(days=183)  # statements on one motion are written within months of it
# Header zones searched, row by row, for the motion when the subject does not name it.
HEADER_TEXT_ZONES = ("letterhead", "info_block", "recipient", "subject", "date_line")
# Header zones whose lines may hold label/value pairs.
LABELLED_ZONES = ("info_block", "recipient", "date_line", "letterhead", "return_address")


# Per field, the places it is read from and how far each can be trusted to hold it.
FIELD_SOURCES: dict[str, dict[str, float]] = {
    "motion_ref": {"labelled": 0.95, "subject": 0.9, "header": 0.75, "body": 0.6},
    "date": {"labelled": 0.95, "date_line": 0.9, "sent": 0.9, "running_header": 0.7,
             "header": 0.6, "signature": 0.6},
    "author": {"signature": 0.9, "chair": 0.8, "from": 0.75, "speaker": 0.75, "contact": 0.7,
               "closing_paragraph": 0.6},
}  # fmt: skip


@dataclass(frozen=True)
class Metadata:
    """What the letter says about itself; every field may be missing."""

    motion_ref: str | None
    motion_title: str | None
    date: str | None
    sender_org: str | None
    sender_unit: str | None
    sender_source: str  # where the sender was read (see analysis.ingest.sender), or why not
    sender_confidence: float
    author: str | None
    authors: tuple[str, ...]  # every signer, the author first
    author_role: str | None
    stakeholder_group: str | None
    subject: str | None
    # Where motion_ref, date and author were read (see FIELD_SOURCES), None where not found.
    sources: dict[str, str | None] = field(default_factory=dict)

    def confidence(self, name: str) -> float:
        """How far the place ``name`` was read from can be trusted (0: not found)."""
        return FIELD_SOURCES[name].get(self.sources.get(name) or "", 0.0)


def extract_metadata(zoned: list[ZonedLine], body_text: str) -> Metadata:
    """Read the metadata of one statement from its zoned lines and body text."""
    by_zone = _by_zone(zoned)
    pairs = info_pairs([z.line for z in zoned if z.zone in LABELLED_ZONES])
    subject = _subject(by_zone, pairs)
    ref, ref_source = _motion_ref(subject, pairs, zoned, body_text)
    letter_date, date_source = _date(by_zone, pairs)
    sender = choose_sender(by_zone, pairs, _signature_org(by_zone.get("signature", [])))
    org = sender.org
    unit = pairs.get("unit") or sender.unit  # a labelled unit (`Federführendes Amt`) is explicit
    person, author_source = _author(by_zone, pairs)
    # No signature block (a question to the council without a closing formula): the names
    # in the last short paragraph of names and roles.
    closing = [] if person else fields.closing_signers(body_text.split("\n\n"))
    if closing:
        person, author_source = fields.Person(name=closing[0], role=None), "closing_paragraph"
    author = person.name if person else None
    # A private person signs without an organisation, or with their own name as letterhead.
    private = author is not None and (not org or _same_name(org, author))
    return Metadata(
        motion_ref=ref.ref if ref else None,
        motion_title=ref.title if ref else None,
        date=letter_date,
        sender_org=org,
        sender_unit=unit,
        sender_source=sender.source,
        sender_confidence=sender.confidence,
        author=author,
        authors=tuple(dict.fromkeys([*_authors(author, by_zone.get("signature", [])), *closing])),
        author_role=person.role if person else None,
        stakeholder_group=fields.stakeholder_group(
            org, unit, person.role if person else None, is_private=private
        ),
        subject=subject,
        sources={"motion_ref": ref_source, "date": date_source, "author": author_source},
    )


def _by_zone(zoned: list[ZonedLine]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = {}
    for z in zoned:
        out.setdefault(z.zone, []).append(z.line)
    return out


def info_pairs(lines: list[Line]) -> dict[str, str]:
    """Label/value pairs of information blocks, forms and e-mail headers. A bare label takes
    the value cell of its row; a value wraps onto following lines aligned with it."""
    pairs, consumed = reference_row_pairs(lines)
    key: str | None = None
    value_x0 = 0.0
    last: Line | None = None
    for line in lines:
        if id(line) in consumed:
            continue
        split = fields.split_label(line.text)
        if split is not None:
            key, value = split
            value_x0 = _value_x0(line, value)
            pairs.setdefault(key, value)
            last = line
        elif key is not None and last is not None and _continues(line, last, value_x0):
            joined = join_lines([pairs[key], line.text]) if pairs[key] else line.text
            if abs(line.top - last.top) <= ROW_TOLERANCE:
                value_x0 = line.x0
            pairs[key] = joined
            last = line
        else:
            key = None
    return pairs


def reference_row_pairs(lines: list[Line]) -> tuple[dict[str, str], set[int]]:
    """DIN 5008's reference line: a row of bare labels (``Ihr Zeichen``, ``Unser Zeichen``,
    ``Datum``) with their values in the row below, each under its label."""
    pairs: dict[str, str] = {}
    consumed: set[int] = set()
    rows = _rows(lines)
    for row, below in zip(rows, rows[1:], strict=False):
        labels = [(ln, fields.split_label(ln.text)) for ln in row]
        bare = [(ln, split[0]) for ln, split in labels if split is not None and not split[1]]
        close = below[0].top - row[0].top <= 3 * max(row[0].size, 1)
        if len(bare) < 2 or not close or row[0].page != below[0].page:
            continue
        for label, key in bare:
            value = min(below, key=lambda v: abs(v.x0 - label.x0))
            if abs(value.x0 - label.x0) <= 2 * label.size and id(value) not in consumed:
                pairs.setdefault(key, value.text)
                consumed.update({id(label), id(value)})
    return pairs, consumed


def _rows(lines: list[Line]) -> list[list[Line]]:
    rows: list[list[Line]] = []
    for line in lines:
        if rows and rows[-1][0].page == line.page and abs(rows[-1][0].top - line.top) <= 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _value_x0(line: Line, value: str) -> float:
    first = value.split()[0] if value else None
    return next((w.x0 for w in line.words if first and w.text == first), line.x1)


def _continues(line: Line, last: Line, value_x0: float) -> bool:
    if fields.parse_date(line.text):
        return False  # the place-and-date line beside a value is no part of it
    same_row = line.page == last.page and abs(line.top - last.top) <= ROW_TOLERANCE
    below = line.page == last.page and 0 < line.top - last.top <= 1.6 * max(last.size, 1) * 1.3
    return same_row and line.x0 > last.x1 or below and abs(line.x0 - value_x0) <= 4


def _subject(by_zone: dict[str, list[Line]], pairs: dict[str, str]) -> str | None:
    lines = by_zone.get("subject")
    if lines:
        return fields.strip_reply_prefix(join_lines([ln.text for ln in lines]))
    for key in ("subject", "motion"):
        if pairs.get(key):
            return fields.strip_reply_prefix(pairs[key])
    return None


def _motion_ref(
    subject: str | None,
    pairs: dict[str, str],
    zoned: list[ZonedLine],
    body_text: str,
) -> tuple[fields.MotionRef | None, str | None]:
    """The motion named in a labelled field, the subject, the header, the body; and where."""
    header = [z.line for z in zoned if z.zone in HEADER_TEXT_ZONES]
    rows = [" ".join(ln.text for ln in row) for row in _rows(header)]
    # A labelled number (`Antragsnr.: 151/2020`) is the most explicit; then the subject line.
    sources = [
        ("labelled", pairs.get("motion", "")),
        ("subject", subject or ""),
        ("labelled", pairs.get("subject", "")),
        *(("header", row) for row in rows),
        ("body", body_text),
    ]
    found = [
        (where, ref)
        for where, text in sources
        if text
        for ref in [fields.find_motion_ref(text)]
        if ref
    ]
    if not found:
        return None, None
    where, best = found[0]
    same = [r for _, r in found if _same_ref(r, best)]
    # As printed with its document type (`Vorlage 0057/2024`) where any mention has one.
    ref = max((r.ref for r in same), key=len)
    title = best.title or next((r.title for r in same if r.title), None)
    return fields.MotionRef(ref=ref, title=title or _body_title(best, body_text)), where


def _same_ref(a: fields.MotionRef, b: fields.MotionRef) -> bool:
    return motion_key(a.ref) == motion_key(b.ref)


def _body_title(ref: fields.MotionRef, body_text: str) -> str | None:
    mention = next(
        (r for r in fields.find_motion_refs(body_text) if _same_ref(r, ref) and r.title), None
    )
    return mention.title if mention else None


def _date(by_zone: dict[str, list[Line]], pairs: dict[str, str]) -> tuple[str | None, str | None]:
    """The letter's own date: labelled, then the place-and-date line, then the e-mail's
    sending date, then any date in the header or sign-off (never one from the body)."""
    candidates = [
        ("labelled", pairs.get("date", "")),
        *(("date_line", ln.text) for ln in by_zone.get("date_line", [])),
        ("sent", pairs.get("sent", "")),
        *(("running_header", ln.text) for ln in by_zone.get("running_header", [])),
        *(
            ("header" if zone != "signature" else "signature", ln.text)
            for zone in ("letterhead", "recipient", "subject", "signature")
            for ln in by_zone.get(zone, [])
        ),
    ]
    return next(
        (
            (d, where)
            for where, text in candidates
            if text and not is_stamp(text)  # a stamp's date is when it arrived
            for d in [fields.parse_date(text)]
            if d
        ),
        (None, None),
    )


def _signature_org(lines: list[Line]) -> tuple[str | None, str | None]:
    """In an e-mail signature the lines after name and role name unit and organisation,
    smallest first, until the postal address starts."""
    texts = [ln.text.strip() for ln in lines]
    named = [(i, p.name) for i, t in enumerate(texts) for p in [fields.parse_signature([t])] if p]
    if not named:
        return None, None
    # The signer may be named twice (under the closing, then in the signature block).
    start = max(i for i, name in named if name == named[0][1])
    rest = texts[start + 1 :]
    if rest and fields.looks_like_role(rest[0]):
        rest = rest[1:]
    chain: list[str] = []
    for text in rest:
        if ADDRESS.search(text):  # the postal address (or mail, phone) starts
            break
        if not fields.is_role_list(text):  # several signers' roles side by side
            chain.append(text)
    return split_chain(chain, ascending=True)


def _strip_proxy(text: str) -> str:
    return re.sub(r"^(?:i\.\s?[AV]\.|gez\.|ppa\.)\s+", "", text)


def _author(
    by_zone: dict[str, list[Line]], pairs: dict[str, str]
) -> tuple[fields.Person | None, str | None]:
    """The signer and where it was read; the fullest spelling of the same name elsewhere in
    the letter wins (a signature ``i. V. Marco Brendel`` under a contact ``Dipl.-Inf. Marco
    Brendel``)."""
    signature = [ln.text for ln in first_signer_column(by_zone.get("signature", []))]
    signer = _signer(signature)
    others = [
        (key, p)
        for key in ("chair", "contact", "from")
        if pairs.get(key)
        for p in [fields.parse_person(pairs[key])]
        if p is not None
    ] + [("speaker", p) for p in _speaker(by_zone)]
    if signer is None:
        joint = [n for t in signature for n in fields.joint_names(t)]
        if others:
            return others[0][1], others[0][0]
        return (fields.Person(joint[0], None), "signature") if joint else (None, None)
    for _, other in others:
        if _same_name(other.name, signer.name) and len(other.name) > len(signer.name):
            return fields.Person(name=other.name, role=signer.role or other.role), "signature"
    if signer.role is None:
        role = next((o.role for _, o in others if o.role and _same_name(o.name, signer.name)), None)
        return fields.Person(name=signer.name, role=role), "signature"
    return signer, "signature"


def _speaker(by_zone: dict[str, list[Line]]) -> list[fields.Person]:
    """The person a header line names beside their organisation (a speech's speaker)."""
    found = speaker(by_zone)
    return [fields.Person(name=found[0], role=None)] if found else []


def _authors(author: str | None, signature: list[Line]) -> tuple[str, ...]:
    """Everyone who signs: the author, then the other names under the closing in reading
    order (joint letters of several groups, two signers side by side, ``gez.`` rows)."""
    found = [author] if author else []
    for line in sorted(signature, key=lambda ln: (ln.page, round(ln.top), ln.x0)):
        for part in re.split(r"\s+gez\.\s+", line.text):  # `Name gez. Name`: two signers
            person = fields.parse_signature([part])
            for name in [person.name] if person else fields.joint_names(part):
                if not any(_same_name(name, known) for known in found):
                    found.append(name)
    return tuple(found)


def _signer(texts: list[str]) -> fields.Person | None:
    """The signer and role; a name repeated further down (an e-mail signature block after
    the closing) may carry the role the first mention lacks."""
    signer = fields.parse_signature(texts) if texts else None
    if signer is None or signer.role:
        return signer
    for i in range(1, len(texts)):
        again = fields.parse_signature(texts[i:])
        if again and again.name == signer.name and again.role:
            return again
    return signer


def first_signer_column(lines: list[Line]) -> list[Line]:
    """With several signers side by side, the first (leftmost) one's name and role."""
    if not lines:
        return []
    left = min(ln.x0 for ln in lines)
    return [ln for ln in lines if ln.x0 - left < 4 * ln.size]


def _same_name(a: str, b: str) -> bool:
    """Same person: the shorter name's words all occur in the longer (titles aside)."""
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in _words(name) if not w.endswith(".")}


def _words(text: str) -> Iterable[str]:
    return re.findall(r"[\w.-]+", text)


def collect_motion_titles(rows: list[dict], titles: dict[str, Counter[str]]) -> None:
    """Count the titles, printed references, dates (and bodies, where a register gives them)
    that rows give each motion (into ``titles``: motion key → Counter of ``("title", text)``,
    ``("ref", text)``, ``("date", iso)``, ``("body", text)``)."""
    for row in rows:
        if row.get("motion_ref"):
            seen = titles.setdefault(motion_key(row["motion_ref"]), Counter())
            seen["ref", row["motion_ref"]] += 1
            for kind, column in (("title", "motion_title"), ("date", "date"), ("body", "body")):
                if row.get(column):
                    seen[kind, row[column]] += 1


def apply_motion_titles(rows: list[dict], titles: dict[str, Counter[str]]) -> None:
    """A motion has one title: statements that leave it out or shorten it
    (``Hitzeaktionsplan`` for ``Hitzeaktionsplan für Bergfeld``) take the fullest title that
    other statements on the same motion print. A statement that names no number is tied to
    the motion whose title it names (:mod:`analysis.ingest.motion_match`) among the motions
    of its time and its municipality, with the method and score in
    ``motion_match``/``motion_match_score``. Rows are updated in place."""
    known_titles = {key: fullest(seen, "title") for key, seen in titles.items()}
    known_titles = {key: title for key, title in known_titles.items() if title}
    bodies = {key: fullest(titles[key], "body") for key in known_titles}
    for row in rows:
        if row.get("status") == "ok" and not row.get("motion_ref") and known_titles:
            words = " ".join(row.get(f) or "" for f in ("sender_org", "subject", "text"))
            local = same_place(words, bodies)
            near = {
                k: t
                for k, t in known_titles.items()
                if k in local and _near_in_time(row, titles[k])
            }
            found = match_motion(row.get("subject"), row.get("text"), near)
            row["motion_match_score"] = found.score
            row["motion_ref_source"] = found.method or f"none: {found.reason}"
            if found.key:
                row["motion_ref_confidence"] = found.score
                row["motion_ref"] = fullest(titles[found.key], "ref")
                row["motion_title"] = known_titles[found.key]
                row["motion_match"] = found.method
            continue
        known = titles.get(motion_key(row["motion_ref"])) if row.get("motion_ref") else None
        if not known:
            continue
        own = row.get("motion_title") or ""
        fuller = [
            t for kind, t in known if kind == "title" and t.startswith(own) and len(t) > len(own)
        ]
        if fuller:
            row["motion_title"] = max(fuller, key=lambda t: (known["title", t], len(t), t))


def _near_in_time(row: dict, seen: Counter) -> bool:
    """Whether a statement's date lies within half a year of the dates of the statements
    that name the motion by number (undated: yes): a letter written a year before a motion
    on the same topic is not about it."""
    dates = sorted(d for (kind, d), _ in seen.items() if kind == "date")
    if not row.get("date") or not dates:
        return True
    day = date.fromisoformat(row["date"])
    return (
        date.fromisoformat(dates[0]) - SAME_TIME <= day <= date.fromisoformat(dates[-1]) + SAME_TIME
    )


def fullest(seen: Counter, kind: str) -> str | None:
    """The most often printed text of ``kind``, the longest among equals."""
    texts = [(n, len(t), t) for (k, t), n in seen.items() if k == kind]
    return max(texts)[2] if texts else None
