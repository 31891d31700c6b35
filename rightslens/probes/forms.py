from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rightslens.core.probes.suites import suite_ids


class ProbeRunForm(forms.Form):
    suite_id = forms.ChoiceField(label=_("Suite"), choices=[])
    languages = forms.CharField(
        label=_("Languages"),
        initial="en,sw,yo,ha,am,bn,id,fr,es,ar",
        help_text=_("Comma-separated codes; the first is the reference language."),
    )
    endpoint_url = forms.CharField(
        label=_("Endpoint"),
        help_text=_("Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1"),
    )
    model_name = forms.CharField(label=_("Model"), max_length=200)
    model_label = forms.CharField(
        label=_("Name in shared reports"),
        required=False,
        max_length=200,
        help_text=_("Shown instead of the model's name when results are shared outside."),
    )
    api_key = forms.CharField(
        label=_("API key"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("Stored encrypted; never shown again and never exported."),
    )
    concurrency = forms.IntegerField(min_value=1, max_value=64, initial=8)
    requests_per_minute = forms.IntegerField(min_value=0, initial=0, help_text=_("0: no limit."))
    price_in = forms.FloatField(min_value=0, initial=0, label=_("Price per 1,000 prompt tokens"))
    price_out = forms.FloatField(
        min_value=0, initial=0, label=_("Price per 1,000 completion tokens")
    )
    keep_answers = forms.BooleanField(
        required=False, help_text=_("Keep the model's answers (they may contain harmful text).")
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["suite_id"].choices = [(s, s) for s in suite_ids()]  # type: ignore[attr-defined]


class RecordForm(forms.Form):
    indicator = forms.ChoiceField(label=_("GP 20 indicator"))

    def __init__(self, *args: object, indicators: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["indicator"].choices = indicators  # type: ignore[attr-defined]
