"""People of an organisation: invitations by email, roles, deactivation, the sign-off setting.

An invitation link carries a signed, timestamped nonce; only the nonce's hash is stored, the link
works once and expires after `INVITATION_DAYS`. History stays attributed: a deactivated member's
records keep their name, but the member can no longer enter the organisation.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, override, pgettext
from django.utils.translation import gettext as _

from rightslens.errors import FieldErrors

from .audit import audit_record
from .languages import STAFF_LANGUAGES, mail_language
from .models import Invitation, Membership, Organisation, Role

INVITATION_DAYS = 7
SALT = "rightslens.accounts.invitation"
MEMBER_ROLES = (Role.OWNER, Role.ASSESSOR, Role.CONTRIBUTOR, Role.VIEWER)


def _hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def _email_errors(organisation: Organisation, email: str) -> dict[str, str]:
    if "@" not in email:
        return {"email": _("Enter the email address of the person to invite.")}
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        return {"email": _("This person is already a member of the organisation.")}
    return {}


def _invitation_errors(
    membership: Membership, email: str, role: str, assessment: Any | None
) -> dict[str, str]:
    errors = _email_errors(membership.organisation, email)
    if assessment is None and role not in MEMBER_ROLES:
        errors["role"] = _("Choose owner, assessor, contributor or viewer.")
    if assessment is not None and assessment.organisation_id != membership.organisation_id:
        errors["assessment"] = _("Choose an assessment of this organisation.")
    return errors


def _invitation_email(membership: Membership, assessment: Any | None, path: str) -> tuple[str, str]:
    """The invitation's subject and text, in the inviter's language (the one of their request;
    the person invited has no account yet, so no language of their own)."""
    parts = {
        "organisation": membership.organisation.name,
        "inviter": membership.display_name,
        "title": assessment.title if assessment is not None else "",
        "path": path,
        "days": INVITATION_DAYS,
    }
    active = (get_language() or "").split("-")[0]
    with override(active if active in STAFF_LANGUAGES else mail_language(membership)):
        if assessment is not None:
            subject = pgettext(
                "notification",
                "RightsLens: you are invited to review “%(title)s” at %(organisation)s",
            )
            opening = pgettext(
                "notification", "%(inviter)s invited you to review “%(title)s” at %(organisation)s."
            )
        else:
            subject = pgettext(
                "notification", "RightsLens: you are invited to join %(organisation)s"
            )
            opening = pgettext("notification", "%(inviter)s invited you to join %(organisation)s.")
        lines = [
            opening % parts,
            pgettext(
                "notification",
                "Open %(path)s within %(days)s days to set your password and join.",
            )
            % parts,
            pgettext("notification", "The link works once."),
        ]
        return subject % parts, "\n".join(lines)


@transaction.atomic
def invitation_send(
    *, membership: Membership, email: str, role: str, assessment: Any | None = None
) -> tuple[Invitation, str]:
    """Invite someone by email; with `assessment`, as an outside reviewer of that one assessment.

    Returns the invitation and its link path (shown to the owner too, for the console backend).
    """
    email = (email or "").strip().lower()
    if errors := _invitation_errors(membership, email, role, assessment):
        raise FieldErrors(errors)
    nonce = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        organisation=membership.organisation,
        email=email,
        role=Role.OUTSIDE_REVIEWER if assessment is not None else role,
        only_assessment=assessment,
        nonce_hash=_hash(nonce),
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        invited_by=membership.user,
    )
    path = f"/accounts/invitation/{signing.dumps(nonce, salt=SALT)}/"
    subject, message = _invitation_email(membership, assessment, path)
    send_mail(subject=subject, message=message, from_email=None, recipient_list=[email])
    audit_record(
        organisation=membership.organisation,
        actor=membership.user,
        verb="invitation.send",
        obj=invitation,
        summary=f"Invited {email} as {invitation.get_role_display()}",
        after={
            "email": email,
            "role": invitation.role,
            "assessment": invitation.only_assessment_id,
        },
    )
    return invitation, path


def invitation_for_token(token: str) -> Invitation:
    """The open invitation named by a link, or a clear error saying why the link does not work."""
    max_age = timedelta(days=INVITATION_DAYS)
    try:
        nonce = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise FieldErrors({"token": _("This invitation has expired. Ask for a new one.")}) from None
    except signing.BadSignature:
        raise FieldErrors({"token": _("This invitation link is not valid.")}) from None
    invitation = Invitation.objects.filter(nonce_hash=_hash(str(nonce))).first()
    if invitation is None:
        raise FieldErrors({"token": _("This invitation link is not valid.")})
    if invitation.used_at is not None:
        raise FieldErrors({"token": _("This invitation has already been used.")})
    if invitation.expires_at < timezone.now():
        raise FieldErrors({"token": _("This invitation has expired. Ask for a new one.")})
    return invitation


def _new_user(email: str, password: str, name: str) -> Any:
    user_model = get_user_model()
    candidate = user_model(username=email, email=email, first_name=name[:150])
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as exc:
        raise FieldErrors({"password": " ".join(exc.messages)}) from None
    candidate.set_password(password)
    candidate.save()
    return candidate


@transaction.atomic
def invitation_accept(*, token: str, password: str, name: str = "", user: Any = None) -> Membership:
    """Join with the invited role: a new account sets its password; a signed-in account just joins."""
    invitation = invitation_for_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise FieldErrors({"token": _("This invitation has already been used.")})
    existing = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if existing is not None and (user is None or user.pk != existing.pk):
        raise FieldErrors(
            {
                "token": _("An account for %(email)s exists: log in as it, then open the link.")
                % {"email": invitation.email}
            }
        )
    account = existing or _new_user(invitation.email, password, (name or "").strip())
    membership = Membership.objects.create(
        user=account,
        organisation=invitation.organisation,
        role=invitation.role,
        only_assessment=invitation.only_assessment,
    )
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    audit_record(
        organisation=invitation.organisation,
        actor=account,
        verb="invitation.accept",
        obj=membership,
        summary=f"{invitation.email} joined as {membership.get_role_display()}",
    )
    return membership


def _other_active_owners(member: Membership) -> int:
    return (
        Membership.objects.filter(organisation=member.organisation, role=Role.OWNER, is_active=True)
        .exclude(pk=member.pk)
        .count()
    )


def _guard_last_owner(member: Membership) -> None:
    if member.role == Role.OWNER and member.is_active and _other_active_owners(member) == 0:
        raise FieldErrors(
            {"role": _("This is the organisation's last owner: make someone else owner first.")}
        )


@transaction.atomic
def member_change_role(
    *, membership: Membership, member: Membership, role: str, grievance_officer: bool
) -> Membership:
    if member.is_outside_reviewer or role not in MEMBER_ROLES:
        raise FieldErrors({"role": _("Choose owner, assessor, contributor or viewer.")})
    if role != Role.OWNER:
        _guard_last_owner(member)
    before = {"role": member.role, "grievance_officer": member.is_grievance_officer}
    member.role, member.is_grievance_officer = role, grievance_officer
    member.save(update_fields=["role", "is_grievance_officer"])
    audit_record(
        organisation=member.organisation,
        actor=membership.user,
        verb="member.role",
        obj=member,
        summary=f"{member.display_name}: {member.get_role_display()}",
        before=before,
        after={"role": role, "grievance_officer": grievance_officer},
    )
    return member


@transaction.atomic
def member_set_active(*, membership: Membership, member: Membership, active: bool) -> Membership:
    """Deactivate (or restore) a member. Their records keep their name; they cannot enter."""
    if not active:
        _guard_last_owner(member)
    member.is_active = active
    member.save(update_fields=["is_active"])
    audit_record(
        organisation=member.organisation,
        actor=membership.user,
        verb="member.activate" if active else "member.deactivate",
        obj=member,
        summary=member.display_name,
        before={"active": not active},
        after={"active": active},
    )
    return member


@transaction.atomic
def organisation_set_independent_signoff(*, membership: Membership, required: bool) -> Organisation:
    org = membership.organisation
    before = org.independent_signoff
    org.independent_signoff = required
    org.save(update_fields=["independent_signoff"])
    audit_record(
        organisation=org,
        actor=membership.user,
        verb="organisation.independent_signoff",
        obj=org,
        summary="Independent sign-off " + ("required" if required else "not required"),
        before={"independent_signoff": before},
        after={"independent_signoff": required},
    )
    return org
