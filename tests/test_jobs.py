"""Background jobs: in-process by default, and through a real Redis broker and Celery worker."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from rightslens import jobs

REDIS = ("127.0.0.1", 6379)


def test_it_runs_jobs_in_process_without_a_broker(settings):
    settings.CELERY_BROKER_URL = ""
    assert jobs.enqueue("health.echo", value="in-process") == "in-process"


def test_it_refuses_unknown_jobs(settings):
    settings.CELERY_BROKER_URL = ""
    with pytest.raises(KeyError, match="Unknown job"):
        jobs.enqueue("no.such.job")


def _redis_up() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="Redis is not listening on 127.0.0.1:6379")
def test_it_runs_jobs_on_a_celery_worker_through_redis(settings):
    broker = "redis://127.0.0.1:6379/14"
    env = {**os.environ, "RIGHTSLENS_BROKER_URL": broker, "RIGHTSLENS_RESULT_BACKEND": broker}
    root = Path(__file__).resolve().parent.parent
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "rightslens.celery_app",
            "worker",
            "-P",
            "solo",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
            "-l",
            "warning",
        ],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        settings.CELERY_BROKER_URL = broker
        from rightslens.celery_app import app

        app.conf.broker_url = broker
        app.conf.result_backend = broker
        result = jobs.enqueue("health.echo", value="through-redis")
        assert result.get(timeout=60) == "through-redis"
    finally:
        worker.terminate()
        worker.wait(timeout=20)
