"""Figures for the dashboard charts: read-only, one organisation, aggregates only.

Each chart is a list of bars ({label, value, note}) with a title and a text equivalent (the same
numbers as a table), drawn as server-side SVG by templates/ux/_bar_chart.html.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.utils.translation import pgettext, pgettext_lazy

from rightslens.accounts.models import Organisation


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


def severity_by_actual(counts: dict[tuple[int, bool], int]) -> dict[str, Any]:
    """`counts`: current impacts per (severity band, actual)."""
    choices = apps.get_model("assessments", "Impact")._meta.get_field("severity_band").choices
    names: dict[Any, Any] = dict(choices or [])
    bars = [
        {
            "label": f"{names.get(band, band)}, {_ACTUAL if actual else _POTENTIAL}",
            "value": counts.get((band, actual), 0),
        }
        for band in (4, 3, 2, 1)
        for actual in (True, False)
    ]
    return _chart(
        "severity",
        pgettext("staff", "Impacts by severity band: actual harm and potential harm"),
        bars,
    )


def impacts_by_right(counts: list[tuple[str, int]], title_of: Any) -> dict[str, Any]:
    """`counts`: (right id, current impacts affecting it), most affected first."""
    bars = [{"label": title_of(r), "value": n} for r, n in counts[:10]]
    return _chart(
        "rights",
        pgettext("staff", "Impacts by right (the ten rights most often affected)"),
        bars,
    )


def open_severe_trend(
    organisation: Organisation, months: int = 6, values: list[int] | None = None
) -> dict[str, Any]:
    """Open severe impacts at the end of each of the last months (exact, from the dates the
    impacts were created, addressed or closed, and replaced by a newer version). `values`: the
    counts at `month_ends(months)` when the caller has them (the dashboard counts them at once)."""
    from rightslens.assessments.selectors import dashboard_figures, month_ends

    ends = month_ends(months)
    if values is None:
        figures = dashboard_figures(organisation=organisation, trend_ends=[e for _, e in ends])
        values = figures["open_severe"]
    bars = [{"label": name, "value": n} for (name, _), n in zip(ends, values, strict=True)]
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


def dashboard_charts(
    *, organisation: Organisation, figures: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The charts from aggregate queries over the register. `figures`: the dashboard's counts
    (`dashboard_figures` with `trend_ends` at `month_ends()`), when the page already has them."""
    from rightslens.assessments.selectors import (
        dashboard_figures,
        impact_counts_by_right,
        month_ends,
    )
    from rightslens.grievances.selectors import handling_times
    from rightslens.ux.templatetags.readable import kb_title

    if figures is None:
        ends = [end for _, end in month_ends()]
        figures = dashboard_figures(organisation=organisation, trend_ends=ends)
    rights = figures.get("top_rights")
    if rights is None:
        rights = impact_counts_by_right(organisation=organisation, top=10)
    return [
        severity_by_actual(figures["by_severity"]),
        impacts_by_right(rights, kb_title),
        open_severe_trend(organisation, values=figures["open_severe"]),
        grievance_times(handling_times(organisation=organisation)),
        effectiveness_by_group(organisation),
    ]
