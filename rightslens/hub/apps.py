from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "rightslens.hub"
    label = "hub"
