import datetime as dt

from conftest import client_for
from rightslens.accounts.models import AuditEvent, Membership
from rightslens.assessments import cycle_services, signoff
from rightslens.assessments.cycle_catalogue import categories
from rightslens.assessments.cycle_models import ActionPlan, CategoryReview
from rightslens.assessments.models import Action, Assessment
from rightslens.engagement.models import EngagementEvent, Stakeholder
from rightslens.errors import FieldErrors

from .conftest import IMPACT

REVIEW = "/o/acme/assessments/{}/review/"


def _complete(assessment, user, groups=True):
    impact = cycle_services.impact_record(
        assessment=assessment,
        actor=user,
        **IMPACT,
        affected_group_ids=[g.pk for g in assessment.system.affected_groups.all()]
        if groups
        else [],
    )
    cycle_services.action_plan(
        impact=impact,
        actor=user,
        action_type="prevent",
        description="Retune filters per language",
        preference="avoid",
        mitigation_type="mit-classifiers",
    )
    for category in categories():
        if category.id != "cat-expression":
            cycle_services.category_not_relevant(
                assessment=assessment, actor=user, category_ref=category.id, reason="Checked."
            )
    hear_affected_groups(assessment)
    return impact


def hear_affected_groups(assessment):
    """The severe impacts' affected groups heard about them through credible proxies (the gate)."""
    event = EngagementEvent.objects.create(
        organisation=assessment.organisation,
        title="Hearing",
        held_on=dt.date(2026, 1, 5),
        phase="identify",
        method="focus_group",
        heard="Concerns heard.",
    )
    event.impacts.set(assessment.impacts.filter(severity_band=4))
    for group in assessment.system.affected_groups.all():
        proxy = Stakeholder.objects.create(
            organisation=assessment.organisation,
            name=f"Voice of {group.name}",
            kind="proxy",
            represents=group,
            region="africa",
        )
        event.participants.add(proxy)


def test_approval_with_failing_error_checks_is_refused_with_the_list(
    owner_client, assessment, owner
):
    cycle_services.impact_record(
        assessment=assessment, actor=owner, **IMPACT
    )  # severe, no group, no action
    owner_client.post(REVIEW.format(assessment.pk) + "submit/")
    response = owner_client.post(REVIEW.format(assessment.pk) + "approve/", follow=True)
    page = response.content.decode()
    assert "names no affected group" in page and "has no action" in page
    assessment.refresh_from_db()
    assert assessment.status == "in_review" and assessment.snapshot == {}


def test_a_severe_assessment_needs_the_senior_role(assessment, owner, assessor):
    _complete(assessment, owner)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    junior = Membership.objects.get(user=assessor)
    try:
        signoff.assessment_approve(assessment=assessment, membership=junior)
        raise AssertionError("an assessor approved a severe assessment")
    except FieldErrors as exc:
        assert "senior" in exc.fields["approval"]
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    assessment.refresh_from_db()
    assert assessment.status == "approved"
    assert assessment.snapshot["impacts"][0]["title"] == IMPACT["title"]


def test_new_version_copies_then_supersedes_and_compares(owner_client, assessment, owner, author):
    _complete(assessment, owner)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    senior = Membership.objects.get(user=owner)
    signoff.assessment_approve(assessment=assessment, membership=senior)
    client_for(author).post(  # the author opens v2, so the owner's approval stays independent
        REVIEW.format(assessment.pk) + "new-version/",
        {"trigger": "context_change", "trigger_note": "Image generation added"},
    )
    v2 = Assessment.objects.get(previous=assessment)
    assert v2.version == 2 and v2.status == "draft"
    assert (
        v2.impacts.count() == 1
        and ActionPlan.objects.filter(action__impact__assessment=v2).count() == 1
    )
    assert CategoryReview.objects.filter(assessment=v2).count() == len(categories())
    # Approved content stays frozen even if the live rows change later.
    Action.objects.filter(impact__assessment=assessment).update(description="changed later")
    v2.impacts.update(scale=2, scale_rationale="")
    signoff.assessment_submit(assessment=v2, actor=owner)
    signoff.assessment_approve(assessment=v2, membership=senior)
    assessment.refresh_from_db()
    assert assessment.status == "superseded"
    page = owner_client.get(
        f"/o/acme/assessments/{assessment.pk}/compare/{v2.pk}/"
    ).content.decode()
    assert "changed: scale" in page
    assert AuditEvent.objects.filter(
        verb="assessment.supersede", object_id=str(assessment.pk)
    ).exists()


def test_a_frozen_assessment_refuses_scoping_changes(assessment, owner):
    _complete(assessment, owner)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    try:
        cycle_services.scoping_save(assessment=assessment, actor=owner, context_of_use="new")
        raise AssertionError("a frozen assessment changed")
    except FieldErrors as exc:
        assert "frozen" in exc.fields["assessment"]


def test_a_red_line_hit_blocks_sign_off_until_the_senior_role_decides(
    owner_client, assessment, owner
):
    _complete(assessment, owner)
    cycle_services.scoping_save(
        assessment=assessment,
        actor=owner,
        context_of_use="Add emotion recognition to detect emotions of customers",
    )
    owner_client.post(f"/o/acme/assessments/{assessment.pk}/scoping/screen/")
    signoff.assessment_submit(assessment=assessment, actor=owner)
    senior = Membership.objects.get(user=owner)
    assert any("red-line" in r for r in signoff.approval_refusals(assessment, senior))
    owner_client.post(
        f"/o/acme/assessments/{assessment.pk}/scoping/decide/",
        {"decision": "not_applicable", "reasons": "Feature dropped from scope by the board."},
    )
    assert signoff.approval_refusals(assessment, senior) == []


def test_the_audit_page_lists_changes(owner_client, assessment, owner):
    cycle_services.scoping_save(
        assessment=assessment, actor=owner, context_of_use="Public chat app"
    )
    page = owner_client.get(f"/o/acme/assessments/{assessment.pk}/audit/").content.decode()
    assert "Scoping changed: Context of use" in page and "Context of use: Public chat app" in page


def test_tracking_history_carries_into_the_new_version(assessment, owner):
    from rightslens.assessments import tracking
    from rightslens.assessments.cycle_models import Indicator

    impact = _complete(assessment, owner)
    indicator = tracking.indicator_create(
        action=impact.actions.get(), actor=owner, name="Over-blocking rate"
    )
    tracking.measurement_record(
        indicator=indicator,
        actor=owner,
        measured_on="2026-01-01",
        value=9,
        groups="language, sw, 15, 400",
    )
    signoff.assessment_submit(assessment=assessment, actor=owner)
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    v2 = signoff.assessment_new_version(assessment=assessment, actor=owner)
    copied = Indicator.objects.get(action__impact__assessment=v2)
    assert copied.pk != indicator.pk
    assert [g.group for m in copied.measurements.all() for g in m.groups.all()] == ["sw"]
    assert indicator.measurements.count() == 1  # the approved version's history is untouched
