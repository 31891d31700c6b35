"""Forms parse what a person typed; the services decide whether it is valid (one set of rules)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from rightslens.common.forms import set_choices
from rightslens.common.rights import RightsCheckboxes
from rightslens.core.impact_fields import DOCUMENT_FIELDS
from rightslens.core.involvement import ActionType, Involvement
from rightslens.core.severity import SEVERITY_DIMENSIONS, Likelihood
from rightslens.inventory.models import AISystem
from rightslens.ux.wording import core_label_lazy

from . import catalogue
from .models import ActionStatus, AssessmentKind, ImpactStatus, Trigger

F = TypeVar("F", bound=forms.Form)

_INVOLVEMENT_LABELS = {
    Involvement.CAUSE: pgettext_lazy("staff", "We cause (or may cause) it"),
    Involvement.CONTRIBUTE: pgettext_lazy("staff", "We contribute (or may contribute) to it"),
    Involvement.DIRECTLY_LINKED: pgettext_lazy(
        "staff", "It is directly linked to our products or services through a business relationship"
    ),
}


def _rating_choices(enum: type, blank: Any) -> list[tuple[str, Any]]:
    return [("", blank)] + [
        (str(int(m)), format_lazy("{} – {}", int(m), core_label_lazy(m.name.lower())))
        for m in enum  # type: ignore[attr-defined]  # enum is an Enum class passed as a plain type
    ]


def _rating(enum: type, text: str, help_text: str = "") -> forms.IntegerField:
    # Lenient on purpose: the core's rating_errors gives the message, in forms and API alike.
    return forms.IntegerField(
        label=text,
        required=False,
        help_text=help_text,
        widget=forms.Select(choices=_rating_choices(enum, pgettext_lazy("staff", "Choose…"))),
    )


def _rationale(text: str) -> forms.CharField:
    return forms.CharField(
        label=text,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=pgettext_lazy("staff", "Required for a rating of 3 or 4."),
    )


# The core's dimension texts, as staff read them (label, question, rationale label).
_DIMENSION_TEXT: dict[str, tuple[Any, Any, Any]] = {
    "scale": (
        pgettext_lazy("severity", "Scale"),
        pgettext_lazy("staff", "How grave the harm is for the people affected."),
        pgettext_lazy("staff", "Why this scale"),
    ),
    "scope": (
        pgettext_lazy("severity", "Scope"),
        pgettext_lazy("staff", "How many people are or could be affected."),
        pgettext_lazy("staff", "Why this scope"),
    ),
    "irremediability": (
        pgettext_lazy("severity", "Irremediability"),
        pgettext_lazy(
            "staff",
            "How hard it is to restore those affected to their situation before the harm.",
        ),
        pgettext_lazy("staff", "Why this irremediability"),
    ),
}


def dimension_label(name: str, default: str) -> str:
    """A severity dimension's name in the reader's language (the core's English otherwise)."""
    text = _DIMENSION_TEXT.get(name)
    return str(text[0]) if text else default


def rating_fields() -> dict[str, forms.Field]:
    """One rating and one rationale field per severity dimension, as the core declares them."""
    fields: dict[str, forms.Field] = {}
    for dimension in SEVERITY_DIMENSIONS:
        text, question, why = _DIMENSION_TEXT.get(
            dimension.name, (dimension.label, dimension.question, f"Why this {dimension.name}")
        )
        fields[dimension.name] = _rating(dimension.levels, text, question)
        fields[dimension.rationale] = _rationale(why)
    return fields


def with_rating_fields(*, after: str) -> Callable[[type[F]], type[F]]:
    """Class decorator: insert the severity rating fields after the named field of a form."""

    def decorate(form_class: type[F]) -> type[F]:
        fields = list(form_class.base_fields.items())
        at = [name for name, _ in fields].index(after) + 1
        combined = dict([*fields[:at], *rating_fields().items(), *fields[at:]])
        form_class.base_fields = combined
        form_class.declared_fields = dict(combined)
        return form_class

    return decorate


class AssessmentForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        required=False,
        help_text=pgettext_lazy("staff", "Leave empty for a title from the system and kind."),
    )
    kind = forms.ChoiceField(choices=AssessmentKind.choices)
    trigger = forms.ChoiceField(
        label=pgettext_lazy("staff", "What triggered it"), choices=Trigger.choices
    )
    trigger_note = forms.CharField(
        label=pgettext_lazy("staff", "About the trigger"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@with_rating_fields(after="actual")
class ImpactForm(forms.Form):
    # The version the form was loaded at: an edit from a stale form is refused, nothing saved.
    lock_version = forms.IntegerField(
        label=pgettext_lazy("staff", "Edit conflict"),
        required=False,
        min_value=0,
        widget=forms.HiddenInput,
    )
    title = forms.CharField(max_length=200, required=False, label=pgettext_lazy("staff", "Title"))
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=pgettext_lazy("staff", "Description"),
    )
    rights = forms.MultipleChoiceField(
        label=pgettext_lazy("staff", "Rights affected"),
        required=False,
        widget=RightsCheckboxes,
        help_text=pgettext_lazy(
            "staff",
            "From the knowledge base's rights catalogue, grouped by instrument. Tick every right affected.",
        ),
    )
    risk_category = forms.ChoiceField(
        label=pgettext_lazy("staff", "GenAI risk category"), required=False
    )
    affected_group_ids = forms.MultipleChoiceField(
        label=pgettext_lazy("staff", "Affected groups"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actual = forms.TypedChoiceField(
        label=pgettext_lazy("staff", "Has the harm happened?"),
        coerce=lambda v: v == "actual",
        initial="potential",
        choices=[
            ("potential", pgettext_lazy("staff", "Potential: it could happen")),
            ("actual", pgettext_lazy("staff", "Actual: it has happened")),
        ],
        widget=forms.RadioSelect,
    )
    likelihood = forms.IntegerField(
        required=False,
        help_text=pgettext_lazy(
            "staff", "Potential impacts only: leave empty for an actual impact."
        ),
        widget=forms.Select(
            choices=_rating_choices(Likelihood, pgettext_lazy("staff", "— (none: actual impact)"))
        ),
    )
    involvement = forms.ChoiceField(
        label=pgettext_lazy("staff", "Your organisation's involvement"),
        required=False,
        widget=forms.RadioSelect,
        choices=[(m.value, _INVOLVEMENT_LABELS[m]) for m in Involvement],
    )
    involvement_rationale = forms.CharField(
        label=pgettext_lazy("staff", "Why this involvement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    business_risk = forms.IntegerField(
        label=pgettext_lazy("staff", "Risk to the business (recorded separately)"),
        required=False,
        help_text=pgettext_lazy("staff", "Never changes the priority to people."),
        widget=forms.Select(
            choices=[
                ("", pgettext_lazy("staff", "Not rated")),
                ("1", pgettext_lazy("staff", "1 – Low")),
                ("2", pgettext_lazy("staff", "2 – Medium")),
                ("3", pgettext_lazy("staff", "3 – High")),
                ("4", pgettext_lazy("staff", "4 – Critical")),
            ]
        ),
    )
    business_risk_note = forms.CharField(
        label=pgettext_lazy("staff", "About the risk to the business"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("staff", "Status"),
        choices=ImpactStatus.choices,
        initial=ImpactStatus.OPEN,
        required=False,
    )

    def __init__(self, *args: Any, system: AISystem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "rights", catalogue.right_choices())
        set_choices(
            self,
            "risk_category",
            [("", pgettext_lazy("staff", "Choose…")), *catalogue.risk_category_choices()],
        )
        set_choices(
            self,
            "affected_group_ids",
            [
                (str(g.pk), f"{g.name}{' (at heightened risk)' if g.vulnerable else ''}")
                for g in system.affected_groups.all()
            ],
        )

    @classmethod
    def initial_for(cls, impact: Any) -> dict[str, Any]:
        initial = {name: getattr(impact, name) for name in DOCUMENT_FIELDS if name != "actual"}
        initial["actual"] = "actual" if impact.actual else "potential"
        initial["affected_group_ids"] = [str(g.pk) for g in impact.affected_groups.all()]
        initial["lock_version"] = impact.lock_version
        return initial


class ActionForm(forms.Form):
    action_type = forms.ChoiceField(
        label=pgettext_lazy("staff", "Type of action"),
        choices=[(m.value, core_label_lazy(m.value)) for m in ActionType],
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label=pgettext_lazy("staff", "Description")
    )
    owner = forms.CharField(
        max_length=200,
        required=False,
        label=pgettext_lazy("staff", "Owner"),
        help_text=pgettext_lazy("staff", "Who is responsible."),
    )
    due_date = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        label=pgettext_lazy("staff", "Due date"),
    )
    status = forms.ChoiceField(
        choices=ActionStatus.choices,
        initial=ActionStatus.PLANNED,
        label=pgettext_lazy("staff", "Status"),
    )
