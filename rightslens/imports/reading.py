"""Read an uploaded CSV or XLSX file into rows of {column: text}, numbered as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _

from rightslens.common.uploads import archive_problem

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000


class FileProblem(ValueError):
    """The file as a whole cannot be read."""


def _header(cells: list[Any]) -> list[str]:
    return [str(c or "").strip().lower().replace(" ", "_") for c in cells]


def _csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(_("The CSV file must be UTF-8 text.")) from exc
    return list(csv.reader(io.StringIO(text)))


def _xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    if problem := archive_problem(data):
        raise FileProblem(problem)
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same problem to a person
        raise FileProblem(_("This is not a readable XLSX workbook.")) from exc
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_rows(name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, {column: text}) for each non-empty row under the header row."""
    if len(data) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 2 MB."))
    lowered = name.lower()
    if lowered.endswith(".csv"):
        table = _csv(data)
    elif lowered.endswith(".xlsx"):
        table = _xlsx(data)
    else:
        raise FileProblem(_("Upload a .csv or .xlsx file."))
    if not table:
        raise FileProblem(_("The file is empty."))
    header = _header(table[0])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            header[i]: ("" if c is None else str(c).strip())
            for i, c in enumerate(cells)
            if i < len(header) and header[i]
        }
        if any(values.values()):
            rows.append((number, values))
    if not rows:
        raise FileProblem(_("The file has a header row but no data rows."))
    if len(rows) > MAX_ROWS:
        raise FileProblem(_("At most %(n)s rows per file.") % {"n": MAX_ROWS})
    return rows
