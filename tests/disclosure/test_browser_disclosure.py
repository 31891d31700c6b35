"""A real browser produces each regulatory output: FRIA downloads, the ESRS draft, public pages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document

from conftest import axe_violations, browser_login


def _download(page, link_text: str) -> bytes:
    with page.expect_download() as info:
        page.click(f"text={link_text}")
    return Path(info.value.path()).read_bytes()


@pytest.mark.browser
def test_a_fria_is_started_edited_and_downloaded(page, owner, system, oversight):
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/disclosure/")
    page.click(f"text={system.name}")
    assert axe_violations(page) == []
    page.click("text=Start a FRIA")
    assert "Fundamental rights impact assessment v1" in page.locator("h1").inner_text()
    assert page.locator("text=Gap: no period of use recorded").count() == 1
    page.reload()
    assert axe_violations(page) == []
    page.fill("#id_period_of_use", "May 2026 to May 2027")
    page.fill("#id_frequency_of_use", "Every application, daily")
    page.click("text=Save the FRIA")
    assert page.locator("text=Gap: no period of use recorded").count() == 0
    document = json.loads(_download(page, "JSON"))
    assert "May 2026 to May 2027" in document["b"]["text"]
    assert {"type": "action", "id": oversight.pk} in document["e"]["sources"]
    docx = Document(io.BytesIO(_download(page, "DOCX")))
    assert any("Every application, daily" in p.text for p in docx.paragraphs)
    assert _download(page, "PDF").startswith(b"%PDF")
    page.click("text=Send for review")
    page.click("button:has-text('Approve')")
    assert "Gap not answered" in page.locator("main").inner_text()
    assert page.locator("#before-approval").count() == 1
    assert axe_violations(page) == []
    for field in page.locator("form[action='gaps/'] input[name=reason]").all():
        field.fill("Accepted for the pilot; reviewed in three months")
    page.click("text=Save reasons")
    page.click("button:has-text('Approve')")
    assert "Approved" in page.locator("main").inner_text()


@pytest.mark.browser
def test_an_esrs_draft_and_the_public_pages(page, chromium, live_server, owner, system, engagement):
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/disclosure/")
    page.fill("#id_period_start", "2026-01-01")
    page.fill("#id_period_end", "2026-12-31")
    page.click("text=Start a disclosure draft")
    assert "ESRS S4 / UNGP 21 disclosure draft" in page.locator("h1").inner_text()
    assert page.locator(f"a[href='/o/acme/engagement/events/{engagement.pk}/']").count() >= 1
    assert axe_violations(page) == []
    page.fill("textarea[name='narrative_S4-2']", "We hold workshops with disability advocates.")
    page.check("input[value='S4-2']")
    page.click("text=Save the draft")
    public_s4 = page.locator("a[href^='/t/acme/s4/']").first.get_attribute("href")
    page.goto("/o/acme/disclosure/transparency/")
    page.check("#id_enabled")
    page.check(f"input[name='systems'][value='{system.pk}']")
    page.click("button:has-text('Save')")

    visitor = chromium.new_context(base_url=live_server.url).new_page()
    visitor.goto("/t/acme/")
    assert system.name in visitor.locator("main").inner_text()
    assert visitor.locator("a[href='/g/acme/']").count() == 1
    assert axe_violations(visitor) == []
    visitor.goto(public_s4)
    text = visitor.locator("main").inner_text()
    assert "We hold workshops with disability advocates." in text and "S4-3" not in text
    visitor.context.close()
