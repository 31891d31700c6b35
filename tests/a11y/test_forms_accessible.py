"""axe-core on the pages people fill in (STYLE.md), on the demo organisation's real content.

Two browser tests: one walks every fill-in page as it first appears, the other submits a few forms
empty and checks the error state (the page still passes axe and every error is tied to its field).
The public grievance pages /g/ have their own checks in tests/grievances/test_browser.py.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from conftest import axe_violations, browser_login
from rightslens.accounts.management.commands.load_demo import (
    DEMO_EMAIL,
    DEMO_PASSWORD,
    ensure_demo_org,
)
from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Action, Assessment, Impact
from rightslens.engagement.models import EngagementEvent, Stakeholder
from rightslens.grievances.models import Grievance
from rightslens.inventory.models import AISystem
from rightslens.procurement import request_services
from rightslens.procurement.demo import VENDOR_ANSWERS
from rightslens.procurement.models import (
    Counterparty,
    Procurement,
    QuestionnaireRequest,
    RedLineScreening,
)

# Only the finished areas' demo content: the pages checked here need nothing more.
DEMO_MODULES = [
    "rightslens.assessments.demo",
    "rightslens.engagement.demo",
    "rightslens.grievances.demo",
    "rightslens.procurement.demo",
]
PUBLIC_PAGES = ["/accounts/login/", "/accounts/signup/"]


def load_demo_content() -> tuple[Any, Organisation]:
    user, org, created = ensure_demo_org()
    if created:
        for name in DEMO_MODULES:
            importlib.import_module(name).load(org, user)
    return user, org


def fill_in_pages(org: Organisation, user: Any) -> list[str]:
    o = f"/o/{org.slug}"
    system = AISystem.objects.filter(organisation=org).first()
    assessment = Assessment.objects.filter(organisation=org).first()
    impact = Impact.objects.filter(organisation=org).first()
    action = Action.objects.filter(organisation=org).first()
    vendor = Counterparty.objects.filter(organisation=org).first()
    screening = RedLineScreening.objects.filter(organisation=org).first()
    answered = QuestionnaireRequest.objects.filter(organisation=org).first()
    stakeholder = Stakeholder.objects.filter(organisation=org).first()
    event = EngagementEvent.objects.filter(organisation=org).first()
    grievance = Grievance.objects.filter(organisation=org).first()
    assert all([system, assessment, impact, action, vendor, screening, answered])
    assert all([stakeholder, event, grievance])
    to_review, review_token = request_services.request_send(
        counterparty=vendor, user=user, questionnaire_id="qn-vendor-dd"
    )
    request_services.request_submit(raw_token=review_token, answers=VENDOR_ANSWERS, files={})
    _unanswered, raw_token = request_services.request_send(
        counterparty=vendor, user=user, questionnaire_id="qn-vendor-dd"
    )
    return [
        f"{o}/tokens/",
        f"{o}/systems/new/",
        f"{o}/systems/{system.pk}/edit/",
        f"{o}/systems/{system.pk}/groups/new/",
        f"{o}/systems/{system.pk}/components/new/",
        f"{o}/systems/{system.pk}/assessments/new/",
        f"{o}/assessments/{assessment.pk}/impacts/new/",
        f"{o}/impacts/{impact.pk}/edit/",
        f"{o}/impacts/{impact.pk}/actions/new/",
        f"{o}/actions/{action.pk}/edit/",
        f"{o}/register/",
        f"{o}/procurement/screenings/new/",
        f"{o}/procurement/screenings/{screening.pk}/",
        f"{o}/procurement/counterparties/new/",
        f"{o}/procurement/counterparties/{vendor.pk}/",
        f"{o}/procurement/counterparties/{vendor.pk}/edit/",
        f"{o}/procurement/requests/{answered.pk}/",
        f"{o}/procurement/requests/{to_review.pk}/",
        f"{o}/procurement/procurements/{Procurement.objects.get(organisation=org).pk}/",
        f"{o}/assessments/{assessment.pk}/review/",
        f"/r/{raw_token}/",
        f"{o}/engagement/stakeholders/new/",
        f"{o}/engagement/stakeholders/{stakeholder.pk}/",
        f"{o}/engagement/events/new/",
        f"{o}/engagement/events/{event.pk}/",
        f"{o}/grievances/",
        f"{o}/grievances/{grievance.pk}/",
        f"{o}/grievances/targets/",
        f"{o}/grievances/gp31/",
    ]


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def axe_problems(page: Any, url: str) -> list[str]:
    """Visit url on a desktop and a phone; one line per bad status, serious/critical axe rule,
    or page that makes a phone scroll sideways (WCAG 1.4.10 reflow)."""
    page.set_viewport_size(DESKTOP)
    response = page.goto(url)
    if response is None or response.status != 200:
        return [f"{url}: HTTP {response.status if response else 'no response'}"]
    problems = [f"{url}: {rule_summary(v)}" for v in axe_violations(page)]
    problems += [f"{url}: two fields share the id {i}" for i in shared_field_ids(page)]
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        problems.append(f"{url}: {width}px wide on a {PHONE['width']}px phone")
    problems += [f"{url} (phone): {rule_summary(v)}" for v in axe_violations(page)]
    return problems


def shared_field_ids(page: Any) -> list[str]:
    """Ids that a label or description points at but that more than one element carries:
    the label then names the wrong field (a form shown twice on a page without a prefix)."""
    return page.evaluate(
        """() => {
            const refs = [...document.querySelectorAll('label[for]')].map(l => l.htmlFor)
              .concat([...document.querySelectorAll('[aria-describedby]')]
                .flatMap(e => e.getAttribute('aria-describedby').split(/\\s+/)));
            return [...new Set(refs)].filter(id => id
              && document.querySelectorAll('[id="' + id + '"]').length > 1);
        }"""
    )


def rule_summary(violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    return f"{violation['id']} ({len(nodes)}x, first {nodes[0]['target']})"


def unlinked_errors(page: Any) -> list[str]:
    """Error messages shown for a field that the field itself does not point to."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[aria-invalid=true]')].flatMap(el => {
            const owner = el.closest('fieldset[aria-describedby]') || el;
            const ids = (owner.getAttribute('aria-describedby') || '').split(/\\s+/);
            const linked = ids.some(id => id && document.getElementById(id)
                && document.getElementById(id).matches('.errorlist, .errorlist *'));
            return linked ? [] : [el.id || el.name];
        })"""
    )


@pytest.mark.browser
def test_every_fill_in_page_passes_axe(page, db):
    user, org = load_demo_content()
    problems = []
    for url in PUBLIC_PAGES:
        problems += axe_problems(page, url)
    browser_login(page, DEMO_EMAIL, DEMO_PASSWORD)
    for url in fill_in_pages(org, user):
        problems += axe_problems(page, url)
    assert problems == [], "\n".join(problems)


def empty_submits(org: Organisation) -> list[tuple[str, str]]:
    """(page, button) pairs: forms that must answer an empty submit with errors by the fields."""
    o = f"/o/{org.slug}"
    system = AISystem.objects.filter(organisation=org).first()
    assessment = Assessment.objects.filter(organisation=org).first()
    impact = Impact.objects.filter(organisation=org).first()
    assert system and assessment and impact
    return [
        (f"{o}/systems/new/", "Add system"),
        (f"{o}/systems/{system.pk}/groups/new/", "Add"),
        (f"{o}/systems/{system.pk}/components/new/", "Add"),
        (f"{o}/assessments/{assessment.pk}/impacts/new/", "Record impact"),
        (f"{o}/impacts/{impact.pk}/actions/new/", "Save action"),
        (f"{o}/tokens/", "Create token"),
        (f"{o}/procurement/screenings/new/", "Screen"),
        (f"{o}/procurement/counterparties/new/", "Save"),
        (f"{o}/engagement/stakeholders/new/", "Save"),
        (f"{o}/engagement/events/new/", "Save"),
    ]


def submit_empty(page: Any, url: str, button: str) -> None:
    page.goto(url)
    # Skip the browser's own required-field check so the server's error messages show.
    page.evaluate("document.querySelectorAll('main form').forEach(f => f.noValidate = true)")
    page.evaluate(
        "document.querySelectorAll('main input[type=text], main textarea')"
        ".forEach(f => { f.value = '' })"
    )
    page.locator("main").get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


@pytest.mark.browser
def test_errors_sit_next_to_their_fields_and_pass_axe(page, db):
    user, org = load_demo_content()
    problems = []
    vendor = Counterparty.objects.filter(organisation=org).first()
    _request, raw_token = request_services.request_send(
        counterparty=vendor, user=user, questionnaire_id="qn-vendor-dd"
    )
    page.goto(f"/r/{raw_token}/")
    page.check("input[name=a-q-vendor-hria][value=yes]")  # shows the report upload
    page.set_input_files(
        "#evidence-q-vendor-hria-report",
        files=[{"name": "policy.pdf", "mimeType": "application/pdf", "buffer": b"not a pdf"}],
    )
    page.click("text=Submit answers")
    page.wait_for_load_state()
    if page.locator("#evidence-q-vendor-hria-report[aria-invalid=true]").count() != 1:
        problems.append("respondent page: a bad evidence file did not mark its field")
    problems += [f"respondent: error not linked to {name}" for name in unlinked_errors(page)]
    problems += [f"respondent (errors): {rule_summary(v)}" for v in axe_violations(page)]
    page.goto("/accounts/login/")
    page.fill("#id_username", DEMO_EMAIL)
    page.fill("#id_password", "not-the-password")
    page.click("main button[type=submit]")
    if page.locator("#id_password[aria-invalid=true]").count() != 1:
        problems.append("login: a wrong password did not mark the fields")
    problems += [f"login (errors): {rule_summary(v)}" for v in axe_violations(page)]
    problems += [f"login: error not linked to {name}" for name in unlinked_errors(page)]
    browser_login(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    grievance = Grievance.objects.filter(organisation=org).first()
    page.goto(f"/o/{org.slug}/grievances/gp31/")
    page.locator("select[name=rating]").first.select_option("met")
    page.locator("main form").first.get_by_role("button", name="Save").click()
    problems += [f"gp31: error not linked to {name}" for name in unlinked_errors(page)]
    if page.locator("textarea[aria-invalid=true]").count() != 1:
        problems.append("gp31: 'met' without evidence did not mark the evidence field")
    for url, button in [
        *empty_submits(org),
        (f"/o/{org.slug}/grievances/{grievance.pk}/", "Send message"),
    ]:
        submit_empty(page, url, button)
        if page.locator("[aria-invalid=true]").count() == 0:
            problems.append(f"{url}: an empty form showed no field error")
        problems += [f"{url}: error not linked to {name}" for name in unlinked_errors(page)]
        problems += [f"{url} (errors): {rule_summary(v)}" for v in axe_violations(page)]
    page.goto(f"/o/{org.slug}/grievances/targets/")
    page.locator("main").get_by_role("button", name="Save").click()  # saved: a flash message
    if page.locator(".messages li").count() != 1:
        problems.append("targets: saving showed no confirmation")
    problems += [f"after saving: {rule_summary(v)}" for v in axe_violations(page)]
    assert problems == [], "\n".join(problems)
