from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "rightslens.assessments"
    label = "assessments"
    verbose_name = "Assessments and the register"
