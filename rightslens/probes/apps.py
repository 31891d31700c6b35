from django.apps import AppConfig


class ProbesConfig(AppConfig):
    name = "rightslens.probes"
    label = "probes"
    verbose_name = "Differential effectiveness probes"

    def ready(self) -> None:
        from . import services  # noqa: F401  (registers the "probes.run" background job)
