"""Celery application: used when RIGHTSLENS_BROKER_URL points at Redis (production scale).

Start a worker with `make worker` (or `celery -A rightslens.celery_app worker`).
"""

import os

import django
from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightslens.settings")
django.setup()

app = Celery("rightslens")
app.config_from_object("django.conf:settings", namespace="CELERY")

import rightslens.jobs  # noqa: E402  (registers the run_job task with this app)

rightslens.jobs.discover()
