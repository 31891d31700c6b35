from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rightslens.api"
    label = "api"
