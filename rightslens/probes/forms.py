from __future__ import annotations

from django import forms

from rightslens.core.probes.suites import suite_ids


class ProbeRunForm(forms.Form):
    suite_id = forms.ChoiceField(label="Suite", choices=[])
    languages = forms.CharField(
        initial="en,sw,yo,ha,am,bn,id,fr,es,ar",
        help_text="Comma-separated codes; the first is the reference language.",
    )
    endpoint_url = forms.CharField(
        label="Endpoint",
        help_text="Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1",
    )
    model_name = forms.CharField(label="Model", max_length=200)
    model_label = forms.CharField(
        label="Name in shared reports",
        required=False,
        max_length=200,
        help_text="Shown instead of the model's name when results are shared outside.",
    )
    api_key = forms.CharField(
        label="API key",
        required=False,
        widget=forms.PasswordInput,
        help_text="Stored encrypted; never shown again and never exported.",
    )
    concurrency = forms.IntegerField(min_value=1, max_value=64, initial=8)
    requests_per_minute = forms.IntegerField(min_value=0, initial=0, help_text="0: no limit.")
    price_in = forms.FloatField(min_value=0, initial=0, label="Price per 1,000 prompt tokens")
    price_out = forms.FloatField(min_value=0, initial=0, label="Price per 1,000 completion tokens")
    keep_answers = forms.BooleanField(
        required=False, help_text="Keep the model's answers (they may contain harmful text)."
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["suite_id"].choices = [(s, s) for s in suite_ids()]  # type: ignore[attr-defined]


class RecordForm(forms.Form):
    indicator = forms.ChoiceField(label="GP 20 indicator")

    def __init__(self, *args: object, indicators: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["indicator"].choices = indicators  # type: ignore[attr-defined]
