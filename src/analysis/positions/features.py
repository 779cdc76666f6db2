"""German sentences → features: normalised text, masked quotations, codebook cues with negation.

Every sentence becomes one row of numbers: for each codebook group (positions, stances, concerns,
signals) the summed weight of its cues that match, with negated matches of position and stance cues
counted apart (``positions.standalone:neg``), plus a few context features (where in the letter the
sentence stands, whether it quotes or asks). Cue matching is cached per distinct sentence text, so
form letters and repeated paragraphs cost nothing extra.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from analysis.positions.codebook import Codebook, load_codebook

NEGATABLE = ("positions", "stances")
CONTEXT_FEATURES = (
    "context.rel_pos",
    "context.last_paragraph",
    "context.first_paragraph",
    "context.length",
    "context.quote_share",
    "context.question",
    "context.list_item",
)
_CAP = 2.0  # one sentence adds at most this much to one group
_NEG_WINDOW = 4  # words before a cue in which a negator flips it
_QUOTES = re.compile(r"[„“”\"»«‚‘]([^„“”\"»«‚‘]{1,600})[“”\"«»‘’]")
_OWN_PROPOSAL = re.compile(r"(wie folgt|lauten|lautet|durch die worte|ersetzt|neu gefasst|votum)")
_CLAUSE_BREAK = re.compile(r"[,;:–—()\[\]]|\s-\s|\b(?:sondern|aber|jedoch|während|weil|denn)\b")
_POST_NEGATION = re.compile(
    r"\b(?:nicht|kaum|wenig)\s+(?:für\s+)?(?:zielführend|sinnvoll|richtig|notwendig|erforderlich|"
    r"geeignet|angemessen|hilfreich|zweckmäßig|wünschenswert|realistisch|leistbar|machbar)"
)
_WORD = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"^\s*(?:[–\-•*]|\d{1,2}[.)]|[a-z][.)])\s")


def normalize(text: str) -> str:
    """NFKC, no soft hyphens, one space between words, lower case."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def mask_quotations(text: str) -> tuple[str, float]:
    """Replace quoted passages of four or more words with ``zitat`` (they are others' words).

    A quotation that makes up most of the sentence is the writer's own statement in quotes (a vote,
    a proposed wording) and stays, as does one introduced as a proposed wording (``wie folgt``).
    Returns the masked text and the share of characters that were masked.
    """
    masked, total = [], 0
    for m in _QUOTES.finditer(text):
        inner = m.group(1)
        if len(_WORD.findall(inner)) < 4 or len(m.group(0)) > 0.7 * len(text):
            continue
        if _OWN_PROPOSAL.search(text[: m.start()]):
            continue
        masked.append(m.span())
        total += m.end() - m.start()
    for start, end in reversed(masked):
        text = text[:start] + " zitat " + text[end:]
    return text, (total / len(text) if text else 0.0)


@dataclass(frozen=True)
class CueHit:
    """One cue that matched a sentence."""

    group: str  # "positions.standalone"
    text: str  # the matched words
    start: int
    negated: bool
    weight: float


