"""Writes for value-chain due diligence: counterparties, clauses, leverage, business-model risk and
procurement processes. Questionnaire links live in request_services, red lines in screening_services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership, Organisation
from rightslens.assessments.models import Assessment, AssessmentKind, Impact, Trigger
from rightslens.core import business_model as bm
from rightslens.core import gates
from rightslens.core.vocabulary import LifecycleStage, ValueChainRole
from rightslens.engagement.selectors import groups_heard
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem
from rightslens.inventory.services import system_create

from .models import (
    BusinessModelRecord,
    ClauseAttachment,
    ClauseStatus,
    Counterparty,
    CounterpartyKind,
    LeverageAction,
    LeverageKind,
    LeverageOutcome,
    Procurement,
    ProcurementStatus,
    QuestionnaireRequest,
    RedLineScreening,
)
from .screening_services import answer_hits, screening_run

COUNTERPARTY_FIELDS = (
    "name",
    "kind",
    "country",
    "sector",
    "relationship_owner",
    "contract_start",
    "contract_end",
    "reassessment_date",
    "reassessment_months",
    "notes",
)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


# ---- counterparties ----


def _counterparty_errors(fields: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not str(fields.get("name") or "").strip():
        errors["name"] = _("Give the counterparty's name.")
    if fields.get("kind") not in CounterpartyKind.values:
        errors["kind"] = _("Choose vendor or customer.")
    country = str(fields.get("country") or "")
    if country and (len(country) != 2 or not country.isalpha()):
        errors["country"] = _("Use a two-letter ISO 3166 country code, e.g. KE.")
    start, end = fields.get("contract_start"), fields.get("contract_end")
    if start and end and end < start:
        errors["contract_end"] = _("The contract cannot end before it starts.")
    return errors


@transaction.atomic
def counterparty_save(
    *,
    organisation: Organisation,
    user: Any,
    counterparty: Counterparty | None = None,
    systems: Iterable[AISystem] = (),
    **fields: Any,
) -> Counterparty:
    errors = _counterparty_errors(fields)
    systems = list(systems)
    if any(s.organisation_id != organisation.pk for s in systems):
        errors["systems"] = _("Choose systems from your own inventory.")
    if errors:
        raise FieldErrors(errors)
    fields["country"] = str(fields.get("country") or "").upper()
    target = counterparty or Counterparty(organisation=organisation)
    for name in COUNTERPARTY_FIELDS:
        if name in fields:
            setattr(target, name, fields[name])
    if target.reassessment_date is None and target.contract_start:
        target.reassessment_date = _add_months(
            target.contract_start, target.reassessment_months or 12
        )
    target.save()
    target.systems.set(systems)
    audit_record(
        organisation=organisation,
        actor=user,
        verb="counterparty_saved",
        obj=target,
        summary=target.name,
    )
    return target


@transaction.atomic
def counterparty_link_impact(
    *, counterparty: Counterparty, impact: Impact, user: Any
) -> Counterparty:
    """Record that this relationship is the link to an impact (directly linked involvement)."""
    if impact.organisation_id != counterparty.organisation_id:
        raise FieldErrors({"impact": _("Choose an impact from your own register.")})
    counterparty.linked_impacts.add(impact)
    audit_record(
        organisation=counterparty.organisation,
        actor=user,
        verb="impact_linked",
        obj=counterparty,
        after={"impact": impact.pk},
    )
    return counterparty


@transaction.atomic
def counterparty_reassessed(
    *, counterparty: Counterparty, user: Any, on: dt.date | None = None
) -> Counterparty:
    """Record a reassessment and schedule the next one by the relationship's cycle."""
    day = on or timezone.localdate()
    counterparty.reassessment_date = _add_months(day, counterparty.reassessment_months or 12)
    counterparty.save(update_fields=["reassessment_date"])
    audit_record(
        organisation=counterparty.organisation,
        actor=user,
        verb="relationship_reassessed",
        obj=counterparty,
        after={"next": counterparty.reassessment_date.isoformat()},
    )
    return counterparty


