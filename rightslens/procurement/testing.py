"""Tenancy fixtures: one object for every <int:..._id> URL kwarg of this app."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.utils import timezone

from rightslens.common.crypto import encrypt_bytes

from .models import (
    BusinessModelRecord,
    ClauseAttachment,
    Counterparty,
    Evidence,
    LeverageAction,
    Procurement,
    QuestionnaireRequest,
    RedLineScreening,
)


def tenancy_objects(organisation: Any, user: Any) -> dict[str, int]:
    screening = RedLineScreening.objects.create(
        organisation=organisation,
        subject_type="use_case",
        use_case_text="Emotion recognition in interviews",
        hits=[
            {
                "red_line_id": "rl-x",
                "title": "X",
                "matched_terms": ["emotion recognition"],
                "statuses": [],
                "sources": [],
            }
        ],
        screened_by=user,
    )
    counterparty = Counterparty.objects.create(
        organisation=organisation, name="Vendor Ltd", kind="vendor"
    )
    clause = ClauseAttachment.objects.create(
        organisation=organisation,
        counterparty=counterparty,
        clause_id="clause-audit-information",
        attached_by=user,
    )
    leverage = LeverageAction.objects.create(
        organisation=organisation,
        counterparty=counterparty,
        kind="lev-bilateral",
        description="Asked for audit",
        taken_on=dt.date(2026, 1, 5),
        created_by=user,
    )
    request = QuestionnaireRequest.objects.create(
        organisation=organisation,
        counterparty=counterparty,
        questionnaire_id="qn-vendor-dd",
        token_hash=secrets.token_hex(32),
        expires_at=timezone.now() + dt.timedelta(days=7),
        sent_by=user,
        status="submitted",
        answers={"q-vendor-policy": "yes"},
    )
    evidence = Evidence.objects.create(
        organisation=organisation,
        request=request,
        question_id="q-vendor-hria-report",
        filename="a.txt",
        content_type="text/plain",
        size=5,
        content=encrypt_bytes(b"hello"),
    )
    record = BusinessModelRecord.objects.create(
        organisation=organisation,
        title="Assistant",
        general_purpose=True,
        revenue_model="subscription",
        target_customers=["consumers"],
        release_speed="iterative",
        release_style="consumer_app",
        weights="closed",
        created_by=user,
    )
    procurement = Procurement.objects.create(
        organisation=organisation,
        title="CV screening",
        needs_statement="Faster hiring",
        use_case_text="Rank applicants",
        created_by=user,
    )
    return {
        "screening_id": screening.pk,
        "counterparty_id": counterparty.pk,
        "clause_attachment_id": clause.pk,
        "leverage_action_id": leverage.pk,
        "request_id": request.pk,
        "evidence_id": evidence.pk,
        "business_model_id": record.pk,
        "procurement_id": procurement.pk,
    }
