"""Award is a gate: due diligence done first, or a senior exception recorded with reasons."""

import datetime as dt

import pytest

from rightslens.accounts.models import AuditEvent
from rightslens.assessments.models import Assessment
from rightslens.engagement.models import EngagementEvent, Stakeholder
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.procurement.models import (
    ClauseAttachment,
    Counterparty,
    Procurement,
    QuestionnaireRequest,
    RedLineScreening,
)

BASE = "/o/acme/procurement/procurements/"
LATER = (dt.date.today() + dt.timedelta(days=90)).isoformat()


@pytest.fixture
def ready(org, owner):
    """A procurement whose due diligence is done: screened, vendor concluded, assessment
    approved, the audit clause agreed, the affected group heard through a credible proxy."""
    system = AISystem.objects.create(
        organisation=org, name="HireRank", purpose="p", lifecycle_stage="deploy", kind="other_ai"
    )
    group = AffectedGroup.objects.create(organisation=org, system=system, name="Job applicants")
    proxy = Stakeholder.objects.create(
        organisation=org, name="Applicants' union", kind="proxy", represents=group, region="africa"
    )
    event = EngagementEvent.objects.create(
        organisation=org,
        title="Union hearing",
        held_on=dt.date(2026, 1, 5),
        phase="identify",
        method="interview",
        heard="Worried about gaps in CVs.",
    )
    event.participants.add(proxy)
    vendor = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    clause = ClauseAttachment.objects.create(
        organisation=org, counterparty=vendor, clause_id="clause-audit-information", status="agreed"
    )
    request = QuestionnaireRequest.objects.create(
        organisation=org,
        counterparty=vendor,
        questionnaire_id="qn-vendor-dd",
        token_hash="x" * 64,
        expires_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        status="concluded",
        conclusion="proceed_with_conditions",
    )
    screening = RedLineScreening.objects.create(
        organisation=org, subject_type="procurement", use_case_text="Rank CVs"
    )
    assessment = Assessment.objects.create(
        organisation=org,
        system=system,
        title="Pre-procurement",
        kind="pre_procurement",
        status="approved",
    )
    procurement = Procurement.objects.create(
        organisation=org,
        title="CV screening",
        needs_statement="n",
        use_case_text="Rank CVs",
        vendor=vendor,
        system=system,
        screening=screening,
        questionnaire=request,
        assessment=assessment,
        status="due_diligence",
    )
    return {"procurement": procurement, "clause": clause, "assessment": assessment, "group": group}


def _award(client, procurement, **extra):
    data = {"award_conditions": "Audit rights agreed", "monitoring_dates": LATER, **extra}
    return client.post(f"{BASE}{procurement.pk}/award/", data)


def test_a_procurement_with_its_due_diligence_done_is_awarded(owner_client, ready):
    procurement = ready["procurement"]
    response = _award(owner_client, procurement, clauses=["clause-audit-information"])
    assert response.status_code == 302
    procurement.refresh_from_db()
    assert procurement.status == "monitoring"
    assert procurement.award_clauses == ["clause-audit-information"]


def test_award_is_refused_while_the_assessment_is_a_draft(owner_client, ready):
    Assessment.objects.filter(pk=ready["assessment"].pk).update(status="draft")
    response = _award(owner_client, ready["procurement"])
    assert response.status_code == 400
    assert "assessment is not approved yet (it is draft)" in response.content.decode()
    ready["procurement"].refresh_from_db()
    assert ready["procurement"].status == "due_diligence"


def test_award_is_refused_when_a_named_clause_is_only_proposed(owner_client, ready):
    ClauseAttachment.objects.filter(pk=ready["clause"].pk).update(status="proposed")
    response = _award(owner_client, ready["procurement"], clauses=["clause-audit-information"])
    assert response.status_code == 400
    assert "is named in the award conditions but not agreed" in response.content.decode()


def test_award_is_refused_until_affected_groups_are_engaged(owner_client, ready, org):
    AffectedGroup.objects.create(
        organisation=org, system=ready["procurement"].system, name="Disabled applicants"
    )
    response = _award(owner_client, ready["procurement"])
    assert response.status_code == 400
    assert "&#x27;Disabled applicants&#x27; has not been engaged" in response.content.decode()


def test_an_expert_does_not_count_as_engaging_an_affected_group(owner_client, ready):
    Stakeholder.objects.filter(represents=ready["group"]).update(kind="expert")
    response = _award(owner_client, ready["procurement"])
    assert response.status_code == 400
    assert "Job applicants" in response.content.decode()


def test_the_senior_role_can_record_an_exception_with_reasons(owner_client, ready, org):
    Assessment.objects.filter(pk=ready["assessment"].pk).update(status="draft")
    reasons = "Emergency replacement of a failed supplier; assessment finishes within 30 days."
    response = _award(owner_client, ready["procurement"], exception_reasons=reasons)
    assert response.status_code == 302
    procurement = Procurement.objects.get(pk=ready["procurement"].pk)
    assert procurement.status == "monitoring" and procurement.award_exception_reasons == reasons
    event = AuditEvent.objects.get(verb="procurement_awarded")
    assert event.after["exception"]["reasons"] == reasons
    assert "not approved yet" in " ".join(event.after["exception"]["problems"])
    page = owner_client.get(f"{BASE}{procurement.pk}/").content.decode()
    assert "Awarded by exception" in page and reasons in page


def test_only_the_senior_role_can_record_an_exception(assessor_client, ready):
    Assessment.objects.filter(pk=ready["assessment"].pk).update(status="draft")
    response = _award(assessor_client, ready["procurement"], exception_reasons="Urgent")
    assert response.status_code == 400
    assert "only the senior (owner) role" in response.content.decode()
    ready["procurement"].refresh_from_db()
    assert ready["procurement"].status == "due_diligence"
