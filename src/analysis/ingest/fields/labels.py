"""Labels of the information block and of printed e-mail headers (`Datum:`, `Betreff:`)."""

import re

LABEL_GROUPS: dict[str, tuple[str, ...]] = {
    "date": ("Datum",),
    "our_ref": ("Unser Zeichen", "Unser Az.", "Unser Aktenzeichen", "Aktenzeichen", "Az.",
                "Geschäftszeichen", "Gz."),
    "your_ref": ("Ihr Zeichen", "Ihr Az.", "Ihr Aktenzeichen"),
    "your_letter": ("Ihr Schreiben vom", "Ihre Nachricht vom", "Ihre Anfrage vom",
                    "Ihre E-Mail vom"),
    "contact": ("Auskunft erteilt", "Auskunft", "Ansprechpartner", "Ansprechpartner/in",
                "Ansprechpartnerin", "Ansprechperson", "Bearbeiter/in", "Bearbeiter",
                "Bearbeiterin", "Sachbearbeiter/in", "Kontakt", "Name"),
    "phone": ("Durchwahl", "Telefon", "Tel.", "Tel", "Telefon-Nr.", "Fon", "Mobil"),
    "fax": ("Telefax", "Fax"),
    "room": ("Zimmer", "Raum", "Zi."),
    "email": ("E-Mail", "Mail", "Email"),
    "address": ("Dienstgebäude", "Anschrift", "Hausanschrift", "Besucheranschrift"),
    "motion": ("Antrag / Vorlage", "Antrag", "Vorlage", "Drucksache", "Drucksachen-Nr.",
               "Vorlagen-Nr.", "Vorlagennummer", "Antragsnr.", "Antrags-Nr.", "Antragsnummer",
               "Beschlussantrag", "Betrifft", "Gegenstand"),
    "chair": ("Vorsitzender", "Vorsitzende", "Vorsitzende/r", "Vorsitz"),
    "sender": ("Einreicher/in", "Einreicher", "Einreicherin", "Absender", "Organisation",
               "Verfasser/in", "Verfasser", "Verfasserin", "Institution"),
    "unit": ("Federführendes Amt", "Federführende Stelle", "Federführung", "Dienststelle",
             "Organisationseinheit", "Fachbereich", "Fachamt", "Amt"),
    "from": ("Von", "From"),
    "sent": ("Gesendet", "Sent", "Gesendet am"),
    "to": ("An", "To"),
    "cc": ("Cc", "Bcc", "Kopie"),
    "subject": ("Betreff", "Subject", "Betr."),
    "attachments": ("Anlage", "Anlagen", "Attachments"),
    "body": ("Inhalt der Stellungnahme", "Text der Stellungnahme", "Stellungnahme", "Inhalt"),
}  # fmt: skip


def _norm_label(label: str) -> str:
    return re.sub(r"\s*/\s*", "/", " ".join(label.casefold().split())).rstrip(":")


INFO_LABELS: dict[str, str] = {
    _norm_label(label): key for key, labels in LABEL_GROUPS.items() for label in labels
}
# Labels that are also ordinary words at the start of a sentence or subject line.
COLON_REQUIRED = frozenset(
    _norm_label(label)
    for label in ("Antrag", "Vorlage", "Drucksache", "Beschlussantrag", "Gegenstand", "Name",
                  "Amt", "Fachbereich", "Dienststelle", "Federführung",
                  "Kontakt", "Raum", "Organisation", "Institution", "Absender", "Mail", "Von",
                  "From", "Gesendet", "Sent", "An", "To", "Cc", "Bcc", "Kopie", "Auskunft",
                  "Anlage", "Anlagen", "Fon", "Mobil", "Subject", "Stellungnahme", "Inhalt")
)  # fmt: skip
# In a printed e-mail header `Datum:` is when it was sent.
EMAIL_LABEL_OVERRIDES = {"datum": "sent"}


def _label_pattern(label: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in label.split())
    body = body.replace("/", r"\s*/\s*")
    ending = r"\s*:\s*" if label in COLON_REQUIRED else r"(?:\s*:\s*|\s+|$)"
    if label.endswith(".") and label not in COLON_REQUIRED:
        ending = r"(?:\s*:\s*|\s*)"
    return re.compile(rf"\s*{body}{ending}", re.I)


_LABEL_PATTERNS = tuple(
    (label, _label_pattern(label)) for label in sorted(INFO_LABELS, key=len, reverse=True)
)


def split_label(line: str, email: bool = False) -> tuple[str, str] | None:
    """(canonical key, value) when `line` starts with an information-block or header label.
    Set `email` for printed e-mail headers, where `Datum` is the sending date."""
    for label, pattern in _LABEL_PATTERNS:
        if m := pattern.match(line):
            key = (email and EMAIL_LABEL_OVERRIDES.get(label)) or INFO_LABELS[label]
            return key, line[m.end() :].strip()
    return None


_REPLY_PREFIX_RE = re.compile(
    r"^\s*(?:(?:aw|wg|re|fwd?|antw|antwort|wtr|tr)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+", re.I
)


def strip_reply_prefix(subject: str) -> str:
    """The subject without `AW:`, `WG:`, `Re:`, `Fwd:` prefixes, however many are stacked."""
    return _REPLY_PREFIX_RE.sub("", subject).strip()
