from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "rightslens.ops"
    label = "ops"
