"""The register exports read plain values and write the XLSX sheet themselves (for speed at
50,000 impacts); what they write must be what a straightforward reading gives: model instances,
`get_*_display`, `impact_response`, and openpyxl writing the workbook."""

import csv
import io

from django.db.models import Count
from openpyxl import Workbook, load_workbook

from rightslens.accounts.models import Organisation
from rightslens.assessments import exports
from rightslens.assessments.management.commands.generate_org import generate_org
from rightslens.assessments.models import Impact
from rightslens.assessments.rules import impact_response
from rightslens.assessments.selectors import current_impacts
from rightslens.core.impact_fields import RATED_FIELDS


def _org():
    counts = {"systems": 6, "assessments": 12, "impacts": 120, "actions": 40, "grievances": 0}
    generate_org(slug="rows", owner_email="rows@example.org", password="x", counts=counts)
    org = Organisation.objects.get(slug="rows")
    first, second, third = Impact.objects.filter(organisation=org).order_by("id")[:3]
    # Text a spreadsheet would run as a formula, a business risk on one and none on another.
    Impact.objects.filter(pk=first.pk).update(title="=HYPERLINK(1)", business_risk=3)
    Impact.objects.filter(pk=second.pk).update(title="-minus", business_risk=None)
    Impact.objects.filter(pk=third.pk).update(risk_category="+plus", rights=[])
    return org


def _reference(org):
    impacts = (
        current_impacts(organisation=org)
        .annotate(action_count=Count("actions"))
        .order_by("-priority", "id")
    )
    rows = []
    for rank, impact in enumerate(impacts, start=1):
        a = impact.assessment
        rows.append(
            {
                "assessment_id": a.pk,
                "assessment": a.title,
                "version": a.version,
                "assessment_status": a.status,
                "system": a.system.name,
                "impact_id": impact.pk,
                "impact": impact.title,
                "risk_category": impact.risk_category,
                "rights": ";".join(impact.rights or []),
                "actual": impact.actual,
                **{name: getattr(impact, name) for name in RATED_FIELDS},
                "likelihood": impact.likelihood,
                "severity_band": impact.get_severity_band_display(),
                "priority": rank,
                "risk_to_business": impact.get_business_risk_display()
                if impact.business_risk
                else "",
                "involvement": impact.involvement,
                "required_response": impact_response(impact).guidance,
                "actions": impact.action_count,
                "impact_status": impact.status,
            }
        )
    return rows


def test_export_rows_match_a_reading_of_the_models(db):
    org = _org()
    rows = exports.register_rows(organisation=org)
    reference = _reference(org)
    assert len(rows) == 120
    assert rows == reference
    assert [list(r) for r in rows] == [list(exports.COLUMNS)] * len(rows)  # column order
    assert any(r["actions"] > 0 for r in rows) and any(r["risk_to_business"] for r in rows)


def test_csv_and_xlsx_hold_the_cells_openpyxl_would_write_with_formulas_neutralised(db):
    org = _org()
    rows = exports.register_rows(organisation=org)

    expected = Workbook(write_only=True)
    sheet = expected.create_sheet("Register")
    sheet.append(list(exports.COLUMNS))
    for row in rows:
        sheet.append([exports._safe(row[c]) for c in exports.COLUMNS])
    buffer = io.BytesIO()
    expected.save(buffer)
    want = list(load_workbook(buffer, read_only=True)["Register"].iter_rows(values_only=True))

    book = load_workbook(exports.register_xlsx(iter(rows)), read_only=True)
    assert book.sheetnames == ["Register"]
    got = list(book["Register"].iter_rows(values_only=True))
    assert got == want
    assert [[type(v) for v in r] for r in got] == [[type(v) for v in r] for r in want]

    text = "".join(exports.register_csv(iter(rows)))
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == list(exports.COLUMNS) and len(lines) == 121
    for cells in (lines[1:], [[str(v) for v in r] for r in got[1:]]):
        found = {c for r in cells for c in r}
        assert {"'=HYPERLINK(1)", "'-minus", "'+plus"} <= found
        assert not found & {"=HYPERLINK(1)", "-minus", "+plus"}


def test_xlsx_drops_characters_a_spreadsheet_cannot_hold_rather_than_failing(db):
    row = dict.fromkeys(exports.COLUMNS, 1) | {"impact": "bell\x07 & <tag>", "actual": False}
    book = load_workbook(exports.register_xlsx(iter([row])), read_only=True)
    cells = list(book.active.iter_rows(values_only=True))[1]
    assert cells[exports.COLUMNS.index("impact")] == "bell & <tag>"
    assert cells[exports.COLUMNS.index("actual")] is False