# ---- clauses and leverage ----


def clause_templates() -> list[Any]:
    from rightslens.common.knowledge import knowledge

    return knowledge().offered("clause_template")


@transaction.atomic
def clause_attach(
    *, counterparty: Counterparty, user: Any, clause_id: str, note: str = ""
) -> ClauseAttachment:
    if clause_id not in {c.id for c in clause_templates()}:
        raise FieldErrors({"clause_id": _("Choose a clause from the library.")})
    if counterparty.clauses.filter(clause_id=clause_id).exists():
        raise FieldErrors({"clause_id": _("This clause is already attached to the relationship.")})
    attachment = ClauseAttachment.objects.create(
        organisation=counterparty.organisation,
        counterparty=counterparty,
        clause_id=clause_id,
        note=note.strip(),
        attached_by=user,
    )
    audit_record(
        organisation=counterparty.organisation,
        actor=user,
        verb="clause_attached",
        obj=attachment,
        summary=clause_id,
    )
    return attachment


@transaction.atomic
def clause_set_status(*, attachment: ClauseAttachment, user: Any, status: str) -> ClauseAttachment:
    if status not in ClauseStatus.values:
        raise FieldErrors({"status": _("Choose proposed, agreed or refused.")})
    before = attachment.status
    attachment.status = status
    attachment.save(update_fields=["status"])
    audit_record(
        organisation=attachment.organisation,
        actor=user,
        verb="clause_status",
        obj=attachment,
        before={"status": before},
        after={"status": status},
    )
    return attachment


@transaction.atomic
def leverage_record(
    *,
    counterparty: Counterparty,
    user: Any,
    kind: str,
    description: str,
    taken_on: dt.date | None,
    outcome: str = LeverageOutcome.PENDING,
    outcome_note: str = "",
) -> LeverageAction:
    errors: dict[str, str] = {}
    if kind not in LeverageKind.values:
        errors["kind"] = _("Choose a kind of leverage.")
    if not description.strip():
        errors["description"] = _("Describe what was done.")
    if taken_on is None:
        errors["taken_on"] = _("Give the date the action was taken.")
    if outcome not in LeverageOutcome.values:
        errors["outcome"] = _("Choose an outcome.")
    if errors:
        raise FieldErrors(errors)
    assert taken_on is not None  # a missing date is one of the errors above
    action = LeverageAction.objects.create(
        organisation=counterparty.organisation,
        counterparty=counterparty,
        kind=kind,
        description=description.strip(),
        taken_on=taken_on,
        outcome=outcome,
        outcome_note=outcome_note.strip(),
        created_by=user,
    )
    audit_record(
        organisation=counterparty.organisation, actor=user, verb="leverage_recorded", obj=action
    )
    return action


@transaction.atomic
def leverage_update_outcome(
    *, action: LeverageAction, user: Any, outcome: str, outcome_note: str
) -> LeverageAction:
    if outcome not in LeverageOutcome.values:
        raise FieldErrors({"outcome": _("Choose an outcome.")})
    before = {"outcome": action.outcome, "outcome_note": action.outcome_note}
    action.outcome, action.outcome_note = outcome, outcome_note.strip()
    action.save(update_fields=["outcome", "outcome_note", "updated_at"])
    audit_record(
        organisation=action.organisation,
        actor=user,
        verb="leverage_outcome",
        obj=action,
        before=before,
        after={"outcome": outcome, "outcome_note": action.outcome_note},
    )
    return action


# ---- business-model risk ----


def core_inherent_risks(model: bm.BusinessModel) -> list[bm.InherentRisk]:
    return bm.inherent_risks(model)


def business_model_of(record: BusinessModelRecord) -> bm.BusinessModel:
    return bm.BusinessModel(
        general_purpose=record.general_purpose,
        revenue_model=bm.RevenueModel(record.revenue_model),
        target_customers=tuple(bm.TargetCustomer(c) for c in record.target_customers),
        release_speed=bm.ReleaseSpeed(record.release_speed),
        release_style=bm.ReleaseStyle(record.release_style),
        weights=bm.WeightsPolicy(record.weights),
    )


