"""Forms parse what a person typed; the services decide whether it is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import pgettext_lazy

from rightslens.common.forms import set_choices
from rightslens.core.vocabulary import LifecycleStage, SystemKind, ValueChainRole, Weights
from rightslens.ux.wording import core_label_lazy

from .codes import split_codes


def _choices(enum: type, blank: Any = None) -> list[tuple[str, Any]]:
    options = [(m.value, core_label_lazy(m.value)) for m in enum]  # type: ignore[attr-defined]  # enum is an Enum class passed as a plain type
    return [("", blank), *options] if blank is not None else options


class SystemForm(forms.Form):
    name = forms.CharField(max_length=200)
    purpose = forms.CharField(
        max_length=300, help_text=pgettext_lazy("staff", "What the system is for, in one line.")
    )
    description = forms.CharField(
        widget=forms.Textarea, required=False, label=pgettext_lazy("staff", "Description")
    )
    value_chain_roles = forms.MultipleChoiceField(
        label=pgettext_lazy("staff", "Your organisation's role(s)"),
        choices=_choices(ValueChainRole),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lifecycle_stage = forms.ChoiceField(
        choices=_choices(LifecycleStage), label=pgettext_lazy("staff", "Lifecycle stage")
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("staff", "Kind of system"), choices=_choices(SystemKind)
    )
    weights = forms.ChoiceField(
        label=pgettext_lazy("staff", "Model weights"),
        choices=_choices(Weights),
        initial=Weights.NOT_APPLICABLE,
    )
    countries = forms.CharField(
        required=False,
        label=pgettext_lazy("staff", "Deployment countries"),
        help_text=pgettext_lazy(
            "staff", "ISO 3166 two-letter codes separated by commas, e.g. KE, BR, ID."
        ),
    )
    sectors = forms.CharField(
        label=pgettext_lazy("staff", "Sectors"),
        required=False,
        help_text=pgettext_lazy("staff", "Separated by commas, e.g. health, hiring."),
    )
    languages = forms.CharField(
        required=False,
        help_text=pgettext_lazy("staff", "Language codes separated by commas, e.g. en, sw, pt-BR."),
    )
    intended_users = forms.CharField(
        widget=forms.Textarea, required=False, label=pgettext_lazy("staff", "Intended users")
    )

    @classmethod
    def for_system(cls, system: Any, data: Any = None) -> SystemForm:
        initial = {
            name: getattr(system, name)
            for name in (
                "name",
                "purpose",
                "description",
                "value_chain_roles",
                "lifecycle_stage",
                "kind",
                "weights",
                "intended_users",
            )
        }
        initial |= {
            name: ", ".join(getattr(system, name)) for name in ("countries", "sectors", "languages")
        }
        return cls(data, initial=initial)

    def clean_countries(self) -> list[str]:
        return split_codes(self.cleaned_data["countries"])

    def clean_languages(self) -> list[str]:
        return split_codes(self.cleaned_data["languages"])

    def clean_sectors(self) -> list[str]:
        return [s.strip() for s in self.cleaned_data["sectors"].split(",") if s.strip()]


class SystemFilterForm(forms.Form):
    kind = forms.ChoiceField(
        choices=_choices(SystemKind, pgettext_lazy("staff", "Any kind")),
        required=False,
        label=pgettext_lazy("staff", "Kind"),
    )
    lifecycle_stage = forms.ChoiceField(
        choices=_choices(LifecycleStage, pgettext_lazy("staff", "Any stage")),
        required=False,
        label=pgettext_lazy("staff", "Lifecycle stage"),
    )
    role = forms.ChoiceField(
        label=pgettext_lazy("staff", "Role"),
        choices=_choices(ValueChainRole, pgettext_lazy("staff", "Any role")),
        required=False,
    )
    archived = forms.ChoiceField(
        label=pgettext_lazy("staff", "Show"),
        choices=[
            ("active", pgettext_lazy("staff", "Active systems")),
            ("archived", pgettext_lazy("staff", "Archived systems")),
            ("all", pgettext_lazy("staff", "All systems")),
        ],
        required=False,
    )


class AffectedGroupForm(forms.Form):
    name = forms.CharField(max_length=200, label=pgettext_lazy("staff", "Group of people affected"))
    vulnerable = forms.BooleanField(
        required=False, label=pgettext_lazy("staff", "At heightened risk (vulnerable)")
    )
    vulnerability = forms.ChoiceField(
        required=False,
        label=pgettext_lazy("staff", "Which vulnerable group (knowledge base)"),
        help_text=pgettext_lazy(
            "staff",
            "Link the group to the knowledge base's description of people at heightened risk.",
        ),
    )
    notes = forms.CharField(widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, vulnerable_groups: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "vulnerability", [("", "None"), *vulnerable_groups])


class ComponentForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label=pgettext_lazy("staff", "Component"),
        help_text=pgettext_lazy("staff", "Model, data set, API or service."),
    )
    vendor = forms.CharField(max_length=200, required=False)
    kind = forms.CharField(
        max_length=60, required=False, label=pgettext_lazy("staff", "Type of component")
    )
    notes = forms.CharField(widget=forms.Textarea, required=False)
