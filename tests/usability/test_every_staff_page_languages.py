"""Every staff page a member can reach speaks French and Spanish.

The demo organisation's pages are walked from its navigation (one page per URL pattern, as the
every-page browser test does), then each page is fetched in English and in the other language. A
text that reads the same in both is English left untranslated unless it is the organisation's own
data (stored in the database), knowledge-base text that is data by nature (wordings the screens
match, citations and source titles), a name or code, or a word the language shares with English."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from conftest import client_for

from .crawl import demo
from .every_page import staff_page_urls
from .public_pages import visible_text
from .staff_pages import stored_text
from .test_staff_languages_core import PIECES, SAME_AS_ENGLISH, SAME_IN, _choice_labels

ENGLISH_WORD = re.compile(
    r"\b(the|and|of|to|is|are|was|for|with|this|that|not|no|by|on|in|from|or|be|has|have|it|"
    r"its|an|a|at|as|which|who|what|when|how|all|any|each|new|open|show|add|save|edit|delete|"
    r"none|yet|more|less|than|people|rights?|impacts?|system|systems)\b",
    re.I,
)


# Further words each language writes as English does, seen on these pages.
SHARED = {"es": {"Irreversible"}}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


def _data_knowledge_text(language: str) -> list[str]:
    """Knowledge text shown as it is written: what has no translation in `language` is listed by
    the check, except citations, source titles and the wordings the screens read."""
    from rightslens.common.knowledge import knowledge

    base = knowledge()
    text = []
    for item in base.items.values():
        text.extend(c.source.title for c in item.citations)
        text.extend(str(c.locator) for c in item.citations if getattr(c, "locator", None))
    return text


def _page(client: Client, url: str, language: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    return response.content.decode() if response.status_code in (200, 404) else ""


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_staff_page_shows_no_english_interface_text(db, language):
    org, user = demo()
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    urls = staff_page_urls(client, org)
    assert len(urls) > 60, len(urls)  # the walk reached the whole demo (71 kinds of page)
    data = "\n".join(stored_text() + _data_knowledge_text(language) + [org.name, user.email])
    allowed = SAME_AS_ENGLISH | SAME_IN.get(language, set()) | SHARED.get(language, set())
    labels = _choice_labels()
    left: dict[str, list[str]] = {}
    for url in urls:
        english = set(visible_text(_page(client, url, "en")))
        shown = visible_text(_page(client, url, language))
        found = sorted(
            {
                text
                for text in shown
                if text in english
                and text not in allowed
                and not _is_shared_word(text, allowed)
                and ENGLISH_WORD.search(text)
                and not text.startswith(("http", "/", "#"))
                and not _is_data(text, data, labels | allowed)
            }
        )
        if found:
            left[url] = found
    report = "\n".join(f"{url}: {texts}" for url, texts in left.items())
    assert not left, f"{language}: English left on staff pages:\n{report}"


# What the pages add to a stored text: a version ("… v2"), the site name in the tab title, and the
# ellipsis of a text cut short.
DECORATION = re.compile(r"(?: v\d+| · RightsLens|…)$|^- ")
# Punctuation that joins a label to the text it introduces ("4 – Irreversible — the reason").
JOINS = re.compile(rf"{PIECES.pattern}|\s—\s")


def _is_data(text: str, data: str, labels: set[str]) -> bool:
    text = DECORATION.sub("", text).strip()
    pieces = [p for p in JOINS.split(text) if sum(c.isalpha() for c in p) > 1]
    return text in data or text in labels or all(p in data or p in labels for p in pieces)


def _is_shared_word(text: str, allowed: set[str]) -> bool:
    """A word the language shares with English, with a count or a record number: "15 impacts",
    "impact #3"."""
    return re.sub(r"#?\d+", "", text).strip() in allowed
