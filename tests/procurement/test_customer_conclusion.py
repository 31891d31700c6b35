"""A high-risk customer conclusion ("escalate", "do not proceed") needs a leverage plan: the
conditions to be met before supply, and a leverage action recorded with the customer."""

import datetime as dt

import pytest

from rightslens.procurement.demo import KYC_ANSWERS
from rightslens.procurement.models import Counterparty, LeverageAction, QuestionnaireRequest
from rightslens.procurement.request_services import request_send, request_submit

BASE = "/o/acme/procurement/"


@pytest.fixture
def customer_request(org, owner):
    customer = Counterparty.objects.create(organisation=org, name="City Housing", kind="customer")
    request, raw = request_send(counterparty=customer, user=owner, questionnaire_id="qn-kyc")
    request_submit(raw_token=raw, answers=KYC_ANSWERS, files={})
    return QuestionnaireRequest.objects.get(pk=request.pk)


def _conclude(client, request, **extra):
    data = {"conclusion": "escalate", "conclusion_reasons": "Surveillance of tenants.", **extra}
    return client.post(f"{BASE}requests/{request.pk}/conclude/", data)


def test_escalating_without_a_leverage_plan_is_refused(owner_client, customer_request):
    response = _conclude(owner_client, customer_request)
    page = response.content.decode()
    assert response.status_code == 400
    assert "conditions that must be met before anything is supplied" in page
    assert "Record at least one leverage action" in page
    customer_request.refresh_from_db()
    assert customer_request.conclusion == "" and customer_request.status == "submitted"


def test_escalating_with_conditions_and_a_leverage_action_is_recorded(
    owner_client, customer_request, org
):
    LeverageAction.objects.create(
        organisation=org,
        counterparty=customer_request.counterparty,
        kind="lev-bilateral",
        description="Offer training on rights-respecting eligibility checks.",
        taken_on=dt.date(2026, 3, 1),
    )
    conditions = "Their own impact assessment, and no use for eviction decisions."
    response = _conclude(owner_client, customer_request, supply_conditions=conditions)
    assert response.status_code == 302
    customer_request.refresh_from_db()
    assert customer_request.conclusion == "escalate"
    assert customer_request.supply_conditions == conditions
    page = owner_client.get(f"{BASE}requests/{customer_request.pk}/").content.decode()
    assert conditions in page


def test_proceeding_needs_no_leverage_plan(owner_client, customer_request):
    response = _conclude(owner_client, customer_request, conclusion="proceed")
    assert response.status_code == 302
