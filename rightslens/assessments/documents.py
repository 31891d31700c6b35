"""An assessment as one plain document: the frozen snapshot at approval, the JSON export, the
side-by-side comparison, and the JSON import (validated as a whole before anything is written)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Organisation
from rightslens.assessments import services as assessment_services
from rightslens.assessments.models import Assessment, AssessmentKind, Impact, Trigger
from rightslens.core.impact_fields import COMPARED_FIELDS, DOCUMENT_FIELDS
from rightslens.core.severity import rating_errors
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem

from .cycle_models import ActionPlan, CategoryReview, Outcome, Scoping

FORMAT = "rightslens.assessment"
IMPACT_KEYS = DOCUMENT_FIELDS
ACTION_KEYS = ("action_type", "description", "owner", "due_date", "status")
SCOPING_KEYS = (
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


def _action_doc(action: Any) -> dict[str, Any]:
    doc = {k: getattr(action, k) for k in ACTION_KEYS}
    doc["due_date"] = action.due_date.isoformat() if action.due_date else None
    plan = ActionPlan.objects.filter(action=action).first()
    doc["plan"] = (
        {
            "preference": plan.preference,
            "leverage_kind": plan.leverage_kind,
            "mitigation_type": plan.mitigation_type,
        }
        if plan
        else None
    )
    return doc


def _impact_doc(impact: Impact) -> dict[str, Any]:
    doc = {k: getattr(impact, k) for k in IMPACT_KEYS}
    doc["id"] = impact.pk
    doc["severity_band"] = impact.severity_band
    doc["affected_groups"] = [g.name for g in impact.affected_groups.all()]
    doc["actions"] = [_action_doc(a) for a in impact.actions.all()]
    return doc


def assessment_document(assessment: Assessment) -> dict[str, Any]:
    """The assessment's content as plain JSON-ready data."""
    scoping = Scoping.objects.filter(assessment=assessment).first()
    return {
        "format": FORMAT,
        "format_version": 1,
        "assessment": {
            "title": assessment.title,
            "kind": assessment.kind,
            "trigger": assessment.trigger,
            "trigger_note": assessment.trigger_note,
            "version": assessment.version,
            "status": assessment.status,
            "context_of_use": assessment.context_of_use,
            "scope_countries": list(assessment.scope_countries),
            "scope_languages": list(assessment.scope_languages),
            "system": assessment.system.name,
        },
        "scoping": {k: getattr(scoping, k) for k in SCOPING_KEYS} if scoping else {},
        "category_reviews": [
            {"category_ref": r.category_ref, "outcome": r.outcome, "reason": r.reason}
            for r in assessment.category_reviews.order_by("category_ref")
        ],
        "impacts": [
            _impact_doc(i)
            for i in assessment.impacts.prefetch_related("affected_groups", "actions")
        ],
    }


def content_of(assessment: Assessment) -> dict[str, Any]:
    """Frozen content for approved assessments; the live content otherwise."""
    return (
        assessment.snapshot
        if assessment.is_frozen and assessment.snapshot
        else assessment_document(assessment)
    )


# ---- Comparison -----------------------------------------------------------------------------

COMPARED_IMPACT_KEYS = COMPARED_FIELDS


SCOPE_LABELS = (
    ("title", "Title"),
    ("kind", "Kind"),
    ("trigger", "Trigger"),
    ("trigger_note", "What happened"),
    ("status", "Status"),
    ("context_of_use", "Context of use"),
    ("scope_countries", "Countries"),
    ("scope_languages", "Languages"),
)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


PEOPLE = {1: "Low", 2: "Medium", 3: "High", 4: "Severe"}
BUSINESS = {1: "Low", 2: "Medium", 3: "High", 4: "Critical"}


def _ratings(impact: dict[str, Any] | None) -> str:
    """Risk to people and to the business, side by side and never combined."""
    if impact is None:
        return "—"
    people = PEOPLE.get(impact.get("severity_band") or 0, "?")
    business = BUSINESS.get(impact.get("business_risk") or 0, "not rated")
    return f"people: {people} · business: {business}"


def _category_rows(left: dict[str, Any], right: dict[str, Any]) -> list[dict[str, Any]]:
    def outcomes(doc: dict[str, Any]) -> dict[str, str]:
        return {
            r["category_ref"]: (r["outcome"] + (f": {r['reason']}" if r.get("reason") else ""))
            for r in doc.get("category_reviews", [])
        }

    a, b = outcomes(left), outcomes(right)
    return [
        {
            "category": ref,
            "left": a.get(ref, "not considered"),
            "right": b.get(ref, "not considered"),
        }
        for ref in sorted(set(a) | set(b))
        if a.get(ref) != b.get(ref)
    ]


