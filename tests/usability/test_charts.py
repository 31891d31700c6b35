"""The dashboard draws its five charts as SVG, each with the same figures as a table."""

from __future__ import annotations

import re

from django.test import Client

from .crawl import demo


def test_the_dashboard_shows_five_svg_charts_each_with_a_text_equivalent(db):
    org, user = demo()
    client = Client()
    client.force_login(user)
    html = client.get(f"/o/{org.slug}/").content.decode()
    for key in ("severity", "rights", "trend", "grievances", "groups"):
        figure = re.search(rf'<figure class="chart" id="chart-{key}">(.*?)</figure>', html, re.S)
        assert figure, key
        body = figure.group(1)
        assert "<svg" in body and 'role="img"' in body and "<table" in body, key
        assert "<script" not in body
    severity = re.search(r'id="chart-severity">(.*?)</figure>', html, re.S).group(1)
    assert "Severe, actual" in severity and "Severe, potential" in severity
    rights = re.search(r'id="chart-rights">(.*?)</figure>', html, re.S).group(1)
    assert "udhr-" not in rights and "Art." in rights  # rights by their titles
