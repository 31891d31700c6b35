"""A French or Spanish reader sees the red lines and questionnaires in their language (issue 16): the
screening result, the buyer's review of a questionnaire and the vendor's emailed questionnaire page
show the library's translations; English stays as stored."""

from __future__ import annotations

from html import escape

import pytest
from django.conf import settings
from django.test import Client

from rightslens.core.knowledge.loader import load_library_file
from rightslens.procurement.models import Counterparty
from rightslens.procurement.request_services import request_send, request_submit
from rightslens.procurement.services import procurement_screen

from .conftest import KNOWLEDGE
from .test_answer_hits import EMOTION, answered, procurement  # noqa: F401 (fixture)
from .test_questionnaire_link import CLEAN


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request in French or Spanish leaves that language active; later tests expect English."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def shipped_red_lines(monkeypatch):
    """The shipped red lines (with their translations) instead of the procurement tests' own."""
    items = [
        i
        for i in load_library_file(KNOWLEDGE / "red-lines.yaml").items
        if i.type in {"red_line", "red_line_element"}
    ]
    monkeypatch.setattr("rightslens.procurement.screening_services.red_line_items", lambda: items)
    return {i.id: i for i in items}


def _page(client: Client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_screening_hit_shows_the_red_line_in_the_readers_language(
    procurement,  # noqa: F811
    owner,
    owner_client,
    shipped_red_lines,
    language,
):
    answered(procurement, owner, "yes")
    screening = procurement_screen(procurement=procurement, user=owner)
    red_line = shipped_red_lines[EMOTION]
    page = _page(owner_client, f"/o/acme/procurement/screenings/{screening.pk}/", language)
    import re

    print("MAIN", re.search(r"<main.*</main>", page, re.S).group(0)[:3000])
    assert escape(red_line.title_in(language)) in page
    assert escape(red_line.text_in("exceptions", language)) in page
    assert escape(red_line.title) not in page
    english = _page(owner_client, f"/o/acme/procurement/screenings/{screening.pk}/", "en")
    assert escape(red_line.title) in english


@pytest.fixture
def submitted(org, owner):
    vendor = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    request, raw = request_send(counterparty=vendor, user=owner, questionnaire_id="qn-vendor-dd")
    return request, raw


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_buyers_review_shows_questions_and_sections_translated(
    submitted, owner_client, procurement_knowledge, language
):
    request, raw = submitted
    answers = {k: v for k, v in CLEAN.items() if k != "q-vendor-hria-findings"}
    request_submit(raw_token=raw, answers={**answers, "q-vendor-hria": "no"}, files={})
    base = {i.id: i for i in procurement_knowledge["questionnaires"]}
    question = base["q-vendor-policy"]
    essential = base["q-vendor-hria"]  # answered "no": listed as a weak answer
    page = _page(owner_client, f"/o/acme/procurement/requests/{request.pk}/", language)
    assert escape(question.text_in("text", language)) in page
    assert escape(question.text_in("section", language)) in page
    assert escape(essential.text_in("text", language)) in page
    assert escape(question.get("text")) not in page


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_vendors_questionnaire_page_speaks_the_vendors_language(
    submitted, procurement_knowledge, language
):
    _request, raw = submitted
    base = {i.id: i for i in procurement_knowledge["questionnaires"]}
    page = _page(Client(), f"/r/{raw}/", language)
    questionnaire = base["qn-vendor-dd"]
    assert escape(questionnaire.title_in(language)) in page
    assert escape(questionnaire.text_in("summary", language)) in page
    for qid in ("q-vendor-policy", "q-vendor-emotion", "q-vendor-testing"):
        question = base[qid]
        assert escape(question.text_in("text", language)) in page
        assert escape(question.get("text")) not in page
    assert escape(base["q-vendor-emotion"].text_in("section", language)) in page
