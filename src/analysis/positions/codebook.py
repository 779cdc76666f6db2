"""YAML codebooks: codes with definitions, cue patterns and examples; validated with clear errors.

A codebook names the codes a statement is coded with (``positions``, ``stances``, ``concerns``) and
auxiliary ``signals`` (recommendation verbs, reported speech, …) that only feed the features.
Every group holds *cues*: patterns in a small German-friendly syntax, compiled to regular
expressions over lower-cased text (see :func:`compile_cue`):

``eigen* ..2 {plan}``
    words separated by spaces follow each other (punctuation may stand between them);
    ``*`` at a word's end or start lets it continue (``*strategie`` matches
    ``Wasserstrategie``); ``a|b`` are alternatives; ``{name}`` inserts a ``terms`` list;
    ``word?`` is optional; ``..N`` lets up to N words (default 4) stand between two parts;
    ``re:…`` is a raw regular expression for one word.

A cue starting with ``=`` is *fixed*: a negation near it does not flip it (use it for cues that
carry their own negation, such as ``=braucht ..2 niemand``). A cue may be a mapping
``{cue: "...", weight: 0.5}``; the default weight is 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.codes import STANCES

DEFAULT_CODEBOOK = Path(__file__).resolve().parents[3] / "codebooks" / "generic-de.yaml"
SECTIONS = ("positions", "stances", "concerns", "signals")
_WORD_RE = re.compile(r"^[\w\-*|.'’/]+\??$")
_GAP_RE = re.compile(r"^\.\.(\d*)$")
_TOKEN_RE = re.compile(r"\([^)]*\)\??|\S+")
# separable verb prefixes: "einbetten" is also "einzubetten" and "eingebettet", "vorlegen" also
# "vorzulegen" and "vorgelegt", "zustimm*" also "zugestimmt"
_SEPARABLE = ("zusammen", "zurück", "weiter", "wieder", "heraus", "hinzu", "fest", "fort", "auf",
              "aus", "ein", "mit", "nach", "vor", "weg", "ab", "an", "bei", "um", "zu")  # fmt: skip


class CodebookError(ValueError):
    """A codebook that cannot be used: names the file, the key and what is wrong."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source, self.key, self.problem = source, key, problem
        super().__init__(f"{source}: {key}: {problem}")


@dataclass(frozen=True)
class Cue:
    """One compiled cue pattern of a code."""

    pattern: str
    regex: re.Pattern[str]
    weight: float = 1.0
    fixed: bool = False
    literals: tuple[str, ...] = ()  # one of these occurs in every match (a fast pre-check)


@dataclass(frozen=True)
class Code:
    """One code (or signal) with its definition, cues and examples."""

    name: str
    section: str
    label: str = ""
    definition: str = ""
    cues: tuple[Cue, ...] = ()
    examples: tuple[str, ...] = ()
    stance: str = ""  # positions only: the stance this position implies when no verdict is stated


