"""German labels for the codes in the tables, their definitions, the chart palette and code order.

Tables hold codes (``integrate``, ``conditional``, ``advisory_board``); everything a reader sees
goes through a :class:`Labels` so that one place decides the wording. Only German exists today; a
second language is one more entry in each ``*_LABELS`` table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from analysis.codes import POSITIONS, STAKEHOLDER_GROUPS

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Charts use these colours only.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
PALETTE = tuple(OKABE_ITO.values())

GROUPS = STAKEHOLDER_GROUPS
CONCERNS = (
    "resources",
    "costs",
    "accessibility",
    "participation",
    "data_protection",
    "coordination",
    "timeline",
    "complexity",
)

POSITION_COLOURS = {
    "standalone": OKABE_ITO["blue"],
    "integrate": OKABE_ITO["bluish_green"],
    "defer": OKABE_ITO["orange"],
    "reject": OKABE_ITO["vermillion"],
    "unclear": OKABE_ITO["reddish_purple"],
}
STANCE_COLOURS = {
    "support": OKABE_ITO["bluish_green"],
    "conditional": OKABE_ITO["orange"],
    "oppose": OKABE_ITO["vermillion"],
    "neutral": OKABE_ITO["sky_blue"],
}

POSITION_LABELS = {
    "de": {
        "standalone": "Eigenständige Strategie",
        "integrate": "Integration in bestehende Strategie",
        "defer": "Zurückstellen",
        "reject": "Ablehnen",
        "unclear": "Unklar",
    }
}
POSITION_DEFINITIONS = {
    "de": {
        "standalone": "Eine eigene, gesonderte Strategie bzw. ein eigener Plan, wie der Antrag "
        "ihn vorschlägt.",
        "integrate": "Das Thema als Querschnittsthema in eine bestehende Gesamtstrategie oder "
        "einen bestehenden Plan aufnehmen.",
        "defer": "Nicht jetzt: laufende Arbeiten oder knappe Ressourcen haben Vorrang; später "
        "erneut beraten.",
        "reject": "Es braucht nichts Neues.",
        "unclear": "Keine erkennbare Position.",
    }
}
STANCE_LABELS = {
    "de": {
        "support": "Zustimmung",
        "conditional": "Bedingte Zustimmung",
        "oppose": "Ablehnung",
        "neutral": "Neutral",
    }
}
STANCE_DEFINITIONS = {
    "de": {
        "support": "Stimmt dem Antrag in der vorgelegten Form zu.",
        "conditional": "Teilt das Ziel, verlangt aber einen wesentlich anderen Weg oder stellt "
        "Bedingungen.",
        "oppose": "Lehnt den Antrag ab.",
        "neutral": "Informiert, ohne ein Urteil abzugeben.",
    }
}
GROUP_LABELS = {
    "de": {
        "administration": "Verwaltung",
        "commissioner": "Beauftragte",
        "advisory_board": "Beiräte",
        "political_group": "Fraktionen und Parteien",
        "association": "Vereine und Verbände",
        "business": "Wirtschaft",
        "academia": "Wissenschaft",
        "citizen": "Einwohnerinnen und Einwohner",
    }
}
CONCERN_LABELS = {
    "de": {
        "resources": "Personal und Ressourcen",
        "costs": "Kosten",
        "accessibility": "Barrierefreiheit",
        "participation": "Beteiligung",
        "data_protection": "Datenschutz",
        "coordination": "Abstimmung und Koordination",
        "timeline": "Zeitplan",
        "complexity": "Komplexität",
    }
}
ERROR_LABELS = {
    "de": {
        "encrypted": "verschlüsselt",
        "damaged": "beschädigt",
        "empty": "leer",
        "not_pdf": "keine PDF-Datei",
        "no_text": "kein Text (Scan ohne Texterkennung)",
        "too_large": "zu groß",
        "timeout": "Zeitüberschreitung",
        "other": "sonstiger Fehler",
    }
}
ERROR_ADVICE = {
    "de": {
        "encrypted": "Ungeschützte Fassung beim Absender anfordern oder das Kennwort entfernen.",
        "damaged": "Datei erneut beim Absender anfordern oder neu als PDF speichern.",
        "empty": "Die Datei ist leer: erneut beim Absender anfordern.",
        "not_pdf": "Keine PDF-Datei: als PDF exportieren und erneut einlesen.",
        "no_text": "Scan ohne Textebene: mit Texterkennung (OCR) erneut einlesen.",
        "too_large": "Datei zu groß: aufteilen oder mit höherer Seitengrenze einlesen.",
        "timeout": "Lesen dauerte zu lange: einzeln erneut einlesen.",
        "other": "Technische Meldung prüfen und die Datei erneut einlesen.",
    }
}
MISSING = {"de": "ohne Angabe"}
LANGUAGES = tuple(POSITION_LABELS)


@dataclass(frozen=True)
class Labels:
    """The words a reader sees for each code, in one language."""

    language: str = "de"
    positions: Mapping[str, str] = field(default_factory=dict)
    position_definitions: Mapping[str, str] = field(default_factory=dict)
    stances: Mapping[str, str] = field(default_factory=dict)
    stance_definitions: Mapping[str, str] = field(default_factory=dict)
    groups: Mapping[str, str] = field(default_factory=dict)
    concerns: Mapping[str, str] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    error_advice: Mapping[str, str] = field(default_factory=dict)
    missing: str = "ohne Angabe"

    def position(self, code: str | None) -> str:
        return self._get(self.positions, code)

    def stance(self, code: str | None) -> str:
        return self._get(self.stances, code)

    def group(self, code: str | None) -> str:
        return self._get(self.groups, code)

    def concern(self, code: str | None) -> str:
        return self._get(self.concerns, code)

    def error(self, code: str | None) -> str:
        return self._get(self.errors, code)

    def advice(self, code: str | None) -> str:
        """What a person can do about a file that could not be read."""
        return self._get(self.error_advice, code)

    def _get(self, table: Mapping[str, str], code: str | None) -> str:
        if code is None or code != code:  # None or NaN
            return self.missing
        return table.get(code, str(code))

    def position_order(self) -> list[str]:
        """Codebook codes first (in codebook order), then the built-in ones not yet named."""
        return list(dict.fromkeys([*self.positions, *POSITIONS]))


def labels_for(language: str = "de", codebook: Mapping | None = None) -> Labels:
    """The labels of ``language``, with a codebook's own position codes and labels on top."""
    if language not in LANGUAGES:
        raise ValueError(
            f"language {language!r} is not available; available: {', '.join(LANGUAGES)}"
        )
    book = codebook or {}
    positions, position_definitions = _merged(
        POSITION_LABELS[language], POSITION_DEFINITIONS[language], codebook_codes(book)
    )
    stances, stance_definitions = _merged(
        STANCE_LABELS[language], STANCE_DEFINITIONS[language], codebook_codes(book, "stances")
    )
    concerns, _ = _merged(CONCERN_LABELS[language], {}, codebook_codes(book, "concerns"))
    return Labels(
        language=language,
        positions=positions,
        position_definitions=position_definitions,
        stances=stances,
        stance_definitions=stance_definitions,
        groups=GROUP_LABELS[language],
        concerns=concerns,
        errors=ERROR_LABELS[language],
        error_advice=ERROR_ADVICE[language],
        missing=MISSING[language],
    )


