"""Read the small fields of a German statement: dates, motion references, persons, labels.

Zoning finds *where* a letter keeps its subject, information block and signature; these pure
parsers read *what* those strings say. Conventions live in module-level tables so that a new
letter style is a new table row, not a new branch.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date


def _fold(text: str) -> str:
    """Lower-case, transliterate umlauts and drop accents so `Grüßen` equals `Gruessen`."""
    text = unicodedata.normalize("NFC", text).casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# ---------------------------------------------------------------------------- dates

_MONTH_NAMES = (
    "januar jan jänner", "februar feb febr", "märz maerz marz mär mrz", "april apr", "mai",
    "juni jun", "juli jul", "august aug", "september sep sept", "oktober okt", "november nov",
    "dezember dez",
)  # fmt: skip
MONTHS: dict[str, int] = {
    _fold(name): number
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
        day, month, year = int(g["td"]), MONTHS.get(_fold(g["tm"]), 0), int(g["ty"])
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


# ---------------------------------------------------------------------- motion refs


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
    r"|(?P<bare>(?<![\w/.-])(?P<a>\d{1,5})/(?P<b>\d{1,5}))(?![\w/]|-\d|[.,]\d)"
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
            ref = f"{doc} {m['bare']}".strip()
        title = _title_after(text[m.end() :])
        if title is None and re.match(r"\s*\)", text[m.end() :]):
            before = _TITLE_BEFORE.search(text[: m.start()])
            title = _clean_title(before[1], strict=False) if before else None
        yield bool(m["pref"] or m["doc"]), MotionRef(ref=ref, title=title)


def find_motion_refs(text: str) -> list[MotionRef]:
    """All motion references in `text`, in reading order (repeats included)."""
    return [ref for _, ref in _motion_candidates(text)]


def find_motion_ref(text: str) -> MotionRef | None:
    """The motion a text names: the first explicit reference, else the first bare number."""
    candidates = list(_motion_candidates(text))
    explicit = next((ref for strong, ref in candidates if strong), None)
    return explicit or (candidates[0][1] if candidates else None)


# --------------------------------------------------------------- greetings and sign-off

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
    return " ".join(_fold(line).split()).rstrip(",.!:; ")


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
    folded = " ".join(_fold(line).split())
    if not folded or is_closing_formula(line):
        return False
    for opener, max_words in SALUTATION_OPENERS.items():
        if re.match(rf"{opener}\b", folded):
            return folded.endswith((",", "!")) or len(folded.split()) <= max_words
    return False


# ------------------------------------------------------------------------- persons


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
    r"kanzler(?:in)?", r"obmann", r"obfrau",
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
_NAME_SEP_RE = re.compile(r"\s*[,;·|•/]\s*|\s{2,}|\s+(?:und|u\.|&|sowie|für)\s+")
_EMAIL_RE = re.compile(r"<[^>]*>|\S+@\S+")
_RULE_LINE_RE = re.compile(r"^[-_–—=*\s]*$")


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


# ----------------------------------------------------------------- stakeholder group


def _cues(words: Sequence[str], abbreviations: Sequence[str] = ()) -> re.Pattern[str]:
    """Case-insensitive words plus case-sensitive abbreviations (`AG` but not `ag`)."""
    pattern = "(?i:" + "|".join(words) + ")"
    return re.compile(pattern + "".join(f"|{a}" for a in abbreviations))


# In priority order: the first group whose cue appears wins.
GROUP_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("commissioner", _cues([r"beauftragt", r"klimaschutzmanage", r"gleichstellungsstelle"])),
    ("advisory_board", _cues([
        r"beirat", r"(?:stadtteil|stadtbezirks|ortschafts|orts|senioren|jugend|integrations"
        r"|migrations|ausländer)rat\b", r"seniorenvertretung", r"jugendparlament",
    ])),
    ("political_group", _cues(
        [r"fraktion", r"\bpartei", r"wähler(?:gemeinschaft|vereinigung|initiative|bündnis)",
         r"freie\s+wähler", r"\b(?:einzel)?stadtr(?:at|ätin)\b", r"\bgemeinder(?:at|ätin)\b",
         r"\bkreisr(?:at|ätin)\b", r"bündnis\s*90", r"\bdie\s+linke\b", r"\bdie\s+grünen\b"],
        [r"\b(?:SPD|CDU|CSU|FDP|AfD|BSW|ÖDP|GRÜNE|LINKE)\b"],
    )),
    ("academia", _cues([
        r"(?<!volks)hochschule", r"universit(?:ät|y)", r"institut(?!ion)", r"fakultät",
        r"forschung", r"professur", r"lehrstuhl",
    ], [r"\b(?:TU|FH|HTW)\b"])),
    ("business", _cues(
        [r"\bihk\b", r"kammer\b", r"kreishandwerkerschaft", r"innung", r"stadtwerke",
         r"verkehrsbetrieb", r"verkehrsgesellschaft", r"verkehrsverbund", r"genossenschaft",
         r"unternehmen", r"sparkasse", r"\bbank\b"],
        [r"(?<!g)GmbH\b", r"\bmbH\b", r"\b(?:AG|eG|KG|UG|OHG|GbR|SE|HWK)\b"],
    )),
    ("citizen", _cues([
        r"bürgerinitiative", r"\banwohner", r"\beinwohner(?:in|innen)?\b",
        r"\bbürger(?:in|innen)?\b", r"privatperson",
    ])),
    ("association", _cues(
        [r"\be\.\s?v\.", r"verein(?:e|s)?\b", r"vereinigung", r"(?<!zweck)verband(?!sgemeinde)",
         r"\bkirche", r"kirch(?:en)?gemeinde", r"kirchenkreis", r"\bpfarr", r"diakonie",
         r"caritas", r"gewerkschaft", r"initiative", r"jugendring", r"club\b", r"klub\b",
         r"lebenshilfe", r"stiftung", r"volkssolidarität", r"arbeiterwohlfahrt",
         r"rotes\s+kreuz", r"bündnis", r"netzwerk", r"förderkreis"],
        [r"\b(?:AWO|DRK|DGB|NABU|BUND|ADFC|VCD|VdK|GEW)\b", r"\bver\.di\b"],
    )),
    ("administration", _cues([
        r"stadt\b", r"gemeinde\b", r"\b(?:land)?kreis\b", r"(?<!ehren)(?<!ges)amt\b", r"dezernat",
        r"fachbereich", r"stabsstelle", r"verwaltung", r"bürgermeister", r"eigenbetrieb",
        r"\breferat\b", r"sachgebiet", r"rathaus", r"zweckverband", r"verbandsgemeinde",
        r"beigeordnete", r"kämmerei", r"ministerium", r"behörde", r"magistrat",
    ])),
)  # fmt: skip
# Bodies that sit inside a municipality and so outrank its name on the letterhead.
_MUNICIPAL_BODIES = ("commissioner", "advisory_board", "political_group")


def _group_of(text: str | None, groups: Sequence[str] | None = None) -> str | None:
    if not text:
        return None
    text = unicodedata.normalize("NFC", text)
    return next(
        (g for g, cue in GROUP_CUES if (groups is None or g in groups) and cue.search(text)),
        None,
    )


def stakeholder_group(
    org: str | None, unit: str | None, role: str | None, is_private: bool = False
) -> str | None:
    """The stakeholder group from explicit cues. The organisation decides, except that a
    commissioner, advisory board or council group inside a municipality (or with no
    organisation) is recognised from unit and role; a company's data-protection officer
    stays `business`."""
    org_group = _group_of(org)
    inner = " | ".join(t for t in (unit, role) if t)
    if org_group in (None, "administration") and (found := _group_of(inner, _MUNICIPAL_BODIES)):
        return found
    if org_group:
        return org_group
    if is_private:
        return "citizen"
    return _group_of(inner)


# -------------------------------------------------------------------------- labels

LABEL_GROUPS: dict[str, tuple[str, ...]] = {
    "date": ("Datum",),
    "our_ref": ("Unser Zeichen", "Unser Az.", "Unser Aktenzeichen", "Aktenzeichen", "Az.",
                "Geschäftszeichen", "Gz."),
    "your_ref": ("Ihr Zeichen", "Ihr Az.", "Ihr Aktenzeichen"),
    "your_letter": ("Ihr Schreiben vom", "Ihre Nachricht vom", "Ihre Anfrage vom",
                    "Ihre E-Mail vom"),
    "contact": ("Auskunft erteilt", "Auskunft", "Ansprechpartner", "Ansprechpartner/in",
                "Ansprechpartnerin", "Ansprechperson", "Bearbeiter/in", "Bearbeiter",
                "Bearbeiterin", "Sachbearbeiter/in", "Kontakt", "Name"),
    "phone": ("Durchwahl", "Telefon", "Tel.", "Tel", "Telefon-Nr.", "Fon", "Mobil"),
    "fax": ("Telefax", "Fax"),
    "room": ("Zimmer", "Raum", "Zi."),
    "email": ("E-Mail", "Mail", "Email"),
    "address": ("Dienstgebäude", "Anschrift", "Hausanschrift", "Besucheranschrift"),
    "motion": ("Antrag / Vorlage", "Antrag", "Vorlage", "Drucksache", "Drucksachen-Nr.",
               "Vorlagen-Nr.", "Beschlussantrag", "Betrifft", "Gegenstand"),
    "sender": ("Einreicher/in", "Einreicher", "Einreicherin", "Absender", "Organisation",
               "Verfasser/in", "Verfasser", "Verfasserin", "Institution"),
    "from": ("Von", "From"),
    "sent": ("Gesendet", "Sent", "Gesendet am"),
    "to": ("An", "To"),
    "cc": ("Cc", "Bcc", "Kopie"),
    "subject": ("Betreff", "Subject", "Betr."),
    "attachments": ("Anlage", "Anlagen", "Attachments"),
    "body": ("Inhalt der Stellungnahme", "Text der Stellungnahme", "Stellungnahme", "Inhalt"),
}  # fmt: skip


def _norm_label(label: str) -> str:
    return re.sub(r"\s*/\s*", "/", " ".join(label.casefold().split())).rstrip(":")


INFO_LABELS: dict[str, str] = {
    _norm_label(label): key for key, labels in LABEL_GROUPS.items() for label in labels
}
# Labels that are also ordinary words at the start of a sentence or subject line.
COLON_REQUIRED = frozenset(
    _norm_label(label)
    for label in ("Antrag", "Vorlage", "Drucksache", "Beschlussantrag", "Gegenstand", "Name",
                  "Kontakt", "Raum", "Organisation", "Institution", "Absender", "Mail", "Von",
                  "From", "Gesendet", "Sent", "An", "To", "Cc", "Bcc", "Kopie", "Auskunft",
                  "Anlage", "Anlagen", "Fon", "Mobil", "Subject", "Stellungnahme", "Inhalt")
)  # fmt: skip
# In a printed e-mail header `Datum:` is when it was sent.
EMAIL_LABEL_OVERRIDES = {"datum": "sent"}


def _label_pattern(label: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in label.split())
    body = body.replace("/", r"\s*/\s*")
    ending = r"\s*:\s*" if label in COLON_REQUIRED else r"(?:\s*:\s*|\s+|$)"
    if label.endswith(".") and label not in COLON_REQUIRED:
        ending = r"(?:\s*:\s*|\s*)"
    return re.compile(rf"\s*{body}{ending}", re.I)


_LABEL_PATTERNS = tuple(
    (label, _label_pattern(label)) for label in sorted(INFO_LABELS, key=len, reverse=True)
)


def split_label(line: str, email: bool = False) -> tuple[str, str] | None:
    """(canonical key, value) when `line` starts with an information-block or header label.
    Set `email` for printed e-mail headers, where `Datum` is the sending date."""
    for label, pattern in _LABEL_PATTERNS:
        if m := pattern.match(line):
            key = (email and EMAIL_LABEL_OVERRIDES.get(label)) or INFO_LABELS[label]
            return key, line[m.end() :].strip()
    return None


_REPLY_PREFIX_RE = re.compile(
    r"^\s*(?:(?:aw|wg|re|fwd?|antw|antwort|wtr|tr)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+", re.I
)


def strip_reply_prefix(subject: str) -> str:
    """The subject without `AW:`, `WG:`, `Re:`, `Fwd:` prefixes, however many are stacked."""
    return _REPLY_PREFIX_RE.sub("", subject).strip()
