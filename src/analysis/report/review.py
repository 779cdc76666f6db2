"""What a person should look at: statements that could not be read or whose reading or coding is
uncertain, gleichlautende Schreiben (form letters), and how complete the metadata is."""

from __future__ import annotations

import pandas as pd
from rapidfuzz import fuzz

LOW_CONFIDENCE = 0.6
FORM_LETTER_SIMILARITY = 90.0
METADATA_FIELDS = {
    "motion_ref": "Antrag (Nummer)",
    "motion_title": "Antrag (Titel)",
    "date": "Datum",
    "sender_org": "Absender",
    "sender_unit": "Organisationseinheit",
    "author": "Unterzeichnet von",
    "author_role": "Funktion",
    "stakeholder_group": "Gruppe",
    "subject": "Betreff",
}


def review_reasons(coded: pd.DataFrame, *, threshold: float = LOW_CONFIDENCE) -> pd.Series:
    """For each readable statement, the reasons a person should check it (German, may be empty)."""
    return coded.apply(lambda row: _reasons(row, threshold), axis=1)


def _reasons(row: pd.Series, threshold: float) -> list[str]:
    reasons = []
    if row.get("ocr"):
        reasons.append("Text per Texterkennung (OCR) gelesen")
    for column, text in (("sender_org", "Absender fehlt"), ("stakeholder_group", "Gruppe fehlt")):
        if _missing(row.get(column)):
            reasons.append(text)
    if _missing(row.get("position")):
        reasons.append("keine Position ermittelt")
    elif row["position"] == "unclear":
        reasons.append("Position unklar")
    score = row.get("position_score")
    if not row.get("corrected") and score == score and score is not None and score < threshold:
        reasons.append(f"geringe Sicherheit ({score:.2f})".replace(".", ","))
    return reasons


def by_expected_gain(coded: pd.DataFrame) -> pd.DataFrame:
    """The statements a check is most likely to change first: the least certain code first (the
    lower of position and stance confidence), statements a person corrected already last."""
    scores = coded.reindex(columns=["position_score", "stance_score"]).astype(float)
    done = coded.get("corrected", pd.Series(False, index=coded.index)).fillna(False).astype(float)
    key = scores.min(axis=1).fillna(0.0) + done
    return (
        coded.assign(_gain_key=key)
        .sort_values("_gain_key", kind="stable")
        .drop(columns="_gain_key")
    )


def _missing(value) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def form_letter_groups(
    statements: pd.DataFrame, *, threshold: float = FORM_LETTER_SIMILARITY
) -> list[list[str]]:
    """Groups of statement ids whose texts are nearly the same (similarity ≥ ``threshold`` %).

    Compares every pair once (fine for the hundreds of letters a motion gets); a group is the
    connected set of such pairs, so A≈B and B≈C put A, B and C together.
    """
    ok = statements[(statements["status"] == "ok") & (statements["text"].str.len() > 200)]
    ids, texts = list(ok["statement_id"]), [_normal(t) for t in ok["text"]]
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            if fuzz.ratio(texts[a], texts[b], score_cutoff=threshold):
                parent[root(ids[b])] = root(ids[a])
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def completeness(statements: pd.DataFrame) -> pd.DataFrame:
    """Per metadata field, how many readable statements have it (``filled`` of ``total``)."""
    ok = statements[statements["status"] == "ok"]
    rows = [
        {
            "field": label,
            "filled": int(ok[column].map(lambda v: not _missing(v)).sum()),
            "total": len(ok),
        }
        for column, label in METADATA_FIELDS.items()
    ]
    frame = pd.DataFrame(rows, columns=["field", "filled", "total"])
    frame["share"] = frame["filled"] / frame["total"].where(frame["total"] > 0)
    return frame.fillna({"share": 0.0})
