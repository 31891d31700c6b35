"""An impact's severity ratings for templates, one entry per dimension the core declares."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django import template

from rightslens.assessments.selectors import Rating, impact_ratings
from rightslens.core.severity import SEVERITY_DIMENSIONS

register = template.Library()


@register.filter
def ratings(impact: Any) -> list[Rating]:
    """`{% for r in impact|ratings %}`: label, value, display and rationale of each dimension."""
    from rightslens.assessments.forms import dimension_label

    return [replace(r, label=dimension_label(r.name, r.label)) for r in impact_ratings(impact)]


@register.filter
def rating_fields(form: Any) -> list[tuple[Any, Any]]:
    """`{% for rating, why in form|rating_fields %}`: each dimension's bound field and rationale."""
    return [(form[d.name], form[d.rationale]) for d in SEVERITY_DIMENSIONS]
