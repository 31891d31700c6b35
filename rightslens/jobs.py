"""Background work. In-process by default (embedded use); Celery + Redis when a broker is set.

Register a function with ``@job("name")`` in an app's ``jobs.py`` (or ``services.py``) and start it
with ``enqueue("name", **kwargs)``. Arguments must be JSON-serialisable (ids, not objects) so the
same call works through a broker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from celery import shared_task
from django.conf import settings

log = logging.getLogger("rightslens.jobs")
_REGISTRY: dict[str, Callable[..., Any]] = {}
_JOB_MODULES = ("jobs", "services")


def job(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY[name] = func
        return func

    return register


def discover() -> None:
    """Import every app's job modules so a worker process knows all registered jobs."""
    from rightslens.common.discovery import app_modules

    for module in _JOB_MODULES:
        list(app_modules(module))


def _lookup(name: str) -> Callable[..., Any]:
    if name not in _REGISTRY:
        discover()
    if name not in _REGISTRY:
        raise KeyError(f"Unknown job {name!r}")
    return _REGISTRY[name]


@shared_task(name="rightslens.run_job")  # type: ignore[untyped-decorator]  # celery ships no type hints
def run_job(name: str, kwargs: dict[str, Any]) -> Any:
    return _lookup(name)(**kwargs)


def uses_broker() -> bool:
    return bool(settings.CELERY_BROKER_URL)


def enqueue(name: str, **kwargs: Any) -> Any:
    """Run the job through Celery if a broker is configured, otherwise now, in this process."""
    func = _lookup(name)
    if uses_broker():
        from rightslens.celery_app import app

        log.info("job %s sent to broker", name)
        return app.send_task("rightslens.run_job", args=[name, kwargs])
    log.info("job %s running in process", name)
    return func(**kwargs)
