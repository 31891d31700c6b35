from django.apps import AppConfig


class UxConfig(AppConfig):
    """Shared presentation: readable labels, one date and number format per language."""

    name = "rightslens.ux"
    label = "ux"
