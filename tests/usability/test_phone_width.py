"""On a 390 px wide phone no main page scrolls sideways, and the new pages pass axe."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from conftest import axe_violations
from rightslens.grievances.models import Grievance

PAGES = [
    "/o/demo/",
    "/o/demo/systems/",
    "/o/demo/register/",
    "/o/demo/assessments/",
    "/o/demo/board-brief/",
    "/o/demo/grievances/",
    "/o/demo/quality/",
    "/o/demo/search/?q=chat",
    "/o/demo/import/",
    "/g/demo/",
    "/g/demo/stats/",
    "/g/demo/?lang=ar",
]
NEW_PAGES = {"/o/demo/", "/o/demo/search/?q=chat", "/o/demo/import/", "/g/demo/?lang=ar"}


def _login(page) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", "demo@rightslens.example")
    page.fill("#id_password", "demo-password-2026")
    page.click("button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.browser
def test_no_main_page_is_wider_than_a_390_px_phone_and_new_pages_pass_axe(page, db):
    call_command("load_demo", verbosity=0)
    case = Grievance.objects.filter(organisation__slug="demo").first()
    _login(page)
    too_wide, violations = [], {}
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in [*PAGES, f"/o/demo/grievances/{case.pk}/"]:
            page.goto(url)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if width == 390 and scroll > 390:
                too_wide.append(f"{url}: {scroll}px")
            if url in NEW_PAGES and (found := axe_violations(page)):
                violations[f"{url} at {width}px"] = [v["id"] for v in found]
    assert not too_wide, too_wide
    assert not violations, violations
