"""Is this string an organisation's name? Senders are read from many places of a letter, and
real letters put recipients, dates, agenda stamps, subjects and OCR debris where a letterhead
would be: a wrong sender is worse than none, so every candidate passes this check first."""

import re
import unicodedata

from analysis.ingest.fields.dates import parse_date
from analysis.ingest.fields.groups import GROUP_CUES
from analysis.ingest.fields.persons import ORG_WORD_PATTERNS

_ORG_WORD_RE = re.compile("|".join(ORG_WORD_PATTERNS), re.I)
# Addressing a recipient: `An Oberbürgermeister …`, `Herrn …`, `Mitglieder des Ausschusses`.
_RECIPIENT_RE = re.compile(
    r"^(?:an\b|an\s+die|an\s+den|herrn?\b|frau\b|z\.\s?h(?:d)?\.|zu\s+händen|mitglieder\b"
    r"|gleichlautend\b|nachrichtlich\b|verteiler\b|empfänger\b)",
    re.I,
)
# An office's receipt stamp (`Eingang 16. Jan.`): its date is when the letter arrived.
_STAMP_RE = re.compile(r"\b(?:eingang|eingegangen|ablage|wiedervorlage|vorlage\s+an)\b", re.I)
# Agenda lines of a council (`TOP 4`, `Sitzung der BV …`, `Aktuelle Stunde …`).
_AGENDA_RE = re.compile(
    r"\b(?:top|tagesordnung\w*|sitzung|aktuelle\s+stunde|einladung|niederschrift|protokoll)\b"
    r"|^(?:ö|nö)\s*\d",
    re.I,
)
# Document titles and subject lines: what a letter is, not who sends it.
_TITLE_RE = re.compile(
    r"^(?:betreff|betr\.|stellungnahme|anfrage|antrag|anträge|beschlussvorlage|vorlage|drucksache"
    r"|mitteilung|beantwortung|antwort|rede|redebeitrag|es\s+gilt|pressemitteilung|entwurf"
    r"|empfehlung|beschluss|hier)(?![a-zäöüß])",
    re.I,
)
# A postal address, a street, a post box, a phone, fax, mail or web line.
ADDRESS = re.compile(
    r"(?<!\d)\d{5}(?!\d)|(?:straße|str\.|weg|platz|allee|ring|gasse|damm|ufer)\s+\d"
    r"|^postfach\b|^pf\s+\d|@|https?:|www\.|\btel\b|\bfax\b|telefon"
    r"|^[A-ZÄÖÜ][\w.\- ]{1,40}\s\d{1,4}(?:\s?[-–]\s?\d{1,4})?\s?[a-z]?$",  # `Am Packhof 2-6`
    re.I,
)
# Leading words that put a name into a sentence: `für den Stadtteilbeirat …`.
_LEADING_RE = re.compile(
    r"^(?:(?:i\.\s?[av]\.|im\s+auftrag|in\s+vertretung|im\s+namen|namens|für|von|seitens"
    r"|vom|gez\.|abs\.:?|absender:)\s+)+(?:(?:des|der|den|dem|die|das|eines|einer)\s+)?",
    re.I,
)
MIN_LETTERS = 4
# Groups whose cues also match ordinary words (`Innenstadt`, `Bürger`): their organisations
# are told by the stricter organisation words instead.
_LOOSE_GROUPS = ("administration", "citizen")


def looks_like_org(text: str) -> bool:
    """Whether ``text`` holds a word that organisations are named with (Fraktion, Stadt, Amt,
    Beirat, Verein, e. V., GmbH, Kammer, Initiative, a party …)."""
    text = unicodedata.normalize("NFC", text or "")
    return bool(_ORG_WORD_RE.search(text)) or any(
        cue.search(text) for group, cue in GROUP_CUES if group not in _LOOSE_GROUPS
    )


def org_problem(text: str) -> str | None:
    """Why ``text`` cannot be a sender's name (``None`` when it can): it addresses the
    recipient, is a date, an agenda line or stamp, a title or subject, an address, or debris."""
    text = unicodedata.normalize("NFC", text or "").strip().strip("()[] ")
    letters = sum(c.isalpha() for c in text)
    if _RECIPIENT_RE.match(text):
        return "recipient"
    if is_agenda_or_stamp(text):
        return "agenda or stamp"
    if parse_date(text) and letters < 25:
        return "date"
    if letters < MIN_LETTERS:
        return "too few letters"
    if _TITLE_RE.match(text):
        return "title or subject"
    if ADDRESS.search(text):
        return "address"
    if _is_debris(text, letters):
        return "unreadable"
    return None


def is_stamp(text: str) -> bool:
    """An office's receipt stamp (``Eingang 16. Jan. 2024``): its date is not the letter's."""
    return bool(_STAMP_RE.search(unicodedata.normalize("NFC", text or "")))


def is_agenda_or_stamp(text: str) -> bool:
    """An agenda line or a stamp (``TOP 4``, ``Eingang 16. Jan.``): never the sender."""
    text = unicodedata.normalize("NFC", text or "")
    return bool(_AGENDA_RE.search(text)) or is_stamp(text)


def _is_debris(text: str, letters: int) -> bool:
    """OCR noise from a logo or stamp: few letters among the characters, short fragments, or
    no word of three letters that starts in upper case."""
    visible = sum(not c.isspace() for c in text)
    words = re.findall(r"[^\W\d_]{3,}", text)
    if letters / max(visible, 1) < 0.75 or not words:
        return True
    if not any(w[0].isupper() for w in words):
        return True
    return sum(len(w) for w in words) < 0.6 * letters


def clean_org(text: str) -> str:
    """``text`` without the words that put it into a sentence (``für den Stadtteilbeirat X`` →
    ``Stadtteilbeirat X``), quotes and trailing punctuation; a genitive ``-s`` after ``des``
    goes (``des Stadtteilbeirats X`` → ``Stadtteilbeirat X``)."""
    text = unicodedata.normalize("NFC", text or "").strip().strip("|•·,;:- ")
    if text[:1] in '„“"»(' and not any(c in text[1:] for c in '“”"«)'):
        text = text[1:].lstrip()  # an opening quote or bracket that is never closed
    for opener, closers in (("(", ")"), ('„“"»', '“”"«')):
        if text.endswith(tuple(closers)) and not any(c in text[:-1] for c in opener):
            text = text[:-1].rstrip()  # a closing bracket or quote without its opening one
    leading = _LEADING_RE.match(text)
    if leading:
        genitive = re.search(r"\b(?:des|eines)\s+$", leading.group(0), re.I)
        text = text[leading.end() :]
        if genitive:
            text = re.sub(r"^(\w{4,}?)e?s\b", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" ,;:")
