"""Every page of the demo organisation reads as words: no raw ids, enum names or '---------'."""

from __future__ import annotations

from django.test import Client

from .crawl import crawl, demo, text_of
from .readable import enum_looking, enum_values, knowledge_ids, problems


def test_no_page_of_the_demo_shows_a_raw_code_an_enum_name_or_a_placeholder(db):
    org, user = demo()
    client = Client()
    client.force_login(user)
    pages = crawl(client, org)
    assert len(pages) > 40, sorted(pages)  # the walk really reached the demo's pages
    ids, values = knowledge_ids(), enum_values()
    invented = enum_looking(values)
    found = {
        url: issues
        for url, html in pages.items()
        if (issues := problems(text_of(html), ids, values, invented))
    }
    first: dict[str, str] = {}
    for url, issues in found.items():
        for issue in issues:
            first.setdefault(issue, url)
    report = "\n".join(f"{url}: {issue}" for issue, url in sorted(first.items()))
    assert not found, report
