"""Personal data in published text, replaced by stable placeholders (``--redact``).

Pure: tables in, tables out. Private by default: a statement is a private person's unless it is
known to be written in an official capacity, that is by an office, commissioner, board, council
group, association, business or university that is not a group of private persons (citizens'
initiative, village or neighbourhood community). ``everyone`` (``--redact all``) treats every
statement so. What is removed, and where:

- e-mail addresses, phone and fax numbers and IBANs: in every statement's text (a free text
  cannot tell a private number from an office's; neither is needed to follow an argument);
- street addresses (street and house number) and postcode with town: in the text of private
  persons' statements (officials' and organisations' letters name places as their subject);
- the names of private persons: the signer of a private statement and a sender that is the
  signer's own name, and the persons a private statement names itself (``Frau Meier``,
  ``mein Name ist …``): in every text, the full name and the surname alone or behind a title,
  initials or first name, whoever mentions them.

Every match becomes a placeholder naming what was there (``[E-Mail geschwärzt]`` …), so the
same text always reads the same after redaction and quotes still match their sentences.
What is not found: private persons named without a form of address in an official's letter,
addresses in officials' letters, anything inside images. See ``docs/privacy.md``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.codes import STAKEHOLDER_GROUPS

PRIVATE_PERSON = "Privatperson (Name geschwärzt)"
NAME = "[Name geschwärzt]"
EMAIL = "[E-Mail geschwärzt]"
PHONE = "[Telefon geschwärzt]"
IBAN = "[IBAN geschwärzt]"
ADDRESS = "[Anschrift geschwärzt]"

# Every pattern starts where a token starts (a look-behind or \b), so that a text of one
# enormous token (a hostile PDF can hold one) is scanned in linear time, not quadratic.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@|\s?[\[(]\s?(?:at|ät)\s?[\])]\s?)[\w-]+"
    r"(?:(?:\.|\s?[\[(]\s?(?:dot|punkt)\s?[\])]\s?)[\w-]+)+",
    re.IGNORECASE,
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
# A German number: +49 / 0049 / 0 and an area code, groups joined by space, slash or dash.
_PHONE = re.compile(
    r"(?<![\w/.,-])(?:(?:\+|00)\d{2}[ ]?(?:\(0\)[ ]?)?|\(?0)\d{2,5}\)?"
    r"(?:[ ]?[/–-][ ]?|[ ])?\d(?:[ ]?[/–-]?[ ]?\d){2,12}(?![\w/])"
)
_LABELLED_PHONE = re.compile(
    r"\b((?:Tel(?:efon)?(?:nummer)?|Fax|Mobil(?:nummer)?|Handy|Durchwahl|Rufnummer|Fon)"
    r"\.?(?: ?-?Nr\.?)?:?[ ]?)([+(]?\d[\d ()/–-]{3,}\d)"
)
_YEAR_REF = re.compile(r"\d{2,5}/(?:19|20)\d{2}(?:[-–]\d+)?")
_STREET_SUFFIX = (
    r"-?(?i:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|stieg|"
    r"pfad|graben|markt|promenade|zeile|kamp|twiete)"
)
_STREET = re.compile(
    r"\b(?:[A-ZÄÖÜ][a-zäöüß]*(?:-[A-ZÄÖÜ][a-zäöüß]+)*" + _STREET_SUFFIX + r"|"
    r"[A-ZÄÖÜ][\wäöüß-]+(?:er|sche|scher) (?:Straße|Str\.|Weg|Platz|Allee|Ring|Damm|Gasse|"
    r"Chaussee|Ufer)|(?:Straße|Platz) (?:des|der) [A-ZÄÖÜ][\wäöüß-]+)"
    r" ?\d{1,3}[a-zA-Z]?\b(?: ?[-–/] ?\d{1,3}[a-zA-Z]?\b)?(?![.,]\d)"
)
_NOT_A_TOWN = (
    r"(?!(?:Euro|EUR|Einwohner|Menschen|Personen|Haushalte|Unterschriften|Stimmen|Mitglieder|"
    r"Bürger|Fahrzeuge|Quadratmeter|Kilometer|Meter|Tonnen|Stunden|Jahre|Teilnehm|Besucher|"
    r"Kinder|Nutzer|Plätze|Wohnungen|Beschäftigte|Mal)\w*\b)"
)
_POSTCODE_TOWN = re.compile(
    r"(?<![\w/.-])(?:D-)?\d{5} " + _NOT_A_TOWN + r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    r"(?: (?:an der|am|im|in der|bei|ob der|vor der) [A-ZÄÖÜ][a-zäöüß]+)?"
)
_TITLES = {"dr", "prof", "dipl", "ing", "med", "phil", "rer", "nat", "herr", "frau", "von", "zu"}
_HONORIFIC = r"(?:(?:Herrn?|Frau|Familie|Fam\.)\s+)?(?:(?:Dr|Prof)\.\s+)*"
_INITIALS = r"(?:[A-ZÄÖÜ]\.(?:\s?-\s?[A-ZÄÖÜ]\.)?\s?)*"


@dataclass(frozen=True)
class Redactor:
    """Replaces personal data in text; built once per report from the statements table."""

    private_ids: frozenset[str]
    names: re.Pattern | None
    reasons: tuple[tuple[str, str], ...] = ()  # (statement_id, key of REASONS), private ones

    def hidden(self, statements: pd.DataFrame) -> pd.Series:
        """Statements whose file name (and link to the PDF) a redacted report leaves out: those
        of private persons, and unreadable files, whose sender nobody knows."""
        return statements["statement_id"].isin(self.private_ids) | (statements["status"] != "ok")

    def text(self, value, statement_id: str | None = None):
        """``value`` with contact data and private names replaced; addresses too when the
        text belongs to a private person's statement. Non-text values pass unchanged."""
        if not isinstance(value, str) or not value:
            return value
        value = _LABELLED_PHONE.sub(lambda m: m.group(1) + PHONE, value)
        value = _EMAIL.sub(EMAIL, value)
        value = _IBAN.sub(IBAN, value)
        value = _PHONE.sub(_phone, value)
        if statement_id in self.private_ids:
            value = _STREET.sub(ADDRESS, value)
            value = _POSTCODE_TOWN.sub(ADDRESS, value)
            value = _NAMED.sub(_named, value)
        return self.names.sub(NAME, value) if self.names else value

    def texts(self, values, statement_id: str | None = None) -> list:
        """A list of texts (evidence, quotes), each redacted."""
        return [self.text(v, statement_id) for v in _items(values)]


