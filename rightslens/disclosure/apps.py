from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "rightslens.disclosure"
    label = "disclosure"
    verbose_name = "Regulatory outputs: FRIA, ESRS S4, transparency"
