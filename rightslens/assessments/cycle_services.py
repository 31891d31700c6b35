"""Writes for the cycle. Keyword-only, one transaction each, audited; bad input raises FieldErrors
before anything is written. Impacts and actions themselves go through the assessments services."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.assessments import services as assessment_services
from rightslens.assessments.models import Action, Assessment, AssessmentKind, Impact
from rightslens.common.locking import version_claim
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem

from . import cycle_catalogue
from .cycle_models import (
    ActionPlan,
    CategoryReview,
    Outcome,
    Preference,
    Scoping,
    SuggestionDecision,
)

LIST_FIELDS = ("scope_countries", "scope_languages", "safety_tested_languages", "vulnerable_groups")
SCOPING_FIELDS = (
    "context_of_use",
    "scope_countries",
    "scope_languages",
    "safety_tested_languages",
    "users",
    "affected_groups_note",
    "vulnerable_groups",
    "suppliers",
    "customers",
    "vendors",
    "general_purpose",
    "who_pays",
    "release_style",
    "weights",
    "business_model_note",
)
ON_ASSESSMENT = ("context_of_use", "scope_countries", "scope_languages")


def ensure_editable(assessment: Assessment) -> None:
    if assessment.is_frozen:
        raise FieldErrors(
            {
                "assessment": _(
                    "This assessment is %(status)s and frozen: start a new version to change it."
                )
                % {"status": assessment.get_status_display().lower()}
            },
            message=_("The assessment is frozen."),
        )


def as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.replace("\n", ",").split(",")
    return list(dict.fromkeys(str(v).strip() for v in (value or []) if str(v).strip()))


def _scoping_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    known = {cid for cid, _ in cycle_catalogue.vulnerable_choices()}
    if unknown := [v for v in values["vulnerable_groups"] if v not in known]:
        errors["vulnerable_groups"] = _("Not vulnerable groups in the knowledge base: %(ids)s.") % {
            "ids": ", ".join(unknown)
        }
    for name in ("scope_languages", "safety_tested_languages"):
        if bad := [v for v in values[name] if not v.replace("-", "").isalpha() or len(v) > 12]:
            errors[name] = _("Use language codes such as en, sw, pt-BR (not: %(codes)s).") % {
                "codes": ", ".join(bad)
            }
    if bad := [v for v in values["scope_countries"] if len(v) != 2 or not v.isalpha()]:
        errors["scope_countries"] = _(
            "Use two-letter country codes such as KE, BR (not: %(codes)s)."
        ) % {"codes": ", ".join(bad)}
    if values["release_style"] and values["release_style"] not in {
        c for c, _ in Scoping._meta.get_field("release_style").choices or ()
    }:
        errors["release_style"] = _("Choose a release style from the list.")
    return errors


@transaction.atomic
def scoping_save(
    *, assessment: Assessment, actor: Any, lock_version: int | None = None, **fields: Any
) -> Scoping:
    """Save the scoping. With the `lock_version` the form was loaded at, an assessment changed
    by someone else since is refused and nothing is saved; internal callers may leave it out."""
    ensure_editable(assessment)
    if unknown := set(fields) - set(SCOPING_FIELDS):
        raise FieldErrors({name: _("Unknown field.") for name in sorted(unknown)})
    values = {k: (as_list(v) if k in LIST_FIELDS else v) for k, v in fields.items()}
    values["scope_countries"] = [c.upper() for c in values.get("scope_countries", [])]
    for name in SCOPING_FIELDS:
        values.setdefault(
            name, [] if name in LIST_FIELDS else ("" if name != "general_purpose" else False)
        )
    if errors := _scoping_errors(values):
        raise FieldErrors(errors)
    scoping, _created = Scoping.objects.get_or_create(
        organisation=assessment.organisation, assessment=assessment
    )
    before = {k: getattr(assessment if k in ON_ASSESSMENT else scoping, k) for k in SCOPING_FIELDS}
    version_claim(assessment, lock_version, noun="assessment")
    for name in SCOPING_FIELDS:
        setattr(assessment if name in ON_ASSESSMENT else scoping, name, values[name])
    # Only the fields this form edits: a status moved meanwhile is never written back.
    assessment.save(update_fields=[*ON_ASSESSMENT, "updated_at"])
    scoping.save()
    changed = sorted(k for k in SCOPING_FIELDS if before[k] != values[k])
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="scoping.save",
        obj=assessment,
        summary="Scoping: " + ", ".join(changed),
        before={k: before[k] for k in changed},
        after={k: values[k] for k in changed},
    )
    return scoping


def screening_text(assessment: Assessment) -> str:
    system = assessment.system
    scoping = Scoping.objects.filter(assessment=assessment).first()
    parts = [system.purpose, system.description, assessment.context_of_use, system.intended_users]
    if scoping:
        parts += [scoping.users, scoping.affected_groups_note, scoping.business_model_note]
    return "\n".join(p for p in parts if p)


@transaction.atomic
def scoping_screen(*, assessment: Assessment, actor: Any) -> Any:
    """Run the red-line screen over the assessment's scope (procurement's shared screening)."""
    from rightslens.procurement.screening_services import screening_run

    ensure_editable(assessment)
    screening = screening_run(
        organisation=assessment.organisation,
        user=actor,
        subject_type="assessment",
        subject_id=assessment.pk,
        text=screening_text(assessment),
    )
    scoping, _created = Scoping.objects.get_or_create(
        organisation=assessment.organisation, assessment=assessment
    )
    scoping.red_line_screening_id = screening.pk
    scoping.save(update_fields=["red_line_screening_id", "updated_at"])
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="scoping.red_line_screen",
        obj=assessment,
        summary=f"{len(screening.hits)} red-line hit(s)",
        after={"screening_id": screening.pk},
    )
    return screening


@transaction.atomic
def start_from_trigger(
    *,
    system: AISystem,
    actor: Any,
    kind: str,
    trigger: str,
    trigger_note: str = "",
    title: str = "",
) -> Assessment:
    """Open an assessment from a trigger; a rapid one starts from the system record."""
    assessment = assessment_services.assessment_create(
        organisation=system.organisation,
        actor=actor,
        system_id=system.pk,
        title=title,
        kind=kind,
        trigger=trigger,
        trigger_note=trigger_note,
    )
    if assessment.kind == AssessmentKind.RAPID:
        _prefill_scoping(assessment, actor)
    return assessment


def _prefill_scoping(assessment: Assessment, actor: Any) -> None:
    """Copy users, affected groups, vendors and business-model facts from the system record."""
    system = assessment.system
    groups = list(system.affected_groups.all())
    known = {cid for cid, _ in cycle_catalogue.vulnerable_choices()}
    scoping_save(
        assessment=assessment,
        actor=actor,
        context_of_use=system.purpose,
        scope_countries=list(system.countries),
        scope_languages=list(system.languages),
        users=system.intended_users,
        affected_groups_note=", ".join(g.name for g in groups),
        vulnerable_groups=[
            g.vulnerability for g in groups if g.vulnerable and g.vulnerability in known
        ],
        vendors=", ".join(str(c) for c in system.components.all()),
        general_purpose=system.kind == "foundation_model",
        weights=system.weights,
    )


# ---- Identification ---------------------------------------------------------------------------


def _category_or_error(category_ref: str) -> None:
    if category_ref not in cycle_catalogue.category_titles():
        raise FieldErrors(
            {"category_ref": _("'%(ref)s' is not a risk category.") % {"ref": category_ref}}
        )


@transaction.atomic
def category_not_relevant(
    *, assessment: Assessment, actor: Any, category_ref: str, reason: str
) -> CategoryReview:
    ensure_editable(assessment)
    _category_or_error(category_ref)
    if not (reason or "").strip():
        raise FieldErrors({"reason": _("Say why this category is not relevant to this system.")})
    if assessment.impacts.filter(risk_category=category_ref).exists():
        raise FieldErrors(
            {"reason": _("An impact is recorded in this category, so it is relevant.")}
        )
    review, _created = CategoryReview.objects.update_or_create(
        organisation=assessment.organisation,
        assessment=assessment,
        category_ref=category_ref,
        defaults={"outcome": Outcome.NOT_RELEVANT, "reason": reason.strip(), "reviewed_by": actor},
    )
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="category.not_relevant",
        obj=review,
        summary=f"{category_ref}: {reason.strip()[:200]}",
        after={"reason": reason.strip()},
    )
    return review


@transaction.atomic
def impact_record(
    *, assessment: Assessment, actor: Any, suggestion_key: str = "", **fields: Any
) -> Impact:
    """Record an impact in the guided pass (the assessments service validates and audits it)."""
    ensure_editable(assessment)
    impact = assessment_services.impact_create(assessment=assessment, actor=actor, **fields)
    CategoryReview.objects.update_or_create(
        organisation=assessment.organisation,
        assessment=assessment,
        category_ref=impact.risk_category,
        defaults={"outcome": Outcome.IMPACT_RECORDED, "reason": "", "reviewed_by": actor},
    )
    if suggestion_key:
        SuggestionDecision.objects.update_or_create(
            organisation=assessment.organisation,
            assessment=assessment,
            key=suggestion_key[:300],
            defaults={"accepted": True, "impact": impact, "decided_by": actor},
        )
    return impact


@transaction.atomic
def suggestion_dismiss(*, assessment: Assessment, actor: Any, key: str) -> SuggestionDecision:
    ensure_editable(assessment)
    if not key:
        raise FieldErrors({"key": _("Which suggestion?")})
    decision, _created = SuggestionDecision.objects.update_or_create(
        organisation=assessment.organisation,
        assessment=assessment,
        key=key[:300],
        defaults={"accepted": False, "decided_by": actor},
    )
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="suggestion.dismiss",
        obj=decision,
        summary=key[:300],
    )
    return decision


# ---- Action planning --------------------------------------------------------------------------


def _plan_errors(preference: str, leverage_kind: str, mitigation_type: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if preference not in Preference.values:
        errors["preference"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(Preference.values)
        }
    if leverage_kind and leverage_kind not in dict(cycle_catalogue.leverage_choices()):
        errors["leverage_kind"] = _("Choose a leverage kind from the list.")
    if mitigation_type and mitigation_type not in dict(cycle_catalogue.mitigation_choices()):
        errors["mitigation_type"] = _("Choose a technical mitigation type from the list.")
    return errors


@transaction.atomic
def action_plan(
    *,
    impact: Impact,
    actor: Any,
    preference: str = Preference.MITIGATE,
    leverage_kind: str = "",
    mitigation_type: str = "",
    **action_fields: Any,
) -> Action:
    """Plan an action with its preference, leverage kind and mitigation type."""
    if errors := _plan_errors(preference, leverage_kind, mitigation_type):
        raise FieldErrors(errors)
    action = assessment_services.action_create(impact=impact, actor=actor, **action_fields)
    plan = ActionPlan.objects.create(
        organisation=impact.organisation,
        action=action,
        preference=preference,
        leverage_kind=leverage_kind,
        mitigation_type=mitigation_type,
    )
    audit_record(
        organisation=impact.organisation,
        actor=actor,
        verb="action.plan",
        obj=plan,
        after={
            "preference": preference,
            "leverage_kind": leverage_kind,
            "mitigation_type": mitigation_type,
        },
    )
    return action


@transaction.atomic
def side_risk_link(*, action: Action, actor: Any, impact_id: Any) -> ActionPlan:
    """Link a mitigation to a new risk it creates (an impact of the same assessment)."""
    plan, _created = ActionPlan.objects.get_or_create(
        organisation=action.organisation, action=action
    )
    side = Impact.objects.filter(
        assessment=action.impact.assessment, pk=str(impact_id or "0").isdigit() and int(impact_id)
    ).first()
    if side is None or side.pk == action.impact_id:
        raise FieldErrors({"impact_id": _("Choose another impact of this assessment.")})
    plan.side_risks.add(side)
    audit_record(
        organisation=action.organisation,
        actor=actor,
        verb="action.side_risk",
        obj=plan,
        summary=f"Creates risk: {side.title}",
        after={"impact_id": side.pk},
    )
    return plan


@transaction.atomic
def impact_engagement_gap_record(
    *, assessment: Assessment, actor: Any, impact_id: Any, reason: str
) -> Impact:
    """Record why a severe impact's affected groups (or credible proxies) could not be engaged:
    the approval gate accepts this reason instead of the engagement (UNGP 18)."""
    ensure_editable(assessment)
    impact = Impact.objects.filter(
        assessment=assessment, pk=str(impact_id or "0").isdigit() and int(impact_id)
    ).first()
    if impact is None:
        raise FieldErrors({"impact_id": _("Choose an impact of this assessment.")})
    if len((reason or "").strip()) < 20:
        raise FieldErrors(
            {"reason": _("Say why the people affected, or credible proxies, could not be engaged.")}
        )
    before = impact.engagement_gap_reason
    impact.engagement_gap_reason = reason.strip()
    impact.save(update_fields=["engagement_gap_reason", "updated_at"])
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="impact.engagement_gap",
        obj=impact,
        summary=reason.strip()[:200],
        before={"reason": before},
        after={"reason": impact.engagement_gap_reason},
    )
    return impact
