"""Review and sign-off pages: send for review, reviewers, approve, new version, compare, audit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rightslens.accounts.access import member_or_404, outside_reviewer_may
from rightslens.accounts.models import AuditEvent, Membership
from rightslens.assessments.models import Action, Assessment
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import approval_gates, cycle_forms, cycle_selectors, cycle_services, documents, signoff
from .cycle_models import ActionPlan, EvidenceFile, Indicator, Measurement
from .cycle_views import _assessment, _url


def _review_context(
    request: HttpRequest, assessment: Assessment, membership: Membership
) -> dict[str, object]:
    return {
        "assessment": assessment,
        "findings": cycle_selectors.quality_findings(assessment),
        "refusals": signoff.approval_refusals(assessment, membership)
        if assessment.status == "in_review"
        else [],
        "reviewers": list(assessment.reviewers.select_related("user")),
        "is_reviewer": assessment.reviewers.filter(user=membership.user).exists(),
        "reviewer_form": cycle_forms.ReviewerForm(),
        "decision_form": cycle_forms.ReviewDecisionForm(),
        "version_form": cycle_forms.NewVersionForm(),
        "coverage": cycle_selectors.coverage(assessment),
        "versions": _versions(assessment),
        "flags": cycle_selectors.flags_for(assessment),
        "unheard_severe": approval_gates.unheard_severe_impacts(assessment),
    }


def _versions(assessment: Assessment) -> list[Assessment]:
    """Every version in this assessment's chain, oldest first."""
    root = assessment
    while root.previous is not None:
        root = root.previous
    chain, frontier = [root], [root]
    while frontier:
        nxt = list(Assessment.objects.filter(previous__in=frontier))
        chain += nxt
        frontier = nxt
    return sorted(chain, key=lambda a: a.version)


@org_view("GET")
def review(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, assessment_id=assessment_id)
    assessment = _assessment(membership, assessment_id)
    return render(request, "cycle/review.html", _review_context(request, assessment, membership))


@org_view("POST")
def review_action(
    request: HttpRequest, org_slug: str, assessment_id: int, step: str
) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, assessment_id=assessment_id)
    outside_reviewer_may(membership, step)
    assessment = _assessment(membership, assessment_id)
    target = _url(assessment, "review")
    try:
        if step == "submit":
            signoff.assessment_submit(assessment=assessment, actor=request.user)
            messages.success(request, pgettext("staff", "Sent for review."))
        elif step == "return":
            signoff.assessment_return(assessment=assessment, actor=request.user)
            messages.success(request, pgettext("staff", "Returned to draft."))
        elif step == "approve":
            signoff.assessment_approve(assessment=assessment, membership=membership)
            messages.success(request, pgettext("staff", "Approved. The content is now frozen."))
        elif step == "reviewer":
            signoff.reviewer_add(
                assessment=assessment, actor=request.user, email=request.POST.get("email", "")
            )
        elif step == "decide":
            signoff.reviewer_decide(
                assessment=assessment,
                actor=request.user,
                decision=request.POST.get("decision", ""),
                comment=request.POST.get("comment", ""),
            )
        elif step == "engagement-reason":
            cycle_services.impact_engagement_gap_record(
                assessment=assessment,
                actor=request.user,
                impact_id=request.POST.get("impact_id"),
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, pgettext("staff", "Reason recorded."))
        elif step == "new-version":
            new = signoff.assessment_new_version(
                assessment=assessment,
                actor=request.user,
                trigger=request.POST.get("trigger", ""),
                trigger_note=request.POST.get("trigger_note", ""),
            )
            messages.success(
                request,
                _("Version %(version)s started from the approved version.")
                % {"version": new.version},
            )
            target = _url(new, "scoping")
    except FieldErrors as exc:
        messages.error(request, exc.message + " " + " ".join(exc.fields.values()))
    return redirect(target)


@org_view("GET")
def compare(request: HttpRequest, org_slug: str, assessment_id: int, other_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    left = _assessment(membership, assessment_id)
    right = _assessment(membership, other_id)
    rows = documents.compare(documents.content_of(left), documents.content_of(right))
    return render(request, "cycle/compare.html", {"left": left, "right": right, "rows": rows})


def _audit_subjects(assessment: Assessment) -> dict[str, list[str]]:
    """Every object of this assessment whose changes are audited, by audit object type."""

    def ids(queryset: Any) -> list[str]:
        return [str(pk) for pk in queryset.values_list("pk", flat=True)]

    actions = Action.objects.filter(impact__assessment=assessment)
    indicators = Indicator.objects.filter(action__in=actions)
    querysets = (
        assessment.impacts.all(),
        actions,
        ActionPlan.objects.filter(action__in=actions),
        assessment.category_reviews.all(),
        assessment.suggestion_decisions.all(),
        assessment.reviewers.all(),
        indicators,
        Measurement.objects.filter(indicator__in=indicators),
        EvidenceFile.objects.filter(measurement__indicator__in=indicators),
    )
    # Keyed by each model's own label, as audit_record stores it ("assessments.categoryreview").
    subjects = {Assessment._meta.label_lower: [str(assessment.pk)]}
    subjects.update({q.model._meta.label_lower: ids(q) for q in querysets})
    return subjects


@org_view("GET")
def audit(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    assessment = _assessment(membership, assessment_id)
    match = Q(pk__in=[])
    for object_type, object_ids in _audit_subjects(assessment).items():
        match |= Q(object_type=object_type, object_id__in=object_ids)
    events = AuditEvent.objects.filter(match, organisation=membership.organisation).select_related(
        "actor"
    )
    return render(request, "cycle/audit.html", {"assessment": assessment, "events": events[:500]})
