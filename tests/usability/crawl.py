"""Walk every page of the demo organisation a member can reach, and read what people see on it."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from rightslens.accounts.management.commands.load_demo import DEMO_EMAIL
from rightslens.accounts.models import Organisation
from tests.test_tenancy import _api_methods, _kwarg_names, _url, org_routes

from .public_pages import visible_text

SKIP = re.compile(r"/(logout|export|download|backup)/|\.(pdf|zip)$|/attachments/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)


def demo() -> tuple[Organisation, Any]:
    call_command("load_demo", verbosity=0)
    org = Organisation.objects.get(slug="demo")
    return org, get_user_model().objects.get(username=DEMO_EMAIL)


def _starts(org: Organisation) -> list[str]:
    """Every organisation page that takes no object id: what the staff navigation leads to."""
    return [
        _url(route, org, {})
        for route, pattern in org_routes()
        if not route.startswith("api/")
        and not _kwarg_names(route)
        and "GET" in _api_methods(pattern)
    ]


def _links(html: str, prefixes: tuple[str, ...]) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return [h.split("#")[0] for h in parser.hrefs if h.startswith(prefixes)]


def route_key(url: str) -> str:
    """The URL pattern a URL resolves to, with the names of its query parameters: one page per
    kind of page (e.g. every impact page is `impacts/<int:impact_id>/`)."""
    path, _, query = url.partition("?")
    names = sorted({part.split("=")[0] for part in query.split("&") if part})
    return resolve(path).route + ("?" + "&".join(names) if names else "")


def crawl(
    client: Client, org: Organisation, limit: int = 400, key: Callable[[str], str] | None = None
) -> dict[str, str]:
    """url -> HTML of every page reached from the organisation's pages, following links.

    With `key`, a page is fetched only when no page with the same key was fetched before."""
    return walk(client, _starts(org), (f"/o/{org.slug}/",), limit=limit, key=key)


def walk(
    client: Client,
    starts: list[str],
    prefixes: tuple[str, ...],
    limit: int = 400,
    key: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """url -> HTML of every HTML page reached from `starts` by links that begin with a prefix."""
    queue = deque(starts)
    seen: set[str] = set(queue)
    kinds: set[str] = set()
    pages: dict[str, str] = {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        if SKIP.search(url):
            continue
        try:
            kind = key(url) if key else url
        except Resolver404:
            continue
        if kind in kinds:
            continue
        if (html := _html_page(client, url)) is None:
            continue
        kinds.add(kind)
        pages[url] = html
        for link in _links(html, prefixes):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return pages


def _html_page(client: Client, url: str) -> str | None:
    """The page's HTML, or None for a missing page, a download or a non-HTML answer."""
    try:
        resolve(url.split("?")[0])
    except Resolver404:
        return None
    response = client.get(url)
    if (
        response.status_code != 200
        or "html" not in response.get("Content-Type", "")
        or "attachment" in response.get("Content-Disposition", "")
    ):
        return None
    return response.content.decode()


def text_of(html: str) -> list[str]:
    return visible_text(html)
