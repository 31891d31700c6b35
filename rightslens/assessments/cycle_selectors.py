"""Reads for the cycle: flags, coverage, suggestions, quality facts and effectiveness by group."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Action, ActionStatus, Assessment, AssessmentStatus, Impact
from rightslens.core import effectiveness, gates, lifecycle, quality, suggestions
from rightslens.core.impact_fields import RATED_FIELDS
from rightslens.core.severity import RATIONALE_REQUIRED_FROM, SeverityBand
from rightslens.inventory.models import AISystem

from . import cycle_catalogue
from .cycle_models import (
    CategoryReview,
    GroupMeasurement,
    Indicator,
    Measurement,
    Scoping,
    SuggestionDecision,
)
from .register import note_grievance_remedies
from .rules import grievance_remedied, impact_plan_gaps


def scoping_of(assessment: Assessment) -> Scoping:
    """The assessment's scoping (unsaved and empty when none was recorded yet)."""
    found = Scoping.objects.filter(assessment=assessment).first()
    return found or Scoping(organisation=assessment.organisation, assessment=assessment)


# ---- Review flags ---------------------------------------------------------------------------


def flags_for(assessment: Assessment) -> list[str]:
    flags = lifecycle.review_flags(
        state=lifecycle.State(assessment.status),
        approved_at=assessment.approved_at,
        created_at=assessment.created_at,
        system_changed_at=assessment.system.changed_at,
        now=timezone.now(),
        review_period_days=assessment.organisation.review_period_days,
    )
    return [lifecycle.FLAG_TEXT[f] for f in flags]


def flagged_assessments(*, organisation: Organisation) -> list[tuple[Assessment, list[str]]]:
    """Assessments with review flags. SQL narrows the candidates to those that could carry a flag
    (old enough to be overdue, or approved before their system changed; a minute's margin keeps
    it a superset); the core's `review_flags` still decides each one."""
    margin = timedelta(days=organisation.review_period_days) - timedelta(minutes=1)
    cutoff = timezone.now() - margin
    could_be_flagged = (
        Q(approved_at__lt=cutoff)
        | Q(approved_at__isnull=True, created_at__lt=cutoff)
        | Q(approved_at__isnull=False, system__changed_at__gt=F("approved_at"))
    )
    candidates = (
        Assessment.objects.filter(organisation=organisation)
        .exclude(status=AssessmentStatus.SUPERSEDED)
        .filter(could_be_flagged)
        .select_related("system", "organisation")
    )
    found = []
    for assessment in candidates:
        if flags := flags_for(assessment):
            found.append((assessment, flags))
    return found


# ---- Identification ---------------------------------------------------------------------------


def profile_for(
    assessment: Assessment, scoping: Scoping | None = None
) -> suggestions.SystemProfile:
    """`scoping`: the assessment's scoping when the caller has read it."""
    system = assessment.system
    scoping = scoping or scoping_of(assessment)
    vulnerable = list(scoping.vulnerable_groups) + [
        g.vulnerability for g in system.affected_groups.all() if g.vulnerable and g.vulnerability
    ]
    if any(g.vulnerable and "child" in g.name.lower() for g in system.affected_groups.all()):
        vulnerable.append("vg-children")
    return suggestions.SystemProfile(
        kind=system.kind,
        languages=tuple(assessment.scope_languages or system.languages),
        countries=tuple(assessment.scope_countries or system.countries),
        sectors=tuple(system.sectors),
        vulnerable_groups=tuple(dict.fromkeys(vulnerable)),
        weights=system.weights,
        intended_users=f"{system.intended_users} {scoping.users}",
        text=f"{system.name} {system.purpose} {system.description} {assessment.context_of_use}",
        safety_tested_languages=tuple(scoping.safety_tested_languages),
    )


def open_suggestions(assessment: Assessment) -> list[suggestions.Suggestion]:
    decided = set(
        SuggestionDecision.objects.filter(assessment=assessment).values_list("key", flat=True)
    )
    found = suggestions.suggest(
        profile_for(assessment),
        cycle_catalogue.risk_examples(),
        patterns=cycle_catalogue.impact_reading_items(),
    )
    return [_readable(s) for s in found if s.key not in decided]


def open_suggestion(assessment: Assessment, key: str) -> suggestions.Suggestion | None:
    """The suggestion with this key, if it still applies and nobody has decided on it."""
    return next((s for s in open_suggestions(assessment) if s.key == key), None)


def _readable(suggestion: suggestions.Suggestion) -> suggestions.Suggestion:
    """Knowledge ids in reasons (e.g. vg-children) shown by their titles."""
    reasons = []
    for reason in suggestion.reasons:
        for group_id, title in cycle_catalogue.vulnerable_choices():
            reason = reason.replace(f"({group_id})", f"({title.lower()})")
        reasons.append(reason)
    return replace(suggestion, reasons=tuple(reasons))


