"""Questionnaires sent to a counterparty through an expiring, single-purpose link.

The link carries a signed random token; only its hash is stored. A link opens one questionnaire,
accepts one submission, and stops working when it expires. Scores are computed here, on the server,
from the answers alone: nothing a respondent posts can set them.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership
from rightslens.common.crypto import encrypt_bytes
from rightslens.common.uploads import UploadPolicy, upload_check, upload_problem
from rightslens.core import gates
from rightslens.core.knowledge.model import Item
from rightslens.core.questionnaire import AnswerKind, Outcome, answer_errors, questions_of, score
from rightslens.errors import FieldErrors
from rightslens.notifications import events as notification_events
from rightslens.ux.wording import core_text

from .models import (
    Conclusion,
    Counterparty,
    CounterpartyKind,
    Evidence,
    QuestionnaireRequest,
    RequestStatus,
    token_hash,
)

LINK_SALT = "rightslens.procurement.questionnaire-link"
DEFAULT_DAYS_VALID = 14
# Evidence types we accept, checked by extension and by the file's first bytes (one upload policy).
EVIDENCE_POLICY = UploadPolicy(kinds=("pdf", "png", "jpeg", "txt", "csv"))
# Names a tampered form might use to push a score; their presence refuses the whole submission.
SCORE_FIELDS = ("score", "points", "percent", "outcome", "possible")


class LinkRefused(Exception):
    """The link cannot be used. The message says why, for the respondent."""


def knowledge_items() -> list[Item]:
    from rightslens.common.knowledge import knowledge

    kb = knowledge()
    return [*kb.by_type("questionnaire"), *kb.by_type("question")]


def questionnaire_item(questionnaire_id: str) -> Item | None:
    return next(
        (i for i in knowledge_items() if i.id == questionnaire_id and i.type == "questionnaire"),
        None,
    )


def questions_for(request: QuestionnaireRequest) -> list[Item]:
    return questions_of(knowledge_items(), request.questionnaire_id)


# ---- sending ----


def _new_token(request_id: int) -> str:
    return signing.dumps(
        {"r": request_id, "n": secrets.token_urlsafe(16)}, salt=LINK_SALT, compress=True
    )


@transaction.atomic
def request_send(
    *,
    counterparty: Counterparty,
    user: Any,
    questionnaire_id: str,
    days_valid: int = DEFAULT_DAYS_VALID,
) -> tuple[QuestionnaireRequest, str]:
    """Create the request and return it with the raw token (shown once, never stored)."""
    errors: dict[str, str] = {}
    if questionnaire_item(questionnaire_id) is None:
        errors["questionnaire_id"] = _("Choose a questionnaire from the library.")
    if not 1 <= days_valid <= 90:
        errors["days_valid"] = _("A link can stay valid between 1 and 90 days.")
    if errors:
        raise FieldErrors(errors)
    request = QuestionnaireRequest.objects.create(
        organisation=counterparty.organisation,
        counterparty=counterparty,
        questionnaire_id=questionnaire_id,
        token_hash=secrets.token_hex(32),
        expires_at=timezone.now() + timedelta(days=days_valid),
        sent_by=user,
    )
    raw = _new_token(request.pk)
    request.token_hash = token_hash(raw)
    request.save(update_fields=["token_hash"])
    audit_record(
        organisation=request.organisation,
        actor=user,
        verb="questionnaire_sent",
        obj=request,
        summary=f"Sent {questionnaire_id} to {counterparty.name}",
    )
    return request, raw


def request_for_token(raw: str) -> QuestionnaireRequest:
    """The request this link opens, or LinkRefused saying why (tampered, unknown, expired, used)."""
    try:
        signing.loads(raw, salt=LINK_SALT)
    except signing.BadSignature as exc:
        raise LinkRefused(
            gettext("This link is not valid. Ask the organisation that sent it for a new one.")
        ) from exc
    request = (
        QuestionnaireRequest.objects.select_related("counterparty", "organisation")
        .filter(token_hash=token_hash(raw))
        .first()
    )
    if request is None:
        raise LinkRefused(
            gettext(
                "This link is no longer valid. Ask the organisation that sent it for a new one."
            )
        )
    if request.token_used_at is not None:
        raise LinkRefused(
            gettext("This link has already been used to submit answers; it cannot be used again.")
        )
    if request.expires_at <= timezone.now():
        raise LinkRefused(
            gettext("This link has expired. Ask the organisation that sent it for a new one.")
        )
    return request


# ---- submitting ----


def _evidence_problem(upload: UploadedFile[Any]) -> str:
    return upload_problem(upload, EVIDENCE_POLICY)[0]


def _allowed_ids(request: QuestionnaireRequest, questions: Sequence[Item]) -> set[str]:
    if request.status == RequestStatus.CLARIFICATION:
        return set(request.reopened)
    return {q.id for q in questions}


def _merged_answers(
    request: QuestionnaireRequest,
    questions: Sequence[Item],
    answers: Mapping[str, str],
    files: Mapping[str, UploadedFile[Any]],
) -> tuple[dict[str, str], dict[str, str]]:
    errors: dict[str, str] = {}
    allowed = _allowed_ids(request, questions)
    kinds = {q.id: q.get("answer_kind") for q in questions}
    merged = dict(request.answers) if request.status == RequestStatus.CLARIFICATION else {}
    for qid, value in answers.items():
        if qid in kinds and kinds[qid] == AnswerKind.EVIDENCE:
            continue  # evidence answers come from files only
        if (
            qid in kinds
            and qid not in allowed
            and str(value).strip() != str(merged.get(qid, "")).strip()
        ):
            errors[qid] = gettext("Only the items the buyer reopened can be changed now.")
            continue
        merged[qid] = str(value).strip()
    for qid, upload in files.items():
        if kinds.get(qid) != AnswerKind.EVIDENCE or qid not in allowed:
            errors[f"evidence-{qid}"] = gettext("Evidence cannot be attached to this item.")
            continue
        problem = _evidence_problem(upload)
        if problem:
            errors[f"evidence-{qid}"] = problem
        else:
            merged[qid] = upload.name or "evidence"
    return {k: v for k, v in merged.items() if v}, errors


@transaction.atomic
def request_submit(
    *,
    raw_token: str,
    answers: Mapping[str, str],
    files: Mapping[str, UploadedFile[Any]],
    posted_fields: Sequence[str] = (),
) -> QuestionnaireRequest:
    """Accept one submission through the link. Refuses everything if any part is wrong."""
    request = request_for_token(raw_token)
    request = QuestionnaireRequest.objects.select_for_update().get(pk=request.pk)
    if request.token_used_at is not None:
        raise LinkRefused(
            gettext("This link has already been used to submit answers; it cannot be used again.")
        )
    tampered = [f for f in posted_fields if f in SCORE_FIELDS]
    if tampered:
        raise FieldErrors(
            {
                f: gettext("Scores are worked out by the buyer's system; they cannot be submitted.")
                for f in tampered
            }
        )
    questions = questions_for(request)
    merged, errors = _merged_answers(request, questions, answers, files)
    errors.update({k: core_text(v) for k, v in answer_errors(questions, merged).items()})
    if errors:
        raise FieldErrors(errors, gettext("Some answers could not be accepted; nothing was saved."))
    for qid, upload in files.items():
        Evidence.objects.create(
            organisation=request.organisation,
            request=request,
            question_id=qid,
            filename=(upload.name or "")[:200],
            content_type=upload_check(upload, policy=EVIDENCE_POLICY).content_type,
            size=upload.size or 0,
            content=encrypt_bytes(upload.read()),  # at rest under the grievance key
        )
    request.answers = merged
    request.outcome = score(questions, merged).as_dict()
    request.status = RequestStatus.SUBMITTED
    request.submitted_at = request.token_used_at = timezone.now()
    request.reopened = []
    request.save()
    audit_record(
        organisation=request.organisation,
        actor=None,
        verb="questionnaire_submitted",
        obj=request,
        summary=f"Answers received from {request.counterparty.name}",
    )
    notification_events.questionnaire_answered(request)
    return request


# ---- reviewing ----


def _check_member(request: QuestionnaireRequest, membership: Membership) -> None:
    if membership.organisation_id != request.organisation_id or not membership.can_write:
        raise PermissionDenied(_("Your role cannot review this questionnaire."))


@transaction.atomic
def request_review_item(
    *,
    request: QuestionnaireRequest,
    membership: Membership,
    question_id: str,
    verdict: str,
    note: str,
) -> QuestionnaireRequest:
    _check_member(request, membership)
    errors: dict[str, str] = {}
    if question_id not in {q.id for q in questions_for(request)}:
        errors["question_id"] = _("This item is not part of the questionnaire.")
    if verdict not in ("accepted", "needs_clarification"):
        errors["verdict"] = _("Choose accepted or needs clarification.")
    if verdict == "needs_clarification" and not note.strip():
        errors["note"] = _("Say what needs clarifying.")
    if errors:
        raise FieldErrors(errors)
    request.reviews = {**request.reviews, question_id: {"verdict": verdict, "note": note.strip()}}
    request.save(update_fields=["reviews"])
    return request


@transaction.atomic
def request_ask_clarification(
    *, request: QuestionnaireRequest, membership: Membership, days_valid: int = DEFAULT_DAYS_VALID
) -> tuple[QuestionnaireRequest, str]:
    """Reopen the items marked as needing clarification and issue a fresh single-use link."""
    _check_member(request, membership)
    reopened = [
        qid for qid, r in request.reviews.items() if r.get("verdict") == "needs_clarification"
    ]
    if request.status not in (RequestStatus.SUBMITTED,) or not reopened:
        raise FieldErrors(
            {"reviews": _("Mark at least one submitted item as needing clarification first.")}
        )
    raw = _new_token(request.pk)
    request.token_hash = token_hash(raw)
    request.token_used_at = None
    request.expires_at = timezone.now() + timedelta(days=days_valid)
    request.status = RequestStatus.CLARIFICATION
    request.reopened = reopened
    request.save()
    audit_record(
        organisation=request.organisation,
        actor=membership.user,
        verb="clarification_requested",
        obj=request,
        after={"reopened": reopened},
    )
    return request, raw


@transaction.atomic
def _leverage_plan_errors(
    request: QuestionnaireRequest, conclusion: str, supply_conditions: str
) -> dict[str, str]:
    """A customer concluded high risk needs a leverage plan before supply (core.gates)."""
    if request.counterparty.kind != CounterpartyKind.CUSTOMER:
        return {}
    problems = gates.high_risk_conclusion_problems(
        conclusion=conclusion,
        supply_conditions=supply_conditions,
        leverage_actions=request.counterparty.leverage_actions.count(),
    )
    return {"supply_conditions": " ".join(problems)} if problems else {}


def request_conclude(
    *,
    request: QuestionnaireRequest,
    membership: Membership,
    conclusion: str,
    reasons: str,
    supply_conditions: str = "",
) -> QuestionnaireRequest:
    """Record the buyer's conclusion. Going ahead despite a red-line answer needs the senior role;
    a customer concluded "escalate" or "do not proceed" needs a leverage plan."""
    _check_member(request, membership)
    errors: dict[str, str] = _leverage_plan_errors(request, conclusion, supply_conditions)
    if request.status != RequestStatus.SUBMITTED:
        errors["conclusion"] = _("A conclusion can be recorded once answers have been submitted.")
    if conclusion not in Conclusion.values:
        errors["conclusion"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(str(label) for label in Conclusion.labels)
        }
    if not reasons.strip():
        errors["conclusion_reasons"] = _("Give the reasons for the conclusion.")
    if errors:
        raise FieldErrors(errors)
    going_ahead = conclusion in (Conclusion.PROCEED, Conclusion.PROCEED_WITH_CONDITIONS)
    if (
        going_ahead
        and request.outcome.get("outcome") == Outcome.RED_LINE
        and not membership.is_senior
    ):
        raise PermissionDenied(
            _("An answer hit a red line: only the senior role can decide to go ahead.")
        )
    request.conclusion, request.conclusion_reasons = conclusion, reasons.strip()
    request.supply_conditions = supply_conditions.strip()
    request.concluded_by, request.concluded_at = membership.user, timezone.now()
    request.status = RequestStatus.CONCLUDED
    request.save()
    audit_record(
        organisation=request.organisation,
        actor=membership.user,
        verb="questionnaire_concluded",
        obj=request,
        after={
            "conclusion": conclusion,
            "reasons": request.conclusion_reasons,
            "supply_conditions": request.supply_conditions,
        },
    )
    return request
