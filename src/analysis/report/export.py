"""The statement × position/stance table as files staff open in Excel: CSV and XLSX.

CSV: UTF-8 with BOM (Excel detects the encoding), ``;`` between fields and a decimal comma (what
German Excel expects), CRLF line ends. Text that Excel would take for a formula (``=``, ``+``,
``-``, ``@`` at the start) is written with a leading apostrophe in CSV and as plain text in XLSX,
so a hostile statement cannot run anything in a spreadsheet.
"""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from analysis.report.labels import Labels

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
README_SHEET = "Das Wichtigste"
COLUMNS = {
    "motion": "Antrag",
    "statement_id": "ID",
    "source_file": "Datei",
    "date": "Datum",
    "sender_org": "Absender",
    "sender_unit": "Organisationseinheit",
    "author": "Unterzeichnet von",
    "author_role": "Funktion",
    "group": "Gruppe",
    "position_label": "Position",
    "position": "Position (Code)",
    "position_score": "Sicherheit Position",
    "stance_label": "Haltung",
    "stance": "Haltung (Code)",
    "stance_score": "Sicherheit Haltung",
    "corrected": "Korrigiert",
    "note": "Anmerkung",
    "cluster": "Cluster",
    "first_evidence": "Wichtigste Belegstelle",
}


def statement_table(coded: pd.DataFrame, labels: Labels, motion_names: pd.Series) -> pd.DataFrame:
    """One row per readable statement with German column names and labels beside the codes."""
    frame = coded.assign(
        motion=motion_names.to_numpy(),
        group=coded["stakeholder_group"].map(labels.group),
        position_label=coded["position"].map(labels.position),
        stance_label=coded["stance"].map(labels.stance),
        corrected=coded["corrected"].map({True: "ja", False: "nein"}),
        first_evidence=coded["evidence"].map(lambda e: e[0] if len(e) else None),
    )
    frame["cluster"] = frame["cluster"].astype("Int64")
    return frame[list(COLUMNS)].rename(columns=COLUMNS).reset_index(drop=True)


def defuse(value):
    """Text Excel would read as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """Excel-friendly CSV: UTF-8 with BOM, ``;``, decimal comma, CRLF."""
    safe = table.map(defuse)
    text = safe.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return "\ufeff".encode() + text.encode("utf-8")


def xlsx_bytes(
    table: pd.DataFrame, sheet: str = "Stellungnahmen", readme: list[str] | None = None
) -> bytes:
    """An XLSX workbook: bold frozen header, filter, sensible widths; all text stored as text.
    ``readme``: sentences for a first sheet „Das Wichtigste“ (in plain language)."""
    book = Workbook()
    if readme:
        first = book.active
        first.title = README_SHEET
        first.append([README_SHEET + " in einfacher Sprache"])
        first["A1"].font = Font(bold=True)
        for sentence in readme:
            first.append([sentence])
        first.column_dimensions["A"].width = 90
        book.create_sheet(sheet[:31])
        book.active = 0
    ws = book.worksheets[-1]
    if not readme:
        ws.title = sheet[:31]
    ws.append(list(table.columns))
    for values in table.itertuples(index=False):
        ws.append([_cell(v) for v in values])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # openpyxl reads a leading "=" as a formula
    for i, column in enumerate(table.columns, start=1):
        longest = max([len(str(column)), *(len(str(v)) for v in table[column].head(200))])
        ws.column_dimensions[get_column_letter(i)].width = min(max(10, longest + 2), 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable_zip(buffer.getvalue())


def _cell(value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _stable_zip(data: bytes) -> bytes:
    """Rewrite the XLSX zip with fixed timestamps so the same table gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, _strip_times(info.filename, source.read(info)))
    return out.getvalue()


def _strip_times(name: str, content: bytes) -> bytes:
    """docProps/core.xml holds created/modified stamps; replace them with a fixed date."""
    if name != "docProps/core.xml":
        return content
    return re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content
    )
