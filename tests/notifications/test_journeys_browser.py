"""Browser journeys with several real users: review and independent approval, a grievance officer
told of a new grievance who acknowledges it within the target, and a vendor's answers reaching the buyer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from conftest import browser_login, make_member
from rightslens.accounts.models import Membership, Role
from rightslens.assessments.models import Assessment
from rightslens.grievances.models import Grievance
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.procurement.models import Counterparty, QuestionnaireRequest
from tests.cycle.test_signoff import _complete

pytestmark = pytest.mark.browser


def _new_page(chromium: Any, live_server: Any) -> Any:
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15000)
    return context.new_page()


def _severe_assessment(org: Any, author: Any) -> Assessment:
    system = AISystem.objects.create(
        organisation=org,
        name="Lumen Chat",
        purpose="Multilingual chat assistant",
        value_chain_roles=["developer"],
        lifecycle_stage="deploy",
        kind="generative_application",
        countries=["KE"],
        languages=["en", "sw"],
    )
    AffectedGroup.objects.create(organisation=org, system=system, name="Swahili speakers")
    assessment = Assessment.objects.create(
        organisation=org,
        system=system,
        title="Market entry: Kenya",
        kind="rapid",
        created_by=author,
    )
    _complete(assessment, author)
    return assessment


def _open_inbox_item(page: Any, text: str) -> None:
    page.get_by_role("link", name=re.compile("Inbox")).click()
    page.get_by_role("button", name=re.compile(re.escape(text))).click()
    page.wait_for_load_state()


def test_an_author_asks_a_new_colleague_to_review_and_the_colleague_approves(
    page, chromium, live_server, org, owner
):
    author = make_member(org, "author@acme.test", Role.ASSESSOR)
    assessment = _severe_assessment(org, author)
    # The owner invites a colleague, who joins through the emailed link and sets a password.
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/people/")
    page.fill("#invite-email", "colleague@acme.test")
    page.select_option("#invite-role", "owner")
    page.click("text=Send invitation")
    link = re.search(r"/accounts/invitation/[^/\s]+/", mail.outbox[-1].body).group(0)
    colleague = _new_page(chromium, live_server)
    colleague.goto(link)
    colleague.fill("#id_name", "Chidi Colleague")
    colleague.fill("#id_password", "a-quite-long-passphrase")
    colleague.get_by_role("button", name="Join").click()
    colleague.wait_for_url("**/o/acme/")
    assert colleague.url.endswith("/o/acme/")

    # The author sends it for review, asks the colleague, and cannot approve it alone.
    writer = _new_page(chromium, live_server)
    browser_login(writer, "author@acme.test")
    writer.goto(f"/o/acme/assessments/{assessment.pk}/review/")
    writer.click("text=Send for review")
    writer.fill("#id_email", "colleague@acme.test")
    writer.click("text=Add reviewer")
    writer.click("text=Approve and freeze")
    assert "not its author" in writer.locator("main").inner_text()

    # The colleague is told, opens the request from the inbox, reviews and approves.
    colleague.reload()
    assert "1 unread" in colleague.locator("header").inner_html()
    _open_inbox_item(colleague, "Review requested: Market entry: Kenya")
    assert colleague.url.endswith(f"/o/acme/assessments/{assessment.pk}/review/")
    colleague.select_option("#id_decision", "approve")
    colleague.click("text=Record my review")
    colleague.click("text=Approve and freeze")
    assert "The content is frozen" in colleague.locator("main").inner_text()
    assessment.refresh_from_db()
    approver = Membership.objects.get(user__email="colleague@acme.test")
    assert assessment.status == "approved" and assessment.approved_by == approver.user
    writer.context.close()
    colleague.context.close()


def test_an_officer_is_told_of_a_new_grievance_and_acknowledges_it_within_the_target(
    page, chromium, live_server, org, owner, settings
):
    settings.GRIEVANCE_MIN_FILL_SECONDS = 0
    make_member(org, "officer@acme.test", Role.CONTRIBUTOR, officer=True)
    page.goto("/g/acme/")
    page.get_by_label("What happened?").fill("The chatbot refused to answer me in Swahili.")
    page.get_by_label("Name").fill("Wanjiru Secretname")
    page.click("text=Send my grievance")
    grievance = Grievance.objects.get(organisation=org)

    officer = _new_page(chromium, live_server)
    browser_login(officer, "officer@acme.test")
    inbox_text = officer.goto("/o/acme/inbox/") and officer.locator("main").inner_text()
    assert f"New grievance received: case #{grievance.pk}" in inbox_text
    assert "Swahili" not in inbox_text and "Wanjiru" not in inbox_text
    officer.get_by_role("button", name=re.compile("New grievance received")).click()
    officer.select_option("#id_to_state", "acknowledged")
    officer.get_by_role("button", name="Move", exact=True).click()
    officer.wait_for_load_state()
    assert officer.locator("#case-state").inner_text() == "Acknowledged"
    grievance.refresh_from_db()
    assert (grievance.acknowledged_at - grievance.received_at).days < 5  # the published target
    told = " ".join(m.subject + m.body for m in mail.outbox)
    assert "Wanjiru" not in told and "Swahili" not in told
    officer.context.close()


def test_a_vendors_answers_notify_the_buyer(page, chromium, live_server, org, owner):
    make_member(org, "buyer@acme.test", Role.ASSESSOR)
    vendor = Counterparty.objects.create(organisation=org, name="TalentSift Ltd", kind="vendor")
    browser_login(page, "buyer@acme.test")
    page.goto(f"/o/acme/procurement/counterparties/{vendor.pk}/")
    page.select_option("#id_questionnaire_id", "qn-vendor-dd")
    page.click("text=Create a questionnaire link")
    link = page.input_value("#new-link")

    respondent = chromium.new_context(locale="en-GB").new_page()
    respondent.goto(link)
    respondent.check('input[name="a-q-vendor-policy"][value="yes"]')
    respondent.fill("#a-q-vendor-policy-link", "https://talentsift.example/human-rights")
    respondent.check('input[name="a-q-vendor-emotion"][value="no"]')
    respondent.click("text=Submit answers")
    assert "answers were received" in respondent.locator("h1").inner_text()
    respondent.context.close()

    page.goto("/o/acme/")
    assert "1 unread" in page.locator("header").inner_html()
    _open_inbox_item(page, "TalentSift Ltd answered the questionnaire")
    request = QuestionnaireRequest.objects.get()
    assert page.url.endswith(f"/o/acme/procurement/requests/{request.pk}/")
    assert [m.to for m in mail.outbox] == [["buyer@acme.test"]]


def test_the_people_inbox_preferences_and_tasks_pages_pass_the_accessibility_check(
    page, org, owner
):
    from conftest import axe_violations

    make_member(org, "assessor@acme.test", Role.ASSESSOR)
    browser_login(page, "owner@acme.test")
    for path in (
        "/o/acme/people/",
        "/o/acme/inbox/",
        "/o/acme/inbox/preferences/",
        "/o/acme/tasks/",
    ):
        page.goto(path)
        assert axe_violations(page) == [], path
