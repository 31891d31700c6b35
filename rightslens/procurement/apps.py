from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "rightslens.procurement"
    label = "procurement"
