"""`{% load cycle_flags %}{% assessment_flags assessment %}`: review flags wherever an assessment appears."""

from typing import Any

from django import template

from rightslens.assessments.cycle_selectors import flags_for
from rightslens.ux.wording import core_text

register = template.Library()


@register.inclusion_tag("cycle/_flags.html")
def assessment_flags(assessment: Any) -> dict[str, Any]:
    return {"flags": flags_for(assessment) if assessment is not None else []}


@register.filter
def suggestion_title(suggestion: Any) -> str:
    """A suggestion's title in the reader's language: its impact pattern's or risk example's
    translated title where the library gives one; else the core wording of the English title."""
    from rightslens.assessments.cycle_catalogue import suggestion_title as translated

    title = str(getattr(suggestion, "title", ""))
    return translated(str(getattr(suggestion, "example_id", "")), title) or core_text(title)


@register.filter
def kb_title(item_id: str) -> str:
    """The knowledge-base title of an id such as mit-classifiers or lev-bilateral."""
    from rightslens.assessments.cycle_catalogue import title_of

    return title_of(item_id) if item_id else ""


@register.filter
def right_label(right_id: str) -> str:
    """A right by its article, e.g. "ICCPR Art. 17" for iccpr-17 (the title up to its colon)."""
    from rightslens.assessments.cycle_catalogue import title_of

    return title_of(right_id).split(":", 1)[0] if right_id else ""
