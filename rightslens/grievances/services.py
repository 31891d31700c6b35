"""Writes for the grievance mechanism. Each is one transaction; bad input raises FieldErrors first.

Logging rule: ids and states only, never content, names or contacts.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership, Organisation, Role
from rightslens.assessments.catalogue import RIGHT, is_item_of_type
from rightslens.assessments.models import Impact
from rightslens.assessments.services import impact_evidence_apply
from rightslens.common.crypto import encrypt_bytes, receipt_key, receipt_keys
from rightslens.common.locking import version_claim
from rightslens.common.uploads import UploadPolicy, upload_check
from rightslens.core.grievance import (
    ATTACHMENT_MAX_BYTES,
    Gp31Criterion,
    GrievanceState,
    can_transition,
    receipt_code_digest,
    receipt_code_new,
    receipt_code_normalise,
    steps_when_remedy_recorded,
)
from rightslens.core.severity import Likelihood
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem
from rightslens.notifications import events as notification_events

from .models import (
    REMEDY_FORM_PLAIN,
    Author,
    ComplainantIdentity,
    DisclosureRequest,
    DisclosureStatus,
    Gp31Assessment,
    Grievance,
    GrievanceAttachment,
    GrievanceImpactLink,
    GrievanceMessage,
    GrievanceNote,
    GrievanceSettings,
    LinkEffect,
    Remedy,
    RemedyRouteChoice,
    State,
    StateChange,
    settings_for,
)

log = logging.getLogger(__name__)
# Attachments: trusted by their bytes only (PDF, PNG or JPEG), never by name or claimed type.
ATTACHMENT_POLICY = UploadPolicy(
    kinds=("pdf", "png", "jpeg"),
    max_bytes=ATTACHMENT_MAX_BYTES,
    field="attachment",
    trusts_name=False,
)

CONTENT_MAX_CHARS = 10_000
MESSAGE_MAX_CHARS = 5_000
CONTACT_MAX_CHARS = 300


# ---- Who may do what ----


def is_officer(membership: Membership) -> bool:
    return membership.is_grievance_officer


def require_officer(membership: Membership) -> None:
    if not membership.is_grievance_officer:
        raise PermissionDenied(_("Only designated grievance officers can do this."))


def can_read_identity(membership: Membership, grievance: Grievance) -> bool:
    if membership.is_grievance_officer:
        return True
    return DisclosureRequest.objects.filter(
        grievance=grievance, recipient=membership.user, status=DisclosureStatus.APPROVED
    ).exists()


def grievance_record_read(*, membership: Membership, grievance: Grievance) -> None:
    """Audit that a member opened a case (no content in the record)."""
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.case_read",
        obj=grievance,
        summary=f"Case #{grievance.pk} opened",
    )


# ---- The complainant's side (no account; the receipt code is the only key) ----


def _checked_text(field: str, value: str, limit: int, *, required: bool) -> str:
    value = (value or "").strip()
    if required and not value:
        raise FieldErrors({field: _("Please write something in this field.")})
    if len(value) > limit:
        raise FieldErrors(
            {
                field: _("This is too long: at most %(limit)s characters, you wrote %(n)s.")
                % {"limit": limit, "n": len(value)}
            }
        )
    return value


def attachment_check(upload: UploadedFile[Any] | None) -> tuple[str, bytes] | None:
    """The sniffed type and bytes of an accepted attachment; FieldErrors for any other file."""
    if upload is None:
        return None
    checked = upload_check(upload, policy=ATTACHMENT_POLICY)
    return checked.content_type, checked.data


@transaction.atomic
def grievance_submit(
    *,
    organisation: Organisation,
    content: str,
    language: str,
    name: str = "",
    contact: str = "",
    attachment: UploadedFile[Any] | None = None,
) -> tuple[Grievance, str]:
    """Record a grievance; return it and its receipt code (shown once, never stored)."""
    content = _checked_text("content", content, CONTENT_MAX_CHARS, required=True)
    name = _checked_text("name", name, CONTACT_MAX_CHARS, required=False)
    contact = _checked_text("contact", contact, CONTACT_MAX_CHARS, required=False)
    checked = attachment_check(attachment)
    code = receipt_code_new()
    digest = receipt_code_digest(receipt_code_normalise(code) or "", receipt_key())
    grievance = Grievance.objects.create(
        organisation=organisation,
        receipt_digest=digest,
        content=content,
        language=language[:10],
        has_identity=bool(name or contact),
    )
    if name or contact:
        ComplainantIdentity.objects.create(
            organisation=organisation, grievance=grievance, name=name, contact=contact
        )
    if checked:
        GrievanceAttachment.objects.create(
            organisation=organisation,
            grievance=grievance,
            content_type=checked[0],
            size=len(checked[1]),
            data=encrypt_bytes(checked[1]),
        )
    StateChange.objects.create(
        organisation=organisation, grievance=grievance, to_state=GrievanceState.RECEIVED
    )
    log.info("grievance %s received for organisation %s", grievance.pk, organisation.pk)
    notification_events.grievance_received(grievance)
    return grievance, code


def grievance_find(*, organisation: Organisation, code: str) -> Grievance | None:
    """The organisation's grievance with this receipt code, or None: the same None for every miss.

    After a key rotation, a digest made under an old key still matches and is moved to the
    current key (the code itself is never stored, so this is the only moment it can be)."""
    normalised = receipt_code_normalise(code or "")
    # Hash even malformed input so every miss costs the same work.
    digests = [receipt_code_digest(normalised or "invalid", key) for key in receipt_keys()]
    if normalised is None:
        return None
    found = Grievance.objects.filter(organisation=organisation, receipt_digest__in=digests).first()
    if found is not None and found.receipt_digest != digests[0]:
        Grievance.objects.filter(pk=found.pk).update(receipt_digest=digests[0])
        found.receipt_digest = digests[0]
    return found


@transaction.atomic
def grievance_reply(*, grievance: Grievance, body: str) -> GrievanceMessage:
    body = _checked_text("body", body, MESSAGE_MAX_CHARS, required=True)
    message = GrievanceMessage.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        author=Author.COMPLAINANT,
        body=body,
    )
    log.info("grievance %s: complainant replied", grievance.pk)
    return message


@transaction.atomic
def grievance_feedback(*, grievance: Grievance, helped: str, feedback: str) -> Grievance:
    if helped not in ("yes", "no"):
        raise FieldErrors({"helped": _("Please choose yes or no.")})
    feedback = _checked_text("feedback", feedback, MESSAGE_MAX_CHARS, required=False)
    if grievance.state not in (GrievanceState.REMEDY_PROPOSED, GrievanceState.CLOSED):
        raise FieldErrors(
            {"helped": _("You can give your view once an outcome has been proposed.")}
        )
    grievance.outcome_helped = helped == "yes"
    grievance.outcome_feedback = feedback
    grievance.save(update_fields=["outcome_helped", "outcome_feedback"])
    return grievance


# ---- The officer's side ----

_STATE_STAMPS = {
    GrievanceState.ACKNOWLEDGED: "acknowledged_at",
    GrievanceState.REMEDY_PROPOSED: "remedy_proposed_at",
    GrievanceState.CLOSED: "closed_at",
}


def _stamp_move(grievance: Grievance, current: GrievanceState, target: GrievanceState) -> None:
    """Record when a move happened, for the published target times.

    Stages are stamped the first time they are reached. Each appeal restarts the appeal clock, and
    any move out of "appealed" answers it.
    """
    now = timezone.now()
    stamp = _STATE_STAMPS.get(target)
    if stamp and getattr(grievance, stamp) is None:
        setattr(grievance, stamp, now)
    if target == GrievanceState.APPEALED:
        grievance.appealed_at, grievance.appeal_answered_at = now, None
    elif current == GrievanceState.APPEALED:
        grievance.appeal_answered_at = now


@transaction.atomic
def grievance_transition(
    *, membership: Membership, grievance: Grievance, to_state: str
) -> Grievance:
    require_officer(membership)
    current = GrievanceState(grievance.state)
    if to_state not in GrievanceState.__members__.values() or not can_transition(
        current, GrievanceState(to_state)
    ):
        raise FieldErrors(
            {
                "to_state": _("A case that is %(state)s cannot move to that state.")
                % {"state": dict(State.choices).get(current.value, current.value)}
            }
        )
    target = GrievanceState(to_state)
    grievance.state = target
    _stamp_move(grievance, current, target)
    grievance.save()
    StateChange.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        from_state=current,
        to_state=target,
        by=membership.user,
    )
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.state",
        obj=grievance,
        summary=f"State {current.value} -> {target.value}",
        before={"state": current.value},
        after={"state": target.value},
    )
    log.info("grievance %s: %s -> %s", grievance.pk, current.value, target.value)
    return grievance


@transaction.atomic
def grievance_message_send(
    *, membership: Membership, grievance: Grievance, body: str
) -> GrievanceMessage:
    require_officer(membership)
    body = _checked_text("body", body, MESSAGE_MAX_CHARS, required=True)
    message = GrievanceMessage.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        author=Author.OFFICER,
        officer=membership.user,
        body=body,
    )
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.message",
        obj=grievance,
        summary="Message sent to the complainant",
    )
    return message


@transaction.atomic
def grievance_note_add(*, membership: Membership, grievance: Grievance, body: str) -> GrievanceNote:
    require_officer(membership)
    body = _checked_text("body", body, MESSAGE_MAX_CHARS, required=True)
    return GrievanceNote.objects.create(
        organisation=grievance.organisation, grievance=grievance, author=membership.user, body=body
    )


@transaction.atomic
def grievance_triage(
    *,
    membership: Membership,
    grievance: Grievance,
    system_ids: list[int],
    rights: list[str],
    lock_version: int | None = None,
) -> Grievance:
    """Link the case to systems and rights. With the `lock_version` the form was loaded at, a
    case triaged by someone else since is refused and nothing is saved."""
    require_officer(membership)
    errors = {}
    systems = list(AISystem.objects.filter(organisation=grievance.organisation, pk__in=system_ids))
    if len(systems) != len(set(system_ids)):
        errors["systems"] = _("Choose systems from your organisation's inventory.")
    chosen = sorted({r.strip() for r in rights if r.strip()})
    unknown = [r for r in chosen if not is_item_of_type(r, RIGHT)]
    if unknown:
        errors["rights"] = _(
            "Not a right in the knowledge base: %(rights)s. Choose rights from the list."
        ) % {"rights": ", ".join(unknown)}
    if errors:
        raise FieldErrors(errors)
    version_claim(grievance, lock_version, noun="case")
    grievance.systems.set(systems)
    grievance.rights = chosen
    grievance.save(update_fields=["rights"])
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.triage",
        obj=grievance,
        summary=f"Linked to {len(systems)} system(s)",
        after={"systems": [s.pk for s in systems], "rights": grievance.rights},
    )
    return grievance


def _raised(likelihood: int | None) -> int:
    current = likelihood or int(Likelihood.POSSIBLE)
    return min(current + 1, int(Likelihood.ALMOST_CERTAIN))


@transaction.atomic
def grievance_link_impact(
    *, membership: Membership, grievance: Grievance, impact: Impact, mark_actual: bool
) -> GrievanceImpactLink:
    """Link a grievance to an impact: the harm becomes actual, or its likelihood rises; both leave a trail."""
    require_officer(membership)
    if impact.organisation_id != grievance.organisation_id:
        raise FieldErrors({"impact": _("Choose an impact from your organisation's register.")})
    if GrievanceImpactLink.objects.filter(grievance=grievance, impact=impact).exists():
        raise FieldErrors({"impact": _("This grievance is already linked to that impact.")})
    actual_before, likelihood_before = impact.actual, impact.likelihood
    actual, likelihood = impact.actual, impact.likelihood
    if impact.actual:
        effect = LinkEffect.CORROBORATED
    elif mark_actual:
        effect, actual = LinkEffect.MARKED_ACTUAL, True
    else:
        effect, likelihood = LinkEffect.LIKELIHOOD_RAISED, _raised(impact.likelihood)
    # The impact changes through the assessments services: frozen check, rules, audit, priority.
    impact_evidence_apply(
        impact=impact,
        actor=membership.user,
        actual=actual,
        likelihood=likelihood,
        verb="impact.grievance_linked",
        summary=f"Grievance #{grievance.pk}: {effect.label}",
    )
    link = GrievanceImpactLink.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        impact=impact,
        effect=effect,
        likelihood_before=likelihood_before,
        likelihood_after=impact.likelihood,
        actual_before=bool(actual_before),
        actual_after=impact.actual,
        linked_by=membership.user,
    )
    log.info("grievance %s linked to impact %s (%s)", grievance.pk, impact.pk, effect.value)
    return link


PROVIDER_MAX_CHARS = 200


def _remedy_errors(
    form: str, route: str, description: str, provider: str, provided_on: date | None
) -> dict[str, str]:
    errors = {}
    if form not in REMEDY_FORM_PLAIN:
        errors["remedy_form"] = _("Choose a form of remedy.")
    if route not in RemedyRouteChoice.values:
        errors["remedy_route"] = _("Choose the route through which remedy is provided.")
    if not (description or "").strip():
        errors["remedy_description"] = _(
            "Describe the remedy in words the complainant will understand."
        )
    if not (provider or "").strip():
        errors["remedy_provider"] = _("Say who provides this remedy.")
    elif len(provider.strip()) > PROVIDER_MAX_CHARS:
        errors["remedy_provider"] = _("At most %(n)s characters.") % {"n": PROVIDER_MAX_CHARS}
    if provided_on is None:
        errors["remedy_date"] = _("Give the date it was, or will be, provided.")
    return errors


def _remedy_state_error(grievance: Grievance) -> dict[str, str]:
    if grievance.state == GrievanceState.RECEIVED:
        return {"remedy_form": _("Acknowledge the grievance before recording remedy.")}
    return {}


@transaction.atomic
def grievance_remedy_record(
    *,
    membership: Membership,
    grievance: Grievance,
    form: str,
    route: str,
    description: str,
    provider: str,
    provided_on: date | None,
) -> Remedy:
    """Add one form of remedy; a case being dealt with moves on to "remedy proposed".

    Remedy often combines forms, so each call adds an entry. The moves go through
    `grievance_transition` (audited, timestamped against the published targets), one allowed
    step at a time (`steps_when_remedy_recorded`).
    """
    require_officer(membership)
    errors = _remedy_state_error(grievance) or _remedy_errors(
        form, route, description, provider, provided_on
    )
    if errors:
        raise FieldErrors(errors)
    assert provided_on is not None  # a missing date is one of the errors above
    remedy = Remedy.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        form=form,
        route=route,
        description=description.strip(),
        provider=provider.strip(),
        provided_on=provided_on,
        recorded_by=membership.user,
    )
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.remedy",
        obj=grievance,
        summary=f"Remedy recorded: {form} via {route}",
        after={"remedy": remedy.pk, "form": form, "route": route},
    )
    for step in steps_when_remedy_recorded(GrievanceState(grievance.state)):
        grievance_transition(membership=membership, grievance=grievance, to_state=step)
    log.info("grievance %s: remedy %s recorded (%s)", grievance.pk, remedy.pk, grievance.state)
    return remedy


# ---- Identity: need-to-know, every read audited, disclosure by request and approval ----


def identity_read(*, membership: Membership, grievance: Grievance) -> ComplainantIdentity | None:
    """The complainant's identity for an officer or an approved recipient; the read is audited."""
    if not can_read_identity(membership, grievance):
        raise PermissionDenied(
            _("Only grievance officers, or an approved recipient, can see who raised this.")
        )
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.identity_viewed",
        obj=grievance,
        summary="Complainant identity viewed",
    )
    return ComplainantIdentity.objects.filter(grievance=grievance).first()


