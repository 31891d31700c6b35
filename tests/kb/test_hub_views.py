"""The public knowledge hub: browse, item pages with citations and links both ways, search, roles."""

import pytest
from django.test import Client

from rightslens.common import knowledge as knowledge_access
from rightslens.core.knowledge import load_directory
from tests.kb.library_fixtures import write_fixture_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture_kb(tmp_path):
    knowledge_access.use_knowledge(load_directory(write_fixture_set(tmp_path)))
    yield
    knowledge_access.use_knowledge(None)


def page(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_hub_is_public_and_lists_libraries_types_and_roles(fixture_kb):
    html = page("/hub/")
    assert "Fixture library fx-rights" in html and 'href="/hub/libraries/fx-rights/"' in html
    assert 'href="/hub/types/risk_example/"' in html
    assert 'href="/hub/roles/state/"' in html
    assert "/accounts/login" not in Client().get("/hub/").get("Location", "")


def test_a_library_page_lists_its_sources_and_items(fixture_kb):
    html = page("/hub/libraries/fx-rights/")
    assert "Test source document" in html and 'href="/hub/items/fx-right-privacy/"' in html


def test_a_type_page_lists_items_of_that_type_only(fixture_kb):
    html = page("/hub/types/right/")
    assert "Right to privacy" in html and "Freedom of expression" in html
    assert 'href="/hub/items/fx-treaty/"' not in html  # the instrument only heads the group


def test_an_item_page_shows_fields_citations_and_links_in_both_directions(fixture_kb):
    html = page("/hub/items/fx-right-privacy/")
    assert "No one may be subjected to arbitrary interference" in html
    assert "Art. 17" in html and "https://example.org/source" in html
    assert 'href="/hub/items/fx-treaty/"' in html  # links to its instrument
    linked_from = html.split("<h2>Linked from</h2>")[1]
    for backlink in ("fx-principle", "fx-cat", "fx-right-expression"):
        assert f'href="/hub/items/{backlink}/"' in linked_from


def test_an_unverified_item_shows_the_badge_and_reason(fixture_kb):
    html = page("/hub/items/fx-ex-1/")
    assert "Unverified" in html and "Only reported in the press so far." in html
    assert "Unverified" not in page("/hub/items/fx-cat/").split("<h2>Linked from</h2>")[0]


def test_closed_values_are_shown_as_words(fixture_kb):
    html = page("/hub/items/fx-principle/")
    assert (
        "The corporate responsibility to respect" in html and "corporate_responsibility" not in html
    )


def test_unknown_items_types_libraries_and_roles_are_404(fixture_kb):
    for url in (
        "/hub/items/nope/",
        "/hub/types/gadget/",
        "/hub/libraries/nope/",
        "/hub/roles/astronaut/",
    ):
        assert Client().get(url).status_code == 404, url


def test_search_ranks_title_matches_first_and_says_when_nothing_matches(fixture_kb):
    html = page("/hub/search/?q=privacy")
    results = html.split('class="hub-results"')[1]
    assert results.index("Right to privacy") < results.index(
        "Memorised personal data"
    )  # title hit first
    assert "Nothing matched" in page("/hub/search/?q=zebra")


def test_a_role_page_lists_the_principles_that_ask_something_of_the_role(fixture_kb):
    assert "GP 99: Fixture principle on remedy" in page("/hub/roles/developer/")
    assert "GP 99: Fixture principle on remedy" not in page("/hub/roles/state/")


# ---- Against the knowledge actually shipped ----


@pytest.fixture
def shipped_kb():
    knowledge_access.use_knowledge(None)
    yield knowledge_access.knowledge()
    knowledge_access.use_knowledge(None)


def test_search_for_remedy_finds_the_remedy_forms(shipped_kb):
    html = page("/hub/search/?q=remedy")
    assert 'href="/hub/items/remedy-restitution/"' in html and 'href="/hub/items/ungp-25/"' in html


@pytest.mark.parametrize("role", ["developer", "deployer", "buyer", "state"])
def test_every_role_page_names_principles_for_that_role(shipped_kb, role):
    expected = [p for p in shipped_kb.by_type("principle") if role in p.get("asks_of")]
    html = page(f"/hub/roles/{role}/")
    assert expected, role
    assert all(f'href="/hub/items/{p.id}/"' in html for p in expected)


def test_every_shipped_item_page_renders(shipped_kb):
    client = Client()
    for item_id in list(shipped_kb.items)[::7]:  # a spread of items of every library
        assert client.get(f"/hub/items/{item_id}/").status_code == 200, item_id


def test_the_unverified_page_lists_each_unverified_item_with_its_reason(fixture_kb):
    html = page("/hub/unverified/")
    assert 'href="/hub/items/fx-ex-1/"' in html and "Only reported in the press so far." in html
    assert 'href="/hub/items/fx-cat/"' not in html


def test_long_lists_are_grouped_under_readable_headings(fixture_kb):
    html = page("/hub/types/risk_example/")
    assert "<h2>Fixture privacy risks</h2>" in html
    assert html.index("<h2>Fixture privacy risks</h2>") < html.index("Memorised personal data")


def test_the_shipped_principles_are_grouped_by_pillar_in_number_order(shipped_kb):
    html = page("/hub/types/principle/")
    headings = [
        "The State duty to protect",
        "The corporate responsibility to respect",
        "Access to remedy",
    ]
    positions = [html.index(f"<h2>{h}</h2>") for h in headings]
    assert positions == sorted(positions)
    assert (
        html.index('href="/hub/items/ungp-2/"')
        < html.index('href="/hub/items/ungp-10/"')
        < positions[1]
    )


def test_a_right_page_leads_on_to_risk_examples_through_its_categories(fixture_kb):
    html = page("/hub/items/fx-right-privacy/")
    further = html.split("GenAI risk examples that put this right at stake")[1]
    assert 'href="/hub/items/fx-ex-1/"' in further
    assert "GenAI risk examples that put this right at stake" not in page(
        "/hub/items/fx-right-expression/"
    )


def test_a_principle_page_leads_on_to_crosswalks_through_due_diligence_steps(shipped_kb):
    step = next(s for s in shipped_kb.by_type("dd_step") if shipped_kb.linked_from(s.id))
    principle_id = step.get("principle_refs")[0]
    crosswalks = [i for i in shipped_kb.linked_from(step.id) if i.type == "crosswalk_link"]
    html = page(f"/hub/items/{principle_id}/")
    further = html.split("How other frameworks match this principle")[1]
    assert crosswalks and all(f'href="/hub/items/{c.id}/"' in further for c in crosswalks)
