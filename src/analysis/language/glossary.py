"""The glossary: German administrative, planning and digital terms, each explained in one or
two plain sentences; found in texts so that reports can explain them.

Shipped as YAML files in ``glossary/`` (format: ``docs/language.md``); users add their own
files (``report --glossary FILE``), whose entries replace shipped ones of the same term.
Abbreviations are matched as printed (``BA`` is not ``ba``), other terms in any case; a term
is found only as a whole word, the longest first (``Digitale Agenda`` before ``Agenda``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

FIELDS = frozenset({"term", "long", "forms", "explanation"})


class GlossaryError(Exception):
    """A glossary file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    """One explained term."""

    term: str
    explanation: str
    long: str | None = None  # the written-out form of an abbreviation
    forms: tuple[str, ...] = ()

    @property
    def is_abbreviation(self) -> bool:
        return self.long is not None

    @property
    def anchor(self) -> str:
        """An id for the term's place in a page (``wort-digitale-agenda``)."""
        folded = self.term.lower().translate(str.maketrans("äöüß", "aous"))
        return "wort-" + (re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x")


@dataclass(frozen=True)
class Found:
    """A term where it occurs in a text."""

    term: Term
    start: int
    end: int


class Glossary:
    """Terms and how to find them."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = tuple(sorted(terms, key=lambda t: (t.term.casefold(), t.term)))
        self._by_form = {
            _key(form, term.is_abbreviation): term
            for term in self.terms
            for form in (term.term, *term.forms)
        }

    def __len__(self) -> int:
        return len(self.terms)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        forms = sorted(
            {(form, t.is_abbreviation) for t in self.terms for form in (t.term, *t.forms)},
            key=lambda f: (-len(f[0]), f[0]),
        )
        parts = [_form_pattern(form, abbreviation) for form, abbreviation in forms]
        # Whole words only; a motion number may follow a hyphen (``BA-090/2020``), a
        # compound's second part may not (``IT-Sicherheit`` is not ``IT``).
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w|-[^\W\d])")

    def find(self, text: str) -> Iterator[Found]:
        """Every term in ``text``, in order, none overlapping."""
        for match in self._pattern.finditer(text):
            term = self._term_of(match.group(0))
            if term is not None:
                yield Found(term, match.start(), match.end())

    def _term_of(self, written: str) -> Term | None:
        return self._by_form.get(_key(written, True)) or self._by_form.get(_key(written, False))


def load_glossary(extra: Iterable[Path] = ()) -> Glossary:
    """The shipped glossary with ``extra`` files on top."""
    terms: dict[str, Term] = {}
    shipped = resources.files("analysis.language") / "glossary"
    sources = [
        (f"glossary/{f.name}", f.read_text(encoding="utf-8"))
        for f in sorted(shipped.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".yaml")
    ]
    for path in extra:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise GlossaryError(f"{path}: cannot be read ({exc})") from exc
    for name, text in sources:
        for term in parse_glossary(text, name):
            terms[term.term.casefold()] = term
    return Glossary(terms.values())


def parse_glossary(text: str, name: str) -> list[Term]:
    """The terms of one glossary file (``name`` for messages)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GlossaryError(f"{name}: not valid YAML ({exc})") from exc
    if not isinstance(data, list):
        raise GlossaryError(f"{name}: must be a list of entries with term and explanation")
    return [_term(entry, name, n) for n, entry in enumerate(data, start=1)]


def _term(entry: object, name: str, n: int) -> Term:
    where = f"{name}, entry {n}"
    if not isinstance(entry, dict):
        raise GlossaryError(f"{where}: must be a mapping with term and explanation")
    unknown = set(entry) - FIELDS
    if unknown:
        raise GlossaryError(f"{where}: unknown fields {sorted(unknown)}; allowed: {sorted(FIELDS)}")
    term, explanation = entry.get("term"), entry.get("explanation")
    if not isinstance(term, str) or not term.strip():
        raise GlossaryError(f"{where}: needs a term")
    if not isinstance(explanation, str) or not explanation.strip():
        raise GlossaryError(f"{where} ({term}): needs an explanation")
    forms = entry.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise GlossaryError(f"{where} ({term}): forms must be a list of words")
    long = entry.get("long")
    if long is not None and not isinstance(long, str):
        raise GlossaryError(f"{where} ({term}): long must be text")
    return Term(
        term=term.strip(),
        explanation=" ".join(explanation.split()),
        long=long.strip() if long else None,
        forms=tuple(f.strip() for f in forms),
    )


def _key(form: str, abbreviation: bool) -> str:
    """How a form is looked up: an abbreviation as printed, spaces aside (``m.E.`` is
    ``m. E.``); a word in any case, with single spaces."""
    if abbreviation:
        return "A:" + re.sub(r"\s+", "", form)
    return "W:" + re.sub(r"\s+", " ", form.strip()).casefold()


def _form_pattern(form: str, abbreviation: bool) -> str:
    if abbreviation:
        return r"\s?".join(re.escape(part) for part in form.split())
    return "(?i:" + r"\s+".join(re.escape(part) for part in form.split()) + ")"
