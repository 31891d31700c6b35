from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from .models import Organisation, OrganisationKind


class SignupForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, min_length=10)
    organisation_name = forms.CharField(max_length=200)
    organisation_kind = forms.ChoiceField(choices=OrganisationKind.choices)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(username=email).exists():
            raise forms.ValidationError(
                "An account with this email already exists. Log in instead."
            )
        return str(email)

    def clean_organisation_name(self) -> str:
        name = self.cleaned_data["organisation_name"].strip()
        if not slugify(name):
            raise forms.ValidationError("Use at least one letter or digit in the name.")
        return str(name)


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What the token is for, e.g. 'CI pipeline'.")


def unique_org_slug(name: str) -> str:
    base = slugify(name)[:50] or "org"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def form_errors(form: forms.Form) -> dict[str, Any]:
    return {field: [str(e) for e in errs] for field, errs in form.errors.items()}
