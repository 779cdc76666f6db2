"""The code lists of the data contract, in one place: tables, codebooks and reports share them."""

POSITIONS = ("standalone", "integrate", "defer", "reject", "unclear")
STANCES = ("support", "conditional", "oppose", "neutral")
STAKEHOLDER_GROUPS = (
    "administration",
    "commissioner",
    "advisory_board",
    "political_group",
    "association",
    "business",
    "academia",
    "citizen",
)
ERROR_KINDS = (
    "encrypted",
    "damaged",
    "empty",
    "not_pdf",
    "no_text",
    "too_large",
    "timeout",
    "other",
)
