from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "rightslens.assessments"
    label = "assessments"
    verbose_name = "Assessments and the register"

    def ready(self) -> None:
        from django.core import checks

        from rightslens.common.knowledge import knowledge_check

        from . import reminders  # noqa: F401  (registers the "cycle.reminders" job)

        checks.register(knowledge_check)
