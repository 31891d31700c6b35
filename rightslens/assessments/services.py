"""Writes to assessments, impacts and actions. Keyword-only, one transaction each.

Bad input raises `FieldErrors` before anything is written. Impacts get their severity band and
priority from the core rules (`rules.impact_apply_rules`) just before they are saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Organisation
from rightslens.common.locking import version_claim
from rightslens.core.impact_fields import IMPACT_FIELDS, NUMBER_FIELDS, TEXT_FIELDS
from rightslens.core.involvement import ActionType, Involvement
from rightslens.core.severity import Likelihood, rating_errors
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AffectedGroup, AISystem

from . import catalogue
from .models import (
    Action,
    ActionStatus,
    Assessment,
    AssessmentKind,
    Impact,
    ImpactStatus,
    Trigger,
)
from .rules import impact_apply_rules

ACTION_FIELDS = ("action_type", "description", "owner", "due_date", "status")
_TEXT = TEXT_FIELDS


def _frozen_error(assessment: Assessment) -> FieldErrors:
    return FieldErrors(
        {
            "assessment": _(
                "This assessment is %(status)s and frozen: start a new version to change its impacts."
            )
            % {"status": assessment.get_status_display().lower()}
        },
        message=_("The assessment is frozen."),
    )


def _as_int(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # out of range, reported by the rating check


def _unknown_fields(given: dict[str, Any], allowed: tuple[str, ...]) -> None:
    if unknown := set(given) - set(allowed):
        raise FieldErrors({name: _("Unknown field.") for name in sorted(unknown)})


# ---- Assessments ----------------------------------------------------------------------------


@transaction.atomic
def assessment_create(
    *,
    organisation: Organisation,
    actor: Any,
    system_id: Any,
    title: str = "",
    kind: str = AssessmentKind.FULL,
    trigger: str = Trigger.NEW_ACTIVITY,
    trigger_note: str = "",
) -> Assessment:
    """Open an assessment of one of the organisation's systems (a foreign system id is refused)."""
    errors: dict[str, str] = {}
    system = AISystem.objects.filter(organisation=organisation, pk=_as_int(system_id) or 0).first()
    if system is None:
        errors["system_id"] = _("No such AI system in this organisation.")
    elif system.is_archived:
        errors["system_id"] = _("This system is archived: restore it before assessing it.")
    if kind not in AssessmentKind.values:
        errors["kind"] = _("Choose a kind from: %(choices)s.") % {
            "choices": ", ".join(AssessmentKind.values)
        }
    if trigger not in Trigger.values:
        errors["trigger"] = _("Choose a trigger from: %(choices)s.") % {
            "choices": ", ".join(Trigger.values)
        }
    if errors:
        raise FieldErrors(errors)
    assert system is not None
    title = (title or "").strip() or f"{system.name}: {AssessmentKind(kind).label.lower()}"
    assessment = Assessment.objects.create(
        organisation=organisation,
        system=system,
        title=title[:200],
        kind=kind,
        trigger=trigger,
        trigger_note=(trigger_note or "").strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
        scope_countries=list(system.countries),
        scope_languages=list(system.languages),
    )
    audit_record(
        organisation=organisation,
        actor=actor,
        verb="assessment.create",
        obj=assessment,
        summary=title,
    )
    return assessment


# ---- Impacts --------------------------------------------------------------------------------


def _knowledge_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    rights = values["rights"]
    unknown = [r for r in rights if not catalogue.is_item_of_type(r, catalogue.RIGHT)]
    if unknown:
        errors["rights"] = _("Not rights in the knowledge base: %(ids)s.") % {
            "ids": ", ".join(unknown)
        }
    elif not rights and catalogue.right_choices():
        errors["rights"] = _("Name at least one human right the impact affects.")
    category = values["risk_category"]
    if category and not catalogue.is_item_of_type(category, catalogue.RISK_CATEGORY):
        errors["risk_category"] = _(
            "'%(ref)s' is not a GenAI risk category in the knowledge base."
        ) % {"ref": category}
    elif not category and catalogue.risk_category_choices():
        errors["risk_category"] = _("Choose the GenAI risk category.")
    return errors


def _group_errors(
    assessment: Assessment, group_ids: list[Any]
) -> tuple[list[AffectedGroup], dict[str, str]]:
    wanted = [_as_int(g) for g in group_ids]
    groups = list(
        AffectedGroup.objects.filter(
            organisation=assessment.organisation,
            system=assessment.system,
            pk__in=[g for g in wanted if g],
        )
    )
    missing = sorted({str(g) for g in wanted} - {str(g.pk) for g in groups})
    if missing:
        return groups, {
            "affected_group_ids": _("Not affected groups of %(system)s: %(ids)s.")
            % {"system": assessment.system.name, "ids": ", ".join(missing)}
        }
    return groups, {}


