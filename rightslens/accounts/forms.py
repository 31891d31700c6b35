from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.text import slugify
from django.utils.translation import pgettext, pgettext_lazy

from .models import Organisation, OrganisationKind


class SignupForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, min_length=10)
    organisation_name = forms.CharField(max_length=200)
    organisation_kind = forms.ChoiceField(choices=OrganisationKind.choices)

    def clean_email(self) -> str:
        # Never say whether the address has an account: signup.py answers every address alike.
        return str(self.cleaned_data["email"]).lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password, email = cleaned.get("password"), cleaned.get("email")
        if password:
            candidate = get_user_model()(username=email or "", email=email or "")
            try:
                validate_password(password, user=candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    def clean_organisation_name(self) -> str:
        name: str = self.cleaned_data["organisation_name"].strip()
        if not slugify(name):
            raise forms.ValidationError(
                pgettext("staff", "Use at least one letter or digit in the name.")
            )
        return name


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label=pgettext_lazy("staff", "Name"),
        help_text=pgettext_lazy("staff", "What the token is for, e.g. 'CI pipeline'."),
    )
    access = forms.ChoiceField(
        label=pgettext_lazy("staff", "Access"),
        choices=[
            ("read", pgettext_lazy("staff", "Read only")),
            ("write", pgettext_lazy("staff", "Read and write")),
        ],
        initial="read",
        help_text=pgettext_lazy("staff", "A token works for this organisation only."),
    )
    days = forms.TypedChoiceField(
        label=pgettext_lazy("staff", "Expires after"),
        choices=[
            (30, pgettext_lazy("staff", "30 days")),
            (90, pgettext_lazy("staff", "90 days")),
            (365, pgettext_lazy("staff", "1 year")),
        ],
        coerce=int,
        initial=90,
    )


def unique_org_slug(name: str) -> str:
    base = slugify(name)[:50] or "org"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def form_errors(form: forms.Form) -> dict[str, Any]:
    return {field: [str(e) for e in errs] for field, errs in form.errors.items()}
