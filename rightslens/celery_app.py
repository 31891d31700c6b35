"""Celery application: used when RIGHTSLENS_BROKER_URL points at Redis (production scale)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightslens.settings")

app = Celery("rightslens")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["rightslens.jobs"])
