"""Inbox, preferences and digest, My tasks, assignment, and the background-job path."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.utils import timezone

from conftest import client_for, make_member
from rightslens.accounts.models import Membership
from rightslens.assessments import signoff
from rightslens.assessments.models import Action, Assessment
from rightslens.assessments.testing import make_impact
from rightslens.grievances.models import Grievance
from rightslens.grievances.services import grievance_submit
from rightslens.inventory.testing import make_system
from rightslens.notifications.models import Kind, Notification
from rightslens.notifications.services import notifications_digest, notify


def _tell(member, key="k1", kind=Kind.ACTION_DUE):
    return notify(
        recipients=[member], kind=kind, subject=f"Subject {key}", link="/o/acme/tasks/", key=key
    )


def test_the_nav_shows_inbox_with_unread_count_and_my_tasks(owner_client, owner):
    _tell(Membership.objects.get(user=owner))
    page = owner_client.get("/o/acme/").content.decode()
    assert 'href="/o/acme/inbox/"' in page and 'aria-label="1 unread"' in page
    assert 'href="/o/acme/tasks/"' in page


def test_opening_a_notification_marks_it_read_and_follows_its_link(owner_client, owner):
    [n] = _tell(Membership.objects.get(user=owner))
    assert "Subject k1" in owner_client.get("/o/acme/inbox/").content.decode()
    response = owner_client.post(f"/o/acme/inbox/{n.pk}/open/")
    assert response["Location"] == "/o/acme/tasks/"
    n.refresh_from_db()
    assert n.read_at is not None
    assert 'aria-label="1 unread"' not in owner_client.get("/o/acme/").content.decode()


def test_a_member_cannot_open_someone_elses_notification(owner, assessor):
    [n] = _tell(Membership.objects.get(user=owner))
    assert client_for(assessor).post(f"/o/acme/inbox/{n.pk}/open/").status_code == 404


def test_email_off_means_inbox_only(owner_client, owner):
    owner_client.post("/o/acme/inbox/preferences/", {f"{Kind.ACTION_DUE}:in_app": "on"})
    _tell(Membership.objects.get(user=owner))
    assert not mail.outbox
    assert Notification.objects.get().in_inbox


def test_daily_digest_gathers_what_was_not_emailed_at_once(owner_client, owner):
    owner_client.post(
        "/o/acme/inbox/preferences/",
        {f"{Kind.ACTION_DUE}:in_app": "on", f"{Kind.ACTION_DUE}:digest": "on"},
    )
    member = Membership.objects.get(user=owner)
    _tell(member, "a")
    _tell(member, "b")
    assert not mail.outbox
    assert notifications_digest() == 1
    assert (
        len(mail.outbox) == 1
        and "Subject a" in mail.outbox[0].body
        and "Subject b" in mail.outbox[0].body
    )
    assert notifications_digest() == 0  # nothing pending: no second digest


def test_preferences_page_shows_every_kind(owner_client):
    page = owner_client.get("/o/acme/inbox/preferences/").content.decode()
    for kind in Kind:
        assert str(kind.label) in page


def test_with_a_broker_delivery_goes_to_celery_after_commit(
    owner, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(settings, "CELERY_BROKER_URL", "redis://broker.invalid:6379/0")
    from rightslens import celery_app

    monkeypatch.setattr(celery_app.app, "send_task", lambda name, args: sent.append((name, args)))
    with django_capture_on_commit_callbacks(execute=True):
        [n] = _tell(Membership.objects.get(user=owner))
    assert sent == [("rightslens.run_job", ["notifications.deliver", {"notification_ids": [n.pk]}])]
    assert not mail.outbox  # the worker sends it, not the web process


def test_the_beat_schedule_runs_the_scan_and_the_digest():
    jobs = {entry["args"][0] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"notifications.scan", "notifications.digest"} <= jobs


def test_my_tasks_lists_what_is_mine(org, owner, assessor):
    officer = make_member(org, "officer@acme.test", "contributor", officer=True)
    me = Membership.objects.get(user=officer)
    assessment = Assessment.objects.create(
        organisation=org, system=make_system(org, "S"), title="Launch review"
    )
    Action.objects.create(
        organisation=org,
        impact=make_impact(assessment),
        action_type="prevent",
        description="Publish the appeal route",
        due_date=timezone.localdate() - timedelta(days=1),
        assignee=me,
    )
    signoff.reviewer_add(assessment=assessment, actor=owner, email="officer@acme.test")
    grievance, _ = grievance_submit(organisation=org, content="Never shown here", language="en")
    Grievance.objects.filter(pk=grievance.pk).update(assignee=me)
    page = client_for(officer).get("/o/acme/tasks/").content.decode()
    assert "Publish the appeal route" in page and "overdue" in page
    assert "Launch review" in page
    assert f"Case #{grievance.pk}" in page and "Never shown here" not in page
    assert (
        "Publish the appeal route"
        not in client_for(assessor).get("/o/acme/tasks/").content.decode()
    )


def test_assigning_a_case_needs_an_officer_assignee(org, owner_client, owner, assessor):
    grievance, _ = grievance_submit(organisation=org, content="x", language="en")
    not_officer = Membership.objects.get(user=assessor)
    owner_client.post(
        f"/o/acme/tasks/assign/grievance/{grievance.pk}/", {"assignee": not_officer.pk}
    )
    grievance.refresh_from_db()
    assert grievance.assignee is None
    me = Membership.objects.get(user=owner)
    owner_client.post(f"/o/acme/tasks/assign/grievance/{grievance.pk}/", {"assignee": me.pk})
    grievance.refresh_from_db()
    assert grievance.assignee == me
    page = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert 'id="assignee-grievance-' in page


def test_assigning_an_action_from_the_plan(org, owner_client, owner, assessor):
    assessment = Assessment.objects.create(
        organisation=org, system=make_system(org, "S"), title="A"
    )
    action = Action.objects.create(
        organisation=org, impact=make_impact(assessment), action_type="prevent", description="Do it"
    )
    member = Membership.objects.get(user=assessor)
    owner_client.post(f"/o/acme/tasks/assign/action/{action.pk}/", {"assignee": member.pk})
    action.refresh_from_db()
    assert action.assignee == member
