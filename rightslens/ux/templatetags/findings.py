"""`{% load findings %}{% finding_fix_url finding org %}`: where a quality finding can be fixed."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()

# Finding code -> the page that fixes it (impact findings take the impact id, the rest the
# assessment id). Codes not listed go to the subject's main page.
_IMPACT_PAGES = {
    "severe_without_group": "impact_edit",
    "rating_without_rationale": "impact_edit",
    "severe_without_action": "cycle_plan",
    "actual_harm_without_remedy": "cycle_plan",
    "vulnerable_without_disaggregation": "cycle_tracking",
    "closed_without_evidence": "cycle_tracking",
}
_ASSESSMENT_PAGES = {
    "category_not_considered": "cycle_identify",
    "red_line_undecided": "cycle_scoping",
    "system_changed": "cycle_scoping",
    "overdue": "cycle_reminders",
}


def _url(name: str, **kwargs: Any) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


@register.simple_tag
def finding_fix_url(finding: Any, org: Any, assessment: Any = None) -> str:
    kind, _, raw_id = str(getattr(finding, "subject", "")).partition(":")
    if not raw_id.isdigit() or org is None:
        return ""
    slug, pk = org.slug, int(raw_id)
    if kind == "impact":
        page = _IMPACT_PAGES.get(finding.code, "impact_edit")
        if page == "cycle_plan" and assessment is not None:
            return _url(page, org_slug=slug, assessment_id=assessment.pk)
        if page == "cycle_tracking":
            return _url(page, org_slug=slug, impact_id=pk)
        return _url("impact_edit", org_slug=slug, impact_id=pk)
    if kind == "action":
        from rightslens.assessments.models import Action

        impact_id = (
            Action.objects.filter(organisation_id=org.pk, pk=pk)
            .values_list("impact_id", flat=True)
            .first()
        )
        return _url("cycle_tracking", org_slug=slug, impact_id=impact_id) if impact_id else ""
    if kind == "assessment":
        page = _ASSESSMENT_PAGES.get(finding.code, "assessment_detail")
        if page == "cycle_reminders":
            return _url(page, org_slug=slug)
        return _url(page, org_slug=slug, assessment_id=pk)
    return ""
