"""The dashboard's trend months: consecutive calendar months (31 days before 1 December is
31 October, which once made November vanish), labelled in the reader's language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from rightslens.assessments.selectors import month_ends


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


@pytest.mark.parametrize("day", [dt.datetime(2026, 12, 6, 9), dt.datetime(2026, 3, 31, 23)])
def test_the_trend_covers_each_calendar_month_once(day):
    ends = month_ends(6, today=timezone.make_aware(day))
    months = [(e - dt.timedelta(seconds=1)).strftime("%Y-%m") for _, e in ends]
    expected = []
    year, month = day.year, day.month
    for _ in range(6):
        expected.insert(0, f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    assert months == expected


@pytest.mark.parametrize(
    ("language", "december"), [("en", "Dec 2026"), ("fr", "Déc 2026"), ("es", "Dic 2026")]
)
def test_month_labels_are_in_the_reader_language(language, december):
    with translation.override(language):
        labels = [
            label for label, _ in month_ends(2, today=timezone.make_aware(dt.datetime(2026, 12, 6)))
        ]
    assert labels[-1] == december
