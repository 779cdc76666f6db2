"""What one report shows, shaped once from the inputs: the statements in scope with their codes
(corrections applied), evidence with its location, links to the PDFs, and what could not be read.

Pure: given the same inputs and parameters it gives the same context; notebooks build one and
hand it to the section functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.report import coding, motions, provenance, redaction
from analysis.report.inputs import ReportInputs
from analysis.report.labels import Labels, labels_for


@dataclass(frozen=True)
class ReportContext:
    """The shaped data of one report (one motion, or all statements when ``motion`` is None)."""

    inputs: ReportInputs
    labels: Labels
    motion: motions.Motion | None
    motions: tuple[motions.Motion, ...]
    coded: pd.DataFrame
    unassigned: pd.DataFrame
    evidence: pd.DataFrame
    links: dict[str, str]
    problems: tuple[str, ...]
    redact: bool
    has_positions: bool
    redactor: redaction.Redactor | None = None
    report_dir: Path | None = None


def build(
    inputs: ReportInputs,
    *,
    motion: str | None = None,
    language: str = "de",
    redact: bool | str = False,
    report_dir: str | Path | None = None,
) -> ReportContext:
    """The context for ``motion`` (any spelling of its reference), or for all statements.

    ``redact``: personal data replaced in every text (``redaction``): of private persons
    (``True`` or ``"private"``), or of everyone (``"all"``)."""
    chosen_mode = redaction.mode(redact)
    red = None
    if chosen_mode:
        red = redaction.redactor(inputs.statements, everyone=chosen_mode == "all")
        inputs = redaction.inputs(inputs, red)
    labels = labels_for(language, inputs.codebook)
    found = motions.motions(inputs.statements, inputs.motions)
    chosen = motions.find(found, motion) if motion else None
    positions = coding.normalise_positions(inputs.positions)
    coded_all, problems = coding.apply_corrections(positions, inputs.corrections, labels)
    statements = inputs.statements
    if chosen is not None:
        statements = statements[motions.in_motion(statements, chosen)]
    coded = _display(coding.coded_statements(statements, coded_all), labels)
    unassigned = inputs.statements[
        (inputs.statements["status"] != "ok") | inputs.statements["motion_ref"].isna()
    ]
    report_dir = Path(report_dir).resolve() if report_dir else Path.cwd()
    links = _links(inputs, report_dir)
    if red is not None:  # the statements are redacted already; their PDFs are not
        hidden = set(inputs.statements.loc[red.hidden(inputs.statements), "statement_id"])
        links = {k: v for k, v in links.items() if k not in hidden}
    return ReportContext(
        inputs=inputs,
        labels=labels,
        motion=chosen,
        motions=tuple(found),
        coded=coded,
        unassigned=unassigned.reset_index(drop=True),
        evidence=provenance.evidence_locations(coded, inputs.sentences, inputs.paragraphs),
        links=links,
        problems=(*inputs.problems, *problems),
        redact=red is not None,
        has_positions=inputs.positions is not None,
        redactor=red,
        report_dir=report_dir,
    )


def first_motion(inputs: ReportInputs) -> str | None:
    """The reference of the first motion (by key), for a notebook opened without one."""
    found = motions.motions(inputs.statements, inputs.motions)
    return found[0].ref if found else None


def _display(coded: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Reader-facing columns next to the codes: labels, sender and signer in one line each."""
    return coded.assign(
        group_label=coded["stakeholder_group"].map(labels.group),
        position_label=coded["position"].map(labels.position),
        stance_label=coded["stance"].map(labels.stance),
        sender=[
            _joined(o, u) for o, u in zip(coded["sender_org"], coded["sender_unit"], strict=True)
        ],
        signer=[
            _joined(a, r, ", ") for a, r in zip(coded["author"], coded["author_role"], strict=True)
        ],
    )


def _joined(first, second, sep: str = " – ") -> str | None:
    parts = [p for p in (first, second) if isinstance(p, str) and p.strip()]
    return sep.join(parts) or None


def _links(inputs: ReportInputs, report_dir: Path) -> dict[str, str]:
    return {sid: provenance.pdf_href(path, report_dir) for sid, path in inputs.pdf_paths.items()}
