"""`{% load wording %}`: the core's labels and sentences in the reader's language (rightslens.ux.wording).

- `|core_text`: a sentence or label the core built ("Severe impact “X” has no action.").
- `|core_label`: a stored value or core label ("directly_linked", "Provide remedy for the harm").
- `|finding_text`: a quality finding's message, looked up by its code.
"""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.ux import wording

register = template.Library()


@register.filter
def core_text(value: Any) -> str:
    return wording.core_text("" if value is None else value)


@register.filter
def core_label(value: Any) -> str:
    return wording.core_label("" if value is None else value)


@register.filter
def finding_text(finding: Any) -> str:
    return wording.finding_text(finding)
