"""Gather the ESRS S4 facts for an organisation and a period. Grievances only as counts."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import ActionStatus, AssessmentStatus, Impact
from rightslens.core.disclosure.esrs import EsrsFacts, GrievanceFigures
from rightslens.core.disclosure.records import Fact, SourceRef
from rightslens.core.severity import SeverityBand
from rightslens.engagement.models import EngagementEvent
from rightslens.grievances.models import Gp31Assessment, Grievance, GrievanceSettings, Remedy
from rightslens.inventory.models import AISystem

from .register import Indicator


def _in_period(field: str, start: date, end: date) -> Q:
    return Q(**{f"{field}__date__gte": start, f"{field}__date__lte": end})


def _grievances(organisation: Organisation, start: date, end: date) -> GrievanceFigures:
    received = list(
        Grievance.objects.filter(
            _in_period("received_at", start, end), organisation=organisation
        ).only("received_at", "acknowledged_at", "outcome_helped")
    )
    found = GrievanceSettings.objects.filter(organisation=organisation).first()
    ack_days = found.acknowledge_days if found else 5
    on_time = sum(
        1
        for g in received
        if g.acknowledged_at is not None and (g.acknowledged_at - g.received_at).days <= ack_days
    )
    return GrievanceFigures(
        received=len(received),
        acknowledged_on_time=on_time,
        closed=Grievance.objects.filter(
            _in_period("closed_at", start, end), organisation=organisation
        ).count(),
        remedies=Remedy.objects.filter(
            organisation=organisation, provided_on__gte=start, provided_on__lte=end
        ).count(),
        helped=sum(1 for g in received if g.outcome_helped is True),
    )


def _register_impacts(organisation: Organisation) -> list[Impact]:
    return list(
        Impact.objects.filter(organisation=organisation)
        .exclude(assessment__status=AssessmentStatus.SUPERSEDED)
        .prefetch_related("actions")
    )


def _approved(organisation: Organisation, end: date) -> tuple[Fact, ...]:
    systems = AISystem.objects.filter(organisation=organisation, archived_at__isnull=True)
    facts = []
    for system in systems.prefetch_related("assessments"):
        approved = [
            (a.approved_at, a)
            for a in system.assessments.all()
            if a.status == AssessmentStatus.APPROVED
            and a.approved_at
            and a.approved_at.date() <= end
        ]
        if approved:
            approved_at, latest = max(approved, key=lambda pair: pair[0])
            text = (
                f"{system.name}: '{latest.title}' v{latest.version}, approved {approved_at.date()}"
            )
            facts.append(Fact(text, SourceRef("assessment", latest.pk)))
    return tuple(facts)


def _engagement(
    organisation: Organisation, start: date, end: date
) -> tuple[tuple[Fact, ...], tuple[SourceRef, ...], int]:
    events = list(
        EngagementEvent.objects.filter(
            organisation=organisation, held_on__gte=start, held_on__lte=end
        ).prefetch_related("participants")
    )
    facts = tuple(
        Fact(f"{e.title} ({e.held_on})", SourceRef("engagement_event", e.pk)) for e in events
    )
    changed = tuple(SourceRef("engagement_event", e.pk) for e in events if e.changed.strip())
    heard = len({p.pk for e in events for p in e.participants.all()})
    return facts, changed, heard


def _actions(impacts: list[Impact]) -> tuple[tuple[Fact, ...], tuple[SourceRef, ...]]:
    actions = [a for i in impacts for a in i.actions.all()]
    facts = tuple(
        Fact(
            f"{a.get_action_type_display()}: {a.description} ({a.get_status_display().lower()})",
            SourceRef("action", a.pk),
        )
        for a in actions
        if a.status != ActionStatus.CANCELLED
    )
    done = tuple(SourceRef("action", a.pk) for a in actions if a.status == ActionStatus.DONE)
    return facts, done


def _severe(impacts: list[Impact]) -> tuple[tuple[SourceRef, ...], tuple[SourceRef, ...]]:
    severe = [i for i in impacts if i.severity_band == SeverityBand.SEVERE]
    with_action = [
        i for i in severe if any(a.status != ActionStatus.CANCELLED for a in i.actions.all())
    ]
    return (
        tuple(SourceRef("impact", i.pk) for i in severe),
        tuple(SourceRef("impact", i.pk) for i in with_action),
    )


def _target(indicator: Indicator) -> str:
    return f"{indicator.target:g}" + (f" {indicator.unit}" if indicator.unit else "")


def _indicators(
    organisation: Organisation, start: date, end: date
) -> tuple[tuple[SourceRef, ...], tuple[Fact, ...]]:
    indicators = Indicator.objects.filter(organisation=organisation).exclude(
        action__impact__assessment__status=AssessmentStatus.SUPERSEDED
    )
    measured = indicators.filter(
        measurements__measured_on__gte=start, measurements__measured_on__lte=end
    ).distinct()
    targets = tuple(
        Fact(
            _("%(name)s: target %(target)s") % {"name": i.name, "target": _target(i)},
            SourceRef("indicator", i.pk),
        )
        for i in indicators.filter(target__isnull=False)
    )
    return tuple(SourceRef("indicator", i.pk) for i in measured), targets


def esrs_facts(*, organisation: Organisation, start: date, end: date) -> EsrsFacts:
    impacts = _register_impacts(organisation)
    events, changed, heard = _engagement(organisation, start, end)
    actions, done = _actions(impacts)
    severe, severe_with_action = _severe(impacts)
    measured, targets = _indicators(organisation, start, end)
    channel = Fact(
        _("Public grievance channel, no account needed: %(url)s")
        % {"url": f"/g/{organisation.slug}/"},
        SourceRef("grievance_channel", organisation.pk),
    )
    rated = Gp31Assessment.objects.filter(organisation=organisation).exclude(rating="")
    return EsrsFacts(
        systems=tuple(
            SourceRef("system", pk)
            for pk in AISystem.objects.filter(
                organisation=organisation, archived_at__isnull=True
            ).values_list("pk", flat=True)
        ),
        approved_assessments=_approved(organisation, end),
        engagement_events=events,
        events_with_change=changed,
        stakeholders_heard=heard,
        channel=channel,
        gp31_rated=tuple(SourceRef("gp31", g.pk) for g in rated),
        grievances=_grievances(organisation, start, end),
        actions=actions,
        actions_done=done,
        severe_impacts=severe,
        severe_impacts_with_action=severe_with_action,
        indicators_measured=measured,
        targets=targets,
    )
