"""Dates as German letters print them: `10.08.2020`, `10. August 2020`, `2020-08-10`."""

import re
from datetime import date

from analysis.ingest.fields.folding import fold

_MONTH_NAMES = (
    "januar jan jänner", "februar feb febr", "märz maerz marz mär mrz", "april apr", "mai",
    "juni jun", "juli jul", "august aug", "september sep sept", "oktober okt", "november nov",
    "dezember dez",
)  # fmt: skip
MONTHS: dict[str, int] = {
    fold(name): number
    for number, names in enumerate(_MONTH_NAMES, start=1)
    for name in names.split()
}

# A date must not continue a longer number (`1.250.000`); a two-digit year needs a two-digit
# month (`10.08.20`, not section `3.1.20`); times, year ranges and phones have no dots.
_DATE_RE = re.compile(
    r"(?<!\d)(?<!\d\.)(?:"
    r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|(?<=\d\d\.)\d{2}|(?<=\d\d\.\s)\d{2})"
    r"(?!\d|\.\d)"
    r"|(?P<td>\d{1,2})\.\s*(?P<tm>(?:[^\W\d_]|[\u0300-\u036f])+)\.?\s*(?P<ty>\d{4})(?!\d)"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
    r")"
)
_YEARS = range(1900, 2100)


def _iso(match: re.Match[str]) -> str | None:
    """The ISO form of one date match, or None for impossible dates and non-month words."""
    g = match.groupdict()
    if g["d"]:
        day, month, year = int(g["d"]), int(g["m"]), int(g["y"])
        year += 2000 if len(g["y"]) == 2 else 0
    elif g["td"]:
        day, month, year = int(g["td"]), MONTHS.get(fold(g["tm"]), 0), int(g["ty"])
    else:
        day, month, year = int(g["id"]), int(g["im"]), int(g["iy"])
    if year not in _YEARS:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """All valid German dates in `text` as (start, end, ISO date), in reading order."""
    return [(m.start(), m.end(), iso) for m in _DATE_RE.finditer(text) if (iso := _iso(m))]


def parse_date(text: str) -> str | None:
    """The first valid date in `text` as `YYYY-MM-DD`: the letter's date line holds one."""
    found = find_dates(text)
    return found[0][2] if found else None