def _impact_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not values["title"]:
        errors["title"] = _("Give the impact a short title.")
    errors |= rating_errors(values, actual=values["actual"], likelihood=values["likelihood"])
    if values["involvement"] not in {m.value for m in Involvement}:
        errors["involvement"] = _("Choose cause, contribute or directly linked.")
    elif not values["involvement_rationale"]:
        errors["involvement_rationale"] = _("Explain why this is your organisation's involvement.")
    if values["business_risk"] is not None and values["business_risk"] not in range(1, 5):
        errors["business_risk"] = _(
            "Risk to the business is rated from 1 (low) to 4 (critical), or left empty."
        )
    if values["status"] not in ImpactStatus.values:
        errors["status"] = _("Choose a status from: %(choices)s.") % {
            "choices": ", ".join(ImpactStatus.values)
        }
    return errors | _knowledge_errors(values)


def _normalised_impact(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    for name in _TEXT:
        values[name] = str(values.get(name) or "").strip()
    for name in NUMBER_FIELDS:
        values[name] = _as_int(values.get(name))
    rights = values.get("rights") or []
    values["rights"] = list(
        dict.fromkeys(
            str(r).strip()
            for r in ([rights] if isinstance(rights, str) else rights)
            if str(r).strip()
        )
    )
    values["actual"] = bool(values.get("actual"))
    values["affected_group_ids"] = list(values.get("affected_group_ids") or [])
    values["status"] = values.get("status") or ImpactStatus.OPEN
    values["involvement"] = str(values.get("involvement") or "")
    return values


def _impact_values(impact: Impact) -> dict[str, Any]:
    values = {name: getattr(impact, name) for name in IMPACT_FIELDS if name != "affected_group_ids"}
    values["affected_group_ids"] = [g.pk for g in impact.affected_groups.all()] if impact.pk else []
    return values


def _save_impact(impact: Impact, values: dict[str, Any], groups: list[AffectedGroup]) -> Impact:
    for name in IMPACT_FIELDS:
        if name != "affected_group_ids":
            setattr(impact, name, values[name])
    impact_apply_rules(impact)
    if impact.pk is None:
        impact.save()
    else:
        # Only what the form edits and what the rules derive: fields written elsewhere (the
        # engagement-gap reason, say) are never overwritten with the values read earlier.
        impact.save(
            update_fields=[*_SAVED_IMPACT_FIELDS, "severity_band", "priority", "updated_at"]
        )
    impact.affected_groups.set(groups)
    return impact


_SAVED_IMPACT_FIELDS = tuple(name for name in IMPACT_FIELDS if name != "affected_group_ids")


def _validated(
    assessment: Assessment, values: dict[str, Any]
) -> tuple[dict[str, Any], list[AffectedGroup]]:
    if assessment.is_frozen:
        raise _frozen_error(assessment)
    values = _normalised_impact(values)
    groups, group_errors = _group_errors(assessment, values["affected_group_ids"])
    if errors := _impact_errors(values) | group_errors:
        raise FieldErrors(errors)
    return values, groups


@transaction.atomic
def impact_create(*, assessment: Assessment, actor: Any, **fields: Any) -> Impact:
    fields.pop("lock_version", None)  # a new impact has no earlier version to compare with
    _unknown_fields(fields, IMPACT_FIELDS)
    values, groups = _validated(assessment, fields)
    impact = _save_impact(
        Impact(organisation=assessment.organisation, assessment=assessment), values, groups
    )
    audit_record(
        organisation=assessment.organisation,
        actor=actor,
        verb="impact.create",
        obj=impact,
        summary=impact.title,
        after={"priority": impact.priority, "severity_band": impact.severity_band},
    )
    return impact


@transaction.atomic
def impact_update(
    *, impact: Impact, actor: Any, lock_version: int | None = None, **changes: Any
) -> Impact:
    """Apply the given changes (others kept), re-deriving severity and priority.

    `lock_version` is the version the editor's form was loaded at: when the impact has changed
    since, nothing is saved and FieldErrors says so. Internal callers may leave it out.
    """
    _unknown_fields(changes, IMPACT_FIELDS)
    before = _impact_values(impact)
    values, groups = _validated(impact.assessment, {**before, **changes})
    changed = sorted(k for k in IMPACT_FIELDS if values[k] != before[k])
    version_claim(impact, lock_version, noun="impact")
    _save_impact(impact, values, groups)
    audit_record(
        organisation=impact.organisation,
        actor=actor,
        verb="impact.update",
        obj=impact,
        summary=", ".join(changed),
        before={k: before[k] for k in changed},
        after={k: values[k] for k in changed},
    )
    return impact


def impact_copy_into(*, impact: Impact, into: Assessment) -> Impact:
    """The impact copied into a draft (a new version starts from the approved one); the copy's
    band and priority come from today's rules. The new version's own audit entry records it."""
    if into.is_frozen:
        raise _frozen_error(into)
    groups = list(impact.affected_groups.all())
    impact.previous_version_id = impact.pk
    impact.pk = None
    impact.id = None
    impact.assessment = into
    impact_apply_rules(impact)
    impact.save()
    impact.affected_groups.set(groups)
    return impact


_EVIDENCE_FIELDS = ("actual", "likelihood", "severity_band")


@transaction.atomic
def impact_evidence_apply(
    *, impact: Impact, actor: Any, actual: bool, likelihood: int | None, verb: str, summary: str
) -> Impact:
    """New evidence about an impact (a grievance, say): the harm is now actual, or more likely.

    The same gate as any edit: a frozen assessment refuses a change, the rules re-derive band and
    priority, and one audit entry records before and after. Evidence that changes nothing (harm
    already actual) is still recorded in the audit, and needs no unfrozen assessment.
    """
    likelihood = None if actual else likelihood
    if likelihood is not None and likelihood not in {int(level) for level in Likelihood}:
        raise FieldErrors({"likelihood": _("Choose a likelihood from 1 (rare) to 5.")})
    before = {name: getattr(impact, name) for name in _EVIDENCE_FIELDS}
    if (impact.actual, impact.likelihood) != (actual, likelihood):
        if impact.assessment.is_frozen:
            raise _frozen_error(impact.assessment)
        impact.actual, impact.likelihood = actual, likelihood
        impact_apply_rules(impact)
        impact.save(
            update_fields=["actual", "likelihood", "severity_band", "priority", "updated_at"]
        )
    audit_record(
        organisation=impact.organisation,
        actor=actor,
        verb=verb,
        obj=impact,
        summary=summary,
        before=before,
        after={name: getattr(impact, name) for name in _EVIDENCE_FIELDS},
    )
    return impact


# ---- Actions --------------------------------------------------------------------------------


def _as_date(value: Any) -> date | None | str:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return "invalid"


def _action_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if values["action_type"] not in {m.value for m in ActionType}:
        errors["action_type"] = _("Choose a type from: %(choices)s.") % {
            "choices": ", ".join(m.value for m in ActionType)
        }
    if not values["description"]:
        errors["description"] = _("Describe what will be done.")
    if values["due_date"] == "invalid":
        errors["due_date"] = _("Give the due date as YYYY-MM-DD.")
    if values["status"] not in ActionStatus.values:
        errors["status"] = _("Choose a status from: %(choices)s.") % {
            "choices": ", ".join(ActionStatus.values)
        }
    return errors


def _normalised_action(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "action_type": str(values.get("action_type") or ""),
        "description": str(values.get("description") or "").strip(),
        "owner": str(values.get("owner") or "").strip()[:200],
        "due_date": _as_date(values.get("due_date")),
        "status": values.get("status") or ActionStatus.PLANNED,
    }


@transaction.atomic
def action_create(*, impact: Impact, actor: Any, **fields: Any) -> Action:
    """Plan a response. Allowed after approval too: acting on an assessment is not editing it."""
    _unknown_fields(fields, ACTION_FIELDS)
    values = _normalised_action(fields)
    if errors := _action_errors(values):
        raise FieldErrors(errors)
    action = Action.objects.create(organisation=impact.organisation, impact=impact, **values)
    audit_record(
        organisation=impact.organisation,
        actor=actor,
        verb="action.create",
        obj=action,
        summary=str(action),
    )
    return action


@transaction.atomic
def action_update(*, action: Action, actor: Any, **changes: Any) -> Action:
    _unknown_fields(changes, ACTION_FIELDS)
    before = {name: getattr(action, name) for name in ACTION_FIELDS}
    values = _normalised_action({**before, **changes})
    if errors := _action_errors(values):
        raise FieldErrors(errors)
    for name, value in values.items():
        setattr(action, name, value)
    action.save()
    changed = sorted(k for k in ACTION_FIELDS if values[k] != before[k])
    audit_record(
        organisation=action.organisation,
        actor=actor,
        verb="action.update",
        obj=action,
        summary=", ".join(changed),
        before={k: str(before[k]) for k in changed},
        after={k: str(values[k]) for k in changed},
    )
    return action


@transaction.atomic
def priorities_recompute(*, organisation: Organisation) -> int:
    """Re-derive every impact's severity band and priority from the current core rules.

    Run after a rule change (`manage.py recompute_priorities`). The band and priority are derived
    values, not content, so approved assessments are refreshed too. Returns how many changed.
    """
    changed = 0
    for impact in Impact.objects.filter(organisation=organisation).select_for_update():
        before = (impact.severity_band, impact.priority)
        impact_apply_rules(impact)
        if (impact.severity_band, impact.priority) != before:
            impact.save(update_fields=["severity_band", "priority"])
            changed += 1
    if changed:
        audit_record(
            organisation=organisation,
            actor=None,
            verb="priorities_recomputed",
            obj=organisation,
            summary=f"{changed} impact priorities recomputed after a rule change",
        )
    return changed
