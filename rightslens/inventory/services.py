"""Writes to the inventory. Keyword-only, one transaction each; bad input raises FieldErrors first."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Organisation
from rightslens.core.vocabulary import LifecycleStage, SystemKind, ValueChainRole, Weights
from rightslens.errors import FieldErrors
from rightslens.notifications import events as notification_events

from .codes import normalise_country, normalise_language, unknown_countries, unknown_languages
from .models import AffectedGroup, AISystem, Component

SYSTEM_FIELDS = (
    "name",
    "purpose",
    "description",
    "value_chain_roles",
    "lifecycle_stage",
    "kind",
    "weights",
    "countries",
    "sectors",
    "languages",
    "intended_users",
)
# A change to any of these is material: approvals given before it are out of date.
MATERIAL_FIELDS = frozenset(SYSTEM_FIELDS) - {"name", "description"}
_REQUIRED_TEXT = {"name": 200, "purpose": 300}


def _clean_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if str(v).strip()]


def _enum_error(value: Any, enum: type, label: str) -> str:
    allowed = ", ".join(m.value for m in enum)  # type: ignore[attr-defined]  # enum is an Enum class passed as a plain type
    messages = {
        "lifecycle stage": _("Choose a lifecycle stage from: %(allowed)s."),
        "kind of system": _("Choose a kind of system from: %(allowed)s."),
        "weights option": _("Choose a weights option from: %(allowed)s."),
    }
    return messages[label] % {"allowed": allowed}


def _system_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, limit in _REQUIRED_TEXT.items():
        text = (values.get(name) or "").strip()
        if not text:
            errors[name] = (
                _("Give the system a name.") if name == "name" else _("Give the system a purpose.")
            )
        elif len(text) > limit:
            errors[name] = (
                _("Keep the name under %(limit)s characters.")
                if name == "name"
                else _("Keep the purpose under %(limit)s characters.")
            ) % {"limit": limit}
    for name, enum, label in (
        ("lifecycle_stage", LifecycleStage, "lifecycle stage"),
        ("kind", SystemKind, "kind of system"),
        ("weights", Weights, "weights option"),
    ):
        if values.get(name) not in {m.value for m in enum}:
            errors[name] = _enum_error(values.get(name), enum, label)
    roles = values.get("value_chain_roles") or []
    bad_roles = [r for r in roles if r not in {m.value for m in ValueChainRole}]
    if not roles:
        errors["value_chain_roles"] = _(
            "Say which role(s) your organisation plays for this system."
        )
    elif bad_roles:
        errors["value_chain_roles"] = _("Unknown value-chain role(s): %(roles)s.") % {
            "roles": ", ".join(bad_roles)
        }
    if bad := unknown_countries(values.get("countries") or []):
        errors["countries"] = _("Not ISO 3166 country codes: %(codes)s (use e.g. KE, BR).") % {
            "codes": ", ".join(bad)
        }
    if bad := unknown_languages(values.get("languages") or []):
        errors["languages"] = _("Not language codes: %(codes)s (use e.g. en, sw, pt-BR).") % {
            "codes": ", ".join(bad)
        }
    return errors


def _normalised(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    for name in ("value_chain_roles", "sectors"):
        values[name] = _clean_list(values.get(name))
    values["countries"] = [normalise_country(c) for c in _clean_list(values.get("countries"))]
    values["languages"] = [normalise_language(c) for c in _clean_list(values.get("languages"))]
    values.setdefault("weights", Weights.NOT_APPLICABLE.value)
    for name in ("name", "purpose", "description", "intended_users"):
        values[name] = (values.get(name) or "").strip()
    return values


def _system_snapshot(system: AISystem) -> dict[str, Any]:
    return {name: getattr(system, name) for name in SYSTEM_FIELDS}


@transaction.atomic
def system_create(*, organisation: Organisation, actor: Any, **fields: Any) -> AISystem:
    unknown = set(fields) - set(SYSTEM_FIELDS)
    if unknown:
        raise FieldErrors({name: _("Unknown field.") for name in sorted(unknown)})
    values = _normalised(fields)
    if errors := _system_errors(values):
        raise FieldErrors(errors)
    system = AISystem.objects.create(organisation=organisation, **values)
    audit_record(
        organisation=organisation,
        actor=actor,
        verb="system.create",
        obj=system,
        summary=system.name,
        after=_system_snapshot(system),
    )
    return system


@transaction.atomic
def system_update(*, system: AISystem, actor: Any, **changes: Any) -> AISystem:
    """Apply the given changes (others kept). A material change stamps `changed_at`."""
    unknown = set(changes) - set(SYSTEM_FIELDS)
    if unknown:
        raise FieldErrors({name: _("Unknown field.") for name in sorted(unknown)})
    if system.is_archived:
        raise FieldErrors({"archived": _("This system is archived: restore it before editing.")})
    before = _system_snapshot(system)
    values = _normalised({**before, **changes})
    if errors := _system_errors(values):
        raise FieldErrors(errors)
    changed = {name for name in SYSTEM_FIELDS if values[name] != before[name]}
    for name in changed:
        setattr(system, name, values[name])
    if changed & MATERIAL_FIELDS:
        system.changed_at = timezone.now()
    system.save()
    if changed:
        audit_record(
            organisation=system.organisation,
            actor=actor,
            verb="system.update",
            obj=system,
            summary=", ".join(sorted(changed)),
            before={k: before[k] for k in changed},
            after={k: values[k] for k in changed},
        )
    notification_events.system_changed(system)
    return system


@transaction.atomic
def system_archive(*, system: AISystem, actor: Any) -> AISystem:
    """Archive, never delete: assessed systems keep their history."""
    if not system.is_archived:
        system.archived_at = timezone.now()
        system.save(update_fields=["archived_at", "updated_at"])
        audit_record(
            organisation=system.organisation, actor=actor, verb="system.archive", obj=system
        )
    return system


@transaction.atomic
def system_restore(*, system: AISystem, actor: Any) -> AISystem:
    if system.is_archived:
        system.archived_at = None
        system.save(update_fields=["archived_at", "updated_at"])
        audit_record(
            organisation=system.organisation, actor=actor, verb="system.restore", obj=system
        )
    return system


@transaction.atomic
def system_delete(*, system: AISystem, actor: Any) -> None:
    """Delete a system only if it was never assessed; otherwise it must be archived."""
    if system.assessments.exists():
        raise FieldErrors(
            {"system": _("This system has assessments: archive it instead of deleting it.")}
        )
    audit_record(
        organisation=system.organisation,
        actor=actor,
        verb="system.delete",
        obj=system,
        before=_system_snapshot(system),
    )
    system.delete()


def _vulnerability_error(vulnerable: bool, vulnerability: str) -> dict[str, str]:
    if not vulnerability:
        return {}
    from rightslens.common import knowledge as knowledge_access

    item = knowledge_access.knowledge().get(vulnerability)
    if item is None or item.type != "vulnerable_group" or not vulnerability.startswith("vg-"):
        return {
            "vulnerability": _("'%(ref)s' is not a vulnerable group in the knowledge base.")
            % {"ref": vulnerability}
        }
    if not vulnerable:
        return {"vulnerable": _("A group linked to a vulnerable group must be marked vulnerable.")}
    return {}


@transaction.atomic
def affected_group_create(
    *,
    system: AISystem,
    actor: Any,
    name: str = "",
    vulnerable: bool = False,
    vulnerability: str = "",
    notes: str = "",
) -> AffectedGroup:
    name, vulnerability = (name or "").strip(), (vulnerability or "").strip()
    errors = {} if name else {"name": _("Name the group of people affected.")}
    errors |= _vulnerability_error(vulnerable, vulnerability)
    if errors:
        raise FieldErrors(errors)
    group = AffectedGroup.objects.create(
        organisation=system.organisation,
        system=system,
        name=name,
        vulnerable=vulnerable,
        vulnerability=vulnerability,
        notes=(notes or "").strip(),
    )
    audit_record(
        organisation=system.organisation, actor=actor, verb="group.create", obj=group, summary=name
    )
    return group


@transaction.atomic
def component_create(
    *,
    system: AISystem,
    actor: Any,
    name: str = "",
    vendor: str = "",
    kind: str = "",
    notes: str = "",
) -> Component:
    name = (name or "").strip()
    if not name:
        raise FieldErrors({"name": _("Name the component (model, data set, API or service).")})
    component = Component.objects.create(
        organisation=system.organisation,
        system=system,
        name=name,
        vendor=(vendor or "").strip(),
        kind=(kind or "").strip(),
        notes=(notes or "").strip(),
    )
    audit_record(
        organisation=system.organisation,
        actor=actor,
        verb="component.create",
        obj=component,
        summary=str(component),
    )
    return component
