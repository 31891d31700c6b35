import io
import json

from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook

from rightslens.assessments import cycle_services, documents
from rightslens.assessments.cycle_models import Reminder
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.reports.context import report_context
from rightslens.assessments.reports.pdf import render_pdf

from .conftest import IMPACT


def _streamed(response):
    assert response.streaming  # exports stream, whatever their size
    return b"".join(response.streaming_content)


def test_register_exports_keep_people_and_business_risk_apart(owner_client, assessment, owner):
    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    csv_text = _streamed(owner_client.get("/o/acme/register/export.csv")).decode()
    header, row = csv_text.splitlines()[:2]
    assert "severity_band" in header and "risk_to_business" in header
    assert "Severe" in row and "Medium" in row
    sheet = load_workbook(
        io.BytesIO(_streamed(owner_client.get("/o/acme/register/export.xlsx")))
    ).active
    assert sheet.cell(2, 7).value == IMPACT["title"]
    rows = json.loads(_streamed(owner_client.get("/o/acme/register/export.json")))["rows"]
    assert rows[0]["priority"] > 0


def test_an_assessment_round_trips_through_json(owner_client, assessment, owner, system):
    impact = cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    cycle_services.action_plan(
        impact=impact, actor=owner, action_type="prevent", description="Retune", preference="avoid"
    )
    exported = owner_client.get(f"/o/acme/assessments/{assessment.pk}/export.json").json()
    upload = io.BytesIO(json.dumps(exported).encode())
    upload.name = "a.json"
    response = owner_client.post(
        "/o/acme/assessments/import/", {"system": system.pk, "file": upload}
    )
    assert response.status_code == 302
    copy = Assessment.objects.exclude(pk=assessment.pk).get()
    again = documents.assessment_document(copy)
    for key in ("title", "severity_band", "actions", "rights", "scale_rationale"):
        assert again["impacts"][0][key] == exported["impacts"][0][key]


def test_a_bad_import_changes_nothing_and_names_the_row_and_field(
    owner_client, assessment, owner, system
):
    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    doc = documents.assessment_document(assessment)
    doc["impacts"].append({**doc["impacts"][0], "title": "Second"})
    doc["impacts"][1]["scope"] = 9
    upload = io.BytesIO(json.dumps(doc).encode())
    upload.name = "bad.json"
    before = (Assessment.objects.count(), Impact.objects.count())
    page = owner_client.post(
        "/o/acme/assessments/import/", {"system": system.pk, "file": upload}
    ).content.decode()
    assert "impacts[1].scope" in page
    assert (Assessment.objects.count(), Impact.objects.count()) == before


def test_an_oversized_or_deeply_nested_import_is_refused_and_changes_nothing(
    owner_client, assessment, system
):
    before = (Assessment.objects.count(), Impact.objects.count())
    too_big = io.BytesIO(b'{"title": "' + b"x" * (2 * 1024 * 1024 + 10) + b'"}')
    too_big.name = "big.json"
    nested = io.BytesIO(b"[" * 100_000 + b"]" * 100_000)
    nested.name = "deep.json"
    for upload, expected in ((too_big, "too large"), (nested, "nested too deeply")):
        response = owner_client.post(
            "/o/acme/assessments/import/", {"system": system.pk, "file": upload}
        )
        assert response.status_code == 400
        assert expected in response.content.decode()
    assert (Assessment.objects.count(), Impact.objects.count()) == before


def test_the_pdf_report_renders_with_and_without_a_unicode_font(assessment, owner):
    cycle_services.impact_record(
        assessment=assessment,
        actor=owner,
        **{**IMPACT, "title": "Über-blocking “quoted” → Kiswahili"},
    )
    ctx = report_context(assessment)
    for force in (False, True):
        pdf = render_pdf(ctx, force_core_font=force)
        assert pdf.startswith(b"%PDF-") and len(pdf) > 2000


def test_report_pages_and_board_brief_show_both_materialities(owner_client, assessment, owner):
    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    report = owner_client.get(f"/o/acme/assessments/{assessment.pk}/report/").content.decode()
    assert "Risk to people" in report and "Risk to the business" in report
    assert (
        owner_client.get(f"/o/acme/assessments/{assessment.pk}/report.pdf")["Content-Type"]
        == "application/pdf"
    )
    brief = owner_client.get("/o/acme/board-brief/").content.decode()
    assert IMPACT["title"] in brief
    assert "severe to people, no action yet" in brief  # a decision the board must take


def test_quality_page_lists_errors_from_a_bad_assessment(owner_client, assessment, owner):
    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    page = owner_client.get("/o/acme/quality/").content.decode()
    assert "names no affected group" in page and "was never considered" in page


def test_reminders_email_the_owner_once_and_show_in_app(owner_client, assessment, org):
    org.review_period_days = 1
    org.save()
    Assessment.objects.filter(pk=assessment.pk).update(created_at="2020-01-01T00:00:00Z")
    call_command("send_review_reminders", stdout=io.StringIO())
    call_command("send_review_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1 and "needs review" in mail.outbox[0].subject
    assert Reminder.objects.count() == 1
    assert "Past the organisation" in owner_client.get("/o/acme/reminders/").content.decode()


def test_the_api_reports_quality_findings_for_ci(client, assessment, owner, viewer):
    from conftest import api_headers

    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    body = client.get(
        f"/api/cycle/orgs/acme/assessments/{assessment.pk}/quality", **api_headers(viewer)
    ).json()
    assert "severe_without_action" in {f["code"] for f in body["findings"]}


def test_an_import_refused_by_the_knowledge_base_rolls_back_everything(
    assessment, owner, system, org
):
    from rightslens.errors import FieldErrors

    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    doc = documents.assessment_document(assessment)
    doc["impacts"].append({**doc["impacts"][0], "title": "Second", "rights": ["not-a-right"]})
    before = (Assessment.objects.count(), Impact.objects.count())
    try:
        documents.assessment_import(organisation=org, actor=owner, system=system, doc=doc)
        raise AssertionError("imported an unknown right")
    except FieldErrors as exc:
        assert "impacts[1].rights" in exc.fields
    assert (Assessment.objects.count(), Impact.objects.count()) == before
    assert documents.document_errors({"format": "rightslens.assessment", "assessment": []}) == {
        "assessment": "Must be an object with kind, trigger and title."
    }


def test_ci_reads_whether_a_system_needs_assessment_and_starts_a_rapid_one(
    client, system, assessor
):
    from conftest import api_headers

    headers = api_headers(assessor)
    status = client.get(
        f"/api/cycle/orgs/acme/systems/{system.pk}/assessment-status", **headers
    ).json()
    assert status["needs_assessment"] and status["reasons"] == [
        "No approved assessment of this system."
    ]
    response = client.post(
        f"/api/cycle/orgs/acme/systems/{system.pk}/assessments",
        data=json.dumps({"trigger": "launch", "trigger_note": "Image generation added"}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201
    created = Assessment.objects.get(pk=response.json()["id"])
    assert created.kind == "rapid"
    assert created.scoping.users == system.intended_users  # prefilled from the system record
    assert sorted(created.scoping.vulnerable_groups) == ["vg-children", "vg-low-resource-languages"]
    bad = client.post(
        f"/api/cycle/orgs/acme/systems/{system.pk}/assessments",
        data=json.dumps({"trigger": "whim"}),
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 422 and "trigger" in bad.json()["error"]["fields"]
