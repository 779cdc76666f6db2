"""Council motion references (`Drucksache 2021/123`, `BV-17/2020`) and their printed titles."""

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MotionRef:
    """A council motion's reference as printed, with its title when the text gives one."""

    ref: str
    title: str | None


DOC_TYPE_STEMS = ("antrag", "anfrage", "vorlage", "drucksache")
DOC_TYPE_ABBREVIATIONS = ("Drucks.", "Drs.", "Ds.", "DS", "Vorl.")
# Prefixes of standards and EU law, whose numbers look like motion ids (`EU-2016/679`).
NON_MOTION_PREFIXES = frozenset({"DIN", "ISO", "IEC", "EN", "EU", "EG", "EWG", "VO", "PLZ", "D"})
# Words right before a number that make it a file number, a law or a phone number instead.
_NOT_MOTION_CONTEXT = re.compile(
    r"(?:\(EU\)|\bEU|\bEG|\bEWG|Verordnung|Richtlinie|\bAz\.?|Aktenzeichen|Zeichen|\bGz\.?"
    r"|\bTel\.?|Telefon|\bFax|Mobil|Durchwahl)\W*(?:Nr\.?\s*)?$"
)
_DOC_WORD = (
    r"(?P<doc>(?:\b(?:[A-ZÄÖÜ][a-zäöüß]*(?:{stems})|{words})(?:s|n)?|\b(?:{abbreviations}))"
    r"(?![a-zäöüß])(?:-?Nr\.?)?(?:\s*(?:Nr\.?|Nummer|No\.))?)[\s:]*"
).format(
    stems="|".join(DOC_TYPE_STEMS),
    words="|".join(s.capitalize() for s in DOC_TYPE_STEMS),
    abbreviations="|".join(re.escape(a) for a in DOC_TYPE_ABBREVIATIONS),
)
_MOTION_RE = re.compile(
    rf"(?:{_DOC_WORD})?(?:"
    r"(?P<pref>(?<![\w/.-])(?:[A-ZÄÖÜ]{1,6}[-/])+\d{1,6}(?:/\d{1,6})*)(?![\w/]|-\d)"
    r"|(?P<multi>(?<![\w/.-])\d{1,6}(?:/\d{1,6}){1,3}/(?P<year>\d{4}))(?![\w/]|-\d|[.,]\d)"
    r"|(?P<bare>(?<![\w/.-])(?P<a>\d{1,5})/(?P<b>\d{1,5}))(?![\w/]|-\d|[.,]\d)"
    r"|(?P<code>(?<![\w/.-])[A-ZÄÖÜ]{1,3}\d{1,6}(?:/\d{2,4})?)(?![\w/]|-\d)"
    r")"
)
_QUOTE_CLOSERS = {"„": '“”"', "“": '”"', '"': '"“”', "»": "«", "«": "»", "‚": "‘’'"}
_TITLE_STOP = re.compile(r"\s+[–—-]\s+|\s*[:;](?:\s|$)|\s+hier:|[.!?](?:\s|$)")
MAX_UNQUOTED_TITLE_WORDS = 12  # longer runs after a dash are prose, not a title
# A dash after the ref often introduces what the letter is, not what the motion is called.
NOT_TITLE_WORDS = (
    "Stellungnahme", "Hinweis", "Position", "Votum", "Meinung", "Anmerkung", "Anlage",
    "Beratungsergebnis", "Antwort", "Einschätzung", "Rückmeldung", "Ihre", "Ihr", "Unsere",
)  # fmt: skip
_NOT_TITLE_START = re.compile(r"(?:" + "|".join(NOT_TITLE_WORDS) + r")\w{0,2}\b")
_TRAILING_STATEMENT = re.compile(r"\s+[–—-]\s+" + _NOT_TITLE_START.pattern + ".*$", re.S)
_TITLE_BEFORE = re.compile(r"[„“\"»]([^„“”\"»«]{3,150})[“”\"«]\s*\(\s*$")


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1950 <= int(digits) <= 2099


def _is_year_pair(a: str, b: str) -> bool:
    """`2023/2024`, `2021/22`: budget years and periods, never a motion number."""
    if not _is_year(a):
        return False
    if len(b) == 4:
        return _is_year(b)
    return len(b) == 2 and any((int(a) + k) % 100 == int(b) for k in range(11))


