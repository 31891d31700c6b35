from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "rightslens.grievances"
    label = "grievances"
