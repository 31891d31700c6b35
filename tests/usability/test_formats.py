"""Readable labels and one date and number format per language."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from rightslens.core.vocabulary import label
from rightslens.ux.templatetags.readable import day, day_count, day_time, kb_title, num, readable


def test_labels_keep_acronyms_and_place_names():
    assert label("other_ai") == "Other AI"
    assert label("latin_america_caribbean") == "Latin America and the Caribbean"
    assert label("public_api") == "Public API"
    assert label("in_review") == "In review"


def test_a_median_of_zero_days_reads_0_days_not_a_dash():
    with translation.override("en"):
        assert day_count(0) == "0 days"
        assert day_count(1) == "1 day"
        assert day_count(None) == "—"
    with translation.override("sw"):
        assert day_count(0) == "siku 0"


def test_stored_codes_become_words():
    translation.activate("en")
    assert kb_title("vg-children") != "vg-children"
    assert readable({"status": "in_review"}) == "Status: In review"
    assert "vg-children" not in readable({"groups": ["vg-children"]})
    assert readable("context_change") == "Context change"


def test_one_date_and_one_number_format_per_language():
    date = dt.date(2026, 12, 6)
    with translation.override("en"):
        assert day(date) == "6 Dec 2026" and num(1234567) == "1,234,567"
        assert day_time(dt.datetime(2026, 12, 6, 9, 5)) == "6 Dec 2026 09:05"
    with translation.override("fr"):
        assert day(date) == "6 décembre 2026" and num(1234567).replace("\xa0", " ") == "1 234 567"
    with translation.override("de"):
        assert day(dt.datetime(2026, 12, 6, 23, 0)) == "6. Dezember 2026"


def test_the_register_csv_priority_is_a_rank_not_the_internal_sort_key(db):
    from rightslens.assessments.exports import register_rows
    from tests.usability.crawl import demo

    org, _user = demo()
    ranks = [row["priority"] for row in register_rows(organisation=org)]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) > 3


def test_no_template_formats_a_date_by_hand():
    """Dates go through |day or |day_time (or the language's DATE_FORMAT), never a fixed pattern."""
    import re
    from pathlib import Path

    from django.conf import settings

    fixed = re.compile(r"\|date:\s*[\"'](?!DATE_FORMAT|DATETIME_FORMAT|SHORT_DATE_FORMAT)")
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{n}"
        for path in (Path(settings.BASE_DIR) / "rightslens").rglob("*.html")
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if fixed.search(line)
    ]
    assert not found, found


def test_language_codes_read_as_language_names_in_the_reader_language():
    from rightslens.ux.templatetags.readable import language_names

    with translation.override("en"):
        assert language_names(["es", "sw"]) == "Spanish, Swahili"
        assert language_names("zz") == "zz"  # unknown: shown as it is, never guessed
    with translation.override("fr"):
        assert language_names("es") == "Espagnol"
    with translation.override("es"):
        assert language_names("pt") == "Portugués"


def test_staff_grievance_and_engagement_pages_name_languages_not_codes(db):
    import re

    from django.test import Client

    from rightslens.engagement.models import Stakeholder
    from rightslens.grievances.models import Grievance
    from tests.usability.crawl import demo

    org, user = demo()
    client = Client()
    client.force_login(user)
    grievance = Grievance.objects.filter(organisation=org).exclude(language="en").first()
    stakeholder = Stakeholder.objects.filter(organisation=org).exclude(languages=[]).first()
    assert grievance is not None and stakeholder is not None  # the demo has both
    pages = {
        "list": client.get(f"/o/{org.slug}/grievances/").content.decode(),
        "case": client.get(f"/o/{org.slug}/grievances/{grievance.pk}/").content.decode(),
        "engagement": client.get(f"/o/{org.slug}/engagement/").content.decode(),
        "stakeholder": client.get(
            f"/o/{org.slug}/engagement/stakeholders/{stakeholder.pk}/"
        ).content.decode(),
    }
    with translation.override("en"):
        name = str(translation.get_language_info(grievance.language)["name_translated"])
    assert name in pages["list"] and f"(language: {name})" in pages["case"]
    assert not re.search(rf"<td>{grievance.language}</td>", pages["list"])
    for page in ("engagement", "stakeholder"):
        assert not re.search(r"<(td|dd)>[a-z]{2}(, [a-z]{2})*</(td|dd)>", pages[page]), page
