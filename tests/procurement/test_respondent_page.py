"""The external respondent's page at /r/<token>/: no account, one questionnaire, nothing else."""

import pytest
from django.test import Client

from rightslens.procurement.models import Counterparty, QuestionnaireRequest
from rightslens.procurement.request_services import request_send

from .test_questionnaire_link import CLEAN


@pytest.fixture
def links(org, owner):
    mine = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    other = Counterparty.objects.create(organisation=org, name="Secret Other Vendor", kind="vendor")
    _, raw = request_send(counterparty=mine, user=owner, questionnaire_id="qn-vendor-dd")
    other_request, _ = request_send(counterparty=other, user=owner, questionnaire_id="qn-kyc")
    QuestionnaireRequest.objects.filter(pk=other_request.pk).update(
        answers={"q-kyc-use": "CONFIDENTIAL-USE"}
    )
    return raw


def post_answers(client, raw, answers, **extra):
    data = {f"a-{k}": v for k, v in answers.items()}
    data.update(extra)
    return client.post(f"/r/{raw}/", data)


def test_a_respondent_sees_only_their_own_questionnaire(links):
    response = Client().get(f"/r/{links}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "HireRank Ltd" in body and "Vendor human rights due diligence" in body
    assert "Secret Other Vendor" not in body and "CONFIDENTIAL-USE" not in body
    assert "Know your customer" not in body
    assert "/o/acme/" not in body  # no link into the buyer's workspace


def test_a_respondent_submits_once_without_an_account(links):
    client = Client()
    response = post_answers(client, links, CLEAN)
    assert response.status_code == 200 and "answers were received" in response.content.decode()
    again = client.get(f"/r/{links}/")
    assert again.status_code == 410 and "already been used" in again.content.decode()


def test_a_posted_score_is_refused_with_a_clear_message(links):
    response = post_answers(Client(), links, CLEAN, score="100")
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert QuestionnaireRequest.objects.get(counterparty__name="HireRank Ltd").status == "sent"


def test_an_unknown_link_is_refused(db):
    response = Client().get("/r/not-a-real-token/")
    assert response.status_code == 410
    assert "not valid" in response.content.decode()
