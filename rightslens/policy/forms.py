from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rightslens.accounts.models import Organisation
from rightslens.core.policy.text import SUPPORTED_LANGUAGES

from .models import Agency, FindingStatus, InstrumentKind, InstrumentLevel

LANGUAGE_CHOICES = [("", _("Detect from the text")), *SUPPORTED_LANGUAGES.items()]
BINDING_CHOICES = [("1", _("Binding")), ("0", _("Voluntary"))]


class SourceForm(forms.Form):
    """The text of one version: pasted or uploaded (checked in the service, which names the field)."""

    label = forms.CharField(
        label=_("Version label"),
        max_length=120,
        required=False,
        help_text=_("e.g. 'Draft of March 2025'."),
    )
    dated = forms.DateField(
        label=_("Date of this version"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)
    file = forms.FileField(
        label=_("Upload the instrument"),
        required=False,
        help_text=_(
            "PDF (with a text layer), DOCX, HTML or plain text; up to 500 pages and 25 MB."
        ),
    )
    text = forms.CharField(
        label=_("Or paste its text"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )


class InstrumentForm(SourceForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    jurisdiction = forms.CharField(
        label=_("Jurisdiction"), max_length=120, help_text=_("Country, region or organisation.")
    )
    kind = forms.ChoiceField(label=_("Type of instrument"), choices=InstrumentKind.choices)
    binding = forms.TypedChoiceField(
        label=_("Binding force"), choices=BINDING_CHOICES, coerce=lambda v: v == "1"
    )
    level = forms.ChoiceField(
        label=_("Level"),
        choices=InstrumentLevel.choices,
        initial=InstrumentLevel.NATIONAL,
        required=False,
    )

    def clean_level(self) -> str:
        return self.cleaned_data["level"] or InstrumentLevel.NATIONAL

    issuing_body = forms.CharField(
        label=_("Issuing body"),
        max_length=200,
        required=False,
        help_text=_("Who adopted it, e.g. 'Parliament', 'European Union', 'Council of Europe'."),
    )
    agency = forms.ModelChoiceField(
        label=_("Lead ministry or agency"),
        queryset=Agency.objects.none(),
        required=False,
        help_text=_("Which of this government's ministries or agencies leads on it."),
    )

    def __init__(
        self, *args: object, organisation: Organisation | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Agency.objects.filter(organisation=organisation)

    field_order = [
        "title",
        "jurisdiction",
        "kind",
        "binding",
        "level",
        "issuing_body",
        "agency",
        "label",
        "dated",
        "language",
        "file",
        "text",
    ]


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Ministry or agency"), max_length=200)


class ReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Your status"), choices=FindingStatus.choices)
    note = forms.CharField(label=_("Reviewer's note"), widget=forms.Textarea(attrs={"rows": 2}))