def _business_model_errors(fields: dict[str, Any]) -> dict[str, str]:
    checks = {
        "revenue_model": bm.RevenueModel,
        "release_speed": bm.ReleaseSpeed,
        "release_style": bm.ReleaseStyle,
        "weights": bm.WeightsPolicy,
    }
    errors = {
        name: _("Choose one of the options.")
        for name, enum in checks.items()
        if fields.get(name) not in {m.value for m in enum}
    }
    customers = fields.get("target_customers") or []
    if not customers or any(c not in {m.value for m in bm.TargetCustomer} for c in customers):
        errors["target_customers"] = _("Choose at least one group of target customers.")
    if not str(fields.get("title") or "").strip():
        errors["title"] = _("Name the product or business line.")
    return errors


@transaction.atomic
def business_model_create(
    *, organisation: Organisation, user: Any, **fields: Any
) -> BusinessModelRecord:
    errors = _business_model_errors(fields)
    system = fields.get("system")
    if system is not None and system.organisation_id != organisation.pk:
        errors["system"] = _("Choose a system from your own inventory.")
    if errors:
        raise FieldErrors(errors)
    record = BusinessModelRecord.objects.create(
        organisation=organisation, created_by=user, **fields
    )
    audit_record(organisation=organisation, actor=user, verb="business_model_recorded", obj=record)
    return record


@transaction.atomic
def business_model_board_review(
    *, record: BusinessModelRecord, membership: Membership, minutes: str
) -> BusinessModelRecord:
    """The board's review, recorded by the senior role, with what was decided."""
    if not membership.is_senior or membership.organisation_id != record.organisation_id:
        raise PermissionDenied(_("The board review is recorded by the senior (owner) role."))
    if not minutes.strip():
        raise FieldErrors({"board_minutes": _("Record what the board decided on each risk.")})
    record.board_minutes, record.board_reviewed_by = minutes.strip(), membership.user
    record.board_reviewed_at = timezone.now()
    record.save(update_fields=["board_minutes", "board_reviewed_by", "board_reviewed_at"])
    audit_record(
        organisation=record.organisation, actor=membership.user, verb="board_reviewed", obj=record
    )
    return record


# ---- procurement process (public-sector mode) ----


@transaction.atomic
def procurement_create(
    *,
    organisation: Organisation,
    user: Any,
    title: str,
    needs_statement: str,
    use_case_text: str,
    public_buyer: bool,
    vendor: Counterparty | None = None,
    system: AISystem | None = None,
) -> Procurement:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Give the procurement a title.")
    if not needs_statement.strip():
        errors["needs_statement"] = _(
            "State the need: the problem to solve, and why AI is considered."
        )
    if not use_case_text.strip():
        errors["use_case_text"] = _("Describe what the system will do, for whom and on whom.")
    if vendor is not None and (
        vendor.organisation_id != organisation.pk or vendor.kind != CounterpartyKind.VENDOR
    ):
        errors["vendor"] = _("Choose one of your vendors.")
    if system is not None and system.organisation_id != organisation.pk:
        errors["system"] = _("Choose a system from your own inventory.")
    if errors:
        raise FieldErrors(errors)
    procurement = Procurement.objects.create(
        organisation=organisation,
        created_by=user,
        title=title.strip(),
        needs_statement=needs_statement.strip(),
        use_case_text=use_case_text.strip(),
        public_buyer=public_buyer,
        vendor=vendor,
        system=system,
    )
    audit_record(organisation=organisation, actor=user, verb="procurement_created", obj=procurement)
    return procurement


@transaction.atomic
def procurement_screen(
    *, procurement: Procurement, user: Any, red_lines: Any = None
) -> RedLineScreening:
    screening = screening_run(
        organisation=procurement.organisation,
        user=user,
        subject_type="procurement",
        subject_id=procurement.pk,
        text=procurement.use_case_text,
        red_lines=red_lines,
        answered=answer_hits(procurement.questionnaire),
    )
    procurement.screening = screening
    procurement.status = ProcurementStatus.DUE_DILIGENCE
    procurement.save(update_fields=["screening", "status"])
    return screening


