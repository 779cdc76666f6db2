"""The report's plain-language parts: „Das Wichtigste in einfacher Sprache“, „Wörter kurz
erklärt“ (with the first use of each term in a quote linked to its explanation), and, for the
check page, the statements hardest to read and frequent hard words the glossary lacks."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
from bs4 import BeautifulSoup, NavigableString
from markupsafe import Markup

from analysis.language import plain
from analysis.language.glossary import Glossary, Term
from analysis.language.readability import LONG_WORD, words
from analysis.report import markup as m
from analysis.report.context import ReportContext

HARDEST_SHOWN = 10
HARD_WORDS_SHOWN = 20
HARD_WORD_LETTERS = 14  # a word this long is hard for many readers (long compounds)
HARD_WORD_MIN_COUNT = 2  # in at least this many statements
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}$")


def summary_section(sentences: list[str]) -> Markup:
    """The sentences as a list, one a line, as plain-language texts are set."""
    return m.tag("ul", m.join(m.tag("li", s) for s in sentences), class_="einfach")


def motion_summary(ctx: ReportContext) -> Markup:
    return summary_section(plain.motion_summary(ctx.coded, ctx.labels))


def index_summary(ctx: ReportContext) -> Markup:
    return summary_section(plain.index_summary(ctx.coded, len(ctx.motions)))


def terms_in(texts: pd.Series, glossary: Glossary) -> list[Term]:
    """The glossary's terms that occur in ``texts``, alphabetically."""
    found = {f.term for text in texts if isinstance(text, str) for f in glossary.find(text)}
    return sorted(found, key=lambda t: (t.term.casefold(), t.term))


def terms_explained(ctx: ReportContext) -> Markup:
    """The glossary's terms in this report's statements, each with its explanation."""
    glossary = ctx.inputs.glossary
    terms = terms_in(ctx.coded["text"], glossary) if glossary is not None else []
    if not terms:
        return m.para("In den Stellungnahmen kommen keine Wörter aus dem Glossar vor.")
    pairs = [
        (
            Markup('<dfn id="{}">{}</dfn>').format(t.anchor, t.term)
            + (Markup(" ({})").format(t.long) if t.long else ""),
            t.explanation,
        )
        for t in terms
    ]
    lead = m.para(
        "Diese Wörter kommen in den Stellungnahmen vor. In den Zitaten führt das erste "
        "Vorkommen eines Wortes hierher."
    )
    return lead + m.definitions(pairs, class_="glossar")


def mark_terms(fragment: str, glossary: Glossary) -> str:
    """Link the first use of each explained term (one with a ``dfn`` in the page) in the
    page's quotes to its explanation; abbreviations carry their long form as ``abbr``."""
    soup = BeautifulSoup(fragment, "html.parser")
    explained = {str(d.get("id")) for d in soup.find_all("dfn") if d.get("id")}
    if not explained:
        return fragment
    done: set[str] = set()
    for quote in soup.select("blockquote.evidence p"):
        for text in [t for t in quote.find_all(string=True) if isinstance(t, NavigableString)]:
            _mark(soup, text, glossary, explained, done)
    return str(soup)


def _mark(
    soup: BeautifulSoup, text: NavigableString, glossary: Glossary, explained: set[str],
    done: set[str],
) -> None:  # fmt: skip
    """Replace ``text`` by itself with links around the terms not linked yet."""
    value, cursor, parts = str(text), 0, []
    for found in glossary.find(value):
        anchor = found.term.anchor
        if anchor not in explained or anchor in done:
            continue
        done.add(anchor)
        parts.append(value[cursor : found.start])
        link = soup.new_tag("a", href=f"#{anchor}", attrs={"class": "begriff"})
        written = value[found.start : found.end]
        if found.term.long:
            abbr = soup.new_tag("abbr", title=found.term.long)
            abbr.string = written
            link.append(abbr)
        else:
            link.string = written
        parts.append(link)
        cursor = found.end
    if not parts:
        return
    parts.append(value[cursor:])
    for part in parts:
        text.insert_before(part if not isinstance(part, str) else NavigableString(part))
    text.extract()


def hardest_to_read(ctx: ReportContext) -> Markup:
    """The statements hardest to read (highest Wiener Sachtextformel), for the check page."""
    table = ctx.inputs.readability
    if table is None or table.empty:
        return m.para("Noch nicht gemessen: `statements analyze` erstellt readability.parquet.")
    rows = table[table["kind"] == "statement"].merge(
        ctx.inputs.statements[["statement_id", "source_file", "sender_org"]], on="statement_id"
    )
    rows = rows.sort_values(["wstf", "statement_id"], ascending=[False, True]).head(HARDEST_SHOWN)
    shown = pd.DataFrame(
        {
            "Datei": rows["source_file"],
            "Absender": rows["sender_org"].fillna("–"),
            "Wiener Sachtextformel": rows["wstf"].map(lambda v: m.number(v, 1)),
            "LIX": rows["lix"].map(lambda v: m.number(v, 0)),
            "Wörter je Satz": rows["mean_sentence_length"].map(lambda v: m.number(v, 1)),
            "Lange Wörter": rows["long_word_share"].map(m.percent),
            "Abkürzungen je 100 Wörter": rows["abbreviations_per_100"].map(
                lambda v: m.number(v, 1)
            ),
        }
    )
    numeric = [c for c in shown.columns if c not in ("Datei", "Absender")]
    n = m.count(len(rows), "Stellungnahme", "Stellungnahmen")
    return m.table(shown, f"Am schwersten zu lesen: {n}", numeric=numeric) + m.para(
        "Wiener Sachtextformel: etwa die Schulstufe, die ein Text verlangt (4 leicht, 15 sehr "
        f"schwer). LIX: unter 40 leicht, über 60 sehr schwer. Lange Wörter: mehr als {LONG_WORD} "
        "Buchstaben."
    )


def uncovered_words(ctx: ReportContext) -> Markup:
    """Frequent hard words (long compounds, acronyms) that the glossary does not explain:
    candidates for an analyst's own glossary file."""
    glossary = ctx.inputs.glossary
    if glossary is None:
        return m.para("Kein Glossar geladen.")
    texts = [t for t in ctx.coded["text"] if isinstance(t, str)]
    counts: Counter[str] = Counter()
    for text in texts:
        covered = {text[f.start : f.end].casefold() for f in glossary.find(text)}
        hard = {w for w in words(text) if _hard(w) and w.casefold() not in covered}
        counts.update(hard)
    frequent = [(w, k) for w, k in counts.items() if k >= HARD_WORD_MIN_COUNT]
    frequent.sort(key=lambda item: (-item[1], item[0]))
    if not frequent:
        return m.para("Das Glossar erklärt alle häufigen schweren Wörter der Stellungnahmen.")
    shown = pd.DataFrame(frequent[:HARD_WORDS_SHOWN], columns=["Wort", "In Stellungnahmen"])
    return m.table(shown, "Schwere Wörter ohne Erklärung", numeric=["In Stellungnahmen"]) + m.para(
        "Wer sie erklären möchte, schreibt sie in eine eigene Glossar-Datei (Format: "
        "docs/language.md) und gibt sie mit `statements report --glossary DATEI` an."
    )


def _hard(word: str) -> bool:
    return len(word.replace("-", "")) >= HARD_WORD_LETTERS or bool(_ACRONYM.match(word))
