from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def remedy_forms_check(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """Django system check: the forms of remedy people choose from are exactly the knowledge
    base's `remedy_form` items (the app refuses to start otherwise; there is no fallback)."""
    from django.core import checks

    from rightslens.common.knowledge import knowledge
    from rightslens.core.grievance import RemedyForm

    from .models import REMEDY_FORM_WORDS

    offered = {item.id for item in knowledge().by_type("remedy_form")}
    declared = {form.value for form in RemedyForm}
    problems = []
    if offered != declared:
        problems.append(
            "The forms of remedy in rightslens.core.grievance.RemedyForm "
            f"({sorted(declared)}) differ from the knowledge base's remedy_form items "
            f"({sorted(offered)})."
        )
    if missing := declared - {form.value for form in REMEDY_FORM_WORDS}:
        problems.append(f"No words for these forms of remedy: {sorted(missing)}.")
    return [
        checks.Error(
            p, hint="Keep the enum, the words and the library in step.", id="rightslens.E002"
        )
        for p in problems
    ]


class GrievancesConfig(AppConfig):
    name = "rightslens.grievances"
    label = "grievances"

    def ready(self) -> None:
        from django.core import checks

        checks.register(remedy_forms_check)
