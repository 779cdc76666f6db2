"""Persons who sign or are named as contact: names, academic titles, roles."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.ingest.fields.greetings import is_closing_formula, is_salutation


@dataclass(frozen=True)
class Person:
    """Someone who signs or is named as contact, with the function printed beside the name."""

    name: str
    role: str | None


# Stems of German job titles; a role may be a compound ending in one (`Amtsleiterin`).
ROLE_STEMS = (
    r"leiter(?:in)?", r"beauftragte[rn]?", r"vorsitzende[rn]?", r"sprecher(?:in)?",
    r"geschäftsführer(?:in)?", r"vorstand", r"vorständin", r"bürgermeister(?:in)?",
    r"beigeordnete[rn]?", r"professor(?:in)?", r"direktor(?:in)?", r"referent(?:in)?",
    r"sachbearbeiter(?:in)?", r"mitarbeiter(?:in)?", r"manager(?:in)?", r"pfarrer(?:in)?",
    r"präsident(?:in)?", r"dezernent(?:in)?", r"koordinator(?:in)?", r"berater(?:in)?",
    r"planer(?:in)?", r"stadtr(?:at|ätin)", r"gemeinder(?:at|ätin)", r"landr(?:at|ätin)",
    r"kämmerer(?:in)?", r"officer", r"vertreter(?:in)?", r"stellvertret\w*",
    r"assistent(?:in)?", r"sekretär(?:in)?", r"justiziar(?:in)?", r"ingenieur(?:in)?",
    r"architekt(?:in)?", r"schatzmeister(?:in)?", r"schriftführer(?:in)?", r"inhaber(?:in)?",
    r"diakon(?:in)?", r"superintendent(?:in)?", r"dekan(?:in)?", r"rektor(?:in)?",
    r"kanzler(?:in)?", r"obmann", r"obfrau", r"vorsitz",
)  # fmt: skip
_ROLE_RE = re.compile(r"(?:" + "|".join(ROLE_STEMS) + r")\b", re.I)
_PHONE_RE = re.compile(
    r"(?:\+\d{2}[\s-]?(?:\(0\)\s?)?|(?<!\d)0)\d{2,5}(?:\s?/\s?|\s|-)?\d[\d\s-]{2,}\d"
)
_CONTACT_DETAIL_RE = re.compile(
    r"@|https?:|www\.|(?<!\d)\d{5}(?!\d)|stra(?:ße|sse)\b|str\.\s*\d|\bpostfach\b", re.I
)
# Words that make a capitalised phrase an organisation or address rather than a person.
ORG_WORD_PATTERNS = (
    r"\b(?:stadt|gemeinde|landkreis|kreis|gmbh|ag|eg|kg|mbh|ihk|partei|team|freie|rathaus)\b",
    r"\be\.\s?v\.", r"\w*(?:amt|verwaltung|fraktion|beirat|verein|verband|hochschule)\b",
    r"\w*(?:universität|institut|initiative|stadtwerke|stiftung|genossenschaft)\b",
    r"\w*(?:gemeinde|ministerium|dezernat|referat|geschäftsstelle|straße|büro|schule)\b",
    r"\w*(?:zentrum|gruppe|wähler|liste|forum|bündnis|netzwerk|union|lab)\b", r"\w+kammer\b",
    r"(?:bei|stadt|stadtteil|gemeinde|ortschafts|orts|jugend|senioren)rat\b",
)  # fmt: skip
_ORG_WORD_RE = re.compile("|".join(ORG_WORD_PATTERNS), re.I)
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "zur", "vom", "di", "da",
                            "du", "del", "la", "le", "ten", "ter", "y"})  # fmt: skip
TITLE_STEMS = frozenset({"prof", "dr", "dipl", "ing", "mag", "med", "dent", "vet", "phil",
                         "rer", "nat", "pol", "oec", "jur", "habil", "pd", "apl"})  # fmt: skip
_HONORIFIC_RE = re.compile(r"^(?:Frau|Herrn?|Fr\.|Hr\.)\s+")
_PROXY_RE = re.compile(r"^(?:(?:i\.\s?V\.|i\.\s?A\.|gez\.|ppa\.|pp\.|i\.\s?Vertr\.)\s*)+", re.I)
_NAME_SEP_RE = re.compile(
    r"\s*[,;·|•/]\s*|\s{2,}|\s+(?:und|u\.|&|sowie|für|namens|(?i:in\s+vertretung|im\s+namen"
    r"|im\s+auftrag))\s+"
)
_EMAIL_RE = re.compile(r"<[^>]*>|\S+@\S+")
_RULE_LINE_RE = re.compile(r"^[-_–—=*\s]*$")
_NOT_FIRST_NAMES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "wir",
                              "sie", "ihr", "ihre", "unser", "unsere", "alle"})  # fmt: skip


def _is_title(token: str) -> bool:
    """`Prof.`, `Dr.-Ing.`, `Dipl.-Inf.`: academic titles printed before a name."""
    stem = re.match(r"[^\W\d_]+", token)
    return bool(stem) and "." in token and stem[0].lower() in TITLE_STEMS


def _is_name_token(token: str) -> bool:
    parts = re.split(r"[-'’]", token)
    return all(p.isalpha() and p[0].isupper() for p in parts)


def _name_core(text: str) -> list[str]:
    """The name words proper: titles, particles, initials and honorifics left out."""
    tokens = _HONORIFIC_RE.sub("", text.strip()).split()
    return [
        t
        for t in tokens
        if not _is_title(t) and t not in NAME_PARTICLES and not re.fullmatch(r"[A-ZÄÖÜ]\.", t)
    ]


def looks_like_name(text: str) -> bool:
    """Whether `text` reads as a person's name: 2–4 capitalised words, titles allowed."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text or any(c.isdigit() for c in text) or _ORG_WORD_RE.search(text):
        return False
    if is_closing_formula(text) or is_salutation(text) or looks_like_role(text):
        return False
    core = _name_core(text)
    if core and core[0].lower() in _NOT_FIRST_NAMES:
        return False  # `Die Vorlagen`, `Wir Grünen`: a phrase, not a name
    return (
        2 <= len(core) <= 4
        and all(_is_name_token(t) for t in core)
        and not all(t.isupper() for t in core)
    )


