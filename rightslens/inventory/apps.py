from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "rightslens.inventory"
    label = "inventory"
    verbose_name = "AI system inventory"
