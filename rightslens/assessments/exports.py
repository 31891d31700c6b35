"""Register exports (CSV, XLSX, JSON): one row per impact, risk to people and to the business in
separate columns, never combined."""

from __future__ import annotations

import csv
import io
from typing import Any

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


def register_rows(*, organisation: Organisation) -> list[dict[str, Any]]:
    impacts = (
        current_impacts(organisation=organisation)
        .select_related("assessment", "assessment__system")
        .prefetch_related("actions")
        .order_by("-priority", "id")
    )
    return [_row(i) for i in impacts]


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
        "actions": len(impact.actions.all()),
        "impact_status": impact.status,
    }


def _safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def register_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(v) for k, v in row.items()})
    return buffer.getvalue()


def register_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Register"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_safe(row[c]) for c in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
