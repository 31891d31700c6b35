"""Creating and delivering notifications.

`notify` records one notification per recipient (once per thing and threshold) and hands email
delivery to the background-job path (`rightslens.jobs`): in-process by default, Celery when a
broker is set. Logs carry ids and kinds only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import npgettext, override, pgettext

from rightslens.accounts.languages import STAFF_LANGUAGES, mail_language
from rightslens.accounts.models import Membership, Organisation
from rightslens.jobs import enqueue, job, uses_broker

from .models import Kind, Notification, Preference
from .wording import CONTEXT, compose, subject_of

log = logging.getLogger("rightslens.notifications")


def preference_of(membership: Membership, kind: str) -> Preference:
    """The member's choice for this kind; by default the inbox and an email at once."""
    found = Preference.objects.filter(membership=membership, kind=kind).first()
    return found or Preference(in_app=True, email=True, digest=False)


def _record(
    membership: Membership,
    kind: str,
    subject: str,
    link: str,
    key: str,
    now: datetime,
    params: dict[str, str] | None = None,
) -> Notification | None:
    if Notification.objects.filter(recipient=membership, key=key).exists():
        return None
    pref = preference_of(membership, kind)
    try:
        with transaction.atomic():
            return Notification.objects.create(
                organisation=membership.organisation,
                recipient=membership,
                kind=kind,
                subject=subject[:200],
                params=params or {},
                link=link[:300],
                key=key[:200],
                in_inbox=pref.in_app,
                digest_pending=pref.digest,
                created_at=now,
            )
    except IntegrityError:  # a concurrent scan recorded it first
        return None


def notify(
    *,
    recipients: Iterable[Membership],
    kind: Kind,
    link: str,
    key: str,
    form: str | None = None,
    parts: dict[str, Any] | None = None,
    subject: str = "",
    now: datetime | None = None,
) -> list[Notification]:
    """Notify each active recipient once for `key`; email goes through the background-job path.

    The subject is written from `form` and its `parts` (notifications/wording.py), so that each
    reader sees it in their language; a bare `subject` is shown as given."""
    when = now or timezone.now()
    params: dict[str, str] = {}
    if form is not None:
        subject, params = compose(form, **(parts or {}))
    made = [
        n
        for m in {r.pk: r for r in recipients if r.is_active}.values()
        if (n := _record(m, kind, subject, link, key, when, params)) is not None
    ]
    if made:
        log.info("notified %s: %s", kind, [n.pk for n in made])
        ids = [n.pk for n in made]
        if uses_broker():
            transaction.on_commit(lambda: enqueue("notifications.deliver", notification_ids=ids))
        else:
            enqueue("notifications.deliver", notification_ids=ids)
    return made


def _body(lines: list[str], organisation: Organisation) -> str:
    link = f"/o/{organisation.slug}/inbox/preferences/"
    footer = "\n" + pgettext(CONTEXT, "Choose what you receive: %(link)s") % {"link": link} + "\n"
    return "\n".join(lines) + "\n" + footer


def _send(to: str, subject: str, lines: list[str], organisation: Organisation) -> bool:
    if not to:
        return False
    return send_mail(subject, _body(lines, organisation), None, [to], fail_silently=True) > 0


@job("notifications.deliver")
def notifications_deliver(*, notification_ids: list[int]) -> int:
    """Email each notification whose recipient wants this kind by email at once."""
    sent = 0
    for n in Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("recipient__user", "organisation"):
        if not preference_of(n.recipient, n.kind).email:
            continue
        with override(mail_language(n.recipient)):
            said = subject_of(n)
            lines = [said, "", pgettext(CONTEXT, "Open: %(link)s") % {"link": n.link}]
            subject = pgettext(CONTEXT, "RightsLens: %(subject)s") % {"subject": said}
            done = _send(n.recipient.user.email, subject, lines, n.organisation)
        if done:
            n.emailed_at = timezone.now()
            n.save(update_fields=["emailed_at"])
            sent += 1
    return sent


def _digest_for(membership: Membership, items: list[Notification], now: datetime) -> bool:
    with override(mail_language(membership)):
        heading = pgettext(CONTEXT, "Your RightsLens digest for %(organisation)s:")
        lines = [heading % {"organisation": membership.organisation.name}, ""]
        lines += [f"- {subject_of(n)} ({n.link})" for n in items]
        subject = npgettext(
            CONTEXT,
            "RightsLens daily digest: %(n)s update",
            "RightsLens daily digest: %(n)s updates",
            len(items),
        ) % {"n": len(items)}
        sent = _send(membership.user.email, subject, lines, membership.organisation)
    if not sent:
        return False
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(
        digest_pending=False, emailed_at=now
    )
    return True


@job("notifications.digest")
def notifications_digest(*, organisation_id: int | None = None, now: str | None = None) -> int:
    """One email per member gathering the notifications they chose to receive as a digest."""
    when = datetime.fromisoformat(now) if now else timezone.now()
    pending = Notification.objects.filter(digest_pending=True, recipient__is_active=True)
    if organisation_id is not None:
        pending = pending.filter(organisation_id=organisation_id)
    by_member: dict[int, list[Notification]] = {}
    for n in pending.select_related("recipient__user", "recipient__organisation"):
        by_member.setdefault(n.recipient_id, []).append(n)
    return sum(_digest_for(items[0].recipient, items, when) for items in by_member.values())


@transaction.atomic
def preferences_save(
    *,
    membership: Membership,
    choices: dict[str, dict[str, bool]],
    mail_language: str | None = None,
) -> None:
    """Save the member's choices per kind and, when given, the language of their emails ("" for
    that of their last visit). Unknown kinds or languages are refused, and nothing is saved."""
    from rightslens.errors import FieldErrors

    errors = {
        k: _("Unknown kind of notification.") for k in sorted(set(choices) - set(Kind.values))
    }
    if mail_language is not None and mail_language not in ("", *STAFF_LANGUAGES):
        errors["mail_language"] = pgettext("staff", "Choose one of the languages offered.")
    if errors:
        raise FieldErrors(errors)
    if mail_language is not None and mail_language != membership.mail_language:
        membership.mail_language = mail_language
        membership.save(update_fields=["mail_language"])
    for kind, chosen in choices.items():
        Preference.objects.update_or_create(
            organisation=membership.organisation,
            membership=membership,
            kind=kind,
            defaults={c: bool(chosen.get(c)) for c in ("in_app", "email", "digest")},
        )


@transaction.atomic
def notification_mark_read(*, notification: Notification, now: Any = None) -> Notification:
    if notification.read_at is None:
        notification.read_at = now or timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
