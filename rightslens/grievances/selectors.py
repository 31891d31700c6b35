"""Reads for case lists, the learning dashboard and the public statistics. No identities here."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from statistics import median
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Impact
from rightslens.core.grievance import (
    GrievanceState,
    TargetTimes,
    deadline_for,
    suppress_small,
    within_target,
)

from .models import (
    GP31_LABELS,
    ChannelPressure,
    Gp31Assessment,
    Grievance,
    GrievanceImpactLink,
    Remedy,
    State,
    remedy_form_label,
    settings_for,
)


def target_times(organisation: Organisation) -> TargetTimes:
    found = settings_for(organisation)
    return TargetTimes(
        found.acknowledge_days, found.review_days, found.remedy_days, found.appeal_days
    )


def grievances_for(*, organisation: Organisation) -> QuerySet[Grievance]:
    return Grievance.objects.filter(organisation=organisation).prefetch_related("systems")


def _days(start: datetime, end: datetime | None) -> float | None:
    return None if end is None else (end - start).total_seconds() / 86400


def _timing(pairs: list[tuple[datetime, datetime | None]], target_days: int) -> dict[str, Any]:
    done = [(s, e) for s, e in pairs if e is not None]
    on_time = sum(1 for s, e in done if e is not None and within_target(e - s, target_days))
    durations = [d for d in (_days(s, e) for s, e in done) if d is not None]
    return {
        "count": len(done),
        "on_time": on_time,
        "median_days": round(median(durations), 1) if durations else None,
        "target_days": target_days,
    }


def _appeal_figures(cases: list[Grievance], targets: TargetTimes) -> dict[str, Any]:
    """Latest appeal per case: answered within the appeal target, and open appeals past it."""
    appealed = [g for g in cases if g.appealed_at is not None]
    pairs = [(g.appealed_at, g.appeal_answered_at) for g in cases if g.appealed_at is not None]
    figures = _timing(pairs, targets.appeal_days)
    open_deadlines = [
        next_deadline(g, targets) for g in appealed if g.state == GrievanceState.APPEALED
    ]
    figures["open"] = len(open_deadlines)
    figures["overdue"] = sum(1 for d in open_deadlines if d and d["overdue"])
    return figures


def handling_times(*, organisation: Organisation) -> dict[str, dict[str, Any]]:
    """Days per handling step against its target, as the learning dashboard counts them, in SQL
    (one aggregate, then the middle one or two durations of each step): no case is loaded or
    decrypted, and the cost does not grow with the number of cases read into Python."""
    from django.db.models import Count, DurationField, ExpressionWrapper, F, Q

    targets = target_times(organisation)
    steps = {
        "acknowledge": ("received_at", "acknowledged_at", targets.acknowledge_days),
        "remedy": ("received_at", "remedy_proposed_at", targets.remedy_days),
        "appeal": ("appealed_at", "appeal_answered_at", targets.appeal_days),
        "resolve": ("received_at", "closed_at", targets.remedy_days),
    }
    cases = Grievance.objects.filter(organisation=organisation).order_by()
    sums: dict[str, Any] = {}
    for key, (start, end, days) in steps.items():
        done = Q(**{f"{start}__isnull": False, f"{end}__isnull": False})
        sums[f"{key}_count"] = Count("pk", filter=done)
        sums[f"{key}_on_time"] = Count(
            "pk", filter=done & Q(**{f"{end}__lte": F(start) + timedelta(days=days)})
        )
    found = cases.aggregate(**sums)
    figures = {}
    for key, (start, end, days) in steps.items():
        count = found[f"{key}_count"]
        middle: list[timedelta] = []
        if count:
            took = ExpressionWrapper(F(end) - F(start), output_field=DurationField())
            ordered = (
                cases.filter(**{f"{start}__isnull": False, f"{end}__isnull": False})
                .annotate(took=took)
                .order_by("took", "pk")
                .values_list("took", flat=True)
            )
            first = (count - 1) // 2
            middle = list(ordered[first : first + (2 if count % 2 == 0 else 1)])
        figures[key] = {
            "count": count,
            "on_time": found[f"{key}_on_time"],
            "median_days": round(median(d.total_seconds() / 86400 for d in middle), 1)
            if middle
            else None,
            "target_days": days,
        }
    return figures


def dashboard(*, organisation: Organisation) -> dict[str, Any]:
    cases = list(grievances_for(organisation=organisation))
    targets = target_times(organisation)
    helped = Counter(g.outcome_helped for g in cases if g.outcome_helped is not None)
    return {
        "total": len(cases),
        "by_state": [
            (label, sum(1 for g in cases if g.state == value)) for value, label in State.choices
        ],
        "acknowledge": _timing(
            [(g.received_at, g.acknowledged_at) for g in cases], targets.acknowledge_days
        ),
        "remedy": _timing(
            [(g.received_at, g.remedy_proposed_at) for g in cases], targets.remedy_days
        ),
        "closed": sum(1 for g in cases if g.closed_at),
        "appeal": _appeal_figures(cases, targets),
        "resolve": _timing([(g.received_at, g.closed_at) for g in cases], targets.remedy_days),
        "outcomes": Counter(
            remedy_form_label(r.form) for r in Remedy.objects.filter(organisation=organisation)
        ).most_common(),
        "helped_yes": helped.get(True, 0),
        "helped_no": helped.get(False, 0),
        "themes_by_right": Counter(r for g in cases for r in g.rights).most_common(10),
        "themes_by_system": Counter(s.name for g in cases for s in g.systems.all()).most_common(10),
    }


def public_statistics(*, organisation: Organisation) -> dict[str, Any]:
    """Aggregate figures safe to publish: no personal data, and counts of 1-4 suppressed."""
    cases = list(
        Grievance.objects.filter(organisation=organisation).only(
            "state", "rights", "received_at", "acknowledged_at", "outcome_helped"
        )
    )
    targets = target_times(organisation)
    ack = _timing([(g.received_at, g.acknowledged_at) for g in cases], targets.acknowledge_days)
    by_state = suppress_small(
        {str(label): sum(1 for g in cases if g.state == value) for value, label in State.choices}
    )
    rights = suppress_small(dict(Counter(r for g in cases for r in g.rights)))
    helped = suppress_small(
        {
            "yes": sum(1 for g in cases if g.outcome_helped is True),
            "no": sum(1 for g in cases if g.outcome_helped is False),
        }
    )
    return {
        "total": suppress_small({"total": len(cases)})["total"],
        "by_state": list(by_state.items()),
        "acknowledged": suppress_small({"n": ack["count"]})["n"],
        "acknowledged_on_time": suppress_small({"n": ack["on_time"]})["n"],
        "rights": sorted(rights.items()),
        "helped": helped,
        "targets": targets,
    }


def _knowledge_item(item_id: str) -> Any:
    """The knowledge-base item, or None when the library is absent or does not define it."""
    try:
        from rightslens.common.knowledge import knowledge

        return knowledge().get(item_id)
    except Exception:  # noqa: BLE001 - the page must work without the knowledge base
        return None


def gp31_rows(*, organisation: Organisation) -> list[dict[str, Any]]:
    saved = {a.criterion: a for a in Gp31Assessment.objects.filter(organisation=organisation)}
    rows = []
    for criterion, label in GP31_LABELS.items():
        item = _knowledge_item(criterion.value)
        rows.append(
            {
                "criterion": criterion.value,
                "label": label,
                "assessment": saved.get(criterion.value),
                "indicators": list(item.text_in("indicators", get_language()) or [])
                if item
                else [],
                "citations": [(c.label(), c.url) for c in item.citations] if item else [],
            }
        )
    return rows


def impact_trail(*, impact: Impact) -> QuerySet[GrievanceImpactLink]:
    """Grievances that changed this impact, newest first: the trail shown with the impact."""
    return GrievanceImpactLink.objects.filter(
        organisation=impact.organisation, impact=impact
    ).select_related("grievance")


def next_deadline(grievance: Grievance, targets: TargetTimes) -> dict[str, Any] | None:
    """The milestone the case is working towards, when it is due, and whether it is late.

    An appeal counts from when it was made (the published appeal target), other stages from receipt.
    """
    found = deadline_for(
        GrievanceState(grievance.state),
        received_at=grievance.received_at,
        appealed_at=grievance.appealed_at,
        targets=targets,
    )
    if found is None:
        return None
    milestone = (
        _("Appeal answered") if found.milestone is None else State(found.milestone.value).label
    )
    return {
        "milestone": milestone,
        "due": found.due,
        "overdue": found.overdue(timezone.now()),
        "appeal": found.is_appeal,
    }


def with_deadlines(cases: Any, targets: TargetTimes) -> list[Grievance]:
    listed = list(cases)
    for case in listed:
        case.deadline = next_deadline(case, targets)
    return listed


def channel_pressure_current(*, organisation: Organisation) -> ChannelPressure | None:
    """The public channel's pressure record if it was near or over budget in the last 24 hours."""
    since = timezone.now() - timedelta(hours=24)
    return ChannelPressure.objects.filter(organisation=organisation, last_at__gte=since).first()


def remedies_for_impacts(
    *, organisation: Organisation, impact_ids: set[int]
) -> dict[int, list[Remedy]]:
    """Remedies recorded on grievances linked to these impacts, by impact id (GP 22: remedy given
    through the grievance mechanism counts toward the impact's remedy). No identities or text are
    read here: callers show the form, date and case number only."""
    links = GrievanceImpactLink.objects.filter(
        organisation=organisation, impact_id__in=impact_ids
    ).values_list("impact_id", "grievance_id")
    by_grievance: dict[int, list[int]] = {}
    for impact_id, grievance_id in links:
        by_grievance.setdefault(grievance_id, []).append(impact_id)
    found: dict[int, list[Remedy]] = {}
    for remedy in Remedy.objects.filter(organisation=organisation, grievance_id__in=by_grievance):
        for impact_id in by_grievance[remedy.grievance_id]:
            found.setdefault(impact_id, []).append(remedy)
    return found
