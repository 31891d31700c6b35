from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rightslens.core import business_model as bm
from rightslens.core.vocabulary import SystemKind
from rightslens.inventory.models import AISystem
from rightslens.ux.wording import core_label_lazy

from .models import (
    ClauseStatus,
    Conclusion,
    Counterparty,
    CounterpartyKind,
    LeverageKind,
    LeverageOutcome,
    ScreeningDecision,
    ScreeningSubject,
)

DATE = forms.DateInput(attrs={"type": "date"})


def _choices(enum: type[Enum]) -> list[tuple[str, str]]:
    return [(m.value, core_label_lazy(m.value)) for m in enum]


class ScreeningForm(forms.Form):
    subject_type = forms.ChoiceField(
        label=_("What is being screened"), choices=ScreeningSubject.choices
    )
    subject_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    use_case_text = forms.CharField(
        label=_("Use case"),
        widget=forms.Textarea,
        help_text=_("What the system does, for whom and on whom, including optional modules."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=ScreeningDecision.choices, widget=forms.RadioSelect
    )
    decision_reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea)


class CounterpartyForm(forms.Form):
    name = forms.CharField(label=_("Organisation name"), max_length=200)
    kind = forms.ChoiceField(label=_("Relationship"), choices=CounterpartyKind.choices)
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)
    sector = forms.CharField(label=_("Sector"), max_length=120, required=False)
    systems = forms.ModelMultipleChoiceField(
        label=_("AI systems they supply or use"),
        queryset=AISystem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    relationship_owner = forms.CharField(
        label=_("Relationship owner"), max_length=200, required=False
    )
    contract_start = forms.DateField(label=_("Contract start"), required=False, widget=DATE)
    contract_end = forms.DateField(label=_("Contract end"), required=False, widget=DATE)
    reassessment_months = forms.IntegerField(
        label=_("Reassess every (months)"), min_value=1, max_value=36, initial=12
    )
    reassessment_date = forms.DateField(label=_("Next reassessment"), required=False, widget=DATE)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["systems"].queryset = AISystem.objects.filter(organisation=organisation)  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class SendQuestionnaireForm(forms.Form):
    questionnaire_id = forms.ChoiceField(label=_("Questionnaire"))
    days_valid = forms.IntegerField(
        label=_("Link valid for (days)"), min_value=1, max_value=90, initial=14
    )

    def __init__(self, *args: Any, questionnaires: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questionnaire_id"].choices = questionnaires  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class ReviewItemForm(forms.Form):
    question_id = forms.CharField(widget=forms.HiddenInput)
    verdict = forms.ChoiceField(
        label=_("Review"),
        choices=[
            ("accepted", _("Accepted")),
            ("needs_clarification", _("Needs clarification")),
        ],
    )
    note = forms.CharField(label=_("Note to the respondent"), required=False)


class ConclusionForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("Conclusion"), choices=Conclusion.choices, widget=forms.RadioSelect
    )
    conclusion_reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea)
    supply_conditions = forms.CharField(
        label=_("Conditions before supply (leverage plan)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required for a customer concluded 'Escalate' or 'Do not proceed': what must "
            "change before anything is supplied. Record the leverage you will use on the customer's page."
        ),
    )


class ClauseForm(forms.Form):
    clause_id = forms.ChoiceField(label=_("Clause"))
    note = forms.CharField(label=_("Note"), required=False)

    def __init__(self, *args: Any, clauses: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clause_id"].choices = clauses  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class ClauseStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ClauseStatus.choices)


class LeverageForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of leverage"), choices=LeverageKind.choices)
    description = forms.CharField(label=_("What was done"), widget=forms.Textarea)
    taken_on = forms.DateField(label=_("Date"), widget=DATE, initial=dt.date.today)
    outcome = forms.ChoiceField(label=_("Outcome so far"), choices=LeverageOutcome.choices)
    outcome_note = forms.CharField(label=_("Outcome note"), required=False)


class LeverageOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=LeverageOutcome.choices)
    outcome_note = forms.CharField(label=_("Outcome note"), required=False)


