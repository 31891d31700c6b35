"""Forms for the disclosure pages. Item fields come from the template, so a new template needs
no form change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rightslens.core.disclosure.esrs import Requirement
from rightslens.core.disclosure.fria import FriaSection
from rightslens.core.disclosure.template import FriaTemplate

from .models import ProviderDocumentKind


class FriaStartForm(forms.Form):
    reuse = forms.TypedChoiceField(
        label=_("Start from"), required=False, coerce=int, empty_value=None, choices=()
    )

    def __init__(self, *args: Any, reuse_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reuse"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "The register only"), *reuse_choices]


class FriaEditForm(forms.Form):
    period_of_use = forms.CharField(
        label=_("Period of use"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    frequency_of_use = forms.CharField(
        label=_("Frequency of use"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args: Any,
        sections: tuple[FriaSection, ...],
        shown: FriaTemplate | None = None,
        **kwargs: Any,
    ) -> None:
        """shown: the template in the reader's language, for the items' labels and questions."""
        super().__init__(*args, **kwargs)
        specs = {spec.key: spec for spec in shown.items} if shown is not None else {}
        for section in sections:
            spec = specs.get(section.key)
            self.fields[f"item_{section.key}"] = forms.CharField(
                label=f"({section.key}) {spec.title if spec else section.title}",
                required=False,
                initial=section.text,
                help_text=spec.question if spec else section.question,
                widget=forms.Textarea(attrs={"rows": 8}),
            )

    def narratives(self) -> dict[str, str]:
        return {
            name.removeprefix("item_"): value or ""
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }


class ProviderDocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the provider gave"), choices=ProviderDocumentKind.choices
    )
    provider = forms.CharField(label=_("Provider"), max_length=200)
    summary = forms.CharField(
        label=_("What it says about risks, limits and human oversight"), widget=forms.Textarea
    )
    file = forms.FileField(
        label=_("File (PDF, DOCX, TXT, or a FRIA JSON to reuse item by item)"), required=False
    )


class EsrsNewForm(forms.Form):
    period_start = forms.DateField(
        label=_("Period starts"), widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Period ends"), widget=forms.DateInput(attrs={"type": "date"})
    )


class EsrsEditForm(forms.Form):
    """Narratives and opt-ins per requirement of the ESRS S4 knowledge library."""

    published = forms.MultipleChoiceField(
        label=_("Show on the public page"),
        required=False,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, requirements: tuple[Requirement, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requirements = requirements
        field = self.fields["published"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(r.code, f"{r.code} {r.title}") for r in requirements]
        for r in requirements:
            self.fields[f"narrative_{r.code}"] = forms.CharField(
                label=_("%(code)s narrative") % {"code": r.code},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def narratives(self) -> dict[str, str]:
        return {
            r.code: self.cleaned_data.get(f"narrative_{r.code}") or "" for r in self.requirements
        }


class TransparencyForm(forms.Form):
    enabled = forms.BooleanField(label=_("Publish the transparency page"), required=False)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    systems = forms.MultipleChoiceField(
        label=_("Systems shown"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args: Any, system_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["systems"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = system_choices
