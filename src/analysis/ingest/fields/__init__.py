"""Read the small fields of a German statement: dates, motion references, persons, labels.

Zoning finds *where* a letter keeps its subject, information block and signature; these pure
parsers read *what* those strings say. Conventions live in module-level tables so that a new
letter style is a new table row, not a new branch.

One module per kind of field: ``dates``, ``motions``, ``greetings``, ``persons``, ``groups``
and ``labels``; ``folding`` holds the spelling-insensitive comparison they share.
"""

from analysis.ingest.fields.dates import MONTHS, find_dates, parse_date
from analysis.ingest.fields.greetings import (
    CLOSING_PATTERNS,
    SALUTATION_OPENERS,
    is_closing_formula,
    is_salutation,
)
from analysis.ingest.fields.groups import GROUP_CUES, stakeholder_group
from analysis.ingest.fields.labels import (
    COLON_REQUIRED,
    EMAIL_LABEL_OVERRIDES,
    INFO_LABELS,
    LABEL_GROUPS,
    split_label,
    strip_reply_prefix,
)
from analysis.ingest.fields.motions import (
    DOC_TYPE_ABBREVIATIONS,
    DOC_TYPE_STEMS,
    MAX_UNQUOTED_TITLE_WORDS,
    NON_MOTION_PREFIXES,
    NOT_TITLE_WORDS,
    MotionRef,
    find_motion_ref,
    find_motion_refs,
)
from analysis.ingest.fields.persons import (
    NAME_PARTICLES,
    ORG_WORD_PATTERNS,
    ROLE_STEMS,
    TITLE_STEMS,
    Person,
    closing_signers,
    is_role_list,
    joint_names,
    looks_like_name,
    looks_like_role,
    parse_person,
    parse_signature,
)

__all__ = [
    "CLOSING_PATTERNS",
    "COLON_REQUIRED",
    "DOC_TYPE_ABBREVIATIONS",
    "DOC_TYPE_STEMS",
    "EMAIL_LABEL_OVERRIDES",
    "GROUP_CUES",
    "INFO_LABELS",
    "LABEL_GROUPS",
    "MAX_UNQUOTED_TITLE_WORDS",
    "MONTHS",
    "NAME_PARTICLES",
    "NON_MOTION_PREFIXES",
    "NOT_TITLE_WORDS",
    "ORG_WORD_PATTERNS",
    "ROLE_STEMS",
    "SALUTATION_OPENERS",
    "TITLE_STEMS",
    "MotionRef",
    "Person",
    "closing_signers",
    "find_dates",
    "find_motion_ref",
    "find_motion_refs",
    "is_closing_formula",
    "is_role_list",
    "is_salutation",
    "joint_names",
    "looks_like_name",
    "looks_like_role",
    "parse_date",
    "parse_person",
    "parse_signature",
    "split_label",
    "stakeholder_group",
    "strip_reply_prefix",
]
