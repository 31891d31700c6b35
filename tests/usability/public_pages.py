"""Render every page of the public grievance channel, and read back what a person sees."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from django.test import Client
from django.utils import timezone

from rightslens.core.grievance import RemedyForm
from rightslens.grievances.models import (
    Author,
    Grievance,
    GrievanceMessage,
    Remedy,
    RemedyRouteChoice,
    State,
)
from rightslens.grievances.services import grievance_submit
from rightslens.grievances.testing import started_long_ago

CODE = re.compile(r"[A-Z2-7]{5}(?:-[A-Z2-7]{5}){4}")


class _Text(HTMLParser):
    """Text nodes and the attributes people read (title, aria-label, placeholder, alt)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "aria-label", "placeholder", "alt") and value:
                self.found.append(value.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self._skip:
            self.found.append(text)


def visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.found


def case_with_everything(organisation) -> str:
    """A grievance with rights, a remedy and messages, so the case page shows every section."""
    grievance, code = grievance_submit(
        organisation=organisation, content="Case text", language="en", name="", contact=""
    )
    Grievance.objects.filter(pk=grievance.pk).update(
        state=State.REMEDY_PROPOSED,
        rights=["udhr-7", "udhr-23"],
        acknowledged_at=timezone.now(),
        remedy_proposed_at=timezone.now(),
    )
    Remedy.objects.create(
        organisation=organisation,
        grievance=grievance,
        form=RemedyForm.COMPENSATION.value,
        route=RemedyRouteChoice.NON_STATE,
        description="Remedy text",
        provider="Provider name",
        provided_on=dt.date(2026, 12, 1),
    )
    GrievanceMessage.objects.create(
        organisation=organisation, grievance=grievance, author=Author.OFFICER, body="Officer text"
    )
    return code


def public_pages(organisation, language: str) -> dict[str, str]:
    """Every public page, in `language`, by name."""
    code = case_with_everything(organisation)
    client = Client()
    q = f"?lang={language}"
    slug = organisation.slug
    pages = {
        "channel": client.get(f"/g/{slug}/{q}"),
        "follow": client.get(f"/g/{slug}/follow/{q}"),
        "stats": client.get(f"/g/{slug}/stats/{q}"),
        "case": client.post(f"/g/{slug}/follow/{q}", {"code": code, "action": "view"}),
        "channel errors": client.post(
            f"/g/{slug}/{q}",
            {
                "content": " ",
                "name": "",
                "contact": "",
                "website": "",
                "started": started_long_ago(),
            },
        ),
        "receipt": client.post(
            f"/g/{slug}/{q}",
            {
                "content": "Receipt text",
                "name": "",
                "contact": "",
                "website": "",
                "started": started_long_ago(),
            },
        ),
        "not found": client.get(f"/g/{slug}/no-such-page/{q}"),
    }
    return {name: response.content.decode() for name, response in pages.items()}
