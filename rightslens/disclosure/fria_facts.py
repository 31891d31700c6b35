"""Gather the facts a FRIA is assembled from: inventory, latest assessment, register, tracking,
engagement, provider information and the grievance mechanism. Reads only."""

from __future__ import annotations

from pathlib import Path

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from rightslens.assessments.models import Action, ActionStatus, Assessment, Impact
from rightslens.core.disclosure.excerpt import risk_excerpt
from rightslens.core.disclosure.fria import (
    AssessmentFacts,
    FriaFacts,
    ImpactFacts,
    SystemFacts,
    is_oversight_measure,
)
from rightslens.core.disclosure.records import Fact, SourceRef
from rightslens.core.grievance import suppress_small
from rightslens.engagement.models import EngagementEvent
from rightslens.grievances.models import Gp31Assessment, Grievance, GrievanceSettings
from rightslens.inventory.models import AISystem

from .models import Fria, ProviderDocument
from .register import Indicator, Reviewer, latest_assessment, right_label, severity_label

RESPONSE_TYPES = ("cease", "prevent", "remedy")


def _system(system: AISystem) -> SystemFacts:
    return SystemFacts(
        id=system.pk,
        name=system.name,
        purpose=system.purpose,
        description=system.description,
        intended_users=system.intended_users,
        stage=system.get_lifecycle_stage_display(),
        countries=tuple(system.countries),
        languages=tuple(system.languages),
        sectors=tuple(system.sectors),
    )


def _assessment(assessment: Assessment | None) -> AssessmentFacts | None:
    if assessment is None:
        return None
    scoping = getattr(assessment, "scoping", None)
    return AssessmentFacts(
        id=assessment.pk,
        title=assessment.title,
        version=assessment.version,
        status=assessment.get_status_display(),
        context_of_use=assessment.context_of_use,
        users=scoping.users if scoping is not None else "",
        approved_on=assessment.approved_at.date().isoformat() if assessment.approved_at else "",
    )


def _impacts(assessment: Assessment | None) -> list[Impact]:
    if assessment is None:
        return []
    actions = Action.objects.select_related("plan").prefetch_related("indicators__measurements")
    return list(
        assessment.impacts.order_by("-priority", "id").prefetch_related(
            "affected_groups", Prefetch("actions", queryset=actions)
        )
    )


def _impact_facts(impact: Impact) -> ImpactFacts:
    return ImpactFacts(
        id=impact.pk,
        title=impact.title,
        severity=severity_label(impact.severity_band),
        actual=impact.actual,
        rights=tuple(right_label(r) for r in impact.rights),
        groups=tuple(g.name for g in impact.affected_groups.all()),
        has_remedy_action=any(a.action_type == "remedy" for a in impact.actions.all()),
    )


def _action_text(action: Action) -> str:
    return _("%(type)s: %(description)s (%(status)s)") % {
        "type": action.get_action_type_display(),
        "description": action.description,
        "status": action.get_status_display().lower(),
    }


def _oversight(impacts: list[Impact]) -> tuple[Fact, ...]:
    found = []
    for impact in impacts:
        for action in impact.actions.all():
            plan = getattr(action, "plan", None)
            mitigation = plan.mitigation_type if plan is not None else ""
            if action.status != ActionStatus.CANCELLED and is_oversight_measure(
                mitigation, action.description
            ):
                found.append(Fact(_action_text(action), SourceRef("action", action.pk)))
    return tuple(found)


def _indicator_text(indicator: Indicator) -> str:
    points = list(indicator.measurements.all())
    if not points:
        return _("%(name)s: no measurement yet") % {"name": indicator.name}
    last = points[-1]
    unit = f" {indicator.unit}" if indicator.unit else ""
    return _("%(name)s: %(value)s%(unit)s on %(date)s") % {
        "name": indicator.name,
        "value": last.value,
        "unit": unit,
        "date": last.measured_on.isoformat(),
    }


def _tracking(impacts: list[Impact]) -> tuple[Fact, ...]:
    return tuple(
        Fact(_indicator_text(i), SourceRef("indicator", i.pk))
        for impact in impacts
        for action in impact.actions.all()
        for i in action.indicators.all()
    )


def _remedy(impacts: list[Impact]) -> tuple[Fact, ...]:
    return tuple(
        Fact(
            _("%(action)s, for “%(impact)s”") % {"action": _action_text(a), "impact": impact.title},
            SourceRef("action", a.pk),
        )
        for impact in impacts
        for a in impact.actions.all()
        if a.action_type in RESPONSE_TYPES and a.status != ActionStatus.CANCELLED
    )


