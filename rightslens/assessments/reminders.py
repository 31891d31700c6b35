"""Reminders that assessments need review: an in-app list and an email to each owner."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import override, pgettext

from rightslens.accounts.languages import mail_language_of_user
from rightslens.accounts.models import Membership, Organisation, Role
from rightslens.assessments.models import Assessment
from rightslens.jobs import job
from rightslens.ux.wording import core_label

from .cycle_models import Reminder
from .cycle_selectors import flagged_assessments

CONTEXT = "notification"


def _owners(assessment: Assessment) -> list[Any]:
    if assessment.created_by is not None:
        return [assessment.created_by]
    return [
        m.user
        for m in Membership.objects.filter(organisation=assessment.organisation, role=Role.OWNER)
    ]


def _email(assessment: Assessment, reason: str, user: Any) -> int:
    """The reminder email, in the owner's language (the reason is a core sentence)."""
    link = f"/o/{assessment.organisation.slug}/assessments/{assessment.pk}/review/"
    parts = {"title": assessment.title, "version": assessment.version, "link": link}
    with override(mail_language_of_user(user, assessment.organisation)):
        subject = pgettext(CONTEXT, "RightsLens: %(title)s needs review") % parts
        message = (
            pgettext(CONTEXT, "%(reason)s: %(title)s (version %(version)s).")
            % {**parts, "reason": core_label(reason)}
            + "\n"
            + pgettext(CONTEXT, "Open %(link)s to start a review.") % parts
        )
    return send_mail(
        subject=subject,
        message=message,
        from_email=None,
        recipient_list=[user.email],
        fail_silently=True,
    )


def _remind(assessment: Assessment, reason: str) -> int:
    sent = 0
    for user in _owners(assessment):
        if Reminder.objects.filter(
            assessment=assessment, user=user, reason=reason, dismissed_at__isnull=True
        ).exists():
            continue
        emailed = bool(user.email) and _email(assessment, reason, user) > 0
        Reminder.objects.create(
            organisation=assessment.organisation,
            assessment=assessment,
            user=user,
            reason=reason,
            emailed=emailed,
        )
        sent += 1
    return sent


@transaction.atomic
def reminders_send(*, organisation: Organisation) -> int:
    """Remind owners of every flagged assessment once per reason; returns reminders created."""
    return sum(
        _remind(a, reason)
        for a, flags in flagged_assessments(organisation=organisation)
        for reason in flags
    )


@job("cycle.reminders")
def reminders_job(organisation_id: int | None = None) -> int:
    organisations = Organisation.objects.all()
    if organisation_id is not None:
        organisations = organisations.filter(pk=organisation_id)
    return sum(reminders_send(organisation=o) for o in organisations)