def looks_like_role(text: str) -> bool:
    """Whether `text` names a function (`Amtsleiterin`, `Vorsitzende des Seniorenbeirats`)
    rather than an address, phone number or organisation."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text or len(text.split()) > 12 or _CONTACT_DETAIL_RE.search(text):
        return False
    return not _PHONE_RE.search(text) and bool(_ROLE_RE.search(text))


def _split_name(line: str) -> tuple[str, str] | None:
    """(name, rest of line) when `line` starts with a person's name."""
    line = _HONORIFIC_RE.sub("", _PROXY_RE.sub("", line.strip()))
    sep = _NAME_SEP_RE.search(line)
    head, rest = (line[: sep.start()], line[sep.end() :]) if sep else (line, "")
    return (head.strip(), rest) if looks_like_name(head) else None


def _first_role(text: str) -> str | None:
    """The first comma- or bullet-separated part of `text` that reads as a role."""
    parts = (p.strip() for p in re.split(r"[,;·|•]", text))
    return next((p for p in parts if looks_like_role(p)), None)


def _is_signature_filler(line: str) -> bool:
    """Lines around a signature that name nobody: `--`, `Im Auftrag`, a lone `gez.`."""
    return (
        bool(_RULE_LINE_RE.match(line))
        or is_closing_formula(line)
        or not _PROXY_RE.sub("", line).strip()
    )


