"""Reads: the register, the log, and coverage of severe impacts by engagement."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.assessments.selectors import current_impacts
from rightslens.core.engagement import StakeholderKind, impact_coverage, share_outside_na_we

from .models import EngagementEvent, Stakeholder

SEVERE_BAND = 4


def stakeholders_for(*, organisation: Organisation) -> Any:
    return Stakeholder.objects.filter(organisation=organisation).select_related("represents")


def events_for(*, organisation: Organisation) -> Any:
    return EngagementEvent.objects.filter(organisation=organisation).prefetch_related(
        "participants", "impacts"
    )


def _participations(organisation: Organisation) -> list[tuple[int, Stakeholder]]:
    through = EngagementEvent.participants.through
    rows = through.objects.filter(engagementevent__organisation=organisation).select_related(
        "stakeholder"
    )
    return [(row.engagementevent_id, row.stakeholder) for row in rows]


def groups_heard(
    *, organisation: Organisation, group_ids: set[int], impact_ids: set[int] | None = None
) -> set[int]:
    """Which of these affected groups took part in an engagement, themselves or through a credible
    proxy (experts do not speak for a group); with `impact_ids`, only engagement recorded about
    one of those impacts counts."""
    heard = Stakeholder.objects.filter(
        organisation=organisation,
        represents_id__in=group_ids,
        kind__in=[StakeholderKind.AFFECTED, StakeholderKind.PROXY],
        events__isnull=False,
    )
    if impact_ids is not None:
        heard = heard.filter(events__impacts__in=impact_ids)
    return set(heard.values_list("represents_id", flat=True))


def coverage(*, organisation: Organisation) -> dict[str, Any]:
    """For each severe impact: which affected groups were heard about it, elsewhere, or not at all."""
    participations = _participations(organisation)
    heard_anywhere = {s.represents_id for _e, s in participations if s.represents_id}
    groups_by_event: dict[int, set[int]] = {}
    for event_id, stakeholder in participations:
        if stakeholder.represents_id:
            groups_by_event.setdefault(event_id, set()).add(stakeholder.represents_id)
    rows = []
    severe = (
        current_impacts(organisation=organisation)
        .filter(severity_band=SEVERE_BAND)
        .select_related("assessment__system")
        .prefetch_related("affected_groups", "engagement_events")
    )
    for impact in severe:
        groups = {g.pk: g for g in impact.affected_groups.all()}
        heard_on = set().union(
            *(groups_by_event.get(e.pk, set()) for e in impact.engagement_events.all())
        )
        result = impact_coverage(set(groups), heard_on, heard_anywhere)
        rows.append(
            {
                "impact": impact,
                "heard": [groups[i] for i in sorted(result.heard)],
                "heard_elsewhere": [groups[i] for i in sorted(result.heard_elsewhere)],
                "unheard": [groups[i] for i in sorted(result.unheard)],
            }
        )
    share = share_outside_na_we(s.region for _e, s in participations)
    return {"rows": rows, "share_outside": share, "participations": len(participations)}
