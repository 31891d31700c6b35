"""Organisation pages: the screening gate, counterparties, procurement steps, business model."""

import datetime as dt

from rightslens.assessments.models import Assessment
from rightslens.inventory.models import AISystem
from rightslens.procurement.models import (
    BusinessModelRecord,
    ClauseAttachment,
    Counterparty,
    Procurement,
    RedLineScreening,
)

BASE = "/o/acme/procurement/"


def test_the_overview_lists_the_work(owner_client, org):
    Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    response = owner_client.get(BASE)
    assert response.status_code == 200 and "HireRank Ltd" in response.content.decode()


def test_an_emotion_recognition_use_is_stopped_until_the_senior_role_decides(
    owner_client, assessor_client, org
):
    response = assessor_client.post(
        BASE + "screenings/new/",
        {
            "subject_type": "procurement",
            "use_case_text": "CV ranking with emotion analysis of video interviews",
        },
    )
    screening = RedLineScreening.objects.get()
    assert response.status_code == 302 and screening.blocks
    page = assessor_client.get(BASE + f"screenings/{screening.pk}/").content.decode()
    assert (
        "awaiting a decision by the senior role" in page
        and "Prohibited by law in: EU AI Act" in page
    )
    assert (
        assessor_client.post(
            BASE + f"screenings/{screening.pk}/decide/",
            {"decision": "stop", "decision_reasons": "x"},
        ).status_code
        == 403
    )
    owner_client.post(
        BASE + f"screenings/{screening.pk}/decide/",
        {"decision": "stop", "decision_reasons": "Prohibited."},
    )
    screening.refresh_from_db()
    assert screening.decision == "stop" and not screening.blocks


def test_a_decision_without_reasons_is_shown_next_to_the_field(owner_client, org, owner):
    screening = RedLineScreening.objects.create(
        organisation=org,
        subject_type="use_case",
        use_case_text="x",
        hits=[{"red_line_id": "rl", "title": "t"}],
    )
    response = owner_client.post(
        BASE + f"screenings/{screening.pk}/decide/", {"decision": "stop", "decision_reasons": ""}
    )
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    screening.refresh_from_db()
    assert screening.decision == ""


def test_a_counterparty_with_a_bad_country_is_refused(owner_client):
    response = owner_client.post(
        BASE + "counterparties/new/",
        {"name": "X", "kind": "vendor", "country": "1Z", "reassessment_months": 12},
    )
    assert response.status_code == 400 and "two-letter" in response.content.decode()
    assert not Counterparty.objects.exists()


def test_a_counterparty_gets_a_reassessment_date_from_its_contract(owner_client):
    owner_client.post(
        BASE + "counterparties/new/",
        {
            "name": "HireRank",
            "kind": "vendor",
            "country": "gb",
            "contract_start": "2026-02-10",
            "reassessment_months": 6,
        },
    )
    counterparty = Counterparty.objects.get()
    assert counterparty.country == "GB" and counterparty.reassessment_date == dt.date(2026, 8, 10)


def test_sending_shows_the_link_once(owner_client, org):
    counterparty = Counterparty.objects.create(organisation=org, name="HireRank", kind="vendor")
    response = owner_client.post(
        BASE + f"counterparties/{counterparty.pk}/send/",
        {"questionnaire_id": "qn-vendor-dd", "days_valid": 14},
    )
    assert "/r/" in response.content.decode()
    assert (
        "/r/" not in owner_client.get(BASE + f"counterparties/{counterparty.pk}/").content.decode()
    )


def test_a_clause_is_attached_once(owner_client, org):
    counterparty = Counterparty.objects.create(organisation=org, name="HireRank", kind="vendor")
    url = BASE + f"counterparties/{counterparty.pk}/clauses/"
    owner_client.post(url, {"clause_id": "clause-audit-information"})
    again = owner_client.post(url, {"clause_id": "clause-audit-information"})
    assert again.status_code == 400 and ClauseAttachment.objects.count() == 1


