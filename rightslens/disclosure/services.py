"""Writes: start, edit, version and sign off FRIAs; record provider information; ESRS drafts and
the public page's opt-ins. Each in one transaction; bad input raises FieldErrors, nothing saved."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership, Organisation
from rightslens.common.uploads import MB, UploadPolicy, upload_check
from rightslens.core import lifecycle
from rightslens.core.disclosure.fria import starting_narratives
from rightslens.core.policy import ingest
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem
from rightslens.notifications import events as notification_events
from rightslens.ux.wording import core_text, sentence

from .models import (
    EsrsDraft,
    Fria,
    FriaReviewDecision,
    FriaReviewer,
    FriaStatus,
    ProviderDocument,
    ProviderDocumentKind,
    TransparencyPage,
)
from .selectors import current_template, esrs_library, fria_json, live_sections
from .signoff import fria_approval_refusals

PROVIDER_UPLOAD = UploadPolicy(kinds=("pdf", "docx", "txt", "json"), max_bytes=10 * MB)


def _audit(organisation: Organisation, actor: Any, verb: str, obj: Any, summary: str) -> None:
    audit_record(organisation=organisation, actor=actor, verb=verb, obj=obj, summary=summary)


@transaction.atomic
def fria_start(
    *,
    system: AISystem,
    actor: Any,
    reuse: Fria | None = None,
    provider_document: ProviderDocument | None = None,
) -> Fria:
    """A new draft FRIA, optionally starting from another FRIA or the provider's assessment."""
    if Fria.objects.filter(
        system=system, status__in=[FriaStatus.DRAFT, FriaStatus.IN_REVIEW]
    ).exists():
        raise FieldErrors(
            {"system": _("This system already has a FRIA in progress: continue that one.")}
        )
    for source, name in ((reuse, "reuse"), (provider_document, "provider_document")):
        if source is not None and source.organisation_id != system.organisation_id:
            raise FieldErrors({name: _("Not found.")})
    template = current_template()
    latest = Fria.objects.filter(system=system).order_by("-version").first()
    fria = Fria(
        organisation=system.organisation,
        system=system,
        version=(latest.version + 1) if latest else 1,
        previous=latest,
        template_id=template.id,
        template_version=template.library_version,
        created_by=actor,
    )
    if reuse is not None:
        fria.narratives = starting_narratives(template, reuse.narratives)
        fria.period_of_use, fria.frequency_of_use = reuse.period_of_use, reuse.frequency_of_use
        fria.starting_point = f"FRIA v{reuse.version} of {reuse.system.name}"
    elif provider_document is not None:
        fria.narratives = starting_narratives(template, provider_document.item_texts)
        fria.starting_point = (
            f"{provider_document.get_kind_display()} from {provider_document.provider}"
        )
    fria.save()
    _audit(system.organisation, actor, "fria.start", fria, f"FRIA v{fria.version} started")
    return fria


@transaction.atomic
def fria_new_version(*, fria: Fria, actor: Any) -> Fria:
    """The next version of an approved FRIA, starting as a copy of it."""
    if fria.status != FriaStatus.APPROVED:
        raise FieldErrors({"status": _("Only an approved FRIA can get a new version.")})
    return fria_start(system=fria.system, actor=actor, reuse=fria)


@transaction.atomic
def fria_edit(
    *,
    fria: Fria,
    actor: Any,
    period_of_use: str,
    frequency_of_use: str,
    narratives: dict[str, str],
) -> Fria:
    """Save what people wrote. Text left equal to the computed text is not stored as an edit."""
    if fria.is_frozen:
        raise FieldErrors(
            {"status": _("An approved FRIA is a record: start a new version to change it.")}
        )
    # The form shows the computed text; text left as it was shown (or as it reads with the new
    # period and frequency) follows the register and is not stored as an edit.
    # The form showed it in the reader's language; English is what the record computes.
    template, shown = live_sections(system=fria.system, fria=fria)
    _template, shown_read = live_sections(system=fria.system, fria=fria, say=sentence)
    fria.period_of_use, fria.frequency_of_use = period_of_use.strip(), frequency_of_use.strip()
    _template, now = live_sections(system=fria.system, fria=fria)
    _template, now_read = live_sections(system=fria.system, fria=fria, say=sentence)
    unknown = set(narratives) - set(template.keys())
    if unknown:
        raise FieldErrors(
            {"narratives": _("Unknown items: %(items)s.") % {"items": ", ".join(sorted(unknown))}}
        )
    computed = {
        versions[0].key: {_plain(v.computed_text) for v in versions}
        for versions in zip(shown, shown_read, now, now_read, strict=True)
    }
    edited = {key: _plain(text) for key, text in narratives.items()}
    fria.narratives = {k: t for k, t in edited.items() if t and t not in computed[k]}
    fria.save()
    _audit(fria.organisation, actor, "fria.edit", fria, f"Edited FRIA v{fria.version}")
    return fria


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


