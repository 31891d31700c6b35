"""Setting a form field's choices or queryset at run time, typed (Django's `Field` has neither)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.db.models import QuerySet


def set_choices(form: forms.BaseForm, name: str, choices: Iterable[Any]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def set_queryset(form: forms.BaseForm, name: str, queryset: QuerySet[Any, Any]) -> None:
    cast(forms.ModelChoiceField, form.fields[name]).queryset = queryset  # type: ignore[type-arg]  # the stubs' generic ModelChoiceField
