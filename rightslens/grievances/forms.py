"""Forms for the public channel (translated) and for grievance officers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rightslens.common.rights import RightsCheckboxes, right_choices
from rightslens.core.grievance import ATTACHMENT_MAX_BYTES, GrievanceState, moves_from

from .models import REMEDY_FORM_CHOICES, RemedyRouteChoice, State
from .services import (
    CONTACT_MAX_CHARS,
    CONTENT_MAX_CHARS,
    MESSAGE_MAX_CHARS,
    PROVIDER_MAX_CHARS,
)


class GrievanceForm(forms.Form):
    content = forms.CharField(
        label=_("What happened?"),
        help_text=_(
            "Describe what happened, when, and how it affected you or others. Do not include your name here unless you want to."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=CONTENT_MAX_CHARS,
        error_messages={"required": _("Please tell us what happened.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=CONTACT_MAX_CHARS,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("How can we reach you? (optional)"),
        help_text=_(
            "An email address or phone number. Only our designated grievance officers can see it."
        ),
        required=False,
        max_length=CONTACT_MAX_CHARS,
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    attachment = forms.FileField(
        label=_("A document or picture (optional)"),
        help_text=_("PDF, PNG or JPEG, up to 2 MB."),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}
        ),
    )
    # Honeypot: hidden from people (and from screen readers); bots tend to fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def clean_attachment(self) -> object:
        upload = self.cleaned_data.get("attachment")
        if upload is not None and upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(_("This file is too large: the limit is 2 MB."))
        return upload


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=60,
        help_text=_(
            "The code you were given when you sent your grievance, e.g. ABCDE-FGHIJ-KLMNO-PQRST-UVWXY."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Please enter your receipt code.")},
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_CHARS,
        error_messages={"required": _("Please write a message.")},
    )


class FeedbackForm(forms.Form):
    helped = forms.ChoiceField(
        label=_("Did the outcome help you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes or no.")},
    )
    feedback = forms.CharField(
        label=_("Anything you want to add (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_CHARS,
    )


# ---- Officers ----


class TransitionForm(forms.Form):
    """Offers only the moves the published state machine allows from the case's state."""

    to_state = forms.ChoiceField(label=_("Move the case to"), choices=State.choices)

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(State.choices)
        allowed = moves_from(GrievanceState(current))
        field = self.fields["to_state"]
        field.choices = [(s.value, labels[s.value]) for s in allowed]  # type: ignore[attr-defined]
        field.error_messages["invalid_choice"] = _(
            "A case that is %(state)s cannot move to that state."
        ) % {"state": labels.get(current, current)}


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message to the complainant"), widget=forms.Textarea(attrs={"rows": 3})
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (never shown to the complainant)"),
        # Its own id: the case page also shows the message form, whose field is also `body`.
        widget=forms.Textarea(attrs={"rows": 3, "id": "id_note_body"}),
    )


class TriageForm(forms.Form):
    # The version the form was loaded at: a triage from a stale form is refused, nothing saved.
    lock_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    systems = forms.MultipleChoiceField(
        label=_("AI systems concerned"), required=False, widget=forms.CheckboxSelectMultiple
    )
    rights = forms.MultipleChoiceField(
        label=_("Rights concerned"),
        required=False,
        widget=RightsCheckboxes,
        help_text=_("From the knowledge base's rights catalogue, grouped by instrument."),
        error_messages={
            "invalid_choice": "Not a right in the knowledge base: %(value)s. Choose rights from the list."
        },
    )

    def __init__(
        self, *args: object, system_choices: list[tuple[int, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form.__init__ takes typed arguments; these are passed through unchanged
        self.fields["systems"].choices = system_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
        self.fields["rights"].choices = right_choices()  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class ImpactLinkForm(forms.Form):
    impact = forms.TypedChoiceField(label=_("Impact in the register"), coerce=int)
    mark_actual = forms.BooleanField(
        label=_("The harm has happened: mark this potential impact as actual"),
        required=False,
        help_text=_(
            "Leave unticked to raise the likelihood of the potential impact by one step instead."
        ),
    )

    def __init__(
        self, *args: object, impact_choices: list[tuple[int, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form.__init__ takes typed arguments; these are passed through unchanged
        self.fields["impact"].choices = impact_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class RemedyForm(forms.Form):
    """One form of remedy; record several for a remedy that combines them."""

    remedy_form = forms.ChoiceField(label=_("Form of remedy"), choices=REMEDY_FORM_CHOICES)
    remedy_route = forms.ChoiceField(label=_("Route"), choices=RemedyRouteChoice.choices)
    remedy_description = forms.CharField(
        label=_("The remedy, as the complainant will read it"),
        help_text=_("Plain words, in the complainant's language if you can."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    remedy_provider = forms.CharField(
        label=_("Who provides it"),
        max_length=PROVIDER_MAX_CHARS,
        help_text=_("e.g. HR team, vendor"),
    )
    remedy_date = forms.DateField(
        label=_("When it was, or will be, provided"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class DisclosureForm(forms.Form):
    recipient = forms.TypedChoiceField(label=_("Who needs to know"), coerce=int)
    reason = forms.CharField(
        label=_("Why they need to know"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: object, member_choices: list[tuple[int, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form.__init__ takes typed arguments; these are passed through unchanged
        self.fields["recipient"].choices = member_choices  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field


class TargetsForm(forms.Form):
    acknowledge_days = forms.IntegerField(
        label=_("Acknowledge within (days)"), min_value=1, max_value=365
    )
    review_days = forms.IntegerField(
        label=_("Start the review within (days)"), min_value=1, max_value=365
    )
    remedy_days = forms.IntegerField(
        label=_("Propose an outcome within (days)"), min_value=1, max_value=365
    )
    appeal_days = forms.IntegerField(
        label=_("Decide an appeal within (days)"), min_value=1, max_value=365
    )
