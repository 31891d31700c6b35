"""Bridge from stored impacts to the core rules. Call `impact_apply_rules` before saving an impact."""

from __future__ import annotations

from rightslens.core.involvement import Involvement, Response, required_response
from rightslens.core.severity import (
    ImpactRating,
    Irremediability,
    Likelihood,
    Scale,
    Scope,
    Severity,
    SeverityBand,
    priority_key,
)

from .models import Impact


def impact_rating(impact: Impact) -> ImpactRating:
    severity = Severity(
        Scale(impact.scale), Scope(impact.scope), Irremediability(impact.irremediability)
    )
    likelihood = None if impact.actual else Likelihood(impact.likelihood or Likelihood.POSSIBLE)
    return ImpactRating(severity=severity, actual=impact.actual, likelihood=likelihood)


def priority_number(rating: ImpactRating) -> int:
    """The priority key packed into one integer so SQL can sort the register by it."""
    band, irremediability, scale_plus_scope, likelihood = priority_key(rating)
    return band * 10000 + irremediability * 1000 + scale_plus_scope * 10 + likelihood


def impact_apply_rules(impact: Impact) -> None:
    """Set the derived severity band and priority from the impact's ratings (not saved here)."""
    rating = impact_rating(impact)
    impact.severity_band = int(rating.severity.band)
    impact.priority = priority_number(rating)


def impact_response(impact: Impact) -> Response:
    """The response involvement calls for, made more urgent when the impact is severe."""
    severe = impact.severity_band == SeverityBand.SEVERE
    return required_response(Involvement(impact.involvement), actual=impact.actual, severe=severe)
