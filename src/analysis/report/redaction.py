"""Personal data in published text, replaced by stable placeholders (``--redact``).

Pure: tables in, tables out. What is removed, and where:

- e-mail addresses, phone and fax numbers and IBANs: in every statement's text (a free text
  cannot tell a private number from an office's; neither is needed to follow an argument);
- street addresses (street and house number) and postcode with town: in the text of private
  persons' statements (officials' and organisations' letters name places as their subject);
- the names of private persons, as ingest found them (the signer of a statement of a citizen,
  or a sender that is the signer's own name): in every text, the full name and the surname
  alone or behind a title, initials or first name, whoever mentions them.

Every match becomes a placeholder naming what was there (``[E-Mail geschwärzt]`` …), so the
same text always reads the same after redaction and quotes still match their sentences.
What is not found: names of other private persons (co-signers, neighbours) that no statement
has as its signer, addresses in officials' letters, anything inside images. See
``docs/privacy.md``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

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
        return self.names.sub(NAME, value) if self.names else value

    def texts(self, values, statement_id: str | None = None) -> list:
        """A list of texts (evidence, quotes), each redacted."""
        return [self.text(v, statement_id) for v in _items(values)]


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


def private_mask(statements: pd.DataFrame) -> pd.Series:
    """Statements of private persons: stakeholder group ``citizen``, or a sender that is the
    signer's own name."""
    return (statements["stakeholder_group"] == "citizen") | (
        statements["sender_org"].notna() & (statements["sender_org"] == statements["author"])
    )


def hidden_mask(statements: pd.DataFrame) -> pd.Series:
    """Statements whose file name (and link to the PDF) a redacted report leaves out: those
    of private persons, and unreadable files, whose sender nobody knows."""
    return private_mask(statements) | (statements["status"] != "ok")


def redactor(statements: pd.DataFrame) -> Redactor:
    """The redactor for a corpus: who is private, and the names to look for."""
    private = statements[private_mask(statements)]
    people = sorted({a for a in private["author"] if isinstance(a, str) and a.strip()})
    return Redactor(frozenset(private["statement_id"]), name_pattern(people))


def name_pattern(people: Iterable[str]) -> re.Pattern | None:
    """One pattern for every person: the full name, and the surname alone or after a title,
    initials or the first name (a surname joined by a hyphen to another word is not it)."""
    alternatives = []
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
    out.loc[private, "author"] = PRIVATE_PERSON
    hidden = hidden_mask(frame)
    out.loc[hidden, "source_file"] = "Stellungnahme-" + ids[hidden]
    out["error_message"] = [
        _renamed(m, old, new) if h else m
        for m, old, new, h in zip(
            frame["error_message"], frame["source_file"], out["source_file"], hidden, strict=True
        )
    ]
    return out


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
