from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search across the organisation's own records, and saved filters on its lists."""

    name = "rightslens.search"
    label = "search"
