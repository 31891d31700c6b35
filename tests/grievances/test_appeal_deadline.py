"""An appeal is answered within the published target (UNGP 31 predictable: a time frame per stage)."""

from datetime import datetime, timedelta

from django.test import Client
from django.utils import formats, timezone, translation

from rightslens.accounts.models import Membership
from rightslens.core.grievance import GrievanceState, TargetTimes, deadline_for
from rightslens.grievances.models import Grievance, GrievanceSettings, StateChange
from rightslens.grievances.services import (
    grievance_appeal,
    grievance_submit,
    grievance_transition,
)
from rightslens.ux.templatetags.readable import day


def _proposed(org, owner):
    """A filed grievance moved by an officer to "remedy proposed", with its receipt code."""
    grievance, code = grievance_submit(
        organisation=org, content="Rejected by the CV tool.", language="en"
    )
    officer = Membership.objects.get(user=owner)
    for state in ("acknowledged", "under_review", "remedy_proposed"):
        grievance_transition(membership=officer, grievance=grievance, to_state=state)
    return grievance, code


def _appealed_days_ago(grievance, days):
    Grievance.objects.filter(pk=grievance.pk).update(
        appealed_at=timezone.now() - timedelta(days=days)
    )


def test_an_appeal_records_when_it_was_made(org, owner):
    grievance, _code = _proposed(org, owner)
    before = timezone.now()
    grievance_appeal(grievance=grievance)
    grievance.refresh_from_db()
    assert grievance.state == "appealed"
    assert grievance.appealed_at is not None
    assert before <= grievance.appealed_at <= timezone.now()
    assert grievance.appeal_answered_at is None
    assert StateChange.objects.filter(grievance=grievance, to_state="appealed").exists()


def test_answering_an_appeal_records_when_it_was_answered(org, owner):
    grievance, _code = _proposed(org, owner)
    grievance_appeal(grievance=grievance)
    officer = Membership.objects.get(user=owner)
    grievance_transition(membership=officer, grievance=grievance, to_state="under_review")
    grievance.refresh_from_db()
    assert grievance.appeal_answered_at is not None
    assert grievance.appeal_answered_at >= grievance.appealed_at


def test_the_appeal_falls_due_after_the_published_appeal_target():
    received = datetime(2026, 1, 1)
    appealed = datetime(2026, 3, 10)
    found = deadline_for(
        GrievanceState.APPEALED,
        received_at=received,
        appealed_at=appealed,
        targets=TargetTimes(appeal_days=12),
    )
    assert found is not None
    assert found.due == appealed + timedelta(days=12)
    assert found.is_appeal
    assert not found.overdue(appealed + timedelta(days=12))
    assert found.overdue(appealed + timedelta(days=12, seconds=1))


def test_other_stages_still_count_from_receipt():
    received = datetime(2026, 1, 1)
    found = deadline_for(
        GrievanceState.RECEIVED, received_at=received, appealed_at=None, targets=TargetTimes()
    )
    assert found is not None and not found.is_appeal
    assert found.due == received + timedelta(days=TargetTimes().acknowledge_days)
    assert (
        deadline_for(
            GrievanceState.CLOSED, received_at=received, appealed_at=None, targets=TargetTimes()
        )
        is None
    )


def test_the_officer_sees_the_appeal_due_date_from_the_organisations_target(
    org, owner, owner_client
):
    GrievanceSettings.objects.update_or_create(organisation=org, defaults={"appeal_days": 9})
    grievance, _code = _proposed(org, owner)
    grievance_appeal(grievance=grievance)
    grievance.refresh_from_db()
    due = day(grievance.appealed_at + timedelta(days=9))  # the language's one date format
    listing = owner_client.get("/o/acme/grievances/").content.decode()
    detail = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    for page in (listing, detail):
        assert f"Appeal answered by {due}" in page
        assert "overdue" not in page


def test_an_overdue_appeal_is_flagged_to_the_officer(org, owner, owner_client):
    grievance, _code = _proposed(org, owner)
    grievance_appeal(grievance=grievance)
    _appealed_days_ago(grievance, 31)  # the default target is 30 days
    listing = owner_client.get("/o/acme/grievances/").content.decode()
    detail = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    dashboard = owner_client.get("/o/acme/grievances/dashboard/").content.decode()
    assert '<strong class="warn">overdue</strong>' in listing
    assert '<strong class="warn">overdue</strong>' in detail
    assert 'id="appeals-overdue">1<' in dashboard


def test_the_dashboard_counts_appeals_answered_within_the_target(org, owner, owner_client):
    officer = Membership.objects.get(user=owner)
    late, _ = _proposed(org, owner)
    grievance_appeal(grievance=late)
    _appealed_days_ago(late, 40)
    late.refresh_from_db()
    grievance_transition(membership=officer, grievance=late, to_state="closed")
    prompt, _ = _proposed(org, owner)
    grievance_appeal(grievance=prompt)
    prompt.refresh_from_db()
    grievance_transition(membership=officer, grievance=prompt, to_state="closed")
    dashboard = owner_client.get("/o/acme/grievances/dashboard/").content.decode()
    assert "1 of 2 appeals answered within the 30-day target" in dashboard
    assert 'id="appeals-overdue">0<' in dashboard


def test_the_complainant_sees_the_appeal_date_in_spanish(org, owner):
    GrievanceSettings.objects.update_or_create(organisation=org, defaults={"appeal_days": 14})
    grievance, code = _proposed(org, owner)
    client = Client()
    client.cookies["django_language"] = "es"
    client.post("/g/acme/follow/", {"code": code, "action": "appeal"})
    grievance.refresh_from_db()
    due = grievance.appealed_at + timedelta(days=14)
    with translation.override("es"):
        shown = formats.date_format(timezone.localtime(due), "DATE_FORMAT")
    page = client.post("/g/acme/follow/", {"code": code}).content.decode()
    assert f"Responderemos a su apelación a más tardar el {shown}." in page


def test_appeals_made_before_dates_were_kept_get_them_from_the_state_trail(org, owner):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("rightslens.grievances.migrations.0006_appeal_dates_recorded")
    grievance, _code = _proposed(org, owner)
    grievance_appeal(grievance=grievance)
    appeal = StateChange.objects.get(grievance=grievance, to_state="appealed")
    Grievance.objects.filter(pk=grievance.pk).update(appealed_at=None)
    migration.appeal_dates_from_trail(apps, None)
    grievance.refresh_from_db()
    assert grievance.appealed_at == appeal.at
    assert grievance.appeal_answered_at is None
