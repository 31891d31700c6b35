from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "rightslens.engagement"
    label = "engagement"
