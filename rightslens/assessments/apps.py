from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "rightslens.assessments"
    label = "assessments"
    verbose_name = "Assessments and the register"

    def ready(self) -> None:
        from . import reminders  # noqa: F401  (registers the "cycle.reminders" job)