def _groups(system: AISystem) -> tuple[tuple[Fact, ...], int]:
    groups = list(system.affected_groups.all())
    facts = tuple(
        Fact(
            _("%(group)s (at heightened risk)") % {"group": g.name} if g.vulnerable else g.name,
            SourceRef("system", system.pk),
        )
        for g in groups
    )
    return facts, sum(1 for g in groups if g.vulnerable)


def _engagement(impacts: list[Impact]) -> tuple[Fact, ...]:
    events = (
        EngagementEvent.objects.filter(impacts__in=[i.pk for i in impacts])
        .distinct()
        .order_by("-held_on", "-id")
    )
    return tuple(
        Fact(
            f"{e.title} ({e.held_on.isoformat()}): {e.changed or e.heard}",
            SourceRef("engagement_event", e.pk),
        )
        for e in events
    )


def _provider(system: AISystem) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    for d in ProviderDocument.objects.filter(organisation=system.organisation, system=system):
        source = SourceRef("provider_document", d.pk)
        facts.append(Fact(f"{d.provider}, {d.get_kind_display()}: {d.summary}", source))
        if excerpt := risk_excerpt(d.file_text):
            name = Path(d.file.name or "file").name
            facts.append(
                Fact(
                    _("%(provider)s's document “%(name)s” says: “%(excerpt)s”")
                    % {"provider": d.provider, "name": name, "excerpt": excerpt},
                    source,
                )
            )
    return tuple(facts)


def _governance(assessment: Assessment | None) -> tuple[Fact, ...]:
    if assessment is None:
        return ()
    ref = SourceRef("assessment", assessment.pk)
    facts = []
    if assessment.approved_at is not None:
        who = assessment.approved_by.get_username() if assessment.approved_by else _("an owner")
        facts.append(
            Fact(
                _("Assessment “%(title)s” v%(version)s approved by %(who)s on %(date)s")
                % {
                    "title": assessment.title,
                    "version": assessment.version,
                    "who": who,
                    "date": assessment.approved_at.date().isoformat(),
                },
                ref,
            )
        )
    for reviewer in Reviewer.objects.filter(assessment=assessment).select_related("user"):
        facts.append(
            Fact(
                _("Reviewer %(name)s: %(decision)s")
                % {
                    "name": reviewer.user.get_username(),
                    "decision": reviewer.get_decision_display(),
                },
                ref,
            )
        )
    return tuple(facts)


def _complaints(system: AISystem) -> tuple[tuple[Fact, ...], bool]:
    organisation = system.organisation
    found = GrievanceSettings.objects.filter(organisation=organisation).first()
    ack, remedy = (found.acknowledge_days, found.remedy_days) if found else (5, 45)
    channel = Fact(
        _(
            "Anyone affected can raise a grievance without an account at %(url)s "
            "(acknowledged within %(ack)s days, remedy proposed within %(remedy)s days)."
        )
        % {"url": f"/g/{organisation.slug}/", "ack": ack, "remedy": remedy},
        SourceRef("grievance_channel", organisation.pk),
    )
    # A count only, suppressed when small: nothing here may single out a complainant.
    count = Grievance.objects.filter(organisation=organisation, systems=system).count()
    shown = suppress_small({"n": count})["n"]
    about = Fact(
        _("Grievances concerning this system so far: %(n)s")
        % {"n": shown if shown is not None else _("fewer than 5")},
        SourceRef("grievance_channel", organisation.pk),
    )
    rated = Gp31Assessment.objects.filter(organisation=organisation).exclude(rating="").exists()
    return (channel, about), rated


def fria_facts(*, system: AISystem, fria: Fria | None = None) -> FriaFacts:
    """Everything the FRIA items are computed from, for this system, as it stands now."""
    assessment = latest_assessment(system)
    impacts = _impacts(assessment)
    groups, vulnerable = _groups(system)
    complaints, rated = _complaints(system)
    return FriaFacts(
        system=_system(system),
        assessment=_assessment(assessment),
        fria_id=fria.pk if fria is not None else None,
        period_of_use=fria.period_of_use if fria is not None else "",
        frequency_of_use=fria.frequency_of_use if fria is not None else "",
        affected_groups=groups,
        vulnerable_groups=vulnerable,
        engagement=_engagement(impacts),
        impacts=tuple(_impact_facts(i) for i in impacts),
        provider_information=_provider(system),
        oversight=_oversight(impacts),
        tracking=_tracking(impacts),
        governance=_governance(assessment),
        complaints=complaints,
        complaint_mechanism_rated=rated,
        remedy=_remedy(impacts),
    )
