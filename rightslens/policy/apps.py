from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "rightslens.policy"
    label = "policy"

    def ready(self) -> None:
        from . import services  # noqa: F401  (registers the "policy.analyse" background job)
