"""Demo content: one procurement end to end (the CV-screening tool) and one know-your-customer check."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.utils import timezone

from rightslens.accounts.models import Membership, Organisation
from rightslens.assessments.models import Impact
from rightslens.inventory.models import AISystem

from . import request_services as rs
from . import services
from .models import Counterparty, LeverageOutcome
from .screening_services import screening_decide

log = logging.getLogger("rightslens.demo")

CV_USE_CASE = (
    "Rank job applications for our recruiters in the UK and Kenya and shortlist candidates for interview. "
    "The vendor also offers an optional emotion recognition add-on that scores video interviews; "
    "we do not intend to enable it."
)
VENDOR_ANSWERS = {
    "q-vendor-policy": "yes",
    "q-vendor-policy-link": "Published on the vendor's website; approved by its board in 2025.",
    "q-vendor-hria": "yes",
    "q-vendor-hria-findings": "Ranking penalised career gaps, affecting carers and disabled applicants; "
    "gap-sensitive features were removed and results are re-tested each quarter.",
    "q-vendor-emotion": "no",
    "q-vendor-biometric-id": "no",
    "q-vendor-data": "documented consent or another documented lawful basis for all personal data",
    "q-vendor-data-workers": "no",
    "q-vendor-testing": "in aggregate only",
    "q-vendor-grievance": "yes",
    "q-vendor-remedy": "yes",
    "q-vendor-incidents": "no",
    "q-vendor-audit": "yes",
}
KYC_ANSWERS = {
    "q-kyc-use": "A multilingual assistant answering tenants' questions about housing support in Nairobi.",
    "q-kyc-sector": "public administration",
    "q-kyc-commitment": "yes",
    "q-kyc-competence": "a named person, assessment planned later",
    "q-kyc-grievance": "yes",
    "q-kyc-emotion": "no",
    "q-kyc-surveillance": "no",
    "q-kyc-policing": "no",
    "q-kyc-monitoring": "yes",
}


def _system(organisation: Organisation, words: str) -> AISystem | None:
    return AISystem.objects.filter(organisation=organisation, name__icontains=words).first()


def _answered(
    counterparty: Counterparty, user: Any, questionnaire_id: str, answers: dict[str, str]
) -> Any:
    request, raw = rs.request_send(
        counterparty=counterparty, user=user, questionnaire_id=questionnaire_id
    )
    rs.request_submit(raw_token=raw, answers=answers, files={})
    request.refresh_from_db()
    return request


AGREED_CLAUSES = frozenset({"clause-responsible-use", "clause-audit-information"})


def _vendor(organisation: Organisation, user: Any, system: AISystem | None) -> Counterparty:
    today = timezone.localdate()
    vendor = services.counterparty_save(
        organisation=organisation,
        user=user,
        systems=[system] if system else [],
        name="TalentSift Ltd",
        kind="vendor",
        country="GB",
        sector="HR technology",
        relationship_owner="Head of People",
        contract_start=today - dt.timedelta(days=30),
        contract_end=today + dt.timedelta(days=700),
        reassessment_date=None,
        reassessment_months=12,
        notes="Supplier of the CV-screening tool.",
    )
    impact = (
        Impact.objects.filter(
            organisation=organisation, involvement="directly_linked", assessment__system=system
        ).first()
        if system
        else None
    )
    if impact is not None:
        services.counterparty_link_impact(counterparty=vendor, impact=impact, user=user)
    for clause_id in (
        "clause-responsible-use",
        "clause-audit-information",
        "clause-remedy-cooperation",
    ):
        if clause_id in {c.id for c in services.clause_templates()}:
            clause = services.clause_attach(counterparty=vendor, user=user, clause_id=clause_id)
            # Negotiation is under way: two clauses agreed, remedy cooperation still proposed.
            if clause_id in AGREED_CLAUSES:
                services.clause_set_status(attachment=clause, user=user, status="agreed")
    services.leverage_record(
        counterparty=vendor,
        user=user,
        kind="lev-bilateral",
        taken_on=today - dt.timedelta(days=10),
        description="Asked the vendor to break bias testing down by disability and language before renewal.",
        outcome=LeverageOutcome.PARTLY,
        outcome_note="Disability breakdown promised; languages not yet.",
    )
    return vendor


def _procurement(
    organisation: Organisation, user: Any, system: AISystem | None, vendor: Counterparty
) -> None:
    membership = Membership.objects.get(user=user, organisation=organisation)
    procurement = services.procurement_create(
        organisation=organisation,
        user=user,
        title="CV-screening tool for recruitment",
        public_buyer=False,
        needs_statement="Recruiters receive more applications than they can read fairly; we need help "
        "shortlisting without excluding anyone on a protected ground.",
        use_case_text=CV_USE_CASE,
        vendor=vendor,
        system=system,
    )
    screening = services.procurement_screen(procurement=procurement, user=user)
    if screening.hits:
        screening_decide(
            screening=screening,
            membership=membership,
            decision="proceed_with_safeguards",
            reasons="The emotion recognition add-on is excluded by the responsible-use clause and stays disabled; "
            "the ranking itself is not a red-line use.",
        )
    request = _answered(vendor, user, "qn-vendor-dd", VENDOR_ANSWERS)
    rs.request_conclude(
        request=request,
        membership=membership,
        conclusion="proceed_with_conditions",
        reasons="Testing is aggregate only and data workers' conditions are unclear: award on condition of "
        "per-group and per-language test results within 90 days, audit rights and cooperation in remedy.",
    )
    services.procurement_attach_questionnaire(procurement=procurement, request=request)
    # Not awarded: the pre-procurement assessment is still a draft and the remedy clause is not
    # agreed, so the award gate lists what is left (a truthful demo, not an unearned green light).
    if system is not None:
        services.procurement_open_assessment(procurement=procurement, user=user)


def _customer_check(organisation: Organisation, user: Any) -> None:
    membership = Membership.objects.get(user=user, organisation=organisation)
    chat = _system(organisation, "Lumen Chat")
    customer = services.counterparty_save(
        organisation=organisation,
        user=user,
        systems=[chat] if chat else [],
        name="Nairobi Housing Support Agency",
        kind="customer",
        country="KE",
        sector="Public administration",
        relationship_owner="Enterprise sales lead",
        contract_start=None,
        contract_end=None,
        reassessment_date=timezone.localdate() + dt.timedelta(days=180),
        reassessment_months=6,
        notes="Prospective public-sector customer for the assistant.",
    )
    request = _answered(customer, user, "qn-kyc", KYC_ANSWERS)
    rs.request_conclude(
        request=request,
        membership=membership,
        conclusion="proceed_with_conditions",
        reasons="Committed and has a grievance channel, but no impact assessment yet: supply once their "
        "assessment of Swahili-language performance is done.",
    )


def load(organisation: Organisation, user: Any) -> None:
    if not rs.knowledge_items():
        log.warning("demo: no questionnaires in the knowledge base; procurement demo skipped")
        return
    system = _system(organisation, "CV screening")
    vendor = _vendor(organisation, user, system)
    _procurement(organisation, user, system, vendor)
    _customer_check(organisation, user)
    services.business_model_create(
        organisation=organisation,
        user=user,
        title="Lumen Chat assistant",
        system=_system(organisation, "Lumen Chat"),
        general_purpose=True,
        revenue_model="subscription",
        target_customers=["consumers", "public_sector"],
        release_speed="iterative",
        release_style="consumer_app",
        weights="closed",
        notes="Consumer app plus an enterprise offer to public bodies.",
    )
