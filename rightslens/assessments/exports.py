"""Register exports (CSV, XLSX, JSON): one row per impact, risk to people and to the business in
separate columns, never combined.

Rows are read in chunks from a database iterator and written out as they come, so an export of
any size takes the same memory: CSV and JSON are streamed, XLSX is written by openpyxl's
write-only mode to a temporary file that is then streamed.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from django.db.models import Count

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Impact
from rightslens.assessments.rules import impact_response
from rightslens.assessments.selectors import current_impacts
from rightslens.core.impact_fields import RATED_FIELDS

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


def register_rows(*, organisation: Organisation) -> list[dict[str, Any]]:
    return list(iter_register_rows(organisation=organisation))


def iter_register_rows(*, organisation: Organisation) -> Iterator[dict[str, Any]]:
    """Every current impact in priority order, read `CHUNK` rows at a time."""
    impacts = (
        current_impacts(organisation=organisation)
        .prefetch_related(None)
        .select_related("assessment", "assessment__system")
        .annotate(action_count=Count("actions"))
        .order_by("-priority", "id")
    )
    # "priority" is the rank people act on (1 = first), not the internal sort key.
    for rank, impact in enumerate(impacts.iterator(chunk_size=CHUNK), start=1):
        yield _row(impact) | {"priority": rank}


def _row(impact: Impact) -> dict[str, Any]:
    assessment = impact.assessment
    return {
        "assessment_id": assessment.pk,
        "assessment": assessment.title,
        "version": assessment.version,
        "assessment_status": assessment.status,
        "system": assessment.system.name,
        "impact_id": impact.pk,
        "impact": impact.title,
        "risk_category": impact.risk_category,
        "rights": ";".join(impact.rights or []),
        "actual": impact.actual,
        **{name: getattr(impact, name) for name in RATED_FIELDS},
        "likelihood": impact.likelihood,
        "severity_band": impact.get_severity_band_display(),
        "priority": impact.priority,
        "risk_to_business": impact.get_business_risk_display() if impact.business_risk else "",
        "involvement": impact.involvement,
        "required_response": impact_response(impact).guidance,
        "actions": getattr(impact, "action_count", 0),  # annotated by the query above
        "impact_status": impact.status,
    }


def _safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


class _Line:
    """A file-like target for csv.writer that hands back each line instead of storing it."""

    def write(self, value: str) -> str:
        return value


def register_csv(rows: Any) -> Iterator[str]:
    """The CSV, a line at a time (header first)."""
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for row in rows:
        yield writer.writerow([_safe(row[c]) for c in COLUMNS])


def register_json(rows: Any) -> Iterator[str]:
    """`{"columns": [...], "rows": [{...}, ...]}`, a row at a time."""
    yield '{"columns": ' + json.dumps(list(COLUMNS)) + ', "rows": ['
    for n, row in enumerate(rows):
        yield ("" if n == 0 else ", ") + json.dumps(row)
    yield "]}"


def register_xlsx(rows: Any) -> IO[bytes]:
    """The workbook in a temporary file (rewound), written row by row in write-only mode."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_safe(row[c]) for c in COLUMNS])
    out = tempfile.TemporaryFile()
    workbook.save(out)
    out.seek(0)
    return out
