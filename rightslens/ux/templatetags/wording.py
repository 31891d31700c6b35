"""`{% load wording %}`: the core's labels and sentences in the reader's language (rightslens.ux.wording).

- `|core_text`: a sentence or label the core built ("Severe impact “X” has no action.").
- `|core_label`: a stored value or core label ("directly_linked", "Provide remedy for the harm").
- `|finding_text`: a quality finding's message, looked up by its code.
- `|audit_text`, `|audit_values`: what an audit record says (its verb and stored summary) and its
  before and after values, see rightslens.ux.audit_wording.
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


@register.filter
def audit_text(event: Any) -> str:
    from rightslens.ux.audit_wording import audit_text as text

    return text(str(getattr(event, "verb", "")), str(getattr(event, "summary", "") or ""))


@register.filter
def audit_values(values: Any) -> str:
    from rightslens.ux.audit_wording import audit_values as shown

    return shown(values)