def parse_signature(lines: Sequence[str]) -> Person | None:
    """The signer of a signature block: the first name line, and the role from the next
    line (a separate role line is fuller than a short role after a comma)."""
    cleaned = [unicodedata.normalize("NFC", ln).strip() for ln in lines]
    cleaned = [ln for ln in cleaned if not _is_signature_filler(ln)]
    for i, line in enumerate(cleaned):
        found = _split_name(line)
        if found is None:
            continue
        name, rest = found
        following = cleaned[i + 1] if i + 1 < len(cleaned) else ""
        following_role = re.split(r"\s*[·|•]\s*", following)[0]
        role = following_role if looks_like_role(following_role) else _first_role(rest)
        return Person(name=name, role=role)
    return None


def _display_name(text: str) -> str:
    """An e-mail display name without address and quotes; `Wenzlaff, Jörg` turned round."""
    had_address = bool(_EMAIL_RE.search(text))
    text = _EMAIL_RE.sub("", text).strip().strip("\"'").strip()
    parts = [p.strip() for p in text.split(",")]
    if had_address and len(parts) == 2 and all(_is_name_token(p) for p in parts):
        return f"{parts[1]} {parts[0]}"
    return text


def parse_person(text: str) -> Person | None:
    """A person from a contact or sender value (`Frau Liebetrau`, `Name, Rolle, Telefon`,
    `Name <mail@example>`); phone numbers and addresses are dropped."""
    text = _display_name(unicodedata.normalize("NFC", text))
    text = _PHONE_RE.sub("", text).strip(" ,;")
    honorific = bool(_HONORIFIC_RE.match(text))
    found = _split_name(text)
    if found is None and honorific:
        bare = _HONORIFIC_RE.sub("", text)
        head = _NAME_SEP_RE.split(bare, maxsplit=1)[0].strip()
        core = _name_core(head)
        single = len(core) == 1 and _is_name_token(core[0]) and not _ORG_WORD_RE.search(head)
        found = (head, bare[len(head) :]) if single else None
    if found is None:
        return None
    name, rest = found
    return Person(name=name, role=_first_role(rest))


_INITIAL_NAME_RE = re.compile(r"\b[A-ZÄÖÜ]\.\s?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")


def joint_names(line: str) -> list[str]:
    """The signers of a line that holds only names with initials side by side (``H. Meier
    R.Schulz L. Brandt``), as joint letters print them; empty for any other line."""
    names = _INITIAL_NAME_RE.findall(line)
    covered = sum(len(n) for n in names)
    if len(names) < 2 or covered < 0.8 * len(re.sub(r"\s+", "", line)):
        return []
    return [re.sub(r"\.(?=\S)", ". ", n) for n in names]


def is_role_list(text: str) -> bool:
    """Whether every word of ``text`` is a role (``Fraktionsvorsitz Bezirksvertreter``: the
    roles of signers side by side), not an organisation that contains one."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and all(_ROLE_RE.search(w) for w in words)


MAX_SIGNATURE_WORDS = 20


def closing_signers(paragraphs: Sequence[str]) -> list[str]:
    """Signers printed in the last paragraphs of a letter without a closing formula (a
    question to the council ending ``Lisa Muster gez. Karl Probe Fraktionsvorsitzende``):
    a short paragraph of names and roles, or one starting with ``gez.``; prose gives none."""
    for paragraph in reversed(paragraphs[-2:]):
        words = paragraph.split()
        signed = bool(words) and words[0].lower() == "gez."
        if not words or len(words) > MAX_SIGNATURE_WORDS or _ends_sentence(words[-1]):
            continue
        if not signed and not _ROLE_RE.search(paragraph):
            continue
        names = []
        for chunk in re.split(r"\bgez\.\s*|\s*[,;]\s*", paragraph):
            tokens = chunk.split()
            for size in (3, 2):
                head = " ".join(tokens[:size])
                rest = tokens[size] if len(tokens) > size else ""
                if looks_like_name(head) and (not rest or looks_like_role(rest) or size == 2):
                    names.append(head)
                    break
        if names:
            return names
    return []


def _ends_sentence(word: str) -> bool:
    """``Prüfung.``, ``vorgelegt?``: a sentence ends here (``e.V.`` and ``Dr.`` do not)."""
    return word[-1:] in "?!" or (word.endswith(".") and "." not in word[:-1] and len(word) > 3)
