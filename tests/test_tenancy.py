"""Every organisation URL and API route keeps organisations apart.

Walks the whole URLconf: every page under /o/<org_slug>/ and every /api/ route with an org_slug.
Object ids come from each app's `rightslens/<app>/testing.py` `tenancy_objects(organisation, user)`,
so new URLs are covered as soon as they exist, and a URL whose id kwarg no testing.py provides
fails here. It proves that:
- an outsider (a member of another organisation) gets 404 on GET and on every write (or the
  405 that a made-up organisation slug gets too: it tells nothing about the organisation);
- a viewer's writes are refused (403, or 404/405), and nothing in the database changes.

API routes must check membership before validating the body (use
`rightslens.api.auth.OrgMemberTokenAuth` on the router) so refusals do not depend on the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import api_headers, client_for, make_member
from rightslens.accounts.models import Organisation, Role
from rightslens.common.discovery import app_modules

KWARG = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Routes where any member, a viewer included, may write something personal (not organisation data):
# a viewer may create their own read-only API token.
PERSONAL_WRITE_ROUTES = {
    "o/<slug:org_slug>/tokens/",
    # a member's own notification choices and read marks
    "o/<slug:org_slug>/inbox/preferences/",
    "o/<slug:org_slug>/inbox/read-all/",
    "o/<slug:org_slug>/saved-filters/",
    "o/<slug:org_slug>/saved-filters/<int:saved_filter_id>/delete/",
}
# Need-to-know reads (like their pages): a viewer gets 403, checked in tests/security.
NEED_TO_KNOW_READS = ("api/grievances/orgs/<org_slug>/grievances/<grievance_id>",)
ALL_METHODS = ("GET", *WRITE_METHODS)


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def _is_org_route(route: str) -> bool:
    return route.startswith("o/<slug:org_slug>/") or (
        route.startswith("api/") and "org_slug" in route
    )


def org_routes() -> list[tuple[str, URLPattern]]:
    seen: dict[str, URLPattern] = {}
    for route, pattern in _walk(get_resolver().url_patterns):
        if _is_org_route(route):
            seen.setdefault(route, pattern)
    return sorted(seen.items())


def _api_methods(pattern: URLPattern) -> set[str]:
    """The methods a ninja route accepts (its PathView sits in the view wrapper's closure)."""
    for cell in getattr(pattern.callback, "__closure__", None) or ():
        operations = getattr(cell.cell_contents, "operations", None)
        if operations:
            return {m.upper() for op in operations for m in op.methods}
    return set(ALL_METHODS)


def _kwarg_names(route: str) -> set[str]:
    """The object-id kwargs (`<int:NAME_id>`) a route needs from the tenancy fixtures."""
    return {m["name"] for m in KWARG.finditer(route) if m["name"].endswith("_id")}


# Kwargs that do not name objects (e.g. a passage's <int:start>) get a plain value of their type.
PLAIN_VALUES = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000000"}


def _url(route: str, org: Organisation, ids: dict[str, int]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name == "org_slug":
            return org.slug
        if name.endswith("_id"):
            return str(ids[name])
        return PLAIN_VALUES.get(match["converter"] or "str", "x")

    return "/" + KWARG.sub(fill, route)


def tenancy_ids(org: Organisation, user: Any) -> dict[str, int]:
    ids: dict[str, int] = {}
    for _label, module in app_modules("testing"):
        for name, value in module.tenancy_objects(org, user).items():
            ids.setdefault(name, value)
    return ids


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("rightslens.") and model._meta.label != "accounts.ApiToken"
    }


def _request(client: Client, method: str, url: str, headers: dict[str, str]) -> int:
    send = getattr(client, method.lower())
    if method == "GET":
        return int(send(url, **headers).status_code)
    return int(
        send(
            url,
            data="{}" if url.startswith("/api/") else {},
            content_type="application/json"
            if url.startswith("/api/")
            else "application/x-www-form-urlencoded",
            **headers,
        ).status_code
    )


@pytest.fixture
def walk(org: Organisation, owner: Any) -> dict[str, Any]:
    ids = tenancy_ids(org, owner)
    routes = [(r, p) for r, p in org_routes() if _kwarg_names(r) <= set(ids)]
    return {"ids": ids, "routes": routes}


def test_it_finds_the_organisation_routes():
    routes = [r for r, _ in org_routes()]
    assert "o/<slug:org_slug>/systems/<int:system_id>/" in routes
    assert any(r.startswith("api/") for r in routes)


def test_every_object_url_kwarg_has_a_tenancy_fixture(org, owner):
    provided = set(tenancy_ids(org, owner))
    missing = {
        r: sorted(_kwarg_names(r) - provided) for r, _ in org_routes() if _kwarg_names(r) - provided
    }
    assert not missing, (
        "These URLs use id kwargs that no rightslens/<app>/testing.py tenancy_objects() provides: "
        f"{missing}"
    )


def test_an_outsider_gets_404_on_every_organisation_route(walk, org, outsider):
    browser = client_for(outsider)
    api, headers = Client(), api_headers(outsider)
    failures = []
    for route, pattern in walk["routes"]:
        url = _url(route, org, walk["ids"])
        is_api = route.startswith("api/")
        methods = sorted(_api_methods(pattern)) if is_api else ["GET", "POST"]
        client, sent_headers = (api, headers) if is_api else (browser, {})
        for method in methods:
            status = _request(client, method, url, sent_headers)
            # A 405 that any slug would get (the route does not take this method) reveals nothing.
            elsewhere = url.replace(f"/{org.slug}/", "/no-such-org/", 1)
            if status == 405 and _request(client, method, elsewhere, sent_headers) == 405:
                continue
            if status != 404:
                failures.append(f"{method} {url} -> {status}")
    assert not failures, "An outsider must get 404:\n" + "\n".join(failures)


def test_a_viewer_cannot_write_anywhere(walk, org):
    viewer = make_member(org, "viewer-walk@acme.test", Role.VIEWER)
    browser = client_for(viewer)
    api, headers = Client(), api_headers(viewer)
    before = _row_counts()
    failures = []
    for route, pattern in walk["routes"]:
        url = _url(route, org, walk["ids"])
        is_api = route.startswith("api/")
        if route in PERSONAL_WRITE_ROUTES:
            continue
        methods = sorted(_api_methods(pattern) & set(WRITE_METHODS)) if is_api else ["POST"]
        for method in methods:
            status = (
                _request(api, method, url, headers)
                if is_api
                else _request(browser, method, url, {})
            )
            if status not in (403, 404, 405):
                failures.append(f"{method} {url} -> {status}")
    assert not failures, "A viewer's writes must be refused (403/404/405):\n" + "\n".join(failures)
    assert _row_counts() == before, "A viewer's refused writes changed the database"


def test_a_viewer_can_read_the_organisation_api(walk, org):
    viewer = make_member(org, "viewer-read@acme.test", Role.VIEWER)
    api, headers = Client(), api_headers(viewer)
    reads = [(r, p) for r, p in walk["routes"] if r.startswith("api/") and "GET" in _api_methods(p)]
    assert reads
    for route, _ in reads:
        url = _url(route, org, walk["ids"])
        expected = 403 if route.endswith(NEED_TO_KNOW_READS) else 200
        assert api.get(url, **headers).status_code == expected, url


def _org_view_methods(callback: Any) -> set[str] | None:
    """The methods an `org_view` gate admits, read from the gate in the view's wrapper chain."""
    view = callback
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "org_view" in code.co_qualname:
            cells = dict(zip(code.co_freevars, view.__closure__ or (), strict=True))
            return set(cells["allowed"].cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


def test_every_organisation_page_goes_through_org_view():
    pages = [(r, p) for r, p in org_routes() if r.startswith("o/")]
    assert len(pages) > 100
    ungated = [r for r, p in pages if _org_view_methods(p.callback) is None]
    assert not ungated, (
        "These org pages do not use rightslens.common.views.org_view:\n" + "\n".join(ungated)
    )


def test_an_outsider_gets_404_not_405_for_a_method_a_page_does_not_take(walk, org, outsider, owner):
    """A POST to a GET-only page and a GET to a POST-only page tell an outsider nothing (404),
    while a member of the organisation is told the method is wrong (405)."""
    outside, member = client_for(outsider), client_for(owner)
    failures, checked = [], {"GET": 0, "POST": 0}
    for route, pattern in walk["routes"]:
        allowed = _org_view_methods(pattern.callback)
        if not route.startswith("o/") or allowed is None:
            continue
        url = _url(route, org, walk["ids"])
        for method in ("GET", "POST", "PUT", "DELETE"):
            if method in allowed:
                continue
            checked[method] = checked.get(method, 0) + 1
            if (status := _request(outside, method, url, {})) != 404:
                failures.append(f"outsider {method} {url} -> {status}")
            if (status := _request(member, method, url, {})) != 405:
                failures.append(f"member {method} {url} -> {status}")
    assert checked["GET"] > 20 and checked["POST"] > 40, checked
    assert not failures, "\n".join(failures)
