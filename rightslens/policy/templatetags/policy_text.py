"""Template filters showing a policy criterion's text in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.policy.criteria_text import criterion_text

register = template.Library()


@register.filter
def criterion_field(finding: Any, name: str) -> str:
    """`{{ finding|criterion_field:"title" }}`: a finding's (or comparison row's) criterion text."""
    code = finding["code"] if isinstance(finding, dict) else finding.code
    stored = finding.get(name, "") if isinstance(finding, dict) else getattr(finding, name, "")
    return criterion_text(code, name, str(stored or ""))


@register.filter
def criterion_title(code: str, stored: str) -> str:
    """`{{ code|criterion_title:stored_title }}`: the criterion's title in the reader's language."""
    return criterion_text(code, "title", stored)
