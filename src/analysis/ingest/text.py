"""Clean, de-hyphenate and sentence-split the German text of statements (Stellungnahmen)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["join_lines", "normalize", "split_sentences"]

# PDF extraction artefacts: invisible hyphens and joiners go, odd spaces become plain spaces,
# typographic ligatures become their letters so that words match the dictionary spelling.
_CHARACTER_FIXES = str.maketrans(
    {
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # byte order mark
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }
)
_WHITESPACE = re.compile(r"\s+")

_SOFT_HYPHEN = "\u00ad"
_HYPHENS = "-\u2010"
# A hyphen before one of these words is a suspended hyphen ("Kinder- und Jugendhilfe").
_SUSPENDED_HYPHEN = re.compile(r"(?:und|oder|bzw\.|sowie|bis)(?!\w)")
# Gender forms broken at the star, colon or underscore ("Bürger*" / "innen").
_GENDER_SEAM = re.compile(r"(?:[*_:]innen|[*_]in)(?!\w)")
_WORD_BEFORE_HYPHEN = re.compile(r"([^\s/\-\u2010]*)[-\u2010]$")

# Abbreviations whose final period never ends a sentence, written as in running text; the
# space inside multi-part ones is optional when matching. `usw.` and `etc.` are left out on
# purpose: they often do end a sentence, and before a lowercase word nothing breaks anyway.
ABBREVIATIONS = frozenset(
    {
        # multi-part
        "z. B.", "u. a.", "m. E.", "d. h.", "o. g.", "i. V.", "i. A.", "v. a.", "e. V.",
        "u. U.", "z. T.", "i. d. R.", "i. S. d.", "i. S. v.", "o. ä.", "u. ä.", "a. a. O.",
        "Dipl.-Ing.",
        # single words
        "bzw.", "ca.", "ggf.", "evtl.", "vgl.", "sog.", "inkl.", "zzgl.", "bzgl.", "gem.",
        "lt.", "insb.", "bspw.", "mind.", "max.", "ggü.", "ehem.", "Nr.", "Nrn.", "Abs.",
        "Art.", "S.", "Kap.", "Ziff.", "Anl.", "Abt.", "Dr.", "Prof.", "Dipl.", "Ing.",
        "Hr.", "Hrn.", "Fr.", "St.", "Str.", "Tel.", "Fa.", "Mio.", "Mrd.", "Tsd.",
        "Jan.", "Feb.", "Febr.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
        "Okt.", "Nov.", "Dez.",
    }
)  # fmt: skip

# Abbreviations that end a compound rather than stand alone ("Hauptstr. 5").
_ABBREVIATION_SUFFIXES = ("str.",)

_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember", "Jan.", "Feb.", "Febr.", "Mär.", "Apr.", "Jun.",
    "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
)  # fmt: skip
# Capitalised nouns that commonly follow an ordinal ("im IV. Quartal", "die 2. Lesung").
_ORDINAL_NOUNS = (
    "Quartal", "Halbjahr", "Jahrhundert", "Bauabschnitt", "Lesung", "Sitzung", "Änderung",
    "Fortschreibung", "Klasse", "Stock", "Obergeschoss", "Etage", "Preis", "Platz",
)  # fmt: skip

_TERMINATORS = ".!?…"
_CLOSERS = "\"“”’'»«)]"
_OPENERS = "„\"“‚'»«([§"
# A run of terminators, closing quotes or brackets, then the space a sentence break would use.
_CANDIDATE = re.compile(rf"(?P<term>[{_TERMINATORS}]+)[{re.escape(_CLOSERS)}]*(?P<space>\s+)")


def _abbreviation_pattern(abbreviation: str) -> str:
    """Regex for an abbreviation with optional inner spaces and a capitalised first letter."""
    parts = [part for part in re.split(r"(?<=\.)\s*", abbreviation) if part]
    body = r"\s?".join(re.escape(part) for part in parts)
    first = abbreviation[0]
    if first.islower():
        body = f"[{first}{first.upper()}]" + body[1:]
    return body


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(words, key=lambda word: (-len(word), word))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, _longest_first(words)))


_PROTECTED = re.compile(
    "|".join(
        [
            # listed abbreviations, longest first so "z. B." wins over the initial "B."
            rf"(?<!\w)(?:{'|'.join(map(_abbreviation_pattern, _longest_first(ABBREVIATIONS)))})",
            rf"(?<=\w)(?:{_alternation(_ABBREVIATION_SUFFIXES)})",
            # ordinals before a month or an ordinal noun: "am 10. August", "im IV. Quartal"
            rf"(?<!\w)(?:\d{{1,3}}|[IVXLC]+)\.(?=\s+(?:{_alternation(_MONTHS + _ORDINAL_NOUNS)})"
            r"(?!\w))",
            # dates written with spaces: "10. 08. 2020"
            r"(?<!\w)\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?!\d)",
            # single initials: "A. Müller"
            r"(?<!\w)[A-ZÄÖÜ]\.",
            # enumerators opening the paragraph: "1. Ausgangslage", "2.1. Kosten", "IV. Fazit"
            r"\A\s*(?:(?:\d{1,3}\.)+|[IVXLC]+\.|[A-Za-z]\.)",
        ]
    )
)


def normalize(text: str) -> str:
    """Canonical form of extracted text, so that equal words compare equal across PDFs."""
    text = unicodedata.normalize("NFC", text).translate(_CHARACTER_FIXES)
    return _WHITESPACE.sub(" ", text).strip()


def _seam(left: str, right: str, soft: bool) -> tuple[str, str]:
    """How two lines meet: the left line as it should stay and the glue before the right line."""
    if soft or _GENDER_SEAM.match(left[-1] + right):
        return left, ""
    # A hyphen with a space before it is a dash; en and em dashes are never hyphenation.
    if left[-1] not in _HYPHENS or len(left) == 1 or left[-2].isspace():
        return left, " "
    if _SUSPENDED_HYPHEN.match(right):
        return left, " "
    match = _WORD_BEFORE_HYPHEN.search(left)
    head = match.group(1) if match else ""
    # "IT-Infrastruktur", "10-Minuten-Takt", "E-Mail": the hyphen belongs to the compound.
    if head.isupper() or head[-1:].isdigit() or not right[0].islower():
        return left, ""
    return left[:-1], ""


def join_lines(lines: Sequence[str]) -> str:
    """Join one paragraph's lines into a single string, undoing hyphenation at line ends."""
    pieces: list[str] = []
    soft = False
    for raw in lines:
        line = normalize(raw)
        if not line:
            continue
        if pieces:
            pieces[-1], glue = _seam(pieces[-1], line, soft)
            pieces.append(glue)
        pieces.append(line)
        # A soft hyphen that survives at a line end marks where the layout broke the word.
        soft = raw.rstrip().endswith(_SOFT_HYPHEN)
    return "".join(pieces)


def _protected_periods(text: str) -> set[int]:
    """Positions of periods that belong to abbreviations, ordinals, dates or enumerators."""
    return {
        match.start() + offset
        for match in _PROTECTED.finditer(text)
        for offset, char in enumerate(match.group())
        if char == "."
    }


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _breaks(text: str) -> Iterator[tuple[int, int]]:
    """(end of sentence, start of next) for each sentence boundary in the text."""
    protected = _protected_periods(text)
    start = 0
    for match in _CANDIDATE.finditer(text):
        following = text[match.end() : match.end() + 1]
        if not following or not _starts_sentence(following):
            continue
        if match.group("term") == "." and match.start("term") in protected:
            continue
        # a leading ellipsis ("… gefragt hätten") is not a sentence of its own
        if not any(char.isalnum() for char in text[start : match.start("space")]):
            continue
        yield match.start("space"), match.end()
        start = match.end()


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into its sentences, each a verbatim, stripped substring."""
    sentences = []
    start = 0
    for end, next_start in _breaks(text):
        sentences.append(text[start:end].strip())
        start = next_start
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
