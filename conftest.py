"""Shared personas and the real-browser harness for the whole suite.

Personas (healthchecks style): `owner`, `assessor`, `viewer` belong to `org`; `outsider` owns a
different organisation (`other_org`) and must never see anything of `org`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from rightslens.accounts.models import Membership, Organisation, Role

PASSWORD = "a-long-test-password"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Unit tests read meaning through the deterministic fake; tests marked `real_model` build the
# offline model themselves.
os.environ.setdefault("RIGHTSLENS_ENCODER", "hashing-fake")


def make_member(org: Organisation, email: str, role: str, *, officer: bool = False) -> Any:
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=role, is_grievance_officer=officer)
    return user


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters live in the cache: no test inherits another's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _site_language_after_each_test() -> Iterator[None]:
    """A request in another language leaves that language active in the thread (LocaleMiddleware
    does not switch back), so every test ends by restoring the site's language: a French or Arabic
    page in one test must not turn a later test's English messages into French or Arabic."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def org(db: Any) -> Organisation:
    return Organisation.objects.create(name="Acme AI", slug="acme")


@pytest.fixture
def other_org(db: Any) -> Organisation:
    return Organisation.objects.create(name="Other Org", slug="other")


@pytest.fixture
def owner(org: Organisation) -> Any:
    return make_member(org, "owner@acme.test", Role.OWNER, officer=True)


@pytest.fixture
def assessor(org: Organisation) -> Any:
    return make_member(org, "assessor@acme.test", Role.ASSESSOR)


@pytest.fixture
def contributor(org: Organisation) -> Any:
    return make_member(org, "contributor@acme.test", Role.CONTRIBUTOR)


@pytest.fixture
def viewer(org: Organisation) -> Any:
    return make_member(org, "viewer@acme.test", Role.VIEWER)


@pytest.fixture
def outsider(other_org: Organisation) -> Any:
    return make_member(other_org, "outsider@other.test", Role.OWNER, officer=True)


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def owner_client(owner: Any) -> Client:
    return client_for(owner)


@pytest.fixture
def assessor_client(assessor: Any) -> Client:
    return client_for(assessor)


@pytest.fixture
def viewer_client(viewer: Any) -> Client:
    return client_for(viewer)


@pytest.fixture
def outsider_client(outsider: Any) -> Client:
    return client_for(outsider)


def token_for(user: Any, *, can_write: bool = True) -> str:
    """A token scoped to the user's (first) organisation."""
    from rightslens.api.tokens import token_issue

    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    assert membership is not None, "API tokens belong to an organisation"
    return token_issue(
        user=user, organisation=membership.organisation, name="test", can_write=can_write
    )[1]


def api_headers(user: Any) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}


# ---- Real browser: Playwright driving Debian's chromium (never a downloaded browser) ----


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
        )
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any, live_server: Any) -> Iterator[Any]:
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


def browser_login(page: Any, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def axe_violations(page: Any, *, every_rule: bool = False) -> list[dict[str, Any]]:
    """Run axe-core (from node_modules, served locally) on the page; serious or critical only.

    With `every_rule`, every violation counts, whatever its impact, of the WCAG rules and axe's
    best practices (landmarks, headings, unique labels): what "passes axe" means without a filter.
    Loaded from /static/ like any script: the Content-Security-Policy refuses inline ones."""
    page.wait_for_load_state("load")  # a page still navigating has no document to add to
    if not page.evaluate("typeof axe !== 'undefined'"):  # checked again on the same page: load once
        page.add_script_tag(url="/static/vendor/axe/axe.min.js")
    tags = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] + (["best-practice"] if every_rule else [])
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: tags, resultTypes: ['violations']})",
        tags,
    )
    if every_rule:
        return list(result["violations"])
    return [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]


@pytest.fixture(scope="session")
def red_line_items() -> list[Any]:
    """The shipped red lines and their elements, loaded once (items are frozen): for the
    screening tests of the core."""
    from pathlib import Path

    from rightslens.core.knowledge import load_directory

    kb = load_directory(Path(__file__).resolve().parent / "rightslens" / "knowledge")
    return [i for i in kb.items.values() if i.type in ("red_line", "red_line_element")]


@pytest.fixture(scope="module")
def items(red_line_items: list[Any]) -> list[Any]:
    """The red lines under the name the core's screening tests give them (a test module may
    define its own `items`, which then stands)."""
    return red_line_items
