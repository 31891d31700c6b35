"""Real-browser journeys: a buyer sends a questionnaire, the vendor answers through the link without
an account, the buyer concludes; an emotion-recognition use is stopped until the senior role decides."""

import pytest

from conftest import axe_violations, browser_login
from rightslens.procurement.models import Counterparty, QuestionnaireRequest, RedLineScreening


@pytest.mark.browser
def test_a_buyer_sends_a_questionnaire_the_vendor_answers_and_the_buyer_concludes(
    page, chromium, live_server, org, owner
):
    vendor = Counterparty.objects.create(organisation=org, name="TalentSift Ltd", kind="vendor")
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/procurement/counterparties/{vendor.pk}/")
    page.select_option("#id_questionnaire_id", "qn-vendor-dd")
    page.click("text=Create a questionnaire link")
    link = page.input_value("#new-link")
    assert "/r/" in link

    respondent = chromium.new_context(locale="en-GB").new_page()
    respondent.goto(link)
    assert respondent.locator("h1").inner_text() == "Vendor human rights due diligence"
    assert respondent.locator("#a-q-vendor-policy-link").is_hidden()
    respondent.check('input[name="a-q-vendor-policy"][value="yes"]')
    respondent.fill("#a-q-vendor-policy-link", "https://talentsift.example/human-rights")
    respondent.check('input[name="a-q-vendor-emotion"][value="no"]')
    respondent.check('input[name="a-q-vendor-grievance"][value="yes"]')
    assert axe_violations(respondent) == []
    respondent.click("text=Submit answers")
    assert "answers were received" in respondent.locator("h1").inner_text()
    respondent.context.close()

    request = QuestionnaireRequest.objects.get()
    assert request.answers["q-vendor-policy-link"] == "https://talentsift.example/human-rights"
    page.goto(f"/o/acme/procurement/requests/{request.pk}/")
    assert "Essential questions not answered" in page.content()
    assert "Audits: Will you give us" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.check('input[name="conclusion"][value="proceed_with_conditions"]')
    page.fill("#id_conclusion_reasons", "Per-language test results due within 90 days.")
    page.click("text=Record conclusion")
    assert "Proceed with conditions" in page.locator("main").inner_text()
    request.refresh_from_db()
    assert request.conclusion == "proceed_with_conditions"


@pytest.mark.browser
def test_an_emotion_recognition_use_is_stopped_until_a_decision_is_recorded(page, org, owner):
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/procurement/screenings/new/")
    assert axe_violations(page) == []
    page.fill(
        "#id_use_case_text", "Score job interviews with emotion recognition of candidates' faces."
    )
    page.click("button:has-text('Screen')")
    assert "Stopped" in page.locator("[role=alert]").first.inner_text()
    assert "Prohibited by law in: EU AI Act" in page.locator("main").inner_text()
    assert RedLineScreening.objects.get().blocks
    page.check('input[name="decision"][value="stop"]')
    assert axe_violations(page) == []
    page.fill("#id_decision_reasons", "Prohibited in the EU; we will not procure this module.")
    page.click("text=Record the decision")
    assert "Stop: we will not" in page.locator("main").inner_text()
    assert not RedLineScreening.objects.get().blocks


@pytest.mark.browser
def test_the_procurement_forms_pass_the_accessibility_check(page, org, owner):
    vendor = Counterparty.objects.create(organisation=org, name="TalentSift Ltd", kind="vendor")
    browser_login(page, "owner@acme.test")
    failures = {}
    for path in (
        f"/o/acme/procurement/counterparties/{vendor.pk}/",
        "/o/acme/procurement/counterparties/new/",
        "/o/acme/procurement/procurements/new/",
        "/o/acme/procurement/business-models/new/",
    ):
        page.goto(path)
        found = [v["id"] for v in axe_violations(page)]
        if found:
            failures[path] = found
    assert failures == {}