def _named(match: re.Match) -> str:
    start, end = match.span(1)
    return match.group(0)[: start - match.start()] + NAME + match.group(0)[end - match.start() :]


def _phone(match: re.Match) -> str:
    number = match.group(0)
    digits = sum(c.isdigit() for c in number)
    if not 9 <= digits <= 15 or _YEAR_REF.fullmatch(number.strip("() ")):
        return number  # a motion reference (0815/2022), a postcode, a short count
    return PHONE


def _items(values) -> list:
    if values is None or isinstance(values, float):
        return []
    return list(values)


# Groups whose letters are written in an official capacity (an office, a mandate, an
# organisation's board); everyone else, and every statement whose group is unknown, is private.
OFFICIAL_GROUPS = frozenset(STAKEHOLDER_GROUPS) - {"citizen"}
# Senders that are groups of private persons even where they are organised as an association.
_PRIVATE_COLLECTIVE = re.compile(
    r"(?i)(?<!\w)(?:\w*initiative\w*|BI|IG|\w*gemeinschaft|\w*nachbarschaft\w*|anwohner\w*|"
    r"anlieger\w*|eltern(?:schaft|vertretung)?|familie)(?!\w)"
)
_FREEMAIL = re.compile(
    r"(?i)@(?:gmx|web|t-online|gmail|googlemail|yahoo|hotmail|outlook|live|icloud|me|aol|"
    r"freenet|posteo|mailbox|arcor|online|email|vodafone|magenta|kabelmail|ymail|protonmail)"
    r"\.(?:de|com|net|org|at|ch|eu)\b"
)
REASONS = {
    "everyone": "alle Namen geschwärzt (--redact all)",
    "citizen": "Bürgerin oder Bürger",
    "own_name": "Absender ist der eigene Name",
    "collective": "Bürgerinitiative, Dorf- oder Nachbarschaftsgemeinschaft",
    "freemail": "private E-Mail-Adresse",
    "unknown": "Gruppe nicht erkannt",
}


