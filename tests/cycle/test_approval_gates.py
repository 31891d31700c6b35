"""Approval gates: a full or periodic assessment decides every category; severe impacts need the
people affected heard (or a recorded reason)."""

from rightslens.accounts.models import AuditEvent, Membership
from rightslens.assessments import cycle_selectors, cycle_services, signoff
from rightslens.assessments.cycle_catalogue import categories
from rightslens.assessments.models import Assessment
from rightslens.errors import FieldErrors

from .conftest import IMPACT
from .test_signoff import _complete

REVIEW = "/o/acme/assessments/{}/review/"


def _approve(assessment, owner):
    signoff.assessment_submit(assessment=assessment, actor=owner)
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))


def _refusal(assessment, owner):
    try:
        _approve(assessment, owner)
    except FieldErrors as exc:
        return exc.fields["approval"]
    raise AssertionError("approved")


def test_a_full_assessment_with_an_undecided_category_is_not_approved(assessment, owner):
    Assessment.objects.filter(pk=assessment.pk).update(kind="full")
    assessment.refresh_from_db()
    _complete(assessment, owner)
    privacy = next(c for c in categories() if c.id != "cat-expression")
    assessment.category_reviews.filter(category_ref=privacy.id).delete()
    refusal = _refusal(assessment, owner)
    assert f"Risk category “{privacy.title}” is not decided" in refusal
    assessment.refresh_from_db()
    assert assessment.status == "in_review"


def test_a_rapid_assessment_need_not_decide_every_category(assessment, owner):
    _complete(assessment, owner)
    assessment.category_reviews.all().delete()
    _approve(assessment, owner)
    assessment.refresh_from_db()
    assert assessment.status == "approved"


def test_an_open_suggestion_in_a_dismissed_category_blocks_approval(assessment, owner):
    Assessment.objects.filter(pk=assessment.pk).update(kind="periodic")
    assessment.refresh_from_db()
    _complete(assessment, owner)
    open_ones = [
        s
        for s in cycle_selectors.open_suggestions(assessment)
        if s.category_ref != "cat-expression"
    ]
    assert open_ones, "the fixture system should raise suggestions outside expression"
    refusal = _refusal(assessment, owner)
    assert f"the suggestion “{open_ones[0].title}” in it is still open" in refusal
    for suggestion in cycle_selectors.open_suggestions(assessment):
        cycle_services.suggestion_dismiss(assessment=assessment, actor=owner, key=suggestion.key)
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    assessment.refresh_from_db()
    assert assessment.status == "approved"


def test_a_severe_impact_whose_groups_were_not_heard_blocks_approval(assessment, owner):
    _complete(assessment, owner)
    assessment.system.affected_groups.first().stakeholders.all().delete()
    refusal = _refusal(assessment, owner)
    assert f"Severe impact “{IMPACT['title']}”" in refusal and "has not been engaged" in refusal


def test_a_recorded_reason_opens_the_engagement_gate(owner_client, assessment, owner):
    impact = _complete(assessment, owner)
    assessment.system.affected_groups.first().stakeholders.all().delete()
    owner_client.post(REVIEW.format(assessment.pk) + "submit/")
    page = owner_client.get(REVIEW.format(assessment.pk)).content.decode()
    assert "has not been engaged" in page and 'action="engagement-reason/"' in page
    reason = "The teenagers' council declined; a child-rights NGO will review in March."
    owner_client.post(
        REVIEW.format(assessment.pk) + "engagement-reason/",
        {"impact_id": impact.pk, "reason": reason},
    )
    impact.refresh_from_db()
    assert impact.engagement_gap_reason == reason
    assert AuditEvent.objects.filter(verb="impact.engagement_gap").exists()
    assessment.refresh_from_db()
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    assessment.refresh_from_db()
    assert assessment.status == "approved"


def test_engagement_about_something_else_does_not_count_for_a_severe_impact(assessment, owner):
    _complete(assessment, owner)
    for event in assessment.system.affected_groups.first().stakeholders.first().events.all():
        event.impacts.clear()
    refusal = _refusal(assessment, owner)
    assert "has not been engaged" in refusal


def test_engagement_on_the_earlier_version_of_an_impact_still_counts(assessment, owner, author):
    _complete(assessment, owner)
    _approve(assessment, owner)
    # The author opens v2, so the owner's approval stays independent sign-off.
    v2 = signoff.assessment_new_version(
        assessment=assessment, actor=author, trigger="context_change", trigger_note="Images"
    )
    # The owner authored v2; independent sign-off (issue 11a) is another gate, not this one.
    type(v2.organisation).objects.filter(pk=v2.organisation_id).update(independent_signoff=False)
    v2.refresh_from_db()
    _approve(v2, owner)
    v2.refresh_from_db()
    assert v2.status == "approved"
