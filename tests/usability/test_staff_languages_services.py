"""Messages the Django layer builds for staff (services, views and forms of the apps), in French
and Spanish: each has its wording in the ux catalogue with the same placeholders, and French and
Spanish pages show them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

SERVICES = (
    "grievances/api.py",
    "grievances/services.py",
    "grievances/views.py",
    "grievances/forms.py",
    "probes/services.py",
    "probes/views.py",
    "accounts/access.py",
    "accounts/people.py",
    "accounts/people_views.py",
    "accounts/second_factor_views.py",
    "accounts/throttle.py",
    "assessments/cycle_services.py",
    "assessments/cycle_views.py",
    "assessments/documents.py",
    "assessments/independence.py",
    "assessments/report_views.py",
    "assessments/services.py",
    "assessments/signoff.py",
    "assessments/signoff_views.py",
    "assessments/tracking.py",
    "assessments/views.py",
    "common/locking.py",
    "disclosure/esrs_views.py",
    "disclosure/forms.py",
    "disclosure/services.py",
    "disclosure/signoff.py",
    "disclosure/views.py",
    "engagement/forms.py",
    "engagement/services.py",
    "errors.py",
    "imports/reading.py",
    "imports/services.py",
    "imports/views.py",
    "inventory/services.py",
    "inventory/views.py",
    "notifications/services.py",
    "notifications/tasks.py",
    "policy/forms.py",
    "policy/services.py",
    "procurement/api.py",
    "procurement/forms.py",
    "procurement/process_views.py",
    "procurement/relationship_views.py",
    "procurement/request_services.py",
    "procurement/screening_services.py",
    "procurement/services.py",
    "procurement/views.py",
    "search/services.py",
    "search/views.py",
)


# Words the language writes as English does (and a field name before its message).
SAME = {
    "fr": {"Clause", "Conclusion", "Date", "Introduction", "Note", "Notes", "Questionnaire"},
    "es": {"No", "Sector", "%(field)s: %(message)s"},
}

#: gettext function -> where its context is (None: no context).
_GETTEXT = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": None,
    "ngettext_lazy": None,
    "pgettext": 0,
    "pgettext_lazy": 0,
}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _wrapped_messages() -> set[tuple[str | None, str, str | None]]:
    """Every (context, message, plural) marked for translation in the files of SERVICES."""
    root = Path(settings.BASE_DIR) / "rightslens"
    found: set[tuple[str | None, str, str | None]] = set()
    for name in SERVICES:
        for node in ast.walk(ast.parse((root / name).read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in _GETTEXT:
                continue
            texts = [_text(a) for a in node.args]
            if node.func.id.startswith("pgettext") and len(texts) >= 2 and None not in texts[:2]:
                found.add((texts[0], texts[1], None))
            elif node.func.id.startswith("ngettext") and len(texts) >= 2 and None not in texts[:2]:
                found.add((None, texts[0], texts[1]))
            elif texts and texts[0] is not None and not node.func.id.startswith(("p", "n")):
                found.add((None, texts[0], None))
    return found


def _shown(context: str | None, english: str, plural: str | None, n: int = 1) -> str:
    if plural is not None:
        return translation.ngettext(english, plural, n)
    if context is not None:
        return translation.pgettext(context, english)
    return translation.gettext(english)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_service_message_has_its_wording_with_the_same_placeholders(language):
    messages = _wrapped_messages()
    assert len(messages) > 300
    left = []
    with translation.override(language):
        for context, english, plural in sorted(messages, key=str):
            for n, source in ((1, english), (2, plural or english)):
                shown = _shown(context, english, plural, n)
                if shown == source and source not in SAME[language]:
                    left.append(source)
                placeholders = sorted(re.findall(r"%\((\w+)\)s", source))
                assert sorted(re.findall(r"%\((\w+)\)s", shown)) == placeholders, source
    assert not left, f"{language}: service messages still in English: {sorted(set(left))}"


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