def _move(fria: Fria, actor: Any, target: FriaStatus, verb: str) -> Fria:
    if not lifecycle.can_move(lifecycle.State(fria.status), lifecycle.State(target)):
        raise FieldErrors(
            {
                "status": _("A %(status)s FRIA cannot move to %(target)s.")
                % {"status": fria.get_status_display().lower(), "target": target.label.lower()}
            }
        )
    fria.status = target
    fria.save(update_fields=["status", "updated_at"])
    _audit(fria.organisation, actor, verb, fria, f"FRIA v{fria.version} → {target}")
    return fria


@transaction.atomic
def fria_submit(*, fria: Fria, actor: Any) -> Fria:
    return _move(fria, actor, FriaStatus.IN_REVIEW, "fria.submit")


@transaction.atomic
def fria_return(*, fria: Fria, actor: Any, reason: str) -> Fria:
    """Back to draft, saying what should change (shown on the FRIA and audited)."""
    if not (reason or "").strip():
        raise FieldErrors({"reason": _("Say why the FRIA goes back to draft.")})
    _move(fria, actor, FriaStatus.DRAFT, "fria.return")
    fria.return_reason = reason.strip()
    fria.save(update_fields=["return_reason"])
    _audit(fria.organisation, actor, "fria.return_reason", fria, fria.return_reason)
    return fria


@transaction.atomic
def fria_approve(*, fria: Fria, membership: Membership) -> Fria:
    """Approve and freeze the content; an earlier approved version becomes superseded.
    Refused, with every reason, when a sign-off rule says no (see signoff.py)."""
    if refusals := fria_approval_refusals(fria=fria, membership=membership):
        raise FieldErrors(
            {"approval": " ".join(core_text(r) for r in refusals)}, message=_("Approval refused.")
        )
    _move(fria, membership.user, FriaStatus.APPROVED, "fria.approve")
    fria.approved_at, fria.approved_by = timezone.now(), membership.user
    fria.save(update_fields=["approved_at", "approved_by"])
    fria.snapshot = {}
    fria.snapshot = fria_json(system=fria.system, fria=fria)
    fria.save(update_fields=["snapshot"])
    older = Fria.objects.filter(system=fria.system, status=FriaStatus.APPROVED).exclude(pk=fria.pk)
    for previous in older:
        _move(previous, membership.user, FriaStatus.SUPERSEDED, "fria.supersede")
    return fria


@transaction.atomic
def fria_reviewer_add(*, fria: Fria, actor: Any, email: str) -> FriaReviewer:
    """Ask a member of the organisation to review the FRIA; they are notified."""
    user = (
        get_user_model()
        .objects.filter(
            email__iexact=(email or "").strip(), memberships__organisation=fria.organisation
        )
        .first()
    )
    if user is None:
        raise FieldErrors({"email": _("No member of this organisation has that email address.")})
    if fria.is_frozen:
        raise FieldErrors({"email": _("An approved FRIA is a record: start a new version.")})
    reviewer, _created = FriaReviewer.objects.get_or_create(
        organisation=fria.organisation, fria=fria, user=user
    )
    _audit(fria.organisation, actor, "fria.reviewer_add", reviewer, f"Reviewer {user.email}")
    notification_events.fria_review_requested(reviewer)
    return reviewer


@transaction.atomic
def fria_reviewer_decide(*, fria: Fria, actor: Any, decision: str, comment: str) -> FriaReviewer:
    """A reviewer recommends approval or asks for changes (with what should change)."""
    reviewer = FriaReviewer.objects.filter(fria=fria, user=actor).first()
    if reviewer is None:
        raise FieldErrors({"decision": _("You are not a reviewer of this FRIA.")})
    if decision not in (FriaReviewDecision.APPROVE, FriaReviewDecision.CHANGES):
        raise FieldErrors({"decision": _("Recommend approval or ask for changes.")})
    if decision == FriaReviewDecision.CHANGES and not (comment or "").strip():
        raise FieldErrors({"comment": _("Say what should change.")})
    reviewer.decision, reviewer.comment = decision, (comment or "").strip()
    reviewer.save()
    _audit(fria.organisation, actor, "fria.reviewer_decide", reviewer, decision)
    return reviewer