_SENDER_COLUMNS = ["stakeholder_group", "sender_org", "sender_unit", "author", "text"]


def private_reasons(statements: pd.DataFrame, everyone: bool = False) -> pd.Series:
    """Why each statement is treated as a private person's (a key of ``REASONS``), or None
    for a statement known to be written in an official capacity."""
    return pd.Series(
        [
            _reason(row, everyone)
            for row in statements.reindex(columns=_SENDER_COLUMNS).itertuples(index=False)
        ],
        index=statements.index,
        dtype=object,
    )


def _reason(row, everyone: bool) -> str | None:
    group, org, unit, author, text = row
    sender = " ".join(v for v in (org, unit) if isinstance(v, str))
    if everyone:
        return "everyone"
    if group == "citizen":
        return "citizen"
    if isinstance(org, str) and org == author:
        return "own_name"
    if _PRIVATE_COLLECTIVE.search(sender):
        return "collective"
    if isinstance(text, str) and _FREEMAIL.search(text):
        return "freemail"
    return None if group in OFFICIAL_GROUPS else "unknown"


def private_mask(statements: pd.DataFrame, everyone: bool = False) -> pd.Series:
    """Statements of private persons (see :func:`private_reasons`)."""
    return private_reasons(statements, everyone).notna()


# A private person naming themselves or another private person: a form of address with the
# name (not an office: "Frau Oberbürgermeisterin", "Herr Stadtrat Klein"), or a self-introduction.
_ROLE = (
    r"(?:Ober)?[Bb]ürgermeister|Landr[aä]t|Stadtr[aä]t|Gemeinder[aä]t|Ortsvorsteher|Beigeordnete|"
    r"Dezernent|Präsident|Vorsitzende|Minister|Abgeordnete|Kolleg|Direktor|Amtsleiter|Pfarrer|"
    r"Doktor|Professor|Senator|Stadtverordnete|Ratsherr|Ratsfrau|Nachbar|Anwohner|Bürger|Einwohner"
)
_NAME_TOKEN = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_NAMED = re.compile(
    r"(?<![\w-])(?:(?:Herrn?|Frau|Familie|Fam\.)\s+(?:(?:Dr|Prof)\.\s*)*"
    rf"|(?:[Mm]ein Name ist|[Ii]ch heiße)\s+)(?!(?:{_ROLE}))"
    rf"(?:[A-ZÄÖÜ]\.\s?)*({_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?)(?![\w-])"
)


def named_people(text) -> list[str]:
    """The persons a private statement names with a form of address or introduces as itself:
    one word (a surname) or two (a given name and surname, or a surname and a noun)."""
    return [m.group(1) for m in _NAMED.finditer(text)] if isinstance(text, str) else []


