"""Review and sign-off: draft -> in review -> approved -> superseded (rules in core.lifecycle).

Approval freezes the content in `Assessment.snapshot`; a new version starts as a copy of it and
supersedes the approved one when the new version is itself approved.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership
from rightslens.assessments.models import (
    Action,
    Assessment,
    AssessmentStatus,
    Impact,
    refresh_replaced,
)
from rightslens.core import lifecycle, quality
from rightslens.core.severity import SeverityBand
from rightslens.errors import FieldErrors, StaleVersion
from rightslens.notifications import events as notification_events
from rightslens.ux.wording import core_text

from . import approval_gates, cycle_selectors, documents
from .cycle_models import ActionPlan, CategoryReview, Indicator, ReviewDecision, Reviewer, Scoping
from .independence import independent_signoff_problem
from .services import impact_copy_into


def _moved_by_someone_else(assessment: Assessment) -> StaleVersion:
    message = _(
        "Someone else moved this assessment since you opened it: reload to see where it stands; "
        "nothing was changed."
    )
    return StaleVersion({"status": message}, message=message)


def _status_claim(assessment: Assessment, before: str, target: str, **fields: Any) -> None:
    """Move the status in one conditional UPDATE: only if it is still `before`, writing only the
    status, `fields`, `updated_at` and a bumped `lock_version` (so an edit form loaded before
    the move is refused). A move decided on a stale copy changes nothing and says so."""
    now = timezone.now()
    moved = Assessment.objects.filter(pk=assessment.pk, status=before).update(
        status=target, updated_at=now, lock_version=F("lock_version") + 1, **fields
    )
    if not moved:
        raise _moved_by_someone_else(assessment)
    # The UPDATE bypasses Assessment.save, which keeps Impact.replaced_at: keep it here too.
    refresh_replaced({assessment.pk})
    assessment.status, assessment.updated_at = target, now
    for name, value in fields.items():
        setattr(assessment, name, value)
    assessment._register_state = assessment._currency()
    assessment.lock_version = Assessment.objects.values_list("lock_version", flat=True).get(
        pk=assessment.pk
    )


def _move(assessment: Assessment, actor: Any, target: AssessmentStatus, verb: str) -> Assessment:
    before = assessment.status
    if not lifecycle.can_move(lifecycle.State(before), lifecycle.State(target)):
        raise FieldErrors(
            {
                "status": _("A %(status)s assessment cannot move to %(target)s.")
                % {
                    "status": assessment.get_status_display().lower(),
                    "target": AssessmentStatus(target).label.lower(),
                }
            }
        )
    _status_claim(assessment, before, target)
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb=verb,
        obj=assessment,
        summary=f"{before} → {target}",
        before={"status": before},
        after={"status": str(target)},
    )
    return assessment


@transaction.atomic
def assessment_submit(*, assessment: Assessment, actor: Any) -> Assessment:
    return _move(assessment, actor, AssessmentStatus.IN_REVIEW, "assessment.submit")


@transaction.atomic
def assessment_return(*, assessment: Assessment, actor: Any) -> Assessment:
    return _move(assessment, actor, AssessmentStatus.DRAFT, "assessment.return")


def approval_refusals(assessment: Assessment, membership: Membership) -> list[str]:
    findings = cycle_selectors.quality_findings(assessment)
    ctx = lifecycle.ApprovalContext(
        current=lifecycle.State(assessment.status),
        has_severe_impact=assessment.impacts.filter(severity_band=SeverityBand.SEVERE).exists(),
        approver_is_senior=membership.is_senior or membership.only_assessment_id == assessment.pk,
        failing_errors=tuple(
            f.message for f in quality.errors(findings) if f.code != "red_line_undecided"
        ),
        undecided_red_lines=cycle_selectors.undecided_red_lines(assessment),
    )
    return (
        lifecycle.approval_refusals(ctx)
        + _problems(independent_signoff_problem, assessment, membership)
        + approval_gates.approval_gate_problems(assessment)
    )


def _problems(check: Any, assessment: Assessment, membership: Membership) -> list[str]:
    return [problem] if (problem := check(assessment, membership)) else []


@transaction.atomic
def assessment_approve(*, assessment: Assessment, membership: Membership) -> Assessment:
    """Approve and freeze. Refused, with the list of reasons, when any rule says no."""
    if refusals := approval_refusals(assessment, membership):
        raise FieldErrors(
            {"approval": " ".join(core_text(r) for r in refusals)}, message=_("Approval refused.")
        )
    actor = membership.user
    before, approved_at = assessment.status, timezone.now()
    # The frozen snapshot records the assessment as approved.
    assessment.status, assessment.approved_at = AssessmentStatus.APPROVED, approved_at
    snapshot = documents.assessment_document(assessment)
    assessment.status = before
    _status_claim(
        assessment,
        before,
        AssessmentStatus.APPROVED,
        approved_at=approved_at,
        approved_by=actor,
        snapshot=snapshot,
    )
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="assessment.approve",
        obj=assessment,
        summary=f"Approved version {assessment.version}",
        before={"status": "in_review"},
        after={"status": "approved"},
    )
    for older in _approved_predecessors(assessment):
        _status_claim(older, AssessmentStatus.APPROVED, AssessmentStatus.SUPERSEDED)
        audit_record(
            organisation=older.organisation,
            actor=actor,
            verb="assessment.supersede",
            obj=older,
            summary=f"Superseded by version {assessment.version}",
            before={"status": "approved"},
            after={"status": "superseded", "by": assessment.pk},
        )
    return assessment


def _approved_predecessors(assessment: Assessment) -> list[Assessment]:
    found, current = [], assessment.previous
    while current is not None:
        if current.status == AssessmentStatus.APPROVED:
            found.append(current)
        current = current.previous
    return found


def _copy_impact(impact: Impact, into: Assessment) -> Impact:
    actions = list(impact.actions.all())
    impact = impact_copy_into(impact=impact, into=into)
    for action in actions:
        plan = ActionPlan.objects.filter(action=action).first()
        _copy_action(action, impact, plan)
    return impact


def _copy_action(action: Action, impact: Impact, plan: ActionPlan | None) -> None:
    indicators = list(action.indicators.all())
    action.pk = None
    action.id = None
    action.impact = impact
    action.save()
    for indicator in indicators:
        _copy_indicator(indicator, action)
    if plan is not None:
        ActionPlan.objects.create(
            organisation=impact.organisation,
            action=action,
            preference=plan.preference,
            leverage_kind=plan.leverage_kind,
            mitigation_type=plan.mitigation_type,
        )


def _copy_indicator(indicator: Indicator, action: Action) -> None:
    """Tracking continues in the new version: the indicator and its history come along."""
    measurements = list(indicator.measurements.prefetch_related("groups", "evidence"))
    indicator.pk = None
    indicator.id = None
    indicator.action = action
    indicator.save()
    for measurement in measurements:
        groups, evidence = list(measurement.groups.all()), list(measurement.evidence.all())
        measurement.pk = None
        measurement.id = None
        measurement.indicator = indicator
        measurement.save()
        rows: list[Any] = [*groups, *evidence]
        for row in rows:
            row.pk = None
            row.id = None
            row.measurement = measurement
            row.save()


def _open_successor(
    assessment: Assessment, actor: Any, trigger: str, trigger_note: str
) -> Assessment:
    """The draft of the next version (the database allows one open successor per assessment)."""
    return Assessment.objects.create(
        organisation=assessment.organisation,
        system=assessment.system,
        title=assessment.title,
        kind=assessment.kind,
        trigger=trigger or assessment.trigger,
        trigger_note=trigger_note,
        version=assessment.version + 1,
        previous=assessment,
        context_of_use=assessment.context_of_use,
        scope_countries=list(assessment.scope_countries),
        scope_languages=list(assessment.scope_languages),
        created_by=actor,
    )


@transaction.atomic
def assessment_new_version(
    *, assessment: Assessment, actor: Any, trigger: str = "", trigger_note: str = ""
) -> Assessment:
    """Start the next version from an approved assessment: same scope, impacts and actions, as a draft.

    The approved row is locked first, so two clicks at once open one draft: the second is told.
    """
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.APPROVED:
        raise FieldErrors(
            {"status": _("Only the approved version can be re-opened as a new version.")}
        )
    if assessment.successors.filter(
        status__in=[AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW]
    ).exists():
        raise FieldErrors({"status": _("A newer version is already open.")})
    source_impacts = list(assessment.impacts.all())
    scoping = Scoping.objects.filter(assessment=assessment).first()
    reviews = list(assessment.category_reviews.all())
    try:
        with transaction.atomic():
            new = _open_successor(assessment, actor, trigger, trigger_note)
    except IntegrityError:
        raise FieldErrors({"status": _("A newer version is already open.")}) from None
    if scoping is not None:
        scoping.pk = None
        scoping.id = None
        scoping.assessment = new
        scoping.red_line_screening_id = None
        scoping.save()
    for review in reviews:
        CategoryReview.objects.create(
            organisation=new.organisation,
            assessment=new,
            category_ref=review.category_ref,
            outcome=review.outcome,
            reason=review.reason,
            reviewed_by=review.reviewed_by,
        )
    for impact in source_impacts:
        _copy_impact(impact, new)
    audit_record(
        organisation=new.organisation,
        actor=actor,
        verb="assessment.new_version",
        obj=new,
        summary=f"Version {new.version} from version {assessment.version}",
        after={"previous": assessment.pk, "trigger": new.trigger},
    )
    return new


@transaction.atomic
def reviewer_add(*, assessment: Assessment, actor: Any, email: str) -> Reviewer:
    user = (
        get_user_model()
        .objects.filter(
            email__iexact=(email or "").strip(), memberships__organisation=assessment.organisation
        )
        .first()
    )
    if user is None:
        raise FieldErrors({"email": _("No member of this organisation has that email address.")})
    reviewer, _created = Reviewer.objects.get_or_create(
        organisation=assessment.organisation, assessment=assessment, user=user
    )
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="reviewer.add",
        obj=reviewer,
        summary=f"Reviewer {user.email}",
    )
    notification_events.review_requested(reviewer)
    return reviewer


@transaction.atomic
def reviewer_decide(*, assessment: Assessment, actor: Any, decision: str, comment: str) -> Reviewer:
    reviewer = Reviewer.objects.filter(assessment=assessment, user=actor).first()
    if reviewer is None:
        raise FieldErrors({"decision": _("You are not a reviewer of this assessment.")})
    if decision not in (ReviewDecision.APPROVE, ReviewDecision.CHANGES):
        raise FieldErrors({"decision": _("Recommend approval or ask for changes.")})
    if decision == ReviewDecision.CHANGES and not (comment or "").strip():
        raise FieldErrors({"comment": _("Say what should change.")})
    before = reviewer.decision
    reviewer.decision, reviewer.comment = decision, (comment or "").strip()
    reviewer.save()
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="reviewer.decide",
        obj=reviewer,
        summary=decision,
        before={"decision": before},
        after={"decision": decision, "comment": reviewer.comment},
    )
    return reviewer