SUGGESTIONS_PER_CATEGORY = 4


@dataclass(frozen=True)
class CategoryRow:
    category: cycle_catalogue.Category
    review: CategoryReview | None
    impacts: list[Impact]
    suggestions: list[suggestions.Suggestion]


def identification_rows(assessment: Assessment) -> list[CategoryRow]:
    reviews = {r.category_ref: r for r in assessment.category_reviews.all()}
    impacts: dict[str, list[Impact]] = defaultdict(list)
    for impact in assessment.impacts.all():
        impacts[impact.risk_category].append(impact)
    by_category: dict[str, list[suggestions.Suggestion]] = defaultdict(list)
    for suggestion in open_suggestions(assessment):
        by_category[suggestion.category_ref].append(suggestion)
    return [
        CategoryRow(
            c, reviews.get(c.id), impacts[c.id], by_category[c.id][:SUGGESTIONS_PER_CATEGORY]
        )
        for c in cycle_catalogue.categories()
    ]


def considered_categories(assessment: Assessment) -> set[str]:
    reviewed = set(assessment.category_reviews.values_list("category_ref", flat=True))
    return reviewed | set(assessment.impacts.values_list("risk_category", flat=True))


@dataclass(frozen=True)
class Coverage:
    categories_considered: int
    categories_total: int
    rights_considered: int
    rights_total: int

    @property
    def category_percent(self) -> int:
        return (
            round(100 * self.categories_considered / self.categories_total)
            if self.categories_total
            else 0
        )

    @property
    def rights_percent(self) -> int:
        return round(100 * self.rights_considered / self.rights_total) if self.rights_total else 0


def coverage(assessment: Assessment) -> Coverage:
    cats = cycle_catalogue.categories()
    considered = considered_categories(assessment)
    rights = set(cycle_catalogue.right_ids())
    touched = {r for c in cats if c.id in considered for r in c.right_refs}
    for impact_rights in assessment.impacts.values_list("rights", flat=True):
        touched.update(impact_rights or [])
    return Coverage(
        sum(1 for c in cats if c.id in considered), len(cats), len(touched & rights), len(rights)
    )


# ---- Effectiveness --------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    measurements: list[Measurement]
    overall: effectiveness.Verdict
    overall_reason: str
    groups: list[effectiveness.GroupResult]

    @property
    def left_behind(self) -> list[effectiveness.GroupResult]:
        return effectiveness.left_behind(self.groups)


def indicator_view(
    indicator: Indicator, measurements: list[Measurement] | None = None
) -> IndicatorView:
    """Pass `measurements` (with groups prefetched) when viewing many indicators at once."""
    rule = effectiveness.IndicatorRule(
        lower_is_better=indicator.lower_is_better,
        tolerance=indicator.tolerance,
        min_group_size=indicator.min_group_size,
        target=indicator.target,
    )
    if measurements is None:
        measurements = list(indicator.measurements.prefetch_related("groups", "evidence"))
    overall = [
        effectiveness.Point(m.measured_on, m.value, m.n)
        for m in measurements
        if m.value is not None
    ]
    series: dict[tuple[str, str], list[effectiveness.Point]] = defaultdict(list)
    for m in measurements:
        for g in m.groups.all():
            series[(g.dimension, g.group)].append(effectiveness.Point(m.measured_on, g.value, g.n))
    verdict, reason = effectiveness.series_verdict(rule, overall)
    return IndicatorView(
        indicator,
        measurements,
        verdict,
        reason,
        effectiveness.assess_groups(rule, overall, dict(series)),
    )


def indicator_views_for_impacts(impacts: Any) -> list[IndicatorView]:
    """The indicator views of every action of these impacts (a queryset), in three queries,
    most urgent impact first."""
    measured = Prefetch(
        "measurements", queryset=Measurement.objects.prefetch_related("groups", "evidence")
    )
    indicators = (
        Indicator.objects.filter(action__impact__in=impacts.values("pk"))
        .select_related("action", "action__impact")
        .prefetch_related(measured)
        .order_by("-action__impact__priority", "action__impact_id", "id")
    )
    return [indicator_view(i, list(i.measurements.all())) for i in indicators]


def serious_indicator_views(*, organisation: Organisation) -> list[IndicatorView]:
    """The indicator views of the actions on current high and severe impacts, most urgent impact
    first, in three queries driven from the organisation's indicators (not from its impacts)."""
    measured = Prefetch(
        "measurements", queryset=Measurement.objects.prefetch_related("groups", "evidence")
    )
    indicators = (
        Indicator.objects.filter(
            organisation=organisation,
            action__impact__replaced_at__isnull=True,
            action__impact__severity_band__gte=SeverityBand.HIGH,
        )
        .select_related("action", "action__impact")
        .prefetch_related(measured)
        .order_by("-action__impact__priority", "action__impact_id", "id")
    )
    return [indicator_view(i, list(i.measurements.all())) for i in indicators]


