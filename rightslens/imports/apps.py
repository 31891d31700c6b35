from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Bulk import of an existing AI system inventory and impact register from CSV or XLSX."""

    name = "rightslens.imports"
    label = "imports"