class LinkImpactForm(forms.Form):
    impact_id = forms.IntegerField(label=_("Impact"))


class BusinessModelForm(forms.Form):
    title = forms.CharField(label=_("Product or business line"), max_length=200)
    general_purpose = forms.BooleanField(
        label=_("General-purpose capability (many uses not foreseeable)"), required=False
    )
    revenue_model = forms.ChoiceField(label=_("Revenue model"), choices=_choices(bm.RevenueModel))
    target_customers = forms.MultipleChoiceField(
        label=_("Target customers"),
        choices=_choices(bm.TargetCustomer),
        widget=forms.CheckboxSelectMultiple,
    )
    release_speed = forms.ChoiceField(
        label=_("Speed of release"), choices=_choices(bm.ReleaseSpeed)
    )
    release_style = forms.ChoiceField(
        label=_("Style of release"), choices=_choices(bm.ReleaseStyle)
    )
    weights = forms.ChoiceField(label=_("Model weights"), choices=_choices(bm.WeightsPolicy))
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)


class BoardReviewForm(forms.Form):
    board_minutes = forms.CharField(label=_("What the board decided"), widget=forms.Textarea)


class ProcurementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    public_buyer = forms.BooleanField(
        label=_("We are a public buyer (a State body)"), required=False
    )
    needs_statement = forms.CharField(label=_("Needs statement"), widget=forms.Textarea)
    use_case_text = forms.CharField(
        label=_("Use case"),
        widget=forms.Textarea,
        help_text=_("What the system will do, for whom and on whom."),
    )
    vendor = forms.ModelChoiceField(
        label=_("Vendor"), queryset=Counterparty.objects.none(), required=False
    )
    system = forms.ModelChoiceField(
        label=_("System in the inventory"), queryset=AISystem.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vendor"].queryset = Counterparty.objects.filter(  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
            organisation=organisation, kind=CounterpartyKind.VENDOR
        )
        self.fields["system"].queryset = AISystem.objects.filter(organisation=organisation)  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class LinkSystemForm(forms.Form):
    system = forms.ModelChoiceField(
        label=_("System in the inventory"), queryset=AISystem.objects.none()
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["system"].queryset = AISystem.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, archived_at__isnull=True
        )


class CreateSystemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of system"),
        choices=[(k.value, core_label_lazy(k.value)) for k in SystemKind],
        initial=SystemKind.OTHER_AI.value,
    )


class AttachQuestionnaireForm(forms.Form):
    request_id = forms.IntegerField(label=_("Questionnaire sent"))


class AwardForm(forms.Form):
    award_conditions = forms.CharField(label=_("Award conditions"), widget=forms.Textarea)
    clauses = forms.MultipleChoiceField(
        label=_("Contract clauses the award relies on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each one named here must be agreed in the contract before award."),
    )
    exception_reasons = forms.CharField(
        label=_("Exception: reasons to award before due diligence is done (senior role only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Leave empty for a normal award. An exception is audited and shown on the procurement."
        ),
    )
    monitoring_dates = forms.CharField(
        label=_("Post-award monitoring dates"),
        help_text=_("ISO dates separated by commas, e.g. 2027-03-01, 2027-09-01"),
    )

    def __init__(self, *args: Any, clauses: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clauses"].choices = clauses  # type: ignore[attr-defined]

    def clean_monitoring_dates(self) -> list[dt.date]:
        raw = [p.strip() for p in self.cleaned_data["monitoring_dates"].split(",") if p.strip()]
        try:
            return [dt.date.fromisoformat(p) for p in raw]
        except ValueError as exc:
            raise forms.ValidationError(
                _("Write each date as YYYY-MM-DD, separated by commas.")
            ) from exc