def red_line_blocked_titles(*, organisation: Organisation) -> list[str]:
    """Titles of the organisation's assessments (not superseded) whose red-line screening has an
    undecided hit, in two queries over scopings that link a screening (not over assessments)."""
    from rightslens.procurement.models import RedLineScreening

    linked = list(
        Scoping.objects.filter(organisation=organisation, red_line_screening_id__isnull=False)
        .exclude(assessment__status=AssessmentStatus.SUPERSEDED)
        .order_by("-assessment__created_at", "-assessment_id")
        .values_list("assessment__title", "red_line_screening_id")
    )
    if not linked:
        return []
    screenings = RedLineScreening.objects.filter(
        organisation=organisation, pk__in={sid for _, sid in linked}
    ).in_bulk()
    return [title for title, sid in linked if sid in screenings and screenings[sid].blocks]


def impact_indicator_views(impact: Impact) -> list[IndicatorView]:
    indicators = Indicator.objects.filter(action__impact=impact).select_related("action")
    return [indicator_view(i) for i in indicators]


# ---- Quality --------------------------------------------------------------------------------


def _missing_rationales(impact: Impact) -> tuple[str, ...]:
    return tuple(
        name
        for name in RATED_FIELDS
        if getattr(impact, name) >= RATIONALE_REQUIRED_FROM
        and not getattr(impact, f"{name}_rationale").strip()
    )


def _impact_facts(impact: Impact, disaggregated: set[int]) -> quality.ImpactFacts:
    groups = list(impact.affected_groups.all())
    # Cancelled actions answer nothing: a severe impact whose actions were all cancelled has none.
    actions = [a for a in impact.actions.all() if a.status != ActionStatus.CANCELLED]
    return quality.ImpactFacts(
        id=impact.pk,
        title=impact.title,
        severe=impact.severity_band == SeverityBand.SEVERE,
        affected_groups=len(groups),
        vulnerable_groups=sum(1 for g in groups if g.vulnerable),
        open_actions=sum(
            1 for a in actions if a.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
        ),
        all_actions=len(actions),
        disaggregated_tracking=impact.pk in disaggregated,
        rationale_missing=_missing_rationales(impact),
        remedy_owed=impact.actual and impact.involvement in ("cause", "contribute"),
        has_remedy_action=any(a.action_type == "remedy" for a in actions)
        or grievance_remedied(impact),
        response_gaps=tuple(r.label for r in impact_plan_gaps(impact)),
    )


def _action_facts(action: Action, evidenced: set[int]) -> quality.ActionFacts:
    return quality.ActionFacts(
        id=action.pk,
        impact_id=action.impact_id,
        description=action.description,
        closed=action.status == ActionStatus.DONE,
        has_effectiveness_evidence=action.pk in evidenced,
    )


def undecided_red_lines(assessment: Assessment) -> int:
    screening = red_line_screening(assessment)
    return 1 if screening is not None and screening.blocks else 0


def red_line_screening(assessment: Assessment) -> Any:
    scoping = scoping_of(assessment)
    if not scoping.red_line_screening_id:
        return None
    from rightslens.procurement.models import RedLineScreening

    return RedLineScreening.objects.filter(
        organisation=assessment.organisation, pk=scoping.red_line_screening_id
    ).first()


@dataclass(frozen=True)
class _QualityReads:
    """What the quality checks read about a set of assessments, in a fixed number of queries."""

    impacts: dict[int, list[Impact]]
    disaggregated: set[int]  # impact ids tracked by group
    evidenced: set[int]  # action ids with a measurement
    reviewed: dict[int, set[str]]  # assessment id -> category refs reviewed
    scopings: dict[int, Scoping]
    screenings: dict[int, Any]  # red-line screening id -> screening


def _quality_reads(assessments: list[Assessment]) -> _QualityReads:
    from django.db.models import prefetch_related_objects

    from rightslens.procurement.models import RedLineScreening

    ids = [a.pk for a in assessments]
    impacts: dict[int, list[Impact]] = defaultdict(list)
    found = list(
        Impact.objects.filter(assessment_id__in=ids).prefetch_related("affected_groups", "actions")
    )
    if found:
        note_grievance_remedies(assessments[0].organisation, found)
    for impact in found:
        impacts[impact.assessment_id].append(impact)
    reviewed: dict[int, set[str]] = defaultdict(set)
    for aid, ref in CategoryReview.objects.filter(assessment_id__in=ids).values_list(
        "assessment_id", "category_ref"
    ):
        reviewed[aid].add(ref)
    scopings = {s.assessment_id: s for s in Scoping.objects.filter(assessment_id__in=ids)}
    linked = {s.red_line_screening_id for s in scopings.values() if s.red_line_screening_id}
    screenings = (
        RedLineScreening.objects.filter(
            organisation_id=assessments[0].organisation_id, pk__in=linked
        ).in_bulk()
        if linked
        else {}
    )
    prefetch_related_objects(assessments, "system__affected_groups")
    return _QualityReads(
        impacts=impacts,
        disaggregated=set(
            GroupMeasurement.objects.filter(
                measurement__indicator__action__impact__assessment_id__in=ids
            ).values_list("measurement__indicator__action__impact_id", flat=True)
        ),
        evidenced=set(
            Measurement.objects.filter(
                indicator__action__impact__assessment_id__in=ids
            ).values_list("indicator__action_id", flat=True)
        ),
        reviewed=reviewed,
        scopings=scopings,
        screenings=screenings,
    )


