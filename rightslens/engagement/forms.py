from __future__ import annotations

from django import forms

from rightslens.core.engagement import DueDiligencePhase, Region
from rightslens.core.vocabulary import label

from .models import KIND_LABELS, Method


class StakeholderForm(forms.Form):
    name = forms.CharField(label="Name or description", max_length=200)
    kind = forms.ChoiceField(
        label="Kind of stakeholder", choices=[(k.value, v) for k, v in KIND_LABELS.items()]
    )
    represents = forms.TypedChoiceField(
        label="Affected group they are or speak for", required=False, coerce=int, empty_value=None
    )
    region = forms.ChoiceField(label="Region", choices=[(r.value, label(r.value)) for r in Region])
    languages = forms.CharField(label="Languages (comma separated, e.g. sw, en)", required=False)
    vulnerability = forms.CharField(
        label="Heightened risk, if any",
        required=False,
        max_length=200,
        help_text="e.g. persons with disabilities, migrants, low digital literacy",
    )
    contact = forms.CharField(
        label="Contact details (encrypted; owners and assessors only)",
        required=False,
        max_length=300,
    )

    def __init__(
        self, *args: object, group_choices: list[tuple[int, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form.__init__ takes typed arguments; these are passed through unchanged
        self.fields["represents"].choices = [("", "—")] + group_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class EngagementForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    held_on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    phase = forms.ChoiceField(
        label="Phase of due diligence",
        choices=[(p.value, label(p.value)) for p in DueDiligencePhase],
    )
    method = forms.ChoiceField(label="Method", choices=Method.choices)
    participants = forms.TypedMultipleChoiceField(
        label="Who took part", coerce=int, widget=forms.CheckboxSelectMultiple
    )
    language_support = forms.CharField(
        label="Language and access support", required=False, max_length=300
    )
    heard = forms.CharField(label="What was heard", widget=forms.Textarea(attrs={"rows": 4}))
    changed = forms.CharField(
        label="What changed as a result", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    impacts = forms.TypedMultipleChoiceField(
        label="Impacts discussed", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: object,
        stakeholder_choices: list[tuple[int, str]],
        impact_choices: list[tuple[int, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form.__init__ takes typed arguments; these are passed through unchanged
        self.fields["participants"].choices = stakeholder_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
        self.fields["impacts"].choices = impact_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
