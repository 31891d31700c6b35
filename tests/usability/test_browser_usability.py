"""In a real browser: the rights picker searches and puts the chosen category's rights first."""

from __future__ import annotations

import pytest

from conftest import axe_violations, browser_login
from rightslens.assessments.models import Assessment
from rightslens.inventory.testing import make_system


@pytest.mark.browser
def test_the_rights_picker_searches_and_suggests_the_category_rights(page, org, owner):
    system = make_system(org, "Lumen Chat")
    assessment = Assessment.objects.create(organisation=org, system=system, title="Entry")
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/assessments/{assessment.pk}/impacts/new/")
    boxes = page.locator("#id_rights input[type=checkbox]")
    total = boxes.count()
    assert total > 50
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"record-impact form height with the picker: {height}px")
    assert page.locator("#id_rights .right-option:not([hidden])").count() == 0  # until asked
    page.fill("#id_rights-search", "privacy")
    visible = page.locator("#id_rights .right-option:not([hidden])")
    assert 0 < visible.count() < total
    assert all("privacy" in t.lower() for t in visible.all_inner_texts())
    page.fill("#id_rights-search", "")
    options = page.locator("#id_risk_category option")
    page.select_option("#id_risk_category", options.nth(1).get_attribute("value"))
    suggested = page.locator(".suggested-rights .right-option")
    assert suggested.count() > 0 and page.locator(".suggested-rights").is_visible()
    suggested.first.locator("input").check()
    page.click("text=Show all")
    assert page.locator("#id_rights .right-option:not([hidden])").count() == total
    assert not axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 800})
    assert not axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.browser
def test_after_choosing_a_category_a_search_still_finds_rights_outside_it(page, org, owner):
    """Seen at a merge: with a category chosen, typing "life" did not reveal the right to life."""
    system = make_system(org, "Lumen Chat")
    assessment = Assessment.objects.create(organisation=org, system=system, title="Entry")
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/assessments/{assessment.pk}/impacts/new/")
    page.select_option("#id_risk_category", "cat-child")
    assert page.locator(".suggested-rights .right-option").count() > 0
    life = page.locator("#id_rights .right-option", has=page.locator("input[value=udhr-3]"))
    assert not life.is_visible()
    page.fill("#id_rights-search", "life")
    assert life.is_visible()
    page.check("input[name=rights][value=udhr-3]")
    page.fill("#id_rights-search", "")
    assert life.is_visible()  # a ticked right stays in view


@pytest.mark.browser
def test_the_guided_identify_page_uses_the_rights_picker_too(page, org, owner):
    system = make_system(org, "Lumen Chat")
    assessment = Assessment.objects.create(organisation=org, system=system, title="Entry")
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/assessments/{assessment.pk}/identify/?risk_category=cat-child#record")
    boxes = page.locator("#id_rights input[type=checkbox]")
    total = boxes.count()
    assert total > 50
    visible = page.locator("#id_rights .right-option:not([hidden])")
    # The category's rights come pre-ticked and first; the rest wait for a search or "Show all".
    assert 0 < visible.count() < total
    assert page.locator(".suggested-rights").is_visible()
    page.fill("#id_rights-search", "life")
    life = page.locator("#id_rights .right-option", has=page.locator("input[value=udhr-3]"))
    assert life.is_visible()
    page.fill("#id_rights-search", "")
    page.click("text=Show all")
    assert visible.count() == total
    assert not axe_violations(page)
