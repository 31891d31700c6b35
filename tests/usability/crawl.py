"""Walk every page of the demo organisation a member can reach, and read what people see on it."""

from __future__ import annotations

import re
from collections import deque
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


def _links(html: str, prefix: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return [h.split("#")[0] for h in parser.hrefs if h.startswith(prefix)]


def crawl(client: Client, org: Organisation, limit: int = 400) -> dict[str, str]:
    """url -> HTML of every page reached from the organisation's pages, following links."""
    prefix = f"/o/{org.slug}/"
    queue = deque(_starts(org))
    seen: set[str] = set(queue)
    pages: dict[str, str] = {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        if SKIP.search(url):
            continue
        try:
            resolve(url.split("?")[0])
        except Resolver404:
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in _links(html, prefix):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return pages


def text_of(html: str) -> list[str]:
    return visible_text(html)
