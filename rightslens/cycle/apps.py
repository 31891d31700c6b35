from django.apps import AppConfig


class CycleConfig(AppConfig):
    name = "rightslens.cycle"
    label = "cycle"

    def ready(self) -> None:
        from . import reminders  # noqa: F401  (registers the "cycle.reminders" job)
