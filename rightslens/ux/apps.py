from django.apps import AppConfig


class UxConfig(AppConfig):
    """Shared presentation: readable labels, one date and number format per language."""

    name = "rightslens.ux"
    label = "ux"

    def ready(self) -> None:
        from rightslens.ux import knowledge_titles, wording

        wording.title_lookup = knowledge_titles.translated_title