@dataclass(frozen=True)
class Codebook:
    """A validated codebook; ``source`` names the file it came from."""

    name: str
    source: str
    language: str
    positions: tuple[Code, ...]
    stances: tuple[Code, ...]
    concerns: tuple[Code, ...]
    signals: tuple[Code, ...]
    negators: tuple[str, ...]
    fallback_position: str = "unclear"
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def section(self, name: str) -> tuple[Code, ...]:
        return getattr(self, name)

    @property
    def position_codes(self) -> list[str]:
        return [c.name for c in self.positions]

    @property
    def concern_codes(self) -> list[str]:
        return [c.name for c in self.concerns]

    def groups(self) -> Iterator[Code]:
        """All codes and signals in a fixed order: the feature order of the cue features."""
        for section in SECTIONS:
            yield from self.section(section)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and validate a YAML codebook (the shipped generic German one by default).

    A user's codebook needs only its ``positions``; the sections it leaves out (``stances``,
    ``concerns``, ``signals``, ``negators``, ``terms``) come from the shipped codebook.
    """
    path = Path(path) if path is not None else DEFAULT_CODEBOOK
    source = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CodebookError(source, "(file)", f"cannot be read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise CodebookError(source, "(file)", f"is not valid YAML: {exc}") from exc
    return parse_codebook(raw, source)


def _shipped_raw() -> dict:
    return yaml.safe_load(DEFAULT_CODEBOOK.read_text(encoding="utf-8"))


def parse_codebook(raw: Any, source: str = "<codebook>") -> Codebook:
    """Validate a codebook given as plain data (what ``yaml.safe_load`` returns)."""
    if not isinstance(raw, dict):
        raise CodebookError(source, "(top level)", "must be a mapping with 'name' and 'positions'")
    allowed = {"name", "language", "description", "version", "terms", "negators", "fallback"}
    allowed |= set(SECTIONS)
    for key in raw:
        if key not in allowed:
            raise CodebookError(source, str(key), f"unknown key; allowed: {sorted(allowed)}")
    name = _text(raw, "name", source, required=True)
    if any(raw.get(key) is None for key in ("stances", "concerns", "signals", "negators", "terms")):
        shipped = _shipped_raw()
        raw = {**raw, "terms": {**shipped["terms"], **(raw.get("terms") or {})}}
        for key in ("stances", "concerns", "signals", "negators"):
            if raw.get(key) is None:
                raw[key] = shipped.get(key)
    terms = _terms(raw.get("terms") or {}, source)
    sections = {s: _codes(raw.get(s) or {}, s, terms, source) for s in SECTIONS}
    if not sections["positions"]:
        raise CodebookError(source, "positions", "must define at least one position code")
    stance_names = {c.name for c in sections["stances"]}
    if sections["stances"] and not stance_names <= set(STANCES):
        extra = sorted(stance_names - set(STANCES))
        raise CodebookError(source, "stances", f"unknown stance codes {extra}; use {STANCES}")
    fallback = raw.get("fallback", "unclear")
    if fallback not in {c.name for c in sections["positions"]}:
        raise CodebookError(source, "fallback", f"'{fallback}' is not one of the position codes")
    negators = raw.get("negators") or []
    if not isinstance(negators, list) or not all(isinstance(n, str) for n in negators):
        raise CodebookError(source, "negators", "must be a list of words")
    return Codebook(
        name=name,
        source=source,
        language=str(raw.get("language", "de")),
        negators=tuple(n.lower() for n in negators),
        fallback_position=fallback,
        terms=terms,
        **sections,
    )


def _text(raw: dict, key: str, source: str, required: bool = False, where: str = "") -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise CodebookError(source, f"{where}{key}", "must be a non-empty text")
    return value.strip()


def _terms(raw: Any, source: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise CodebookError(source, "terms", "must map a name to a list of words")
    out = {}
    for name, words in raw.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise CodebookError(source, f"terms.{name}", "must be a non-empty list of words")
        out[str(name)] = tuple(w.strip().lower() for w in words)
    return out


def _codes(raw: Any, section: str, terms: dict, source: str) -> tuple[Code, ...]:
    if not isinstance(raw, dict):
        raise CodebookError(source, section, "must map code names to their definitions")
    codes = []
    for name, body in raw.items():
        where = f"{section}.{name}"
        if isinstance(name, bool):
            raise CodebookError(
                source, where, "YAML reads yes/no/on/off as true/false: put the code in quotes"
            )
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(name)):
            raise CodebookError(source, where, "code names are lower-case letters, digits and _")
        if not isinstance(body, dict):
            raise CodebookError(source, where, "must be a mapping with 'cues'")
        keys = {"label", "definition", "cues", "examples"} | (
            {"stance"} if section == "positions" else set()
        )
        unknown = set(body) - keys
        if unknown:
            raise CodebookError(source, f"{where}.{sorted(unknown)[0]}", "unknown key")
        cues = body.get("cues") or []
        if not isinstance(cues, list):
            raise CodebookError(source, f"{where}.cues", "must be a list of cue patterns")
        examples = body.get("examples") or []
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            raise CodebookError(source, f"{where}.examples", "must be a list of sentences")
        stance = body.get("stance", "")
        if stance and stance not in STANCES:
            raise CodebookError(source, f"{where}.stance", f"'{stance}' is not one of {STANCES}")
        codes.append(
            Code(
                stance=stance,
                name=str(name),
                section=section,
                label=_text(body, "label", source, where=f"{where}."),
                definition=_text(body, "definition", source, where=f"{where}."),
                cues=tuple(
                    _cue(c, f"{where}.cues[{i}]", terms, source) for i, c in enumerate(cues)
                ),
                examples=tuple(examples),
            )
        )
    return tuple(codes)


def _cue(raw: Any, where: str, terms: dict, source: str) -> Cue:
    weight = 1.0
    if isinstance(raw, dict):
        if set(raw) - {"cue", "weight"} or "cue" not in raw:
            raise CodebookError(source, where, "a cue mapping has 'cue' and optionally 'weight'")
        weight = raw.get("weight", 1.0)
        if not isinstance(weight, int | float) or not 0 < weight <= 5:
            raise CodebookError(source, f"{where}.weight", "must be a number in (0, 5]")
        raw = raw["cue"]
    if not isinstance(raw, str) or not raw.strip():
        raise CodebookError(source, where, "must be a non-empty cue pattern")
    fixed = raw.startswith("=")
    pattern = raw[1:].strip() if fixed else raw.strip()
    try:
        regex = compile_cue(pattern, terms)
    except ValueError as exc:
        raise CodebookError(source, where, f"bad cue '{raw}': {exc}") from exc
    literals = required_literals(pattern, terms)
    return Cue(pattern=raw, regex=regex, weight=float(weight), fixed=fixed, literals=literals)


def required_literals(pattern: str, terms: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Substrings of which every match holds one: the most selective mandatory word's cores."""
    best: tuple[str, ...] = ()
    for token in _TOKEN_RE.findall(pattern.lower()):
        if _GAP_RE.match(token) or token.endswith("?") or "re:" in token:
            continue
        inner = token[1:-1] if token.startswith("(") else token
        cores = []
        for alt in inner.split("|"):
            first = alt.split()[0] if alt.split() else ""
            if first.startswith("{") and first.endswith("}"):
                cores.extend(_literal(w) for w in terms.get(first[1:-1], ()))
            else:
                cores.append(_literal(first))
        if cores and all(cores) and (not best or min(map(len, cores)) > min(map(len, best))):
            best = tuple(sorted(set(cores)))
    return best