def _provider_file(upload: UploadedFile[bytes] | None) -> tuple[dict[str, Any], str]:
    """The FRIA items a provider's JSON gives, or the text read from its PDF, DOCX or TXT."""
    if upload is None:
        return {}, ""
    checked = upload_check(upload, policy=PROVIDER_UPLOAD)
    if checked.kind.name != "json":
        return {}, _file_text(upload.name or "", checked.data)
    return _provider_items(checked.data), ""


def _file_text(name: str, data: bytes) -> str:
    """Read with the policy checker's ingestion: a clear error for a scan or broken file."""
    try:
        return ingest.extract(name, data).text
    except ingest.IngestError as exc:
        raise FieldErrors({"file": exc.message}) from exc


def _provider_items(data: bytes) -> dict[str, Any]:
    try:
        texts = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FieldErrors(
            {"file": _("The JSON file cannot be read: %(problem)s.") % {"problem": exc}}
        ) from exc
    if not isinstance(texts, dict):
        raise FieldErrors({"file": _("The JSON file must hold one entry per FRIA item (a … f).")})
    return starting_narratives(current_template(), texts)


@transaction.atomic
def provider_document_add(
    *,
    system: AISystem,
    actor: Any,
    kind: str,
    provider: str,
    summary: str,
    upload: UploadedFile[bytes] | None = None,
) -> ProviderDocument:
    """Record what the provider said (Art. 13 information or its own assessment)."""
    errors = {}
    if kind not in ProviderDocumentKind.values:
        errors["kind"] = _("Choose what the provider gave you.")
    if not provider.strip():
        errors["provider"] = _("Name the provider.")
    if not summary.strip():
        errors["summary"] = _("Summarise what the provider says about risks, limits and oversight.")
    if errors:
        raise FieldErrors(errors)
    item_texts, file_text = _provider_file(upload)
    document = ProviderDocument.objects.create(
        organisation=system.organisation,
        system=system,
        kind=kind,
        provider=provider.strip(),
        summary=summary.strip(),
        item_texts=item_texts,
        file_text=file_text,
        file=upload if upload is not None else "",
        created_by=actor,
    )
    _audit(system.organisation, actor, "provider_document.add", document, str(document))
    return document


@transaction.atomic
def esrs_create(
    *, organisation: Organisation, actor: Any, period_start: date, period_end: date
) -> EsrsDraft:
    if period_end < period_start:
        raise FieldErrors({"period_end": _("The period must end after it starts.")})
    draft = EsrsDraft.objects.create(
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
        created_by=actor,
    )
    _audit(organisation, actor, "esrs.create", draft, str(draft))
    return draft


@transaction.atomic
def esrs_update(
    *, draft: EsrsDraft, actor: Any, narratives: dict[str, str], published_items: list[str]
) -> EsrsDraft:
    """Save the narratives and which disclosure requirements the public page shows (opt-in)."""
    codes = [r.code for r in esrs_library()]
    unknown = (set(narratives) | set(published_items)) - set(codes)
    if unknown:
        raise FieldErrors(
            {
                "published_items": _("Unknown requirements: %(codes)s.")
                % {"codes": ", ".join(sorted(unknown))}
            }
        )
    draft.narratives = {k: v.strip() for k, v in narratives.items() if v.strip()}
    draft.published_items = [c for c in codes if c in set(published_items)]
    draft.save()
    _audit(draft.organisation, actor, "esrs.update", draft, f"Published: {draft.published_items}")
    return draft


@transaction.atomic
def transparency_update(
    *,
    organisation: Organisation,
    actor: Any,
    enabled: bool,
    introduction: str,
    systems: list[AISystem],
) -> TransparencyPage:
    """Switch the public page on or off and choose the systems it shows."""
    if any(s.organisation_id != organisation.pk for s in systems):
        raise FieldErrors({"systems": _("Choose systems of this organisation.")})
    page, _created = TransparencyPage.objects.get_or_create(organisation=organisation)
    page.enabled, page.introduction = enabled, introduction.strip()
    page.save()
    page.systems.set(systems)
    _audit(
        organisation,
        actor,
        "transparency.update",
        page,
        f"enabled={enabled}, {len(systems)} systems",
    )
    return page