def test_leverage_is_tracked_with_its_outcome(owner_client, org):
    counterparty = Counterparty.objects.create(organisation=org, name="HireRank", kind="vendor")
    owner_client.post(
        BASE + f"counterparties/{counterparty.pk}/leverage/",
        {
            "kind": "lev-bilateral",
            "description": "Asked for per-language tests",
            "taken_on": "2026-03-01",
            "outcome": "pending",
        },
    )
    action = counterparty.leverage_actions.get()
    owner_client.post(
        BASE + f"counterparties/{counterparty.pk}/leverage/{action.pk}/",
        {"outcome": "effective", "outcome_note": "Tests shared"},
    )
    action.refresh_from_db()
    assert action.outcome == "effective"


def test_a_procurement_cannot_be_awarded_before_its_steps(owner_client, org, owner):
    system = AISystem.objects.create(
        organisation=org,
        name="HireRank CV screener",
        purpose="p",
        lifecycle_stage="deploy",
        kind="other_ai",
    )
    owner_client.post(
        BASE + "procurements/new/",
        {
            "title": "CV screening",
            "public_buyer": "on",
            "needs_statement": "Hiring volume",
            "use_case_text": "Rank CVs",
            "system": system.pk,
        },
    )
    procurement = Procurement.objects.get()
    response = owner_client.post(
        BASE + f"procurements/{procurement.pk}/award/",
        {"award_conditions": "Audit rights", "monitoring_dates": "2099-01-01"},
    )
    assert response.status_code == 400 and "Screen the use case" in response.content.decode()
    owner_client.post(BASE + f"procurements/{procurement.pk}/assessment/")
    assert Assessment.objects.get().kind == "pre_procurement"
    procurement.refresh_from_db()
    assert procurement.status == "planning"


def test_the_board_sees_business_model_risks_and_only_the_senior_role_records_review(
    owner_client, assessor_client
):
    owner_client.post(
        BASE + "business-models/new/",
        {
            "title": "Open assistant",
            "general_purpose": "on",
            "revenue_model": "advertising",
            "target_customers": ["consumers"],
            "release_speed": "raced",
            "release_style": "downloadable",
            "weights": "open",
        },
    )
    record = BusinessModelRecord.objects.get()
    page = owner_client.get(BASE + f"business-models/{record.pk}/").content.decode()
    assert (
        "Open weights or downloadable model" in page and "Revenue from advertising or data" in page
    )
    assert (
        assessor_client.post(
            BASE + f"business-models/{record.pk}/board-review/", {"board_minutes": "x"}
        ).status_code
        == 403
    )
    owner_client.post(
        BASE + f"business-models/{record.pk}/board-review/",
        {"board_minutes": "Staged release adopted."},
    )
    record.refresh_from_db()
    assert record.board_reviewed_at is not None


def test_a_customers_use_is_screened_from_its_record(owner_client, org, other_org):
    customer = Counterparty.objects.create(
        organisation=org,
        name="Agency",
        kind="customer",
        notes="Wants mood detection of call-centre staff",
    )
    form = owner_client.get(
        BASE + f"screenings/new/?subject_type=customer&subject_id={customer.pk}"
    ).content.decode()
    assert "Wants mood detection of call-centre staff" in form
    owner_client.post(
        BASE + "screenings/new/",
        {"subject_type": "customer", "subject_id": customer.pk, "use_case_text": customer.notes},
    )
    screening = RedLineScreening.objects.get()
    assert (screening.subject_type, screening.subject_id) == (
        "customer",
        customer.pk,
    ) and screening.blocks
    assert "Agency" in owner_client.get(BASE + f"screenings/{screening.pk}/").content.decode()


def test_another_organisations_subject_cannot_be_screened(owner_client, other_org):
    foreign = Counterparty.objects.create(organisation=other_org, name="Foreign", kind="customer")
    response = owner_client.post(
        BASE + "screenings/new/",
        {"subject_type": "customer", "subject_id": foreign.pk, "use_case_text": "x"},
    )
    assert response.status_code == 400 and not RedLineScreening.objects.exists()
