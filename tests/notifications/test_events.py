"""Event notifications: new grievance, review requested, questionnaire answered, system changed."""

from __future__ import annotations

import logging

from django.core import mail
from django.utils import timezone

from conftest import make_member
from rightslens.accounts.models import Membership
from rightslens.assessments import signoff
from rightslens.assessments.models import Assessment
from rightslens.grievances.services import grievance_submit
from rightslens.inventory.services import system_update
from rightslens.inventory.testing import make_system
from rightslens.notifications.models import Kind, Notification
from rightslens.procurement.models import Counterparty
from rightslens.procurement.request_services import request_send, request_submit
from tests.procurement.test_questionnaire_link import CLEAN

SECRET_NAME = "Amani Wanjiru-Secretname"
SECRET_CONTACT = "amani.secret@example.org"
SECRET_TEXT = "The screening tool rejected my application because of my accent"


def _everything_said(caplog) -> str:
    stored = " ".join(f"{n.subject} {n.link} {n.key}" for n in Notification.objects.all())
    emailed = " ".join(f"{m.subject} {m.body}" for m in mail.outbox)
    return stored + emailed + caplog.text


def test_a_new_grievance_notifies_the_officers_and_no_one_else(org, owner, assessor, caplog):
    officer = make_member(org, "officer@acme.test", "contributor", officer=True)
    caplog.set_level(logging.DEBUG)
    grievance, _ = grievance_submit(
        organisation=org,
        content=SECRET_TEXT,
        language="en",
        name=SECRET_NAME,
        contact=SECRET_CONTACT,
    )
    told = set(
        Notification.objects.filter(kind=Kind.GRIEVANCE_NEW).values_list(
            "recipient__user__email", flat=True
        )
    )
    assert told == {"owner@acme.test", "officer@acme.test"}  # both officers, not the assessor
    assert (
        Notification.objects.get(recipient__user=officer).link
        == f"/o/acme/grievances/{grievance.pk}/"
    )
    assert {m.to[0] for m in mail.outbox} == {"owner@acme.test", "officer@acme.test"}
    said = _everything_said(caplog)
    for secret in (SECRET_NAME, "Amani", SECRET_CONTACT, "accent", SECRET_TEXT):
        assert secret not in said


def test_a_deactivated_officer_is_not_told(org, owner):
    officer = make_member(org, "gone@acme.test", "contributor", officer=True)
    Membership.objects.filter(user=officer).update(is_active=False)
    grievance_submit(organisation=org, content="Something", language="en")
    assert not Notification.objects.filter(recipient__user=officer).exists()


def test_asking_a_colleague_to_review_notifies_them_once(org, owner, assessor):
    system = make_system(org, "Chat")
    assessment = Assessment.objects.create(
        organisation=org, system=system, title="Launch", created_by=owner
    )
    signoff.reviewer_add(assessment=assessment, actor=owner, email="assessor@acme.test")
    signoff.reviewer_add(assessment=assessment, actor=owner, email="assessor@acme.test")
    mine = Notification.objects.filter(recipient__user=assessor, kind=Kind.REVIEW_REQUESTED)
    assert mine.count() == 1
    assert mine.get().link == f"/o/acme/assessments/{assessment.pk}/review/"
    assert [m.to for m in mail.outbox] == [["assessor@acme.test"]]


def test_a_vendors_answers_notify_the_buyer_who_sent_the_questionnaire(org, owner, assessor):
    vendor = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    request, raw = request_send(counterparty=vendor, user=assessor, questionnaire_id="qn-vendor-dd")
    assert not Notification.objects.exists()
    request_submit(raw_token=raw, answers=CLEAN, files={})
    notification = Notification.objects.get(kind=Kind.QUESTIONNAIRE_ANSWERED)
    assert notification.recipient.user == assessor
    assert notification.subject == "HireRank Ltd answered the questionnaire"
    assert notification.link == f"/o/acme/procurement/requests/{request.pk}/"


def test_a_material_change_after_sign_off_notifies_the_author(org, owner, assessor):
    system = make_system(org, "Chat")
    approved = Assessment.objects.create(
        organisation=org,
        system=system,
        title="Launch",
        created_by=assessor,
        status="approved",
        approved_at=timezone.now(),
    )
    system_update(system=system, actor=owner, purpose="Now also screens job applicants")
    notification = Notification.objects.get(kind=Kind.SYSTEM_CHANGED)
    assert notification.recipient.user == assessor
    assert notification.link == f"/o/acme/assessments/{approved.pk}/review/"
    system_update(system=system, actor=owner, name="Chat (renamed)")  # not a material change
    assert Notification.objects.filter(kind=Kind.SYSTEM_CHANGED).count() == 1