@transaction.atomic
def disclosure_request(
    *, membership: Membership, grievance: Grievance, recipient_id: int, reason: str
) -> DisclosureRequest:
    require_officer(membership)
    recipient = Membership.objects.filter(
        organisation=grievance.organisation, user_id=recipient_id
    ).first()
    errors = {}
    if recipient is None:
        errors["recipient"] = _("Choose a member of your organisation.")
    if not (reason or "").strip():
        errors["reason"] = _("Say why this person needs to know who raised the grievance.")
    if errors:
        raise FieldErrors(errors)
    request = DisclosureRequest.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        recipient_id=recipient_id,
        reason=reason.strip(),
        requested_by=membership.user,
    )
    audit_record(
        organisation=grievance.organisation,
        actor=membership.user,
        verb="grievance.disclosure_requested",
        obj=request,
        summary=f"Disclosure requested for grievance #{grievance.pk}",
    )
    return request


@transaction.atomic
def disclosure_decide(
    *, membership: Membership, request: DisclosureRequest, approve: bool
) -> DisclosureRequest:
    """Another officer or an owner decides; the requester cannot approve their own request."""
    if not (membership.is_grievance_officer or membership.role == Role.OWNER):
        raise PermissionDenied(_("Only a grievance officer or an owner can decide a disclosure."))
    if request.requested_by_id == membership.user_id:
        raise FieldErrors(
            {"decision": _("Someone other than the requester must decide this request.")}
        )
    if request.status != DisclosureStatus.PENDING:
        raise FieldErrors({"decision": _("This request has already been decided.")})
    request.status = DisclosureStatus.APPROVED if approve else DisclosureStatus.REFUSED
    request.decided_by, request.decided_at = membership.user, timezone.now()
    request.save()
    audit_record(
        organisation=request.organisation,
        actor=membership.user,
        verb="grievance.disclosure_decided",
        obj=request,
        summary=f"Disclosure {request.status}",
    )
    return request


