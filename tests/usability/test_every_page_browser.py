"""Every kind of page a person can reach, at a 390 px phone width and a 1280 px desktop width:
none is wider than the phone, and axe finds no violation at either width: none of any impact, of
the WCAG 2.2 AA rules and of axe's best practices.

One page per URL pattern keeps the run short: the staff pages come from walking the demo
organisation's links (tests/usability/crawl.py), the public ones from every_page.py; the pages that
only a form submission shows (a grievance's receipt, its case page, the form's errors) are reached
by submitting the form in the browser, and the 500 page is the real handler's answer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory

from conftest import axe_violations, browser_login
from rightslens import errorpages
from rightslens.accounts.management.commands.load_demo import DEMO_EMAIL, DEMO_PASSWORD
from rightslens.grievances.testing import started_long_ago

from .crawl import demo
from .every_page import public_page_urls, staff_page_urls
from .public_pages import CODE, case_with_everything

PHONE, DESKTOP = 390, 1280


class Findings:
    """What each page got wrong, by page and width."""

    def __init__(self) -> None:
        self.too_wide: list[str] = []
        self.violations: list[str] = []
        self.pages = 0

    def check(self, page: Any, name: str) -> None:
        """Measure the page as loaded at the phone width, then again at the desktop width."""
        self.pages += 1
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE:
            self.too_wide.append(f"{name}: {width}px{_widest(page)}")
        self._axe(page, f"{name} at {PHONE}px")
        page.set_viewport_size({"width": DESKTOP, "height": 900})
        self._axe(page, f"{name} at {DESKTOP}px")
        page.set_viewport_size({"width": PHONE, "height": 900})

    def _axe(self, page: Any, where: str) -> None:
        for v in axe_violations(page, every_rule=True):
            targets = ", ".join(str(n["target"][0]) for n in v["nodes"][:3])
            self.violations.append(
                f"{where}: {v['impact']} {v['id']} ({len(v['nodes'])}: {targets})"
            )


def _widest(page: Any) -> str:
    """The first element that sticks out of the phone's width, to say where to look."""
    found = page.evaluate(
        """() => { for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.right > innerWidth + 1 && getComputedStyle(e).position !== 'fixed')
              return e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : ''); }
          return ''; }"""
    )
    return f" ({found})" if found else ""


def _visit(page: Any, url: str, findings: Findings) -> None:
    page.goto(url)
    findings.check(page, url)


def _submitted_pages(page: Any, code: str, findings: Findings) -> None:
    """The channel's error summary, its receipt and the case page, reached as a person does."""
    page.goto("/g/demo/?lang=ar")
    page.click("form[enctype] button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#error-summary").count() == 1, page.url  # the form came back with errors
    findings.check(page, "channel with errors (ar)")
    page.goto("/g/demo/?lang=en")
    page.fill("#id_content", "The chatbot refused my claim.")
    page.eval_on_selector("input[name=started]", "(e, v) => e.value = v", started_long_ago("demo"))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_load_state()
    assert CODE.search(page.content()), page.url  # the receipt shows the new code
    findings.check(page, "receipt (en)")
    page.goto("/g/demo/follow/?lang=ar")
    page.fill("#id_code", code)
    page.click("form button.btn:not(.secondary)")
    page.wait_for_load_state()
    assert page.locator("#grievance-status").count() == 1, page.url  # the case opened
    findings.check(page, "case page (ar)")


def _server_error_page(page: Any, findings: Findings) -> None:
    """The 500 page as the handler renders it, shown at an address of the site."""
    html = errorpages.server_error(RequestFactory().get("/g/demo/?lang=ar")).content.decode()
    page.route(
        "**/server-error-page/",
        lambda route: route.fulfill(body=html, status=500, content_type="text/html"),
    )
    page.goto("/server-error-page/")
    assert page.locator("html[dir=rtl]").count() == 1  # the handler's Arabic page was shown
    findings.check(page, "500 page (ar)")


@pytest.mark.browser
def test_every_page_fits_a_phone_and_passes_axe_at_phone_and_desktop_widths(page, db):
    org, user = demo()
    code = case_with_everything(org)
    staff_client = Client()
    staff_client.force_login(user)
    staff = staff_page_urls(staff_client, org)
    public = public_page_urls(Client(), org)
    assert len(staff) > 60 and len(public) > 20, (staff, public)  # the walk reached the pages

    findings = Findings()
    page.set_viewport_size({"width": PHONE, "height": 900})
    for url in public:
        _visit(page, url, findings)
    _submitted_pages(page, code, findings)
    _server_error_page(page, findings)
    browser_login(page, DEMO_EMAIL, DEMO_PASSWORD)
    for url in staff:
        _visit(page, url, findings)

    print(f"\n{findings.pages} pages: {len(staff)} staff, {findings.pages - len(staff)} public")
    report = "\n".join([f"wider than {PHONE}px:", *findings.too_wide, "axe:", *findings.violations])
    assert not findings.too_wide and not findings.violations, report
