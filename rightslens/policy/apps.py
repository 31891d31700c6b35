from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "rightslens.policy"
    label = "policy"
