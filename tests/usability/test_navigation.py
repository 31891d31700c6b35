"""People can start an assessment from the Assessments page and go from a finding to its fix."""

from __future__ import annotations

import re

from django.test import Client

from .crawl import demo


def test_the_assessments_page_has_a_start_button(db):
    org, user = demo()
    client = Client()
    client.force_login(user)
    html = client.get(f"/o/{org.slug}/assessments/").content.decode()
    assert f'class="btn" href="/o/{org.slug}/assessments/start/">Start an assessment</a>' in html


def test_each_quality_finding_links_to_a_page_that_opens(db):
    org, user = demo()
    client = Client()
    client.force_login(user)
    html = client.get(f"/o/{org.slug}/quality/").content.decode()
    findings = re.findall(r"<li class=\"(?:bad|warn)\">(.*?)</li>", html)
    assert findings, "the demo has quality findings"
    links = [re.search(r'href="([^"]+)">Fix this', f) for f in findings]
    assert all(links), [f for f, link in zip(findings, links, strict=True) if not link]
    for link in {m.group(1) for m in links if m}:
        assert client.get(link).status_code == 200, link


def test_a_long_form_with_errors_opens_with_a_summary_linking_to_each_field(db):
    org, user = demo()
    client = Client()
    client.force_login(user)
    response = client.post(f"/o/{org.slug}/systems/new/", {"name": ""})
    html = response.content.decode()
    top = html.index('class="error-summary"')
    links = re.findall(r'<li><a href="#(id_\w+)">', html[top:])
    assert links, "the summary links to the fields"
    for field_id in links:
        assert f'id="{field_id}"' in html[top:], field_id
    assert top < html.index('id="id_', top + 1) and "<main" in html[:top]
