"""Messages of the probe and grievance services shown to staff, in French and Spanish: each has its
wording in the ux catalogue with the same placeholders, and a French and a Spanish page show one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

SERVICES = (
    "grievances/services.py",
    "grievances/views.py",
    "grievances/forms.py",
    "probes/services.py",
    "probes/views.py",
)


# Words the language writes as English does.
SAME = {"fr": set(), "es": {"No"}}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _wrapped_messages() -> set[str]:
    """Every _("...") message written in the probe and grievance services and probe views."""
    root = Path(settings.BASE_DIR) / "rightslens"
    found: set[str] = set()
    for name in SERVICES:
        source = (root / name).read_text("utf-8")
        found |= set(re.findall(r'_\(\s*"((?:[^"\\]|\\.)+)"\s*\)', source))
    return found


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_service_message_has_its_wording_with_the_same_placeholders(language):
    messages = _wrapped_messages()
    assert len(messages) > 40
    left = []
    with translation.override(language):
        for english in sorted(messages):
            shown = translation.gettext(english)
            if shown == english and english not in SAME[language]:
                left.append(english)
            placeholders = re.findall(r"%\((\w+)\)s", english)
            assert sorted(re.findall(r"%\((\w+)\)s", shown)) == sorted(placeholders), english
    assert not left, f"{language}: service messages still in English: {left}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "probe_error", "state_error"),
    [
        ("fr", "La série ne contient aucune sonde en : xx.", "ne peut pas passer à cet état"),
        ("es", "La batería no tiene sondas en: xx.", "no puede pasar a ese estado"),
    ],
)
def test_probe_and_grievance_pages_show_service_errors_in_the_language(
    org, owner, language, probe_error, state_error
):
    from rightslens.grievances.services import grievance_submit

    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(owner)
    form = {
        "suite_id": "harmful-requests",
        "languages": "en,xx",
        "endpoint_url": "http://127.0.0.1:9/v1",
        "model_name": "fake-model",
        "concurrency": 4,
        "requests_per_minute": 0,
        "price_in": 0,
        "price_out": 0,
    }
    response = client.post(f"/o/{org.slug}/probes/new/", form)
    page = response.content.decode()
    assert response.status_code == 400 and probe_error in page
    assert "no probes in" not in page

    grievance, _code = grievance_submit(organisation=org, content="Rejected.", language="en")
    url = f"/o/{org.slug}/grievances/{grievance.pk}/state/"
    assert client.post(url, {"to_state": "acknowledged"}).status_code == 302
    response = client.post(url, {"to_state": "received"})
    page = response.content.decode()
    assert response.status_code == 400 and state_error in page
    assert "cannot move to that state" not in page


def _brief_messages() -> set[str]:
    source = (Path(settings.BASE_DIR) / "rightslens/assessments/reports/context.py").read_text()
    return set(re.findall(r'pgettext\(\s*"staff",\s*"((?:[^"\\]|\\.)+)"\s*\)', source))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_board_brief_line_built_in_code_has_its_wording(language):
    messages = _brief_messages()
    assert len(messages) > 15
    with translation.override(language):
        for english in messages:
            shown = translation.pgettext("staff", english)
            assert shown != english, (language, english)
            placeholders = sorted(re.findall(r"%\((\w+)\)s", english))
            assert sorted(re.findall(r"%\((\w+)\)s", shown)) == placeholders, english


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_board_brief_shows_business_model_lines_and_decisions_in_the_language(language):
    from django.utils.html import escape

    from rightslens.assessments.reports.context import board_brief

    from .crawl import demo

    org, user = demo()
    with translation.override("en"):
        english = board_brief(organisation=org)
    with translation.override(language):
        translated = board_brief(organisation=org)
    lines = english["business_model"] + english["decisions"]
    assert english["business_model"] and english["decisions"], "the demo should fill the brief"
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    page = client.get(f"/o/{org.slug}/board-brief/").content.decode()
    for line in translated["business_model"] + translated["decisions"]:
        assert escape(line) in page, line
    changed = [e for e in lines if escape(e) not in page]
    assert len(changed) >= len(lines) - 1, [e for e in lines if escape(e) in page]
