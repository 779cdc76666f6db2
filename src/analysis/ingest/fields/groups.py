"""The stakeholder group a sender belongs to, from explicit cues in organisation, unit and role."""

import re
import unicodedata
from collections.abc import Sequence


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
