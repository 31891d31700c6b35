"""Register exports (CSV, XLSX, JSON): one row per impact, risk to people and to the business in
separate columns, never combined.

Rows are read in chunks from a database iterator and written out as they come, so an export of
any size takes the same memory: CSV and JSON are streamed, XLSX is written by openpyxl's
write-only mode to a temporary file that is then streamed.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from operator import itemgetter
from typing import IO, Any
from xml.sax.saxutils import escape

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.encoding import force_str

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Action, Impact
from rightslens.assessments.rules import response_for
from rightslens.assessments.selectors import current_impacts
from rightslens.core.impact_fields import RATED_FIELDS
from rightslens.core.severity import SeverityBand

COLUMNS = (
    "assessment_id",
    "assessment",
    "version",
    "assessment_status",
    "system",
    "impact_id",
    "impact",
    "risk_category",
    "rights",
    "actual",
    *RATED_FIELDS,
    "likelihood",
    "severity_band",
    "priority",
    "risk_to_business",
    "involvement",
    "required_response",
    "actions",
    "impact_status",
)


CHUNK = 2000
#: Rows joined into one piece of a streamed response (fewer, larger writes to the socket).
BATCH = 500

#: What the export reads for each impact, in this order: plain columns, no model instances.
_READ = (
    "assessment_id",
    "assessment__title",
    "assessment__version",
    "assessment__status",
    "assessment__system__name",
    "id",
    "title",
    "risk_category",
    "rights",
    "actual",
    *RATED_FIELDS,
    "likelihood",
    "severity_band",
    "business_risk",
    "involvement",
    "action_count",
    "status",
)


def register_rows(*, organisation: Organisation) -> list[dict[str, Any]]:
    return list(iter_register_rows(organisation=organisation))


def _labels(field: str) -> dict[Any, Any]:
    """A choice field's display labels, as `get_<field>_display` gives them (in the active
    language, read once per export rather than once per row)."""
    choices = Impact._meta.get_field(field).flatchoices  # type: ignore[union-attr]  # a model field
    return {value: force_str(text, strings_only=True) for value, text in choices}


def iter_register_rows(*, organisation: Organisation) -> Iterator[dict[str, Any]]:
    """Every current impact in priority order, read `CHUNK` rows at a time as plain values.

    The per-row work is lookups in small tables built once: display labels, and the required
    response, which depends only on involvement, whether the harm is actual and whether it is
    severe."""
    actions = (
        Action.objects.filter(impact=OuterRef("pk"))
        .order_by()
        .values("impact")
        .annotate(n=Count("*"))
        .values("n")
    )
    impacts = (
        current_impacts(organisation=organisation)
        .prefetch_related(None)
        .select_related(None)
        .annotate(action_count=Coalesce(Subquery(actions), 0))
        .order_by("-priority", "id")
        .values_list(*_READ)
    )
    band_label = _labels("severity_band")
    business_label = _labels("business_risk")
    responses: dict[tuple[str, bool, bool], str] = {}
    severe_band = int(SeverityBand.SEVERE)
    n_rated = len(RATED_FIELDS)
    for rank, values in enumerate(impacts.iterator(chunk_size=CHUNK), start=1):
        (a_id, a_title, version, a_status, system, pk, title, category, rights, actual) = values[
            :10
        ]
        rated = values[10 : 10 + n_rated]
        (likelihood, band, business, involvement, action_count, status) = values[10 + n_rated :]
        key = (involvement, actual, band == severe_band)
        guidance = responses.get(key)
        if guidance is None:
            guidance = responses[key] = response_for(
                involvement, actual=actual, severity_band=band
            ).guidance
        # "priority" is the rank people act on (1 = first), not the internal sort key.
        yield dict(
            zip(
                COLUMNS,
                (
                    a_id,
                    a_title,
                    version,
                    a_status,
                    system,
                    pk,
                    title,
                    category,
                    ";".join(rights or []),
                    actual,
                    *rated,
                    likelihood,
                    band_label.get(band, band),
                    rank,
                    business_label.get(business, business) if business else "",
                    involvement,
                    guidance,
                    action_count,
                    status,
                ),
                strict=True,
            )
        )


_FORMULA = ("=", "+", "-", "@")


def _safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in _FORMULA:
        return "'" + value
    return value


_values = itemgetter(*COLUMNS)


class _Lines:
    """A file-like target for csv.writer that keeps what it is given until taken."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, value: str) -> None:
        self.parts.append(value)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def register_csv(rows: Any) -> Iterator[str]:
    """The CSV, `BATCH` lines at a time (header first)."""
    lines = _Lines()
    writer = csv.writer(lines)
    writer.writerow(COLUMNS)
    for n, row in enumerate(rows, start=1):
        writer.writerow([_safe(v) for v in _values(row)])
        if n % BATCH == 0:
            yield lines.take()
    yield lines.take()


def register_json(rows: Any) -> Iterator[str]:
    """`{"columns": [...], "rows": [{...}, ...]}`, `BATCH` rows at a time."""
    encode = json.JSONEncoder().encode  # the same output as json.dumps with its defaults
    parts = ['{"columns": ' + encode(list(COLUMNS)) + ', "rows": [']
    for n, row in enumerate(rows):
        parts.append(("" if n == 0 else ", ") + encode(row))
        if len(parts) >= BATCH:
            yield "".join(parts)
            parts.clear()
    parts.append("]}")
    yield "".join(parts)


_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_CELL_TEXT = 32767  # the most characters a spreadsheet cell holds

_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_END = "</sheetData></worksheet>"


def _column_letters(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = tuple(_column_letters(n) for n in range(1, len(COLUMNS) + 1))


def _xlsx_row(number: int, values: Any) -> str:
    """One `<row>` of the sheet: text as inline strings, numbers and booleans as themselves, an
    empty value or empty text as no cell (as openpyxl writes them)."""
    cells = []
    for letter, value in zip(_LETTERS, values, strict=True):
        if value is None or value == "":
            continue
        if value is True or value is False:
            cells.append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, int | float):
            cells.append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
        else:
            text = escape(_ILLEGAL_XML.sub("", str(value)[:_MAX_CELL_TEXT]))
            cells.append(
                f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">{text}</t>'
                "</is></c>"
            )
    return f'<row r="{number}">{"".join(cells)}</row>'


def register_xlsx(rows: Any) -> IO[bytes]:
    """The workbook in a temporary file (rewound). The sheet is written a batch of rows at a time
    straight into the zip archive, so memory stays the same for any number of rows; cells are
    plain values (inline strings, so no shared-string table grows with the rows)."""
    out = tempfile.TemporaryFile()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in _XLSX_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            parts = [_SHEET_START, _xlsx_row(1, COLUMNS)]
            for number, row in enumerate(rows, start=2):
                parts.append(_xlsx_row(number, [_safe(v) for v in _values(row)]))
                if len(parts) >= BATCH:
                    sheet.write("".join(parts).encode())
                    parts.clear()
            parts.append(_SHEET_END)
            sheet.write("".join(parts).encode())
    out.seek(0)
    return out