@transaction.atomic
def procurement_attach_questionnaire(
    *, procurement: Procurement, request: QuestionnaireRequest
) -> Procurement:
    if request.organisation_id != procurement.organisation_id:
        raise FieldErrors({"questionnaire": _("Choose a questionnaire sent by your organisation.")})
    procurement.questionnaire = request
    procurement.save(update_fields=["questionnaire"])
    return procurement


def _system_link_errors(procurement: Procurement, system: AISystem) -> dict[str, str]:
    if system.organisation_id != procurement.organisation_id:
        return {"system": _("Choose a system from your own inventory.")}
    assessment = procurement.assessment
    if assessment is not None and assessment.system_id != system.pk:
        return {
            "system": _(
                "The pre-procurement assessment covers %(system)s: the system cannot change under "
                "it. Start a new procurement for another system."
            )
            % {"system": assessment.system}
        }
    return {}


@transaction.atomic
def procurement_link_system(
    *, procurement: Procurement, user: Any, system: AISystem
) -> Procurement:
    """Link the system being bought, at any stage, so its assessment and award can proceed."""
    if errors := _system_link_errors(procurement, system):
        raise FieldErrors(errors)
    before = procurement.system_id
    procurement.system = system
    procurement.save(update_fields=["system"])
    if procurement.vendor is not None:
        procurement.vendor.systems.add(system)
    audit_record(
        organisation=procurement.organisation,
        actor=user,
        verb="procurement_system_linked",
        obj=procurement,
        before={"system": before},
        after={"system": system.pk},
    )
    return procurement


@transaction.atomic
def procurement_create_system(*, procurement: Procurement, user: Any, kind: str) -> Procurement:
    """Record the system being bought in the inventory, from what the procurement already says."""
    system = system_create(
        organisation=procurement.organisation,
        actor=user,
        name=procurement.title[:200],
        purpose=procurement.use_case_text[:300],
        description=procurement.needs_statement,
        kind=kind,
        lifecycle_stage=LifecycleStage.PLAN_AND_DESIGN.value,
        value_chain_roles=[ValueChainRole.PROCURER.value, ValueChainRole.DEPLOYER.value],
    )
    return procurement_link_system(procurement=procurement, user=user, system=system)


@transaction.atomic
def procurement_open_assessment(*, procurement: Procurement, user: Any) -> Assessment:
    """Open the pre-procurement human rights assessment of the system being bought."""
    if procurement.system is None:
        raise FieldErrors(
            {"system": _("Record the system being bought in the inventory and link it first.")}
        )
    if procurement.assessment is not None:
        return procurement.assessment
    assessment = Assessment.objects.create(
        organisation=procurement.organisation,
        system=procurement.system,
        kind=AssessmentKind.PRE_PROCUREMENT,
        trigger=Trigger.NEW_ACTIVITY,
        title=f"Pre-procurement assessment: {procurement.title}",
        context_of_use=procurement.use_case_text,
        created_by=user,
    )
    procurement.assessment = assessment
    procurement.save(update_fields=["assessment"])
    audit_record(
        organisation=procurement.organisation,
        actor=user,
        verb="assessment_opened",
        obj=procurement,
        after={"assessment": assessment.pk},
    )
    return assessment


def unscreened_answers(procurement: Procurement) -> list[str]:
    """A vendor's 'Yes' to a red-line question that the current screen does not yet carry."""
    screened = {
        h.get("red_line_id") for h in (procurement.screening.hits if procurement.screening else [])
    }
    return [
        _(
            "The vendor's answer puts a red line on the screen (%(title)s): screen again so the "
            "senior role decides on it."
        )
        % {"title": hit.title}
        for hit in answer_hits(procurement.questionnaire)
        if hit.red_line_id not in screened
    ]


