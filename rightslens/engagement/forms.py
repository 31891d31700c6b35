from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rightslens.core.engagement import DueDiligencePhase, Region

from .models import KIND_LABELS, Method, enum_choices


class StakeholderForm(forms.Form):
    name = forms.CharField(label=_("Name or description"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind of stakeholder"), choices=[(k.value, v) for k, v in KIND_LABELS.items()]
    )
    represents = forms.TypedChoiceField(
        label=_("Affected group they are or speak for"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    region = forms.ChoiceField(label=_("Region"), choices=enum_choices(Region))
    languages = forms.CharField(label=_("Languages (comma separated, e.g. sw, en)"), required=False)
    vulnerability = forms.CharField(
        label=_("Heightened risk, if any"),
        required=False,
        max_length=200,
        help_text=_("e.g. persons with disabilities, migrants, low digital literacy"),
    )
    contact = forms.CharField(
        label=_("Contact details (encrypted; owners and assessors only)"),
        required=False,
        max_length=300,
    )

    def __init__(
        self, *args: object, group_choices: list[tuple[int, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form.__init__ takes typed arguments; these are passed through unchanged
        self.fields["represents"].choices = [("", "—")] + group_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class EngagementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    phase = forms.ChoiceField(
        label=_("Phase of due diligence"),
        choices=enum_choices(DueDiligencePhase),
    )
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices)
    participants = forms.TypedMultipleChoiceField(
        label=_("Who took part"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    language_support = forms.CharField(
        label=_("Language and access support"), required=False, max_length=300
    )
    heard = forms.CharField(label=_("What was heard"), widget=forms.Textarea(attrs={"rows": 4}))
    changed = forms.CharField(
        label=_("What changed as a result"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    impacts = forms.TypedMultipleChoiceField(
        label=_("Impacts discussed"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
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
