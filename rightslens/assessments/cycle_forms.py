"""Forms for the cycle's pages. Services validate; forms collect and show errors next to fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import pgettext_lazy

from rightslens.accounts.models import Organisation
from rightslens.assessments.forms import with_rating_fields
from rightslens.assessments.models import (
    Action,
    ActionStatus,
    Assessment,
    AssessmentKind,
    Impact,
    Trigger,
)
from rightslens.common.forms import set_choices, set_queryset
from rightslens.common.rights import RightsCheckboxes, right_choices
from rightslens.core.involvement import ActionType, Involvement
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.ux.wording import core_label_lazy

from . import cycle_catalogue
from .cycle_models import Dimension, IndicatorKind, Preference, ReleaseStyle, ReviewDecision

LIKELIHOOD = [
    ("", pgettext_lazy("staff", "Actual impact (no likelihood)")),
    (1, pgettext_lazy("staff", "1 – rare")),
    (2, pgettext_lazy("staff", "2 – unlikely")),
    (3, pgettext_lazy("staff", "3 – possible")),
    (4, pgettext_lazy("staff", "4 – likely")),
    (5, pgettext_lazy("staff", "5 – almost certain")),
]
BUSINESS = [
    ("", pgettext_lazy("staff", "Not rated")),
    (1, pgettext_lazy("staff", "1 – Low")),
    (2, pgettext_lazy("staff", "2 – Medium")),
    (3, pgettext_lazy("staff", "3 – High")),
    (4, pgettext_lazy("staff", "4 – Critical")),
]


class StartForm(forms.Form):
    system = forms.ModelChoiceField(
        queryset=AISystem.objects.none(), label=pgettext_lazy("staff", "AI system")
    )
    kind = forms.ChoiceField(
        choices=AssessmentKind.choices,
        initial=AssessmentKind.RAPID,
        label=pgettext_lazy("staff", "Kind of assessment"),
    )
    trigger = forms.ChoiceField(
        choices=Trigger.choices, label=pgettext_lazy("staff", "What triggered it")
    )
    trigger_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=pgettext_lazy("staff", "What happened"),
        help_text=pgettext_lazy(
            "staff", "E.g. 'Launch in Kenya, Brazil and Indonesia next quarter'."
        ),
    )
    title = forms.CharField(
        required=False,
        max_length=200,
        label=pgettext_lazy("staff", "Title"),
        help_text=pgettext_lazy("staff", "Left empty, a title is made from the system."),
    )

    def __init__(self, organisation: Organisation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "system",
            AISystem.objects.filter(organisation=organisation, archived_at__isnull=True),
        )


class ScopingForm(forms.Form):
    # The version the form was loaded at: an edit from a stale form is refused, nothing saved.
    lock_version = forms.IntegerField(
        label=pgettext_lazy("staff", "Edit conflict"),
        required=False,
        min_value=0,
        widget=forms.HiddenInput,
    )
    context_of_use = forms.CharField(
        required=False, widget=forms.Textarea, label=pgettext_lazy("staff", "Context of use")
    )
    scope_countries = forms.CharField(
        required=False,
        label=pgettext_lazy("staff", "Countries"),
        help_text=pgettext_lazy("staff", "Two-letter codes, comma separated: KE, BR, ID"),
    )
    scope_languages = forms.CharField(
        required=False,
        label=pgettext_lazy("staff", "Languages served"),
        help_text=pgettext_lazy("staff", "Codes, comma separated: en, sw, pt, id"),
    )
    safety_tested_languages = forms.CharField(
        required=False, label=pgettext_lazy("staff", "Languages the safety measures were tested in")
    )
    users = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Users"),
    )
    affected_groups_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Affected groups (who is affected without using it)"),
    )
    vulnerable_groups = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=pgettext_lazy("staff", "Groups at heightened risk"),
    )
    suppliers = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Suppliers (data, annotation, compute, models)"),
    )
    customers = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Customers"),
    )
    vendors = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Vendors"),
    )
    general_purpose = forms.BooleanField(
        required=False, label=pgettext_lazy("staff", "General-purpose capability")
    )
    who_pays = forms.CharField(
        required=False, max_length=200, label=pgettext_lazy("staff", "Who pays (and who uses)")
    )
    release_style = forms.ChoiceField(
        required=False,
        choices=[("", "—"), *ReleaseStyle.choices],
        label=pgettext_lazy("staff", "Speed and style of release"),
    )
    weights = forms.ChoiceField(
        required=False,
        choices=[
            ("", "—"),
            ("open", pgettext_lazy("staff", "Open weights")),
            ("closed", pgettext_lazy("staff", "Closed weights")),
            ("not_applicable", pgettext_lazy("staff", "Not applicable")),
        ],
        label=pgettext_lazy("staff", "Weights"),
    )
    business_model_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Other business-model features for the board"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "vulnerable_groups", cycle_catalogue.vulnerable_choices())


class NotRelevantForm(forms.Form):
    category_ref = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Considered, not relevant because…"),
    )


def offered_right_ids() -> set[str]:
    """Ids of the rights the impact form offers (current catalogue items, grouped by instrument)."""
    return {right for _instrument, rights in right_choices() for right, _title in rights}


@with_rating_fields(after="actual")
class ImpactForm(forms.Form):
    suggestion_key = forms.CharField(required=False, widget=forms.HiddenInput)
    risk_category = forms.ChoiceField(label=pgettext_lazy("staff", "Risk category"))
    title = forms.CharField(max_length=200, label=pgettext_lazy("staff", "Impact"))
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Description"),
    )
    rights = forms.MultipleChoiceField(
        required=False,
        label=pgettext_lazy("staff", "Rights affected"),
        widget=RightsCheckboxes,
        help_text=pgettext_lazy(
            "staff",
            "Grouped by instrument. Tick every right affected; untick any that does not apply.",
        ),
    )
    affected_group_ids = forms.ModelMultipleChoiceField(
        queryset=AffectedGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=pgettext_lazy("staff", "Affected groups"),
    )
    actual = forms.BooleanField(
        required=False,
        label=pgettext_lazy("staff", "The harm has already happened (actual impact)"),
    )
    likelihood = forms.TypedChoiceField(
        choices=LIKELIHOOD, coerce=int, required=False, empty_value=None
    )
    involvement = forms.ChoiceField(
        choices=[(m.value, core_label_lazy(m.value)) for m in Involvement],
        label=pgettext_lazy("staff", "Involvement"),
    )
    involvement_rationale = forms.CharField(
        required=False, label=pgettext_lazy("staff", "Why this involvement")
    )
    business_risk = forms.TypedChoiceField(
        choices=BUSINESS,
        coerce=int,
        required=False,
        empty_value=None,
        label=pgettext_lazy("staff", "Risk to the business (shown beside, never combined)"),
    )
    business_risk_note = forms.CharField(
        required=False, label=pgettext_lazy("staff", "Business risk note")
    )

    def __init__(self, assessment: Assessment, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "risk_category", [(c.id, c.title) for c in cycle_catalogue.categories()])
        set_choices(self, "rights", right_choices())
        set_queryset(self, "affected_group_ids", assessment.system.affected_groups.all())

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("suggestion_key", None)
        data["affected_group_ids"] = [g.pk for g in data["affected_group_ids"]]
        return data


class ActionPlanForm(forms.Form):
    action_type = forms.ChoiceField(
        choices=[(m.value, core_label_lazy(m.value)) for m in ActionType],
        label=pgettext_lazy("staff", "Type of action"),
    )
    preference = forms.ChoiceField(
        choices=Preference.choices, label=pgettext_lazy("staff", "Preference order (avoid first)")
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label=pgettext_lazy("staff", "Description")
    )
    owner = forms.CharField(required=False, max_length=200, label=pgettext_lazy("staff", "Owner"))
    due_date = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        label=pgettext_lazy("staff", "Due date"),
    )
    leverage_kind = forms.ChoiceField(required=False, label=pgettext_lazy("staff", "Leverage kind"))
    mitigation_type = forms.ChoiceField(
        required=False, label=pgettext_lazy("staff", "Technical mitigation type")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "leverage_kind", [("", "—"), *cycle_catalogue.leverage_choices()])
        set_choices(self, "mitigation_type", [("", "—"), *cycle_catalogue.mitigation_choices()])


class SideRiskForm(forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput)
    impact_id = forms.ChoiceField(label=pgettext_lazy("staff", "Risk this mitigation creates"))

    def __init__(self, impacts: list[Impact], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "impact_id", [(i.pk, i.title) for i in impacts])


class ActionStatusForm(forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=ActionStatus.choices)


class IndicatorForm(forms.Form):
    action = forms.ModelChoiceField(
        queryset=Action.objects.none(), label=pgettext_lazy("staff", "Action it tracks")
    )
    name = forms.CharField(max_length=200, label=pgettext_lazy("staff", "Indicator"))
    kind = forms.ChoiceField(choices=IndicatorKind.choices, label=pgettext_lazy("staff", "Kind"))
    unit = forms.CharField(required=False, max_length=40, label=pgettext_lazy("staff", "Unit"))
    lower_is_better = forms.BooleanField(
        required=False, initial=True, label=pgettext_lazy("staff", "Lower values are better")
    )
    target = forms.FloatField(required=False, label=pgettext_lazy("staff", "Target"))
    tolerance = forms.FloatField(
        initial=2.0,
        label=pgettext_lazy("staff", "Tolerance"),
        help_text=pgettext_lazy(
            "staff", "How much worse than overall a group may be before it counts as left behind."
        ),
    )
    min_group_size = forms.IntegerField(
        initial=30, min_value=1, label=pgettext_lazy("staff", "Smallest group size to judge")
    )

    def __init__(self, impact: Impact, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "action", impact.actions.all())


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), label=pgettext_lazy("staff", "Measured on")
    )
    value = forms.FloatField(required=False, label=pgettext_lazy("staff", "Overall value"))
    n = forms.IntegerField(
        required=False, min_value=0, label=pgettext_lazy("staff", "People covered (n)")
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "Observation"),
    )
    groups = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=pgettext_lazy("staff", "Breakdown by group"),
        help_text=pgettext_lazy("staff", "One line each: dimension, group, value, n (dimensions: ")
        + ", ".join(Dimension.values)
        + "). E.g. language, sw, 14.5, 320",
    )


class EvidenceForm(forms.Form):
    measurement_id = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(
        label=pgettext_lazy("staff", "Evidence file (PDF, CSV, XLSX, TXT, PNG, JPG; at most 10 MB)")
    )


class ReviewerForm(forms.Form):
    email = forms.EmailField(label=pgettext_lazy("staff", "Reviewer's email"))


class ReviewDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (ReviewDecision.APPROVE, "Recommend approval"),
            (ReviewDecision.CHANGES, "Ask for changes"),
        ]
    )
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class NewVersionForm(forms.Form):
    trigger = forms.ChoiceField(
        choices=Trigger.choices, label=pgettext_lazy("staff", "What triggered the new version")
    )
    trigger_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=pgettext_lazy("staff", "What happened"),
    )


class RedLineDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[], label=pgettext_lazy("staff", "Decision"))
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=pgettext_lazy("staff", "Reasons (kept in the record)"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from rightslens.procurement.models import ScreeningDecision

        set_choices(self, "decision", ScreeningDecision.choices)


class ImportForm(forms.Form):
    system = forms.ModelChoiceField(
        queryset=AISystem.objects.none(),
        label=pgettext_lazy("staff", "System the assessment is about"),
    )
    file = forms.FileField(label=pgettext_lazy("staff", "Assessment JSON file"))

    def __init__(self, organisation: Organisation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "system",
            AISystem.objects.filter(organisation=organisation, archived_at__isnull=True),
        )