def award_facts(procurement: Procurement, clause_ids: Iterable[str] = ()) -> gates.AwardFacts:
    """What the award gate needs to know; `clause_ids` are the clauses the award conditions name."""
    screening, request = procurement.screening, procurement.questionnaire
    attached = (
        ClauseAttachment.objects.filter(
            organisation=procurement.organisation, counterparty_id=procurement.vendor_id
        )
        if procurement.vendor_id is not None
        else ClauseAttachment.objects.none()
    )
    clauses = {c.clause_id: c for c in attached}
    titles = {t.id: t.title_in(get_language()) for t in clause_templates()}
    groups = (
        {g.pk: g.name for g in procurement.system.affected_groups.all()}
        if procurement.system
        else {}
    )
    heard = groups_heard(organisation=procurement.organisation, group_ids=set(groups))
    return gates.AwardFacts(
        screened=screening is not None,
        red_line_hits_undecided=bool(screening and screening.blocks),
        use_stopped=bool(screening and screening.stopped),
        vendor_conclusion=request.conclusion if request else "",
        vendor_conclusion_label=request.get_conclusion_display() if request else "",
        assessment_state=procurement.assessment.status if procurement.assessment else None,
        named_clauses=tuple(
            gates.NamedClause(
                titles.get(cid, cid),
                cid in clauses and clauses[cid].status == ClauseStatus.AGREED,
            )
            for cid in clause_ids
        ),
        affected_groups=tuple(groups.values()),
        unengaged_groups=tuple(name for pk, name in groups.items() if pk not in heard),
    )


def award_blockers(procurement: Procurement, clause_ids: Iterable[str] = ()) -> list[str]:
    """What stands between this procurement and an award, in plain words."""
    return gates.award_problems(award_facts(procurement, clause_ids)) + unscreened_answers(
        procurement
    )


def _award_input_errors(award_conditions: str, monitoring_dates: list[dt.date]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not award_conditions.strip():
        errors["award_conditions"] = _(
            "State the conditions of the award (clauses, safeguards, reporting)."
        )
    if not monitoring_dates:
        errors["monitoring_dates"] = _("Set at least one post-award monitoring date.")
    elif min(monitoring_dates) <= timezone.localdate():
        errors["monitoring_dates"] = _("Monitoring dates must be in the future.")
    return errors


def _exception(membership: Membership, blockers: list[str], reasons: str) -> dict[str, Any] | None:
    """An award despite `blockers` is an exception only the senior role may record, with reasons."""
    if not blockers:
        return None
    if not reasons.strip():
        raise FieldErrors({"status": " ".join(blockers)})
    if not membership.is_senior:
        raise FieldErrors(
            {
                "exception_reasons": _(
                    "An award before due diligence is done is an exception that "
                    "only the senior (owner) role can record."
                )
            }
        )
    return {"reasons": reasons.strip(), "problems": blockers}


@transaction.atomic
def procurement_award(
    *,
    procurement: Procurement,
    membership: Membership,
    award_conditions: str,
    monitoring_dates: list[dt.date],
    clauses: Iterable[str] = (),
    exception_reasons: str = "",
) -> Procurement:
    """Award, once the award gate is open (core.gates.award_problems), or as a senior exception."""
    clause_ids = list(dict.fromkeys(clauses))
    errors = _award_input_errors(award_conditions, monitoring_dates)
    if errors:
        raise FieldErrors(errors)
    exception = _exception(membership, award_blockers(procurement, clause_ids), exception_reasons)
    procurement.award_conditions = award_conditions.strip()
    procurement.award_clauses = clause_ids
    procurement.monitoring_dates = sorted(d.isoformat() for d in monitoring_dates)
    procurement.status = ProcurementStatus.MONITORING
    if exception:
        procurement.award_exception_reasons = exception["reasons"]
        procurement.award_exception_by = membership.user
        procurement.award_exception_at = timezone.now()
    procurement.save()
    audit_record(
        organisation=procurement.organisation,
        actor=membership.user,
        verb="procurement_awarded",
        obj=procurement,
        after={
            "conditions": procurement.award_conditions,
            "clauses": clause_ids,
            "monitoring": procurement.monitoring_dates,
            "exception": exception,
        },
    )
    return procurement