def _accepts(m: re.Match[str], text: str) -> bool:
    """Whether an id-shaped match is a motion reference rather than a law, phone or range."""
    if _NOT_MOTION_CONTEXT.search(text[max(0, m.start() - 30) : m.start()]):
        return False
    if m["pref"]:
        segments = re.findall(r"[A-ZÄÖÜ]+(?=[-/])", m["pref"])
        shaped = "/" in m["pref"] or len(segments) >= 2  # `D-09111` is a postal code
        return shaped and segments[0] not in NON_MOTION_PREFIXES
    if m["multi"]:  # `6131/67/2022`: office, department, year; `12/05/2021` is a date
        parts = [int(p) for p in m["multi"].split("/")]
        is_date = len(parts) == 3 and 1 <= parts[0] <= 31 and 1 <= parts[1] <= 12
        return bool(m["doc"]) or (_is_year(m["year"]) and not is_date)
    if m["code"]:  # `Ö23`, `V091/2013`: a letter code only after the document type
        return bool(m["doc"]) and m["code"][:3].rstrip("0123456789") not in NON_MOTION_PREFIXES
    a, b = m["a"], m["b"]
    if _is_year_pair(a, b):
        return False
    if m["doc"]:
        return True
    return (_is_year(a) and len(b) >= 3) or (_is_year(b) and len(a) >= 3)


def _clean_title(title: str | None, strict: bool) -> str | None:
    """Trim a title candidate; `strict` (unquoted) titles must also start like a name."""
    if title is None:
        return None
    title = _TRAILING_STATEMENT.sub("", " ".join(title.split())).strip(" .,;:")
    if not title or len(title) > 200 or _NOT_TITLE_START.match(title):
        return None
    if strict and not (title[0].isupper() or title[0].isdigit()):
        return None
    if strict and len(title.split()) > MAX_UNQUOTED_TITLE_WORDS:
        return None
    return title


def _title_after(rest: str) -> str | None:
    """The title printed after a ref: quoted, after a dash, or in parentheses."""
    if quoted := re.match(r"\s*[:,]?\s*([„“\"»«‚])", rest):
        body = rest[quoted.end() :]
        end = next((i for i, c in enumerate(body) if c in _QUOTE_CLOSERS[quoted[1]]), len(body))
        return _clean_title(body[:end], strict=False)
    if dashed := re.match(r"\s+[–—-]\s+", rest):
        body = rest[dashed.end() :]
        stop = _TITLE_STOP.search(body)
        return _clean_title(body[: stop.start()] if stop else body, strict=True)
    if bracketed := re.match(r"\s*\(([^()]{3,150})\)", rest):
        return _clean_title(bracketed[1], strict=True)
    return None


def _motion_candidates(text: str) -> Iterable[tuple[bool, MotionRef]]:
    """Every motion reference with whether it is explicit (doc-type word or letter prefix)."""
    for m in _MOTION_RE.finditer(text):
        if not _accepts(m, text):
            continue
        if m["pref"]:
            ref = m["pref"]
        else:
            doc = " ".join(m["doc"].split()).rstrip(" :") if m["doc"] else ""
            ref = f"{doc} {m['multi'] or m['bare'] or m['code']}".strip()
        title = _title_after(text[m.end() :])
        if title is None and re.match(r"\s*\)", text[m.end() :]):
            before = _TITLE_BEFORE.search(text[: m.start()])
            title = _clean_title(before[1], strict=False) if before else None
        yield bool(m["pref"] or m["doc"] or m["multi"]), MotionRef(ref=ref, title=title)


def find_motion_refs(text: str) -> list[MotionRef]:
    """All motion references in `text`, in reading order (repeats included)."""
    return [ref for _, ref in _motion_candidates(text)]


def find_motion_ref(text: str) -> MotionRef | None:
    """The motion a text names: the first explicit reference, else the first bare number."""
    candidates = list(_motion_candidates(text))
    explicit = next((ref for strong, ref in candidates if strong), None)
    return explicit or (candidates[0][1] if candidates else None)
