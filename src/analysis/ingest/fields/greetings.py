"""Salutations that open a letter and complimentary closes that end it."""

import re

from analysis.ingest.fields.folding import fold

CLOSING_PATTERNS = (
    r"(?:(?:vielen\s+)?danke?(?:\s+und|\s*,)\s+)?(?:mit\s+)?(?:[a-z]+(?:e|en|em|er)\s+){0,2}"
    r"grue?ss(?:e|en)?(?:\s+(?:aus|von|nach|in)\s.*)?",
    r"hochachtungsvoll", r"im\s+auftrag", r"in\s+vertretung", r"mfg", r"lg", r"vg",
    r"beste\s+wuensche",
)  # fmt: skip
_CLOSING_RE = re.compile("|".join(f"(?:{p})" for p in CLOSING_PATTERNS))
# Salutation openers and how many words a line may have without a closing comma.
SALUTATION_OPENERS = {
    r"sehr (?:geehrte|verehrte)[rn]?": 12, r"guten (?:tag|morgen|abend)": 10, r"hallo": 8,
    r"geehrte[rn]?": 8, r"werte[rns]?": 6, r"liebe[rns]?": 5, r"gruess gott": 6, r"moin": 5,
    r"servus": 5, r"hi": 4,
}  # fmt: skip


def _folded_line(line: str) -> str:
    return " ".join(fold(line).split()).rstrip(",.!:; ")


# A close with a short personal tail: `Mit freundlichen Grüßen und bis bald auf dem Rad`.
_CLOSING_TAIL_RE = re.compile(rf"(?:{_CLOSING_RE.pattern})\s+und\b[^.]*")


def is_closing_formula(line: str) -> bool:
    """Whether `line` is a complimentary close (`Mit freundlichen Grüßen,`, `MfG`)."""
    folded = _folded_line(line)
    if _CLOSING_RE.fullmatch(folded):
        return True
    short = len(folded.split()) <= 12 and not line.rstrip().endswith(".")
    return short and bool(_CLOSING_TAIL_RE.fullmatch(folded))


def is_salutation(line: str) -> bool:
    """Whether `line` opens a letter (`Sehr geehrte Damen und Herren,`, `Hallo zusammen,`)."""
    folded = " ".join(fold(line).split())
    if not folded or is_closing_formula(line):
        return False
    if folded.endswith((".", "?", ":", ";")) and not folded.endswith(("...", "…")):
        return False  # a sentence (`… auszu-` / `werten.`), not an address
    for opener, max_words in SALUTATION_OPENERS.items():
        if re.match(rf"{opener}\b", folded):
            words = len(folded.split())
            return folded.endswith((",", "!")) or 1 < words <= max_words
    return False
