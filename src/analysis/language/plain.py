"""„Das Wichtigste in einfacher Sprache“: a few short sentences from the coded results — who
wrote, what most want, what is disputed, what happens next.

Rules of Einfache Sprache the sentences keep (and the tests check): at most 15 words, active
voice, no abbreviations, numbers as digits, a share always as „k von n“. The Wiener
Sachtextformel of the whole text stays at 6 or below: everyday words, short sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

MAX_WORDS = 15
SHOWN_GROUPS = 3
AGREEMENT = 0.6  # the most frequent wish of at least this share: most agree
# Plain words for the codes of the shipped codebook and the stakeholder groups; a code not
# listed here gets its label.
GROUPS = {
    "administration": "Ämtern der Stadt",
    "commissioner": "Beauftragten der Stadt",
    "advisory_board": "Beiräten",
    "political_group": "Gruppen im Rat",
    "association": "Vereinen und Verbänden",
    "business": "Firmen",
    "academia": "Hochschulen",
    "citizen": "Bürgerinnen und Bürgern",
}
WISHES = {
    "standalone": "einen eigenen Plan für das Thema",
    "integrate": "das Thema in einen Plan einbauen, den es schon gibt",
    "defer": "erst später entscheiden",
    "reject": "den Antrag nicht",
}
STANCES = {
    "support": ("ist für den Antrag", "sind für den Antrag"),
    "conditional": (
        "ist dafür, wenn sich noch etwas ändert",
        "sind dafür, wenn sich noch etwas ändert",
    ),
    "oppose": ("ist gegen den Antrag", "sind gegen den Antrag"),
    "neutral": ("sagt weder ja noch nein", "sagen weder ja noch nein"),
}
CONCERNS = {
    "resources": "Geld und Personal",
    "costs": "die Kosten",
    "accessibility": "den Zugang für Menschen mit Behinderung",
    "participation": "die Mitsprache der Menschen",
    "data_protection": "den Schutz von Daten",
    "coordination": "die Absprache zwischen den Stellen",
    "timeline": "den Zeitplan",
    "complexity": "schwere Sprache und zu viel Text",
}


def motion_summary(coded: pd.DataFrame, labels: object | None = None) -> list[str]:
    """The sentences for one motion's statements (``coded``: one row per statement with
    ``stakeholder_group``, ``position``, ``stance`` and ``concerns``)."""
    n = len(coded)
    if n == 0:
        return ["Zu diesem Antrag gibt es noch keine Briefe."]
    sentences = [f"Zu diesem Antrag {_came(n)} {_letters(n)}."]
    sentences += _senders(coded["stakeholder_group"])
    sentences += _wishes(coded.get("position"), n, labels)
    sentences += _stances(coded.get("stance"), n)
    sentences += _concerns(coded.get("concerns"))
    sentences += ["Der Rat entscheidet über den Antrag.", "Dieser Bericht hilft ihm dabei."]
    return sentences


def index_summary(coded: pd.DataFrame, motions: int) -> list[str]:
    """The sentences for the index of all reports."""
    n = len(coded)
    sentences = [
        f"Hier gibt es Berichte zu {motions} {'Antrag' if motions == 1 else 'Anträgen'}.",
        f"Zusammen kamen {_letters(n)}.",
        "Jeder Bericht zeigt: Wer hat geschrieben? Was wollen die Menschen?",
    ]
    sentences += _stances(coded.get("stance"), n)[:1]
    sentences += ["Der Rat entscheidet über jeden Antrag."]
    return sentences


def _letters(n: int) -> str:
    return "1 Brief" if n == 1 else f"{n} Briefe"


def _senders(groups: pd.Series) -> list[str]:
    counts = Counter(g for g in groups if isinstance(g, str) and g in GROUPS)
    largest = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:SHOWN_GROUPS]
    out = [f"Von {GROUPS[group]} {_came(k)} {_letters(k)}." for group, k in largest]
    rest = len(groups) - sum(k for _, k in largest)
    if rest and out:
        out.append(f"{_letters(rest)} {_came(rest)} von anderen.")
    return out


def _came(n: int) -> str:
    return "kam" if n == 1 else "kamen"


def _wishes(positions: pd.Series | None, n: int, labels: object | None) -> list[str]:
    if positions is None:
        return []
    counts = Counter(p for p in positions if isinstance(p, str) and p != "unclear")
    if not counts:
        return ["Was die Briefe wollen, ist nicht klar."]
    (top, k), *others = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    out = [f"{_share(k, n)} {'will' if k == 1 else 'wollen'} {_wish(top, labels)}."]
    if others and k / n < AGREEMENT:
        out.append("Die Meinungen gehen auseinander.")
        second, j = others[0]
        out.append(f"{_share(j, n)} {'will' if j == 1 else 'wollen'} {_wish(second, labels)}.")
    elif n >= 3 and k / n >= AGREEMENT:
        out.append("Die meisten sind sich also einig.")
    return out


def _share(k: int, n: int) -> str:
    """A count as a share that says both numbers (``3 von 8 Briefen``)."""
    return "Der Brief" if n == 1 else f"{k} von {n} Briefen"


def _wish(code: str, labels: object | None) -> str:
    if code in WISHES:
        return WISHES[code]
    label = labels.position(code) if labels is not None else code
    return f"dies: {label}"


def _stances(stances: pd.Series | None, n: int) -> list[str]:
    if stances is None:
        return []
    counts = Counter(s for s in stances if isinstance(s, str) and s in STANCES)
    return [
        f"{_share(k, n)} {STANCES[stance][k != 1]}."
        for stance, k in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ][:2]


def _concerns(concerns: pd.Series | None) -> list[str]:
    if concerns is None:
        return []
    counts = Counter(c for row in concerns if _listlike(row) for c in set(row) if c in CONCERNS)
    if not counts:
        return []
    top, k = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0]
    if k == 1:
        return [f"Ein Brief spricht über {CONCERNS[top]}."]
    return [f"Oft geht es um {CONCERNS[top]}: in {k} Briefen."]


def _listlike(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str)
