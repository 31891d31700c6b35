"""The main staff pages of the demo, rendered in a language, and the text a person reads on them."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.test import Client

from rightslens.assessments.models import Action, Assessment, Impact
from rightslens.inventory.models import AISystem


def staff_urls(org) -> dict[str, str]:
    """name -> URL of the pages of the base layout, assessments, inventory, accounts,
    notifications, search, imports, charts and saved filters (issue 16's staff slice)."""
    o = f"/o/{org.slug}"
    assessment = (
        Assessment.objects.filter(organisation=org, impacts__isnull=False).order_by("pk").first()
    )
    assert assessment is not None
    impact = Impact.objects.filter(assessment=assessment).order_by("pk").first()
    system = AISystem.objects.filter(organisation=org).order_by("pk").first()
    action = Action.objects.filter(organisation=org).order_by("pk").first()
    assert impact is not None and system is not None and action is not None
    a = f"{o}/assessments/{assessment.pk}"
    return {
        "dashboard": f"{o}/",
        "register": f"{o}/register/",
        "assessments": f"{o}/assessments/",
        "start": f"{o}/assessments/start/",
        "assessment": f"{a}/",
        "scoping": f"{a}/scoping/",
        "identify": f"{a}/identify/",
        "identify form": f"{a}/identify/?risk_category=cat-privacy",
        "plan": f"{a}/plan/",
        "review": f"{a}/review/",
        "report": f"{a}/report/",
        "audit": f"{a}/audit/",
        "impact": f"{o}/impacts/{impact.pk}/",
        "impact edit": f"{o}/impacts/{impact.pk}/edit/",
        "tracking": f"{o}/impacts/{impact.pk}/tracking/",
        "quality": f"{o}/quality/",
        "board brief": f"{o}/board-brief/",
        "reminders": f"{o}/reminders/",
        "systems": f"{o}/systems/",
        "system": f"{o}/systems/{system.pk}/",
        "system new": f"{o}/systems/new/",
        "people": f"{o}/people/",
        "tokens": f"{o}/tokens/",
        "inbox": f"{o}/inbox/",
        "tasks": f"{o}/tasks/",
        "preferences": f"{o}/inbox/preferences/",
        "search": f"{o}/search/?q=privacy",
        "import": f"{o}/import/",
        "action edit": f"{o}/actions/{action.pk}/edit/",
        "system edit": f"{o}/systems/{system.pk}/edit/",
        "group new": f"{o}/systems/{system.pk}/groups/new/",
        "component new": f"{o}/systems/{system.pk}/components/new/",
        "password": "/accounts/password/",
        "second factor": "/accounts/two-factor/",
    }


def staff_pages(org, user, language: str) -> dict[str, str]:
    """Every page of staff_urls, signed in as the demo owner (`demo()`), in `language`."""
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    pages = {}
    for name, url in staff_urls(org).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        pages[name] = response.content.decode()
    return pages


def stored_text() -> list[str]:
    """Every text value stored in the database (what people entered, and the demo's data):
    it rightly reads the same in every language."""
    found: list[str] = []
    for model in apps.get_models():
        if not model.__module__.startswith("rightslens."):
            continue
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*fields) if fields else ():
            for value in row:
                if isinstance(value, str) and value:
                    found.append(value)
                elif isinstance(value, list | dict):
                    found.append(str(value))
    return found
