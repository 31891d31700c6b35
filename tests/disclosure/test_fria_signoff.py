"""FRIA sign-off as for assessments: reviewers, return with reasons, independent approval when
the system has a severe impact, no approval over unanswered gaps, everything audited."""

from __future__ import annotations

import pytest

from conftest import make_member
from rightslens.accounts.models import AuditEvent, Membership
from rightslens.disclosure import services, signoff
from rightslens.disclosure.models import Fria, FriaReviewDecision, FriaStatus
from rightslens.errors import FieldErrors
from rightslens.notifications.models import Notification

from .conftest import make_impact

pytestmark = pytest.mark.django_db


def _in_review(system, author) -> Fria:
    fria = services.fria_start(system=system, actor=author)
    return services.fria_submit(fria=fria, actor=author)


def _answer_all(fria: Fria, actor) -> None:
    gaps = signoff.fria_gaps(fria=fria)
    signoff.fria_gap_reasons_record(fria=fria, actor=actor, reasons={g: "Accepted" for g in gaps})


def _member(user) -> Membership:
    return Membership.objects.get(user=user)


def test_unanswered_gaps_refuse_approval_with_the_list_until_each_has_a_reason(
    owner, system, impact
):
    fria = _in_review(system, owner)
    gaps = signoff.fria_gaps(fria=fria)
    assert any("oversight" in g for g in gaps)
    with pytest.raises(FieldErrors) as refused:
        services.fria_approve(fria=fria, membership=_member(owner))
    for gap in gaps:
        assert f"Gap not answered: {gap}" in refused.value.fields["approval"]
    fria.refresh_from_db()
    assert fria.status == FriaStatus.IN_REVIEW and not fria.snapshot
    # A reason for all but one gap still refuses, naming only that gap.
    signoff.fria_gap_reasons_record(
        fria=fria, actor=owner, reasons={g: "Out of scope" for g in gaps[1:]}
    )
    with pytest.raises(FieldErrors) as refused:
        services.fria_approve(fria=fria, membership=_member(owner))
    assert gaps[0] in refused.value.fields["approval"]
    assert gaps[1] not in refused.value.fields["approval"]
    _answer_all(fria, owner)
    services.fria_approve(fria=fria, membership=_member(owner))
    assert fria.status == FriaStatus.APPROVED
    assert AuditEvent.objects.filter(verb="fria.gap_reasons", object_id=str(fria.pk)).exists()


def test_a_reason_for_a_gap_the_fria_does_not_have_is_refused_and_nothing_saved(owner, system):
    fria = services.fria_start(system=system, actor=owner)
    with pytest.raises(FieldErrors):
        signoff.fria_gap_reasons_record(fria=fria, actor=owner, reasons={"z: invented": "x"})
    fria.refresh_from_db()
    assert fria.gap_reasons == {}


def test_the_author_cannot_approve_alone_when_the_system_has_a_severe_impact(
    org, owner, system, assessment
):
    make_impact(assessment, severity_band=4)
    fria = _in_review(system, owner)
    _answer_all(fria, owner)
    with pytest.raises(FieldErrors) as refused:
        services.fria_approve(fria=fria, membership=_member(owner))
    assert "This FRIA has a severe impact" in refused.value.fields["approval"]
    colleague = make_member(org, "second-owner@acme.test", "owner")
    services.fria_approve(fria=fria, membership=_member(colleague))
    assert fria.approved_by == colleague


def test_the_author_may_approve_when_independent_signoff_is_off_or_nothing_is_severe(
    org, owner, system, assessment
):
    make_impact(assessment, severity_band=3)
    fria = _in_review(system, owner)
    _answer_all(fria, owner)
    assert signoff.fria_approval_refusals(fria=fria, membership=_member(owner)) == []
    make_impact(assessment, title="Severe one", severity_band=4)
    assert signoff.fria_approval_refusals(fria=fria, membership=_member(owner))
    org.independent_signoff = False
    org.save()
    fria.refresh_from_db()
    assert signoff.fria_approval_refusals(fria=fria, membership=_member(owner)) == []


def test_review_is_requested_decided_and_returned_with_reasons_all_audited(
    owner_client, owner, assessor, system, impact
):
    fria = _in_review(system, owner)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    owner_client.post(url + "reviewers/", {"email": "assessor@acme.test"})
    reviewer = fria.reviewers.get()
    assert reviewer.user == assessor
    notice = Notification.objects.get(recipient__user=assessor)
    assert notice.link == url and "FRIA" in notice.subject
    with pytest.raises(FieldErrors):
        services.fria_reviewer_decide(
            fria=fria, actor=assessor, decision=FriaReviewDecision.CHANGES, comment=" "
        )
    services.fria_reviewer_decide(
        fria=fria, actor=assessor, decision=FriaReviewDecision.CHANGES, comment="Add oversight"
    )
    with pytest.raises(FieldErrors):
        services.fria_reviewer_decide(fria=fria, actor=owner, decision="approve", comment="")
    assert "Add oversight" in owner_client.get(url).content.decode()
    owner_client.post(url + "return/", {"reason": ""})
    fria.refresh_from_db()
    assert fria.status == FriaStatus.IN_REVIEW
    owner_client.post(url + "return/", {"reason": "Reviewer asks for oversight"})
    fria.refresh_from_db()
    assert fria.status == FriaStatus.DRAFT and fria.return_reason == "Reviewer asks for oversight"
    verbs = set(
        AuditEvent.objects.filter(organisation=fria.organisation).values_list("verb", flat=True)
    )
    assert {"fria.reviewer_add", "fria.reviewer_decide", "fria.return", "fria.submit"} <= verbs


def test_the_fria_page_lists_what_stops_approval(owner_client, owner, system, impact):
    fria = _in_review(system, owner)
    page = owner_client.get(f"/o/acme/disclosure/fria/{fria.pk}/").content.decode()
    assert "Before you can approve" in page and "Gap not answered" in page
