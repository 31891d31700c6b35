import pytest

from conftest import axe_violations, browser_login
from rightslens.assessments.models import Assessment
from rightslens.assessments.testing import make_impact
from rightslens.inventory.testing import make_system


@pytest.mark.browser
def test_a_lead_adds_a_system_assesses_it_and_finds_the_impact_above_a_less_severe_one(
    page, org, owner
):
    older = Assessment.objects.create(
        organisation=org, system=make_system(org, "Older system"), title="Older"
    )
    make_impact(
        older,
        title="Widespread but remediable",
        scale=3,
        scope=3,
        irremediability=2,
        scale_rationale="x",
        scope_rationale="x",
        likelihood=5,
    )
    browser_login(page, "owner@acme.test")

    page.goto("/o/acme/systems/new/")
    page.fill("#id_name", "Lumen Chat")
    page.fill("#id_purpose", "Multilingual assistant")
    page.check("input[name=value_chain_roles][value=developer]")
    page.select_option("#id_lifecycle_stage", "deploy")
    page.select_option("#id_kind", "foundation_model")
    page.fill("#id_countries", "KE, BR, ID")
    page.fill("#id_languages", "en, sw, pt, id")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Lumen Chat"

    page.click("text=Assess this system")
    page.select_option("#id_trigger", "market_entry")
    page.click("button[type=submit]")
    page.click("text=Record an impact")
    assert axe_violations(page) == []
    page.fill("#id_title", "Self-harm content shown to teenagers")
    page.select_option("#id_risk_category", "cat-child")
    # The rights picker shows the category's rights first; the right to life is among all rights.
    page.click("text=Show all")
    page.check("input[name=rights][value=udhr-3]")
    page.select_option("#id_scale", "4")
    page.fill("#id_scale_rationale", "Loss of life cannot be outweighed.")
    page.select_option("#id_scope", "2")
    page.select_option("#id_irremediability", "4")
    page.fill("#id_irremediability_rationale", "Cannot be undone.")
    page.select_option("#id_likelihood", "1")
    page.check("input[name=involvement][value=cause]")
    page.fill("#id_involvement_rationale", "Our model generates it.")
    page.click("button[type=submit]")
    assert "Impact recorded" in page.content()

    page.goto("/o/acme/register/")
    titles = page.locator("table.register tbody tr td:nth-child(2) a").all_inner_texts()
    assert titles == ["Self-harm content shown to teenagers", "Widespread but remediable"]
