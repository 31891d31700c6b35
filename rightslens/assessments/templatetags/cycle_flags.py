"""`{% load cycle_flags %}{% assessment_flags assessment %}`: review flags wherever an assessment appears."""

from typing import Any

from django import template

from rightslens.assessments.cycle_selectors import flags_for

register = template.Library()


@register.inclusion_tag("cycle/_flags.html")
def assessment_flags(assessment: Any) -> dict[str, Any]:
    return {"flags": flags_for(assessment) if assessment is not None else []}


@register.filter
def kb_title(item_id: str) -> str:
    """The knowledge-base title of an id such as mit-classifiers or lev-bilateral."""
    from rightslens.assessments.cycle_catalogue import title_of

    return title_of(item_id) if item_id else ""