def _merged(labels: Mapping, definitions: Mapping, codes: dict[str, tuple[str, str]]):
    """Built-in labels and definitions with a codebook's on top (codebook order first)."""
    merged_labels = {c: lab or labels.get(c, c) for c, (lab, _d) in codes.items()}
    merged_definitions = {c: d or definitions.get(c, "") for c, (_l, d) in codes.items()}
    return {**merged_labels, **{c: v for c, v in labels.items() if c not in codes}}, {
        **merged_definitions,
        **{c: v for c, v in definitions.items() if c not in codes},
    }


def codebook_codes(codebook: Mapping, section: str = "positions") -> dict[str, tuple[str, str]]:
    """The codes of one section of a parsed YAML codebook → ``{code: (label, definition)}``.

    A section (``positions``, ``stances``, ``concerns``; positions also under ``codes``) is a
    mapping of code to ``{label, definition}`` (as in ``codebooks/generic-de.yaml``) or a list of
    mappings with ``code``/``id``. Anything else gives no codes: the built-in labels stay.
    """
    fallback = codebook.get("codes") if section == "positions" else None
    entries = codebook.get(section, fallback) if codebook else None
    if isinstance(entries, Mapping):
        entries = [{"code": code, **(value or {})} for code, value in entries.items()]
    if not isinstance(entries, list):
        return {}
    codes: dict[str, tuple[str, str]] = {}
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        code = entry.get("code", entry.get("id"))
        if code is None:
            continue
        label = entry.get("label_de", entry.get("label", entry.get("name", "")))
        definition = entry.get("definition", entry.get("description", ""))
        codes[str(code)] = (str(label or "").strip(), str(definition or "").strip())
    return codes