# ---- The mechanism itself ----


@transaction.atomic
def grievance_settings_update(*, membership: Membership, **days: Any) -> GrievanceSettings:
    if not (membership.is_grievance_officer or membership.role == Role.OWNER):
        raise PermissionDenied(
            _("Only a grievance officer or an owner can change the published target times.")
        )
    errors = {
        k: _("Enter a whole number of days between 1 and 365.")
        for k, v in days.items()
        if not (isinstance(v, int) and 1 <= v <= 365)
    }
    if errors:
        raise FieldErrors(errors)
    found = settings_for(membership.organisation)
    before = {k: getattr(found, k) for k in days}
    for key, value in days.items():
        setattr(found, key, value)
    found.save()
    audit_record(
        organisation=membership.organisation,
        actor=membership.user,
        verb="grievance.targets",
        obj=found,
        summary="Published target times changed",
        before=before,
        after=days,
    )
    return found


@transaction.atomic
def gp31_rate(
    *, membership: Membership, criterion: str, rating: str, evidence: str
) -> Gp31Assessment:
    if not membership.can_write:
        raise PermissionDenied(_("Your role in this organisation is read-only."))
    if criterion not in [c.value for c in Gp31Criterion]:
        raise FieldErrors({"criterion": _("Unknown GP 31 criterion.")})
    if rating and rating not in ("not_met", "partly_met", "met"):
        raise FieldErrors({"rating": _("Choose not met, partly met or met.")})
    if rating == "met" and not (evidence or "").strip():
        raise FieldErrors({"evidence": _("Give the evidence that shows this criterion is met.")})
    found, _created = Gp31Assessment.objects.update_or_create(
        organisation=membership.organisation,
        criterion=criterion,
        defaults={
            "rating": rating,
            "evidence": (evidence or "").strip(),
            "updated_by": membership.user,
        },
    )
    return found


@transaction.atomic
def grievance_appeal(*, grievance: Grievance) -> Grievance:
    """The complainant contests the proposed or final outcome through the receipt channel."""
    current = GrievanceState(grievance.state)
    if not can_transition(current, GrievanceState.APPEALED):
        raise FieldErrors({"appeal": _("You can appeal once an outcome has been proposed.")})
    grievance.state = GrievanceState.APPEALED
    _stamp_move(grievance, current, GrievanceState.APPEALED)
    grievance.save(update_fields=["state", "appealed_at", "appeal_answered_at"])
    StateChange.objects.create(
        organisation=grievance.organisation,
        grievance=grievance,
        from_state=current,
        to_state=GrievanceState.APPEALED,
    )
    log.info("grievance %s appealed by the complainant", grievance.pk)
    return grievance
