from django.apps import AppConfig


class CycleConfig(AppConfig):
    name = "rightslens.cycle"
    label = "cycle"