class CueMatcher:
    """Find a codebook's cues in sentences, decide negation, cache by sentence text."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._negators = re.compile(
            r"\b(?:" + "|".join(re.escape(n) for n in codebook.negators) + r")\b"
            if codebook.negators
            else r"(?!x)x"
        )
        self._groups = [(f"{c.section}.{c.name}", c) for c in codebook.groups()]
        self._cache: dict[str, tuple[tuple[CueHit, ...], float]] = {}

    def hits(self, sentence: str) -> tuple[tuple[CueHit, ...], float]:
        """The cue hits of ``sentence`` and the share of it that quotes others."""
        cached = self._cache.get(sentence)
        if cached is None:
            cached = self._match(sentence)
            self._cache[sentence] = cached
        return cached

    def _match(self, sentence: str) -> tuple[tuple[CueHit, ...], float]:
        text, quote_share = mask_quotations(normalize(sentence))
        out: list[CueHit] = []
        for key, code in self._groups:
            seen: set[tuple[int, int]] = set()
            for cue in code.cues:
                if cue.literals and not any(lit in text for lit in cue.literals):
                    continue  # a substring test rules most cues out before the regex runs
                for m in cue.regex.finditer(text):
                    if m.span() in seen or m.end() == m.start():
                        continue
                    seen.add(m.span())
                    negated = (
                        code.section in NEGATABLE
                        and not cue.fixed
                        and self._negated(text, m.start(), m.end())
                    )
                    out.append(CueHit(key, m.group(0), m.start(), negated, cue.weight))
        return _duplication_criticises(_goal_is_not_motion(out)), quote_share

    def _negated(self, text: str, start: int, end: int) -> bool:
        """A negator in the same clause shortly before the cue, inside it (in a gap: non-fixed
        cues hold no negators of their own), or a negated verdict after it."""
        if self._negators.search(text[start:end]):
            return True
        before = text[:start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause = before[breaks[-1].end() :] if breaks else before
        window = " ".join(_WORD.findall(clause)[-_NEG_WINDOW:])
        if self._negators.search(window):
            return True
        after = text[end:]
        stop = _CLAUSE_BREAK.search(after)
        return bool(_POST_NEGATION.search(after[: stop.start()] if stop else after))


def _goal_is_not_motion(hits: list[CueHit]) -> tuple[CueHit, ...]:
    """Praise for the motion's goal ("das Anliegen des Antrags begrüßen") is not a vote for it:
    a support cue that overlaps a goal-sharing cue is dropped."""
    goals = [(h.start, h.start + len(h.text)) for h in hits if h.group == "signals.goal_shared"]
    if not goals:
        return tuple(hits)

    def overlaps(h: CueHit) -> bool:
        end = h.start + len(h.text)
        return any(start < end and h.start < stop for start, stop in goals)

    return tuple(h for h in hits if not (h.group == "stances.support" and overlaps(h)))


def _duplication_criticises(hits: tuple[CueHit, ...]) -> tuple[CueHit, ...]:
    """A separate plan named beside duplication ("eine separate Strategie würde Doppelstrukturen
    schaffen") is criticised, not proposed: its standalone cues count as negated."""
    if not any(h.group == "signals.duplication" for h in hits):
        return hits
    return tuple(replace(h, negated=True) if h.group == "positions.standalone" else h for h in hits)


def feature_names(codebook: Codebook) -> list[str]:
    """Column names of the cue features, in a fixed order."""
    names = []
    for code in codebook.groups():
        key = f"{code.section}.{code.name}"
        names.append(key)
        if code.section in NEGATABLE:
            names.append(f"{key}:neg")
    return names + list(CONTEXT_FEATURES)


def add_context(sentences: pd.DataFrame) -> pd.DataFrame:
    """Add where each sentence stands in its statement: ``rel_pos`` 0..1, first/last paragraph."""
    df = sentences.sort_values(["statement_id", "paragraph_no", "sentence_no"], kind="stable")
    df = df.reset_index(drop=True)
    grouped = df.groupby("statement_id", sort=False)
    order = grouped.cumcount()
    count = grouped["text"].transform("size")
    df["rel_pos"] = np.where(count > 1, order / (count - 1).clip(lower=1), 1.0)
    para = df["paragraph_no"]
    df["last_paragraph"] = para == grouped["paragraph_no"].transform("max")
    df["first_paragraph"] = para == grouped["paragraph_no"].transform("min")
    return df


class SentenceFeatures(TransformerMixin, BaseEstimator):
    """Sentences (DataFrame from :func:`add_context`) → cue and context features.

    Parameters
    ----------
    codebook : Codebook or path, optional
        The codebook whose cues become features (the shipped generic one by default).
    """

    def __init__(self, codebook: Codebook | str | None = None) -> None:
        self.codebook = codebook

    def fit(self, X: pd.DataFrame, y: Sequence | None = None) -> SentenceFeatures:
        self.codebook_ = (
            self.codebook if isinstance(self.codebook, Codebook) else load_codebook(self.codebook)
        )
        self.matcher_ = CueMatcher(self.codebook_)
        self.feature_names_ = feature_names(self.codebook_)
        self._index = {name: i for i, name in enumerate(self.feature_names_)}
        return self

    def get_feature_names_out(self, input_features: Iterable[str] | None = None) -> np.ndarray:
        return np.asarray(self.feature_names_, dtype=object)

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        out = np.zeros((len(X), len(self.feature_names_)), dtype=float)
        texts = X["text"].tolist()
        for row, text in enumerate(texts):
            hits, quote_share = self.matcher_.hits(text)
            for hit in hits:
                key = f"{hit.group}:neg" if hit.negated else hit.group
                col = self._index[key]
                out[row, col] = min(_CAP, out[row, col] + hit.weight)
            out[row, self._index["context.quote_share"]] = quote_share
            out[row, self._index["context.question"]] = text.rstrip().endswith("?")
            out[row, self._index["context.list_item"]] = bool(_LIST_ITEM.match(text))
            out[row, self._index["context.length"]] = math.log1p(len(_WORD.findall(text))) / 4
        for col in ("rel_pos", "last_paragraph", "first_paragraph"):
            if col in X:
                out[:, self._index[f"context.{col}"]] = X[col].to_numpy(dtype=float)
        return out

    def hits(self, text: str) -> tuple[CueHit, ...]:
        """The cue hits of one sentence (for evidence tables)."""
        return self.matcher_.hits(text)[0]


# ------------------------------------------------------------------------------ words
_STOP_TEXT = """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes auch auf aus bei beim bereits bin bis bisher bzw da dabei dadurch dafür dagegen
    daher damit dann daran darauf darin darum darüber das dass dazu dem den denen denn der deren
    des deshalb dessen dich die dies diese diesem diesen dieser dieses doch dort du durch eben
    ein eine einem einen einer eines einmal er es etwa etwas euch euer für ganz gar gegen gern
    gibt hat hatte hätte haben habe hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
    ihres im immer in ins ist ja jede jedem jeden jeder jedes jedoch jetzt kann kein keine
    keinem keinen keiner können könnte man mehr mein meine meinem meinen meiner mich mir mit
    muss müssen nach nicht nichts noch nun nur ob oder ohne sehr sei sein seine seinem seinen
    seiner seit sich sie sind so soll sollen sollte sollten sondern sowie über um und uns unser
    unsere unserem unseren unserer unter viel viele vom von vor wann war waren warum was weil
    weiter welche welchem welchen welcher wenn wer werden wie wieder will wir wird wo wurde
    wurden zu zum zur zwar zwischen z b ggf u a o g d h bzw s vgl ca rund sowie ab mehr wäre
    würde würden wären seitens gerne gern sehr herzlich dank danken vielen ihnen sie sicht folgt
    folgende folgenden solche solchen solcher bleibt stehen steht ehrlich gesagt möchten möchte
    bitte bereits dabei jeweils etwa insbesondere zudem außerdem hierzu hierfür dazu darüber
    insgesamt daher deshalb
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_TOKEN = re.compile(r"[^\W\d_](?:[\w\-]*\w)?")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without stop words, numbers or one-letter words."""
    return [t for t in _TOKEN.findall(normalize(text)) if len(t) > 1 and t not in STOP_WORDS]


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """CISTEM stemming (Weissweiler & Fraser 2017) of one lower-case German word."""
    word = word.lower().replace("ü", "u").replace("ö", "o").replace("ä", "a").replace("ß", "ss")
    word = re.sub(r"^ge(.{4,})", r"\1", word)
    word = word.replace("sch", "$").replace("ei", "%").replace("ie", "&")
    word = re.sub(r"(.)\1", r"\1*", word)
    while len(word) > 3:
        if len(word) > 5:
            shorter = re.sub(r"e[mr]$|nd$", "", word)
            if shorter != word:
                word = shorter
                continue
        shorter = re.sub(r"[esnt]$", "", word)
        if shorter == word:
            break
        word = shorter
    word = re.sub(r"(.)\*", r"\1\1", word)
    return word.replace("$", "sch").replace("%", "ei").replace("&", "ie")


def stems(text: str) -> list[str]:
    """Stemmed content words of ``text`` (the analyzer of the discovery vectoriser)."""
    return [stem(t) for t in tokens(text)]