def redactor(statements: pd.DataFrame, everyone: bool = False) -> Redactor:
    """The redactor for a corpus: who is private, and the names to look for: the signers of
    private statements, and the persons those statements name. A surname that a statement
    names alone is looked for alone everywhere; two words only together, since German
    capitalises nouns ("Frau Müller Recht geben") and a noun must not be blacked out
    everywhere."""
    reasons = private_reasons(statements, everyone)
    private = statements[reasons.notna()]
    people = {a for a in private["author"] if isinstance(a, str) and a.strip()}
    if "authors" in private:  # every co-signer of a private statement is private too
        people.update(a for names in private["authors"] for a in _names(names) if a.strip())
    named = {p for text in private["text"] for p in named_people(text)}
    people.update(p for p in named if " " not in p)
    phrases = sorted(p for p in named if " " in p)
    return Redactor(
        frozenset(private["statement_id"]),
        name_pattern(sorted(people), phrases),
        tuple(zip(private["statement_id"], reasons[reasons.notna()], strict=True)),
    )


def name_pattern(people: Iterable[str], phrases: Iterable[str] = ()) -> re.Pattern | None:
    """One pattern for every person: the full name, and the surname alone or after a title,
    initials or the first name (a surname joined by a hyphen to another word is not it); and
    ``phrases`` only as they stand."""
    alternatives = [re.escape(p) for p in phrases]
    for person in people:
        tokens = [t for t in re.findall(r"[\wäöüßÄÖÜ]+(?:-[\wäöüßÄÖÜ]+)*", person)]
        tokens = [t for t in tokens if t.lower().strip(".") not in _TITLES and len(t) > 1]
        if not tokens or len(tokens[-1]) < 3:
            continue
        surname = re.escape(tokens[-1])
        first = "|".join(re.escape(t) for t in tokens[:-1])
        given = rf"(?:(?:{first})\s+)?" if first else ""
        alternatives.append(_HONORIFIC + _INITIALS + given + surname)
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    # A genitive (Pohls, Pohl's) is the name too.
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?:'?s)?(?![\w]|-\w)")


# ---------------------------------------------------------------------------- the tables

STATEMENT_TEXT = ("text", "subject", "sender_unit", "author_role", "sender_org")


def statements(frame: pd.DataFrame, red: Redactor) -> pd.DataFrame:
    """Free text redacted; private persons' signer, own-name sender and file name replaced;
    unreadable files (whose sender nobody knows) lose their file name too."""
    out = frame.copy()
    ids = out["statement_id"]
    private = ids.isin(red.private_ids)
    for column in STATEMENT_TEXT:
        if column in out:
            out[column] = [red.text(v, s) for v, s in zip(out[column], ids, strict=True)]
    out.loc[private & (frame["sender_org"] == frame["author"]), "sender_org"] = PRIVATE_PERSON
    out.loc[private & frame["author"].notna(), "author"] = PRIVATE_PERSON
    if "authors" in out:
        out["authors"] = [
            [PRIVATE_PERSON] * len(_names(names)) if hide else list(red.texts(_names(names), sid))
            for names, sid, hide in zip(frame["authors"], ids, private, strict=True)
        ]
    hidden = red.hidden(frame)
    out.loc[hidden, "source_file"] = "Stellungnahme-" + ids[hidden]
    out["error_message"] = [
        _renamed(m, old, new) if h else m
        for m, old, new, h in zip(
            frame["error_message"], frame["source_file"], out["source_file"], hidden, strict=True
        )
    ]
    return out


def _names(names) -> list[str]:
    """A row's ``authors`` as a list (a list, an array from parquet, or missing)."""
    return [str(n) for n in names] if names is not None and not isinstance(names, float) else []


def _renamed(message, old: str, new: str):
    return message.replace(old, new) if isinstance(message, str) else message


def by_statement(frame: pd.DataFrame | None, red: Redactor, column: str = "text", many=False):
    """``column`` of a table keyed by ``statement_id`` redacted row by row (``many``: a list
    of texts per row)."""
    if frame is None or column not in frame:
        return frame
    out = frame.copy()
    redact = red.texts if many else red.text
    out[column] = [redact(v, s) for v, s in zip(frame[column], frame["statement_id"], strict=True)]
    return out


