"""`{% load charts %}{% dashboard_charts org %}`: the dashboard's SVG charts with their tables."""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.ux.charts import dashboard_charts as figures

register = template.Library()


@register.inclusion_tag("ux/charts.html")
def dashboard_charts(org: Any, counts: dict[str, Any] | None = None) -> dict[str, Any]:
    """`counts`: the page's `dashboard_figures` (with the trend's month ends), if it has them."""
    return {"charts": figures(organisation=org, figures=counts)}