def compare(left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    """Side-by-side rows of two documents: scope fields, then impacts matched by title."""
    scope_rows = []
    for key, label in SCOPE_LABELS:
        a, b = _shown(left["assessment"].get(key)), _shown(right["assessment"].get(key))
        scope_rows.append({"field": label, "left": a, "right": b, "changed": a != b})
    left_impacts = {i["title"]: i for i in left.get("impacts", [])}
    right_impacts = {i["title"]: i for i in right.get("impacts", [])}
    impact_rows = []
    for title in list(dict.fromkeys([*left_impacts, *right_impacts])):
        old, new = left_impacts.get(title), right_impacts.get(title)
        changes = [k for k in COMPARED_IMPACT_KEYS if old and new and old.get(k) != new.get(k)]
        state = (
            "removed"
            if new is None
            else "added"
            if old is None
            else ("changed" if changes else "same")
        )
        impact_rows.append(
            {
                "title": title,
                "left": old,
                "right": new,
                "state": state,
                "changes": changes,
                "left_rating": _ratings(old),
                "right_rating": _ratings(new),
                "left_actions": len(old["actions"]) if old else 0,
                "right_actions": len(new["actions"]) if new else 0,
            }
        )
    return {"scope": scope_rows, "impacts": impact_rows, "categories": _category_rows(left, right)}


# ---- Import -----------------------------------------------------------------------------------


def _impact_row_errors(index: int, row: Any) -> dict[str, str]:
    where = f"impacts[{index}]"
    if not isinstance(row, dict):
        return {where: _("Each impact must be an object.")}
    errors: dict[str, str] = {}
    if not str(row.get("title") or "").strip():
        errors[f"{where}.title"] = _("Missing title.")
    rating = rating_errors(row, actual=bool(row.get("actual")), likelihood=row.get("likelihood"))
    errors |= {f"{where}.{name}": message for name, message in rating.items()}
    for a_index, action in enumerate(row.get("actions") or []):
        if not isinstance(action, dict) or not str(action.get("description") or "").strip():
            errors[f"{where}.actions[{a_index}].description"] = _(
                "Each action needs a description."
            )
    return errors


def document_errors(doc: Any) -> dict[str, str]:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return {
            "file": _('Not a RightsLens assessment (expected "format": "%(format)s").')
            % {"format": FORMAT}
        }
    errors: dict[str, str] = {}
    head = doc.get("assessment")
    if not isinstance(head, dict):
        return {"assessment": _("Must be an object with kind, trigger and title.")}
    if head.get("kind") not in AssessmentKind.values:
        errors["assessment.kind"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(AssessmentKind.values)
        }
    if head.get("trigger") not in Trigger.values:
        errors["assessment.trigger"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(Trigger.values)
        }
    impacts = doc.get("impacts")
    if not isinstance(impacts, list):
        return errors | {"impacts": _("Must be a list.")}
    for index, row in enumerate(impacts):
        errors |= _impact_row_errors(index, row)
    return errors


def _import_impact(assessment: Assessment, actor: Any, index: int, row: dict[str, Any]) -> None:
    fields = {k: row[k] for k in IMPACT_KEYS if k in row}
    groups = affected_group_ids_for(assessment, row.get("affected_groups") or [])
    try:
        impact = assessment_services.impact_create(
            assessment=assessment, actor=actor, affected_group_ids=groups, **fields
        )
        for action in row.get("actions") or []:
            plan = action.get("plan") or {}
            created = assessment_services.action_create(
                impact=impact, actor=actor, **{k: action.get(k) for k in ACTION_KEYS if k in action}
            )
            if plan:
                ActionPlan.objects.create(
                    organisation=assessment.organisation,
                    action=created,
                    preference=plan.get("preference") or "mitigate",
                    leverage_kind=plan.get("leverage_kind") or "",
                    mitigation_type=plan.get("mitigation_type") or "",
                )
    except FieldErrors as exc:
        raise FieldErrors({f"impacts[{index}].{k}": v for k, v in exc.fields.items()}) from exc


def _valid_review(review: Any) -> bool:
    if (
        not isinstance(review, dict)
        or review.get("outcome") not in Outcome.values
        or not review.get("category_ref")
    ):
        return False
    return review["outcome"] != Outcome.NOT_RELEVANT or bool(review.get("reason"))


def affected_group_ids_for(assessment: Assessment, names: list[str]) -> list[int]:
    groups = {g.name: g.pk for g in assessment.system.affected_groups.all()}
    return [groups[n] for n in names if n in groups]


@transaction.atomic
def assessment_import(
    *, organisation: Organisation, actor: Any, system: AISystem, doc: Any
) -> Assessment:
    """Create a draft assessment of `system` from a document. A bad document writes nothing."""
    if errors := document_errors(doc):
        raise FieldErrors(errors, message=_("The file was not imported; nothing was changed."))
    head = doc["assessment"]
    assessment = assessment_services.assessment_create(
        organisation=organisation,
        actor=actor,
        system_id=system.pk,
        title=head.get("title") or "",
        kind=head["kind"],
        trigger=head["trigger"],
        trigger_note=head.get("trigger_note") or "",
    )
    assessment.context_of_use = head.get("context_of_use") or ""
    assessment.scope_countries = list(head.get("scope_countries") or [])
    assessment.scope_languages = list(head.get("scope_languages") or [])
    assessment.save()
    if doc.get("scoping"):
        Scoping.objects.create(
            organisation=organisation,
            assessment=assessment,
            **{k: v for k, v in doc["scoping"].items() if k in SCOPING_KEYS},
        )
    for index, row in enumerate(doc["impacts"]):
        _import_impact(assessment, actor, index, row)
    for review in doc.get("category_reviews") or []:
        if _valid_review(review):
            CategoryReview.objects.update_or_create(
                organisation=organisation,
                assessment=assessment,
                category_ref=review["category_ref"],
                defaults={
                    "outcome": review["outcome"],
                    "reason": review.get("reason") or "",
                    "reviewed_by": actor,
                },
            )
    audit_record(
        organisation=organisation,
        actor=actor,
        verb="assessment.import",
        obj=assessment,
        summary=f"Imported {len(doc['impacts'])} impact(s)",
    )
    return assessment
