"""A newcomer searches the public hub for "remedy", then follows a principle to a right to a risk example."""

import pytest

from conftest import axe_violations
from rightslens.common.knowledge import knowledge


def principle_right_category_example():
    """A chain that exists in the shipped knowledge: principle -> right -> risk category -> risk example."""
    kb = knowledge()
    for principle in sorted(kb.by_type("principle"), key=lambda p: p.get("number")):
        for right_id in principle.get("right_refs") or []:
            for category in kb.linked_from(right_id):
                examples = [i for i in kb.linked_from(category.id) if i.type == "risk_example"]
                if category.type == "risk_category" and examples:
                    return principle, kb.get(right_id), category, examples[0]
    pytest.fail("No principle links to a right that a risk category with examples cites")


@pytest.mark.browser
def test_a_visitor_searches_for_remedy_and_walks_from_a_principle_to_a_risk_example(page, db):
    principle, right, category, example = principle_right_category_example()

    page.goto("/hub/")
    page.get_by_label("Search the knowledge hub").fill("remedy")
    page.get_by_role("button", name="Search").click()
    assert page.locator("h2").first.inner_text().endswith("for “remedy”")
    results = page.locator("ol.hub-results > li")
    assert results.count() > 0
    assert "remedy" in results.first.inner_text().lower()
    assert axe_violations(page) == []

    page.goto("/hub/types/principle/")
    page.click(f'a[href="/hub/items/{principle.id}/"]')
    assert page.locator("h1").inner_text() == principle.title
    assert page.locator("ul.citations li").count() >= 1

    page.click(f'dl.fields a[href="/hub/items/{right.id}/"]')
    assert page.locator("h1").inner_text() == right.title

    page.click(f'a[href="/hub/items/{category.id}/"]')
    assert page.locator("h1").inner_text() == category.title

    page.click(f'a[href="/hub/items/{example.id}/"]')
    assert page.locator("h1").inner_text() == example.title
    assert page.get_by_role("heading", name="Sources").is_visible()
    assert axe_violations(page) == []
