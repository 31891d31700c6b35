"""Figures for the dashboard charts: read-only, one organisation, aggregates only.

Each chart is a list of bars ({label, value, note}) with a title and a text equivalent (the same
numbers as a table), drawn as server-side SVG by templates/ux/_bar_chart.html.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.apps import apps
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy

from rightslens.accounts.models import Organisation

OPEN = "open"


def _chart(
    key: str, title: str, bars: list[dict[str, Any]], unit: str = "", **extra: Any
) -> dict[str, Any]:
    top = max([b["value"] for b in bars] + [b.get("target") or 0 for b in bars] + [1])
    for b in bars:
        b["width"] = round(300 * b["value"] / top, 1)
        if b.get("target") is not None:
            b["target_x"] = round(160 + 300 * b["target"] / top, 1)
    return {"key": key, "title": title, "bars": bars, "unit": unit, "height": 28 * len(bars) + 10}


_ACTUAL = pgettext_lazy("staff", "actual")
_POTENTIAL = pgettext_lazy("staff", "potential")


def severity_by_actual(impacts: list[Any]) -> dict[str, Any]:
    choices = apps.get_model("assessments", "Impact")._meta.get_field("severity_band").choices
    names: dict[Any, Any] = dict(choices or [])
    counts = Counter((i.severity_band, i.actual) for i in impacts)
    bars = [
        {
            "label": f"{names.get(band, band)}, {_ACTUAL if actual else _POTENTIAL}",
            "value": counts[(band, actual)],
        }
        for band in (4, 3, 2, 1)
        for actual in (True, False)
    ]
    return _chart(
        "severity",
        pgettext("staff", "Impacts by severity band: actual harm and potential harm"),
        bars,
    )


def impacts_by_right(impacts: list[Any], title_of: Any) -> dict[str, Any]:
    counts = Counter(r for i in impacts for r in (i.rights or []))
    bars = [{"label": title_of(r), "value": n} for r, n in counts.most_common(10)]
    return _chart(
        "rights",
        pgettext("staff", "Impacts by right (the ten rights most often affected)"),
        bars,
    )


def open_severe_trend(impacts: list[Any], months: int = 6) -> dict[str, Any]:
    """Open severe impacts at the end of each of the last months. An impact counts from its
    creation until it is no longer open (its last update is taken as the day it was addressed)."""
    today = timezone.now()
    bars = []
    for back in range(months - 1, -1, -1):
        first = (today.replace(day=1) - dt.timedelta(days=31 * back)).replace(day=1)
        end = min(today, (first + dt.timedelta(days=32)).replace(day=1))
        n = sum(
            1
            for i in impacts
            if i.severity_band == 4
            and i.created_at <= end
            and (i.status == OPEN or i.updated_at > end)
        )
        bars.append({"label": first.strftime("%b %Y"), "value": n})
    return _chart("trend", pgettext("staff", "Open severe impacts at the end of each month"), bars)


def grievance_times(figures: dict[str, Any]) -> dict[str, Any]:
    names = {
        "acknowledge": "Acknowledge",
        "remedy": pgettext_lazy("staff", "Propose an outcome"),
        "appeal": pgettext_lazy("staff", "Answer an appeal"),
        "resolve": pgettext_lazy("staff", "Close"),
    }
    bars = [
        {
            "label": label,
            "value": (figures.get(key) or {}).get("median_days") or 0,
            "target": (figures.get(key) or {}).get("target_days"),
            "note": pgettext("staff", "no cases yet")
            if (figures.get(key) or {}).get("median_days") is None
            else "",
        }
        for key, label in names.items()
    ]
    return _chart(
        "grievances",
        pgettext("staff", "Grievance handling: median days against the target"),
        bars,
        "days",
    )


def effectiveness_by_group(organisation: Organisation) -> dict[str, Any]:
    """The latest value recorded for each group, per indicator (the three most recent)."""
    latest: dict[tuple[str, str], Any] = {}
    GroupMeasurement = apps.get_model("assessments", "GroupMeasurement")  # noqa: N806
    rows = (
        GroupMeasurement.objects.filter(organisation=organisation)
        .select_related("measurement__indicator")
        .order_by("measurement__measured_on", "pk")
    )
    for g in rows:
        latest[(g.measurement.indicator.name, f"{g.get_dimension_display()}: {g.group}")] = g
    bars = [
        {
            "label": f"{indicator} · {group}",
            "value": g.value,
            "target": g.measurement.indicator.target,
            "note": f"n = {g.n}",
        }
        for (indicator, group), g in list(latest.items())[-12:]
    ]
    return _chart(
        "groups",
        pgettext("staff", "Effectiveness of actions by group (latest measurement)"),
        bars,
    )


def dashboard_charts(*, organisation: Organisation) -> list[dict[str, Any]]:
    from rightslens.grievances.selectors import dashboard as grievance_dashboard
    from rightslens.ux.templatetags.readable import kb_title

    impacts = list(
        apps.get_model("assessments", "Impact").objects.filter(organisation=organisation)
    )
    return [
        severity_by_actual(impacts),
        impacts_by_right(impacts, kb_title),
        open_severe_trend(impacts),
        grievance_times(grievance_dashboard(organisation=organisation)),
        effectiveness_by_group(organisation),
    ]
