"""The main journeys of JOURNEYS.md, walked end to end in a real browser with the shipped knowledge."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import browser_login, make_member
from rightslens.accounts.models import Role
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.common.knowledge import use_knowledge
from rightslens.grievances.models import Grievance
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.inventory.testing import make_system


@pytest.fixture(autouse=True)
def _shipped_knowledge() -> Any:
    use_knowledge(None)  # the real files in rightslens/knowledge, whatever an earlier test served
    yield
    use_knowledge(None)


def _chat_assistant(org: Any) -> AISystem:
    chat = AISystem.objects.create(
        organisation=org,
        name="Lumen Chat",
        purpose="Multilingual chat assistant for the public",
        value_chain_roles=["developer"],
        lifecycle_stage="deploy",
        kind="generative_application",
        countries=["KE", "BR", "ID"],
        languages=["en", "sw", "pt", "id"],
        intended_users="Adults and teenagers (13+)",
    )
    AffectedGroup.objects.create(
        organisation=org,
        system=chat,
        name="Teenagers",
        vulnerable=True,
        vulnerability="vg-children",
    )
    return chat


def _register_titles(page: Any) -> list[str]:
    page.goto("/o/acme/register/")
    return page.locator("table.register tbody tr td:nth-child(2) a").all_inner_texts()


def _move_case(officer: Any, state: str) -> None:
    officer.select_option("#id_to_state", state)
    officer.get_by_role("button", name="Move", exact=True).click()
    officer.wait_for_load_state()


@pytest.mark.browser
def test_journey_1_a_rapid_assessment_for_market_entry_reaches_the_board_brief(page, org, owner):
    chat = _chat_assistant(org)
    older = Assessment.objects.create(organisation=org, system=chat, title="Launch review")
    make_impact(older, title="Outdated answers about opening hours", scale=1, scope=2)
    browser_login(page, "owner@acme.test")

    page.goto("/o/acme/assessments/start/")
    page.select_option("#id_system", str(chat.pk))
    page.select_option("#id_kind", "rapid")
    page.select_option("#id_trigger", "market_entry")
    page.fill("#id_trigger_note", "Launch in Kenya, Brazil and Indonesia next quarter")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Scoping"
    assert page.input_value("#id_scope_languages") == "en, sw, pt, id"
    assert page.get_by_label("Affected groups (who is affected without using it)").count() == 1
    page.fill("#id_safety_tested_languages", "en")
    page.check("input[name=vulnerable_groups][value=vg-children]")
    page.click("text=Save scoping")

    page.goto(page.url.replace("/scoping/", "/identify/"))
    assert (
        "not tested in Swahili, Portuguese, Indonesian"
        in page.locator("p[role=alert]").inner_text()
    )
    for category in ("cat-expression", "cat-privacy", "cat-child"):
        section = page.locator(f"section:has(h2#cat-{category})")
        assert section.locator(".suggestion").count() >= 1, category
        assert section.locator(".suggestion li", has_text="Why:").count() >= 1, category

    expression = page.locator("section:has(h2#cat-cat-expression) .suggestion").first
    expression.get_by_role("link", name="Accept and rate").click()
    page.fill("#id_title", "Over-blocking of legitimate speech in Swahili")
    assert page.is_checked("input[name=rights][value=udhr-19]")  # pre-ticked from the category
    ticked = page.eval_on_selector_all("input[name=rights]:checked", "els => els.map(e => e.value)")
    for right in ticked:
        if right != "udhr-19":  # the assessor unticks the rights that do not apply
            page.uncheck(f"input[name=rights][value={right}]")
    page.select_option("#id_scale", "4")
    page.fill(
        "#id_scale_rationale", "Health and political information withheld from a whole language"
    )
    page.select_option("#id_scope", "3")
    page.fill("#id_scope_rationale", "Every Swahili-speaking user in Kenya")
    page.select_option("#id_irremediability", "2")
    page.select_option("#id_likelihood", "4")
    page.select_option("#id_involvement", "cause")
    page.fill("#id_involvement_rationale", "Our own safety filters block it")
    page.click("text=Record the impact")
    assert "Impact recorded." in page.content()
    impact = Impact.objects.get(title="Over-blocking of legitimate speech in Swahili")
    assert impact.severity_band == 4 and impact.rights == ["udhr-19"]

    page.goto(page.url.split("/identify/")[0] + "/plan/")
    card = page.locator(f"section:has(h2#imp-{impact.pk})")
    assert "Proposed response:" in card.inner_text()
    card.locator("summary").click()
    card.get_by_label("Type of action").select_option("prevent")
    card.get_by_label("Description").fill(
        "Measure refusal and over-blocking rates per language each release"
    )
    card.get_by_role("button", name="Plan the action").click()
    assert impact.actions.filter(description__startswith="Measure refusal").exists()

    page.goto(page.url.split("/plan/")[0] + "/review/")
    page.click("text=Send for review")
    assert "Sent for review." in page.content()
    assert Assessment.objects.get(pk=impact.assessment_id).status == "in_review"

    page.goto("/o/acme/")
    page.click("text=Board brief")
    severe = page.locator("table").first.locator("tbody tr td:first-child").all_inner_texts()
    assert severe[0] == "Over-blocking of legitimate speech in Swahili"


@pytest.mark.browser
def test_journey_4_an_applicant_is_heard_the_register_moves_and_she_rates_the_remedy(
    page, chromium, live_server, org, settings
):
    settings.GRIEVANCE_MIN_FILL_SECONDS = 0
    make_member(org, "officer@acme.test", Role.CONTRIBUTOR, officer=True)
    hiring = Assessment.objects.create(
        organisation=org, system=make_system(org, "CV screening tool"), title="CV tool HRIA"
    )
    rating = {"scale": 3, "scope": 2, "irremediability": 3, "scale_rationale": "x"}
    make_impact(hiring, title="Applicant data kept too long", likelihood=4, **rating)
    equality = make_impact(
        hiring, title="Discrimination against disabled applicants", likelihood=2, **rating
    )
    equality.irremediability_rationale = "x"
    equality.save()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/g/acme/")
    page.select_option("#language", "es")
    page.click("text=Change language")
    page.get_by_label("¿Qué pasó?").fill(
        "La herramienta de selección de CV rechazó mi candidatura por mi discapacidad."
    )
    page.click("text=Enviar mi queja")
    code = page.locator("#receipt-code").inner_text()
    grievance = Grievance.objects.get(organisation=org)
    assert grievance.language == "es" and not grievance.has_identity

    officer = chromium.new_context(base_url=live_server.url, locale="en-GB").new_page()
    browser_login(officer, "officer@acme.test")
    assert _register_titles(officer)[:2] == [
        "Applicant data kept too long",
        "Discrimination against disabled applicants",
    ]
    officer.goto("/o/acme/grievances/")
    officer.click(f"a[href='/o/acme/grievances/{grievance.pk}/']")
    _move_case(officer, "acknowledged")
    assert officer.locator("#case-state").inner_text() == "Acknowledged"
    officer.select_option("#id_impact", str(equality.pk))
    officer.check("#id_mark_actual")
    officer.get_by_role("button", name="Link impact").click()
    assert "marked actual" in officer.locator("#impact-links").inner_text()
    assert _register_titles(officer)[0] == "Discrimination against disabled applicants"

    officer.goto(f"/o/acme/impacts/{equality.pk}/")
    officer.click("text=Grievances linked to this impact")
    assert f"Grievance #{grievance.pk}" in officer.content()

    def record_remedy(form: str, description: str, provider: str, flash: str) -> None:
        officer.select_option("#id_remedy_form", form)
        officer.fill("#id_remedy_description", description)
        officer.fill("#id_remedy_provider", provider)
        officer.get_by_role("button", name="Record remedy").click()
        officer.get_by_text(flash).wait_for()

    officer.goto(f"/o/acme/grievances/{grievance.pk}/")  # investigated with the vendor
    officer.check("#id_rights input[value='crpd-5']")  # the grouped rights catalogue
    officer.get_by_role("button", name="Save triage").click()
    assert "Equality and non-discrimination" in officer.locator("dl.fields").inner_text()
    # Two forms of remedy; the first proposes it to her, with no state moved by hand.
    record_remedy(
        "remedy-restitution",
        "A person reviewed your application again, without the tool's score.",
        "Acme recruitment team",
        "The case moved from Acknowledged to Remedy proposed",
    )
    record_remedy(
        "remedy-non-repetition",
        "We changed the tool's configuration: gaps in employment are no longer scored.",
        "Acme HR technology team, with the vendor",
        "The case stays Remedy proposed",
    )
    remedies = officer.locator("#remedies").inner_text()
    assert "Restitution" in remedies and "Guarantee of non-repetition" in remedies
    assert officer.locator("#case-state").inner_text() == "Remedy proposed"
    officer.context.close()

    page.goto("/g/acme/follow/?lang=es")  # the language travels in the address, not a cookie
    page.get_by_label("Su código de recibo").fill(code)
    page.click("text=Abrir mi queja")
    outcome = page.locator("#remedies").inner_text()
    assert "A person reviewed your application again" in outcome
    assert "gaps in employment are no longer scored" in outcome
    assert "Garantía de no repetición" in outcome
    page.get_by_label("Sí").check()
    page.click("text=Enviar mi opinión")
    grievance.refresh_from_db()
    assert grievance.outcome_helped is True
