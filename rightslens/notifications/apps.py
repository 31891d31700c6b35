from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "rightslens.notifications"
    label = "notifications"
    verbose_name = "Notifications and tasks"
