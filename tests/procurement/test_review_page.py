"""The buyer's review page names findings by question text and section, never by raw id, and reads
polarity right: "no" to a red-line question is not a weakness."""

import datetime as dt
import re

import pytest

from rightslens.procurement.models import Counterparty, Procurement, QuestionnaireRequest
from rightslens.procurement.request_services import request_send, request_submit

from .test_questionnaire_link import CLEAN

BASE = "/o/acme/procurement/"
EMOTION_TEXT = "Does the system, or any optional module of it, infer the emotions"
POLICY_TEXT = "Has your organisation adopted a public policy commitment"
AUDIT_TEXT = "Will you give us, or an independent auditor we choose"


@pytest.fixture
def vendor(org):
    return Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")


def submitted(vendor, owner, answers):
    request, raw = request_send(counterparty=vendor, user=owner, questionnaire_id="qn-vendor-dd")
    request_submit(raw_token=raw, answers=answers, files={})
    return QuestionnaireRequest.objects.get(pk=request.pk)


def findings_of(page: str) -> str:
    """The findings block, between its heading and the first section heading after it."""
    match = re.search(r"<h2>Findings</h2>(.*?)<h2>", page, re.S)
    assert match, "no findings block"
    return match.group(1)


def test_a_clean_answer_set_shows_no_weakness_for_no_emotion_recognition(
    owner_client, vendor, owner
):
    request = submitted(vendor, owner, CLEAN)
    page = owner_client.get(BASE + f"requests/{request.pk}/").content.decode()
    findings = findings_of(page)
    assert "weak answer" not in findings and EMOTION_TEXT not in findings
    assert "q-vendor-emotion" not in findings and "q-vendor-incidents" not in findings
    assert "All essential questions answered" in findings


def test_weak_essentials_are_named_by_section_and_question_text(owner_client, vendor, owner):
    answers = {**CLEAN, "q-vendor-policy": "no", "q-vendor-policy-link": ""}
    request = submitted(vendor, owner, answers)
    findings = findings_of(owner_client.get(BASE + f"requests/{request.pk}/").content.decode())
    assert "Essential questions with a weak answer" in findings
    assert f"Policy commitment: {POLICY_TEXT}" in findings and "Answered “No”" in findings
    assert "q-vendor-policy" not in findings.replace('href="#item-q-vendor-policy"', "")


def test_missing_essentials_are_listed_by_question_text(owner_client, vendor, owner):
    answers = {k: v for k, v in CLEAN.items() if k != "q-vendor-audit"}
    request = submitted(vendor, owner, answers)
    findings = findings_of(owner_client.get(BASE + f"requests/{request.pk}/").content.decode())
    assert "Essential questions not answered" in findings and f"Audits: {AUDIT_TEXT}" in findings


def test_a_red_line_answer_names_the_question_and_the_red_line(owner_client, vendor, owner):
    request = submitted(vendor, owner, {**CLEAN, "q-vendor-emotion": "yes"})
    findings = findings_of(owner_client.get(BASE + f"requests/{request.pk}/").content.decode())
    assert f"Red-line uses: {EMOTION_TEXT}" in findings
    assert "Emotion recognition at work" in findings  # the red line's title, not its id
    assert "rl-emotion-recognition-work-education" not in findings


def test_a_stored_outcome_from_older_rules_is_shown_with_the_current_rules(
    owner_client, vendor, owner
):
    request = submitted(vendor, owner, CLEAN)
    request.outcome = {**request.outcome, "weak_essentials": ["q-vendor-emotion"]}
    request.save(update_fields=["outcome"])
    findings = findings_of(owner_client.get(BASE + f"requests/{request.pk}/").content.decode())
    assert EMOTION_TEXT not in findings and "q-vendor-emotion" not in findings


def test_a_review_verdict_reads_as_words(owner_client, vendor, owner):
    request = submitted(vendor, owner, CLEAN)
    owner_client.post(
        BASE + f"requests/{request.pk}/review/",
        {"question_id": "q-vendor-data", "verdict": "needs_clarification", "note": "Which?"},
    )
    page = owner_client.get(BASE + f"requests/{request.pk}/").content.decode()
    assert "Your review: Needs clarification — Which?" in page
    assert "needs_clarification</p>" not in page and "Needs_clarification" not in page


def test_the_page_names_the_questionnaire_by_its_title(owner_client, vendor, owner):
    request = submitted(vendor, owner, CLEAN)
    page = owner_client.get(BASE + f"requests/{request.pk}/").content.decode()
    assert "Vendor human rights due diligence" in page


def test_a_non_senior_reviewer_is_told_before_concluding_on_a_red_line(
    assessor_client, vendor, owner
):
    request = submitted(vendor, owner, {**CLEAN, "q-vendor-emotion": "yes"})
    page = assessor_client.get(BASE + f"requests/{request.pk}/").content.decode()
    assert "only the organisation's senior (owner) role can conclude" in page


def test_contract_dates_read_as_words_when_missing(owner_client, org):
    none = Counterparty.objects.create(organisation=org, name="A", kind="vendor")
    start_only = Counterparty.objects.create(
        organisation=org, name="B", kind="vendor", contract_start=dt.date(2026, 2, 10)
    )
    page = owner_client.get(BASE + f"counterparties/{none.pk}/").content.decode()
    assert "No contract dates recorded" in page and "?" not in page.split("Contract</dt>")[1][:80]
    page = owner_client.get(BASE + f"counterparties/{start_only.pk}/").content.decode()
    assert "From 10 Feb 2026 (no end date recorded)" in page


def test_a_procurement_names_its_questionnaire_by_title_not_id(owner_client, org, vendor, owner):
    request = submitted(vendor, owner, CLEAN)
    procurement = Procurement.objects.create(
        organisation=org,
        title="CV screening",
        needs_statement="n",
        use_case_text="u",
        vendor=vendor,
    )
    page = owner_client.get(BASE + f"procurements/{procurement.pk}/").content.decode()
    assert "HireRank Ltd: Vendor human rights due diligence" in page  # the choice offered
    procurement.questionnaire = request
    procurement.save()
    page = owner_client.get(BASE + f"procurements/{procurement.pk}/").content.decode()
    assert "Vendor human rights due diligence (HireRank Ltd)" in page and "qn-vendor-dd" not in page
