"""The periodic scan: due and overdue, once per thing and threshold, whoever runs it how often."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from conftest import make_member
from rightslens.accounts.models import Membership
from rightslens.assessments.models import Action, Assessment
from rightslens.assessments.testing import make_impact
from rightslens.grievances.models import Grievance
from rightslens.grievances.services import grievance_submit
from rightslens.inventory.testing import make_system
from rightslens.notifications.models import Kind, Notification
from rightslens.notifications.scan import scan


def _deadlines():
    return list(
        Notification.objects.filter(kind=Kind.GRIEVANCE_DEADLINE).values_list("subject", flat=True)
    )


def test_acknowledgement_due_then_overdue_each_notified_once(org, owner):
    grievance, _ = grievance_submit(organisation=org, content="Private words", language="en")
    received = grievance.received_at
    scan(organisation=org, now=received + timedelta(days=1))
    assert _deadlines() == []  # the published target is 5 days: not within 2 days yet
    for _ in range(3):
        scan(organisation=org, now=received + timedelta(days=4))
    assert len(_deadlines()) == 1 and "acknowledgement due" in _deadlines()[0]
    scan(organisation=org, now=received + timedelta(days=6))
    scan(organisation=org, now=received + timedelta(days=7))
    assert len(_deadlines()) == 2 and "acknowledgement overdue" in _deadlines()[0]
    assert "Private" not in " ".join(_deadlines())


def test_once_acknowledged_the_response_falls_due_next(org, owner):
    grievance, _ = grievance_submit(organisation=org, content="x", language="en")
    Grievance.objects.filter(pk=grievance.pk).update(state="acknowledged")
    scan(organisation=org, now=grievance.received_at + timedelta(days=19))
    assert len(_deadlines()) == 1 and "response due" in _deadlines()[0]


def test_an_assigned_case_notifies_its_assignee_only(org, owner):
    officer = make_member(org, "officer@acme.test", "contributor", officer=True)
    grievance, _ = grievance_submit(organisation=org, content="x", language="en")
    Grievance.objects.filter(pk=grievance.pk).update(assignee=Membership.objects.get(user=officer))
    scan(organisation=org, now=grievance.received_at + timedelta(days=6))
    told = Notification.objects.filter(kind=Kind.GRIEVANCE_DEADLINE)
    assert [n.recipient.user for n in told] == [officer]


def _action(org, owner, assignee=None, days=2):
    assessment = Assessment.objects.create(
        organisation=org, system=make_system(org, "S"), title="Launch", created_by=owner
    )
    return Action.objects.create(
        organisation=org,
        impact=make_impact(assessment),
        action_type="prevent",
        description="Retune filters",
        due_date=timezone.localdate() + timedelta(days=days),
        assignee=assignee,
    )


def test_an_assigned_action_falling_due_and_overdue(org, owner, assessor):
    member = Membership.objects.get(user=assessor)
    action = _action(org, owner, assignee=member)
    now = timezone.now()
    scan(organisation=org, now=now)
    scan(organisation=org, now=now + timedelta(hours=1))
    scan(organisation=org, now=now + timedelta(days=3))
    subjects = list(
        Notification.objects.filter(kind=Kind.ACTION_DUE, recipient=member).values_list(
            "subject", flat=True
        )
    )
    assert len(subjects) == 2 and "overdue" in subjects[0] and "due" in subjects[1]
    action.status = "done"
    action.save()
    scan(organisation=org, now=now + timedelta(days=30))
    assert Notification.objects.filter(kind=Kind.ACTION_DUE).count() == 2


def test_an_unassigned_action_goes_to_the_assessments_author(org, owner):
    _action(org, owner, days=1)
    scan(organisation=org, now=timezone.now())
    assert Notification.objects.get(kind=Kind.ACTION_DUE).recipient.user == owner


def test_the_periodic_review_falls_due(org, owner):
    org.review_period_days = 30
    org.save()
    Assessment.objects.create(
        organisation=org,
        system=make_system(org, "S"),
        title="Annual",
        created_by=owner,
        status="approved",
        approved_at=timezone.now() - timedelta(days=20),
    )
    scan(organisation=org, now=timezone.now())
    assert (
        "Periodic review due" in Notification.objects.get(kind=Kind.ASSESSMENT_REVIEW_DUE).subject
    )


def test_notify_due_command_takes_a_pretend_now(org, owner):
    grievance, _ = grievance_submit(organisation=org, content="x", language="en")
    later = (grievance.received_at + timedelta(days=10)).isoformat()
    out = StringIO()
    call_command("notify_due", "--now", later, stdout=out)
    call_command("notify_due", "--now", later, stdout=out)
    assert "Notifications created: 1" in out.getvalue()
    assert "Notifications created: 0" in out.getvalue()


def test_simulate_month_counts_by_kind_and_keeps_nothing(org, owner):
    _action(org, owner, days=10)
    out = StringIO()
    mail.outbox = []
    call_command("simulate_month", "--org", "acme", stdout=out)
    assert "Action due or overdue: 2" in out.getvalue()
    assert not Notification.objects.exists()