def assessment_facts(
    assessment: Assessment, reads: _QualityReads | None = None
) -> quality.AssessmentFacts:
    """The facts the quality checks judge. `reads`: `_quality_reads` of a page of assessments
    that includes this one (a fixed number of queries for the page); read here when not given."""
    reads = reads or _quality_reads([assessment])
    impacts = reads.impacts.get(assessment.pk, [])
    scoping = reads.scopings.get(assessment.pk)
    linked = scoping.red_line_screening_id if scoping else None
    screening = reads.screenings.get(linked) if linked else None
    flags = flags_for(assessment)
    titles = cycle_catalogue.category_titles()
    considered = reads.reviewed.get(assessment.pk, set()) | {i.risk_category for i in impacts}
    return quality.AssessmentFacts(
        id=assessment.pk,
        title=assessment.title,
        all_categories=tuple(titles),
        considered_categories=frozenset(considered),
        impacts=tuple(_impact_facts(i, reads.disaggregated) for i in impacts),
        actions=tuple(_action_facts(a, reads.evidenced) for i in impacts for a in i.actions.all()),
        undecided_red_lines=1 if screening is not None and screening.blocks else 0,
        overdue=lifecycle.FLAG_TEXT[lifecycle.ReviewFlag.OVERDUE] in flags,
        system_changed=lifecycle.FLAG_TEXT[lifecycle.ReviewFlag.SYSTEM_CHANGED] in flags,
        untested_languages=suggestions.untested_languages(profile_for(assessment, scoping))
        if scoping is not None and scoping.safety_tested_languages
        else (),
        category_titles=titles,
    )


def quality_findings(assessment: Assessment) -> list[quality.Finding]:
    return quality.run_checks(assessment_facts(assessment))


def quality_findings_for(
    assessments: list[Assessment],
) -> list[tuple[Assessment, list[quality.Finding]]]:
    """Findings for a page of assessments, reading them all at once (a fixed number of queries,
    whatever the page holds)."""
    if not assessments:
        return []
    reads = _quality_reads(assessments)
    return [(a, quality.run_checks(assessment_facts(a, reads))) for a in assessments]


def live_assessments(*, organisation: Organisation) -> Any:
    """Assessments that are not superseded, newest first: what the quality page checks."""
    return (
        Assessment.objects.filter(organisation=organisation)
        .exclude(status=AssessmentStatus.SUPERSEDED)
        .select_related("system", "organisation")
    )


def org_quality(*, organisation: Organisation) -> list[tuple[Assessment, list[quality.Finding]]]:
    return quality_findings_for(list(live_assessments(organisation=organisation)))


def system_clearance(system: AISystem) -> dict[str, Any]:
    """Whether a system is cleared (core.gates.system_clearance): the one status that the API, the
    CI check and `rightslens system show` all report."""
    live = Assessment.objects.filter(system=system).exclude(status=AssessmentStatus.SUPERSEDED)
    approved = live.filter(status=AssessmentStatus.APPROVED).order_by("-approved_at").first()
    open_ones = live.filter(status__in=[AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW])
    result = gates.system_clearance(
        approved_at=approved.approved_at if approved else None,
        system_changed_at=system.changed_at,
        open_assessments=tuple(
            gates.OpenAssessment(a.pk, a.created_at) for a in open_ones.order_by("pk")
        ),
        now=timezone.now(),
        review_period_days=system.organisation.review_period_days,
    )
    return {
        "system_id": system.pk,
        "status": result.status.value,
        "status_text": gates.CLEARANCE_TEXT[result.status],
        "cleared": result.status is gates.Clearance.CLEARED,
        "exit_code": result.exit_code,
        "needs_assessment": result.status is gates.Clearance.ASSESSMENT_NEEDED,
        "reasons": list(result.reasons),
        "suggested_kind": result.suggested_kind,
        "approved_assessment_id": approved.pk if approved else None,
        "open_assessment_ids": [a.pk for a in open_ones.order_by("pk")],
        "covering_open_ids": list(result.covering_open_ids),
    }
