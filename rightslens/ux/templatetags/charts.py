"""`{% load charts %}{% dashboard_charts org %}`: the dashboard's SVG charts with their tables."""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.ux.charts import dashboard_charts as figures

register = template.Library()


@register.inclusion_tag("ux/charts.html")
def dashboard_charts(org: Any) -> dict[str, Any]:
    return {"charts": figures(organisation=org)}
