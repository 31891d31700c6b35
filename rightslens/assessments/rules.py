"""Bridge from stored impacts to the core rules. Call `impact_apply_rules` before saving an impact."""

from __future__ import annotations

from typing import Any

from rightslens.core.involvement import (
    ActionType,
    Involvement,
    Requirement,
    Response,
    required_response,
    unmet_requirements,
)
from rightslens.core.severity import (
    SEVERITY_DIMENSIONS,
    ImpactRating,
    Likelihood,
    Severity,
    SeverityBand,
    priority_number,
)

from .models import ActionStatus, Impact


def impact_rating(impact: Impact) -> ImpactRating:
    severity = Severity(
        **{d.name: d.levels(getattr(impact, d.name)) for d in SEVERITY_DIMENSIONS}  # type: ignore[arg-type]  # keys are Severity's fields by declaration
    )
    likelihood = None if impact.actual else Likelihood(impact.likelihood or Likelihood.POSSIBLE)
    return ImpactRating(severity=severity, actual=impact.actual, likelihood=likelihood)


def impact_apply_rules(impact: Impact) -> None:
    """Set the derived severity band and priority from the impact's ratings (not saved here)."""
    rating = impact_rating(impact)
    impact.severity_band = int(rating.severity.band)
    impact.priority = priority_number(rating)


def impact_response(impact: Impact) -> Response:
    """The response involvement calls for, made more urgent when the impact is severe."""
    return response_for(
        impact.involvement, actual=impact.actual, severity_band=impact.severity_band
    )


def response_for(involvement: str, *, actual: bool, severity_band: int) -> Response:
    """`impact_response` from an impact's stored values (for reads that load no model)."""
    severe = severity_band == SeverityBand.SEVERE
    return required_response(Involvement(involvement), actual=actual, severe=severe)


def lineage_ids(impact: Impact) -> set[int]:
    """This impact and the same impact in earlier versions of its assessment."""
    ids: set[int] = set()
    current: Impact | None = impact
    while current is not None and current.pk not in ids:
        ids.add(current.pk)
        current = current.previous_version
    return ids


def grievance_remedies(impact: Impact) -> list[Any]:
    """Remedies recorded on grievances linked to this impact (or an earlier version of it)."""
    from rightslens.grievances.selectors import remedies_for_impacts  # grievances build on impacts

    by_impact = remedies_for_impacts(
        organisation=impact.organisation, impact_ids=lineage_ids(impact)
    )
    return sorted(
        {r.pk: r for found in by_impact.values() for r in found}.values(), key=lambda r: r.pk
    )


def live_action_types(impact: Impact) -> set[ActionType]:
    """The kinds of action that answer the impact's required response. Cancelled actions answer
    nothing; a remedy recorded on a linked grievance counts as remedy (GP 22), as a remedy action
    would."""
    planned = {
        ActionType(a.action_type)
        for a in impact.actions.all()
        if a.status != ActionStatus.CANCELLED
    }
    if ActionType.REMEDY not in planned and grievance_remedied(impact):
        planned.add(ActionType.REMEDY)
    return planned


def grievance_remedied(impact: Impact) -> bool:
    """Noted for a whole page by `register.note_grievance_remedies`; else asked one by one."""
    noted = getattr(impact, "grievance_remedied", None)
    if noted is not None:
        return bool(noted)
    return bool(grievance_remedies(impact))


def impact_plan_gaps(impact: Impact) -> list[Requirement]:
    """The required responses this impact's plan does not yet cover (cancelled actions never count).

    The one answer for the register, the plan page, reports, the board brief, quality checks and
    the API. Prefetch `actions` when calling it for many impacts.
    """
    return unmet_requirements(impact_response(impact), live_action_types(impact))