def clusters(frame: pd.DataFrame | None, red: Redactor) -> pd.DataFrame | None:
    """Quotes redacted as their statements' text; labels and terms cleared of names."""
    if frame is None:
        return None
    out = frame.copy()
    if "quotes" in out:
        ids = out["quote_statement_ids"] if "quote_statement_ids" in out else [()] * len(out)
        out["quotes"] = [
            _quotes(red, qs, sids) for qs, sids in zip(out["quotes"], ids, strict=True)
        ]
    names = re.compile(red.names.pattern, re.IGNORECASE) if red.names else None
    for column in ("label", "name", "title", "terms"):
        if column in out and names is not None:
            out[column] = [_clean_names(v, names) for v in out[column]]
    return out


def _quotes(red: Redactor, quotes, statement_ids) -> list:
    quotes, ids = _items(quotes), _items(statement_ids)
    ids += [None] * (len(quotes) - len(ids))
    return [red.text(q, s) for q, s in zip(quotes, ids, strict=False)]


def _clean_names(value, names: re.Pattern):
    if isinstance(value, str):
        return names.sub(NAME, value)
    if value is None or isinstance(value, float):
        return value
    return [names.sub(NAME, v) if isinstance(v, str) else v for v in value]


MODES = ("private", "all")


def mode(redact: bool | str | None) -> str | None:
    """The redaction asked for: ``None`` (none), ``private`` (private persons, also for
    ``True``) or ``all`` (every person's name)."""
    if redact in (None, False, "", "none"):
        return None
    if redact is True:
        return "private"
    if redact not in MODES:
        raise ValueError(f"redact must be one of {', '.join(MODES)}, not {redact!r}")
    return redact


PLACEHOLDERS = {
    NAME: "Namen im Text",
    EMAIL: "E-Mail-Adressen",
    PHONE: "Telefon- und Faxnummern",
    ADDRESS: "Anschriften",
    IBAN: "Bankverbindungen (IBAN)",
}


def summary(red: Redactor, redacted: pd.DataFrame) -> pd.DataFrame:
    """What a redaction hid and why, counted over the redacted statements table: private
    statements by reason, signers and file names replaced, placeholders in the texts."""
    rows = [
        ("Stellungnahmen als privat behandelt", count, f"Grund: {REASONS[key]}")
        for key, count in sorted(Counter(k for _, k in red.reasons).items())
    ]
    rows.append(
        (
            "Unterzeichnende ersetzt",
            int((redacted["author"] == PRIVATE_PERSON).sum()),
            "nicht in amtlicher Funktion",
        )
    )
    rows.append(
        (
            "Dateinamen und PDF-Links weggelassen",
            int(red.hidden(redacted).sum()),
            "private Absender und nicht lesbare Dateien",
        )
    )
    texts = [v for c in STATEMENT_TEXT if c in redacted for v in redacted[c] if isinstance(v, str)]
    for placeholder, what in PLACEHOLDERS.items():
        rows.append(
            (what, sum(t.count(placeholder) for t in texts), f"ersetzt durch {placeholder}")
        )
    return pd.DataFrame(rows, columns=["Was", "Anzahl", "Warum"])


def inputs(data, red: Redactor | None = None):
    """A report's inputs (``analysis.report.inputs.ReportInputs``) with every text that can
    reach a published page or export redacted."""
    red = red or redactor(data.statements)
    corrections = data.corrections
    if corrections is not None and "note" in corrections:
        corrections = corrections.assign(note=[red.text(n) for n in corrections["note"]])
    return dataclasses.replace(
        data,
        statements=statements(data.statements, red),
        paragraphs=by_statement(data.paragraphs, red),
        sentences=by_statement(data.sentences, red),
        arguments=by_statement(data.arguments, red),
        positions=by_statement(data.positions, red, "evidence", many=True),
        clusters=clusters(data.clusters, red),
        corrections=corrections,
    )