def compile_cue(pattern: str, terms: Mapping[str, tuple[str, ...]] | None = None) -> re.Pattern:
    """Compile a cue pattern (syntax in the module docstring) to a regular expression."""
    terms = terms or {}
    items: list[tuple[str, bool, str]] = []  # (word regex, optional, separator before it)
    joiner = None
    for token in _TOKEN_RE.findall(pattern.lower()):
        gap = _GAP_RE.match(token)
        if gap:
            if not items or joiner is not None:
                raise ValueError("'..' must stand between two words")
            joiner = rf"(?:[\W_]+\w+){{0,{int(gap.group(1) or 4)}}}?[\W_]+"
            continue
        word, optional = _group(token, terms) if token.startswith("(") else _word(token, terms)
        items.append((word, optional, joiner if joiner is not None else r"[\W_]+"))
        joiner = None
    if joiner is not None:
        raise ValueError("'..' must stand between two words")
    if not any(not optional for _, optional, _ in items):
        raise ValueError("a cue needs at least one word that is not optional")
    parts: list[str] = []
    for i, (word, optional, sep) in enumerate(items):
        if i == 0:
            sep = ""
        elif i == 1 and items[0][1]:
            parts[0] = f"(?:(?:{items[0][0]}){sep})?"  # an optional first word takes the separator
            sep = ""
        parts.append(f"(?:{sep}(?:{word}))?" if optional else f"{sep}(?:{word})")
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)")


def _group(token: str, terms: Mapping[str, tuple[str, ...]]) -> tuple[str, bool]:
    """``(a b|c)``: alternatives of one or more words each."""
    optional = token.endswith("?")
    inner = token.rstrip("?")
    if not inner.endswith(")") or len(inner) < 3:
        raise ValueError(f"'{token}' has an unclosed parenthesis")
    alternatives = []
    for alt in inner[1:-1].split("|"):
        words = alt.split()
        if not words:
            raise ValueError(f"'{token}' has an empty alternative")
        alternatives.append(r"[\W_]+".join(f"(?:{_word(w, terms)[0]})" for w in words))
    return "|".join(alternatives), optional


def _word(token: str, terms: Mapping[str, tuple[str, ...]]) -> tuple[str, bool]:
    if token.startswith("re:"):
        try:
            re.compile(token[3:])
        except re.error as exc:
            raise ValueError(f"raw expression '{token}' does not compile: {exc}") from exc
        return f"(?:{token[3:]})", False
    optional = token.endswith("?") and len(token) > 1
    token = token.rstrip("?") if optional else token
    alternatives: list[str] = []
    for alt in token.split("|"):
        if alt.startswith("{") and alt.endswith("}"):
            if alt[1:-1] not in terms:
                raise ValueError(f"unknown term list {alt}; define it under 'terms'")
            alternatives.extend(terms[alt[1:-1]])
        elif alt and _WORD_RE.match(alt) and alt.strip("*"):
            alternatives.append(alt)
        else:
            raise ValueError(f"'{alt or token}' is not a word pattern")
    return "|".join(_word_regex(a) for a in alternatives), optional


def _word_regex(word: str) -> str:
    head = r"\w*" if word.startswith("*") else ""
    tail = r"[\w\-]*" if word.endswith("*") else ""
    core = word.strip("*")
    prefix, rest = _split_separable(core) if not head else ("", core)
    if not prefix:
        return f"{head}{re.escape(core)}{tail}"
    forms = f"{re.escape(prefix)}(?:zu|ge)?{re.escape(rest)}{tail}"
    if rest.endswith("en") and not tail:  # the past participle, weak or strong, and inflected
        stem = re.escape(rest[:-2])
        forms += f"|{re.escape(prefix)}ge{stem}(?:e?t|en)(?:e|en|er|es|em)?"
    return forms


def _split_separable(word: str) -> tuple[str, str]:
    """("ein", "betten") for "einbetten"; ("", word) when no separable prefix applies."""
    for prefix in _SEPARABLE:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and not rest.startswith("zu"):
            return prefix, rest
    return "", word


def _literal(word: str) -> str:
    """A substring every match of the word pattern holds."""
    core = word.strip("*")
    if word.startswith("*"):
        return core
    prefix, rest = _split_separable(core)
    return rest[:-2] if prefix and rest.endswith("en") and not word.endswith("*") else rest
