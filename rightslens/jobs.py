"""Background work. In-process by default (embedded use); Celery + Redis when a broker is set.

Register a function with ``@job`` and start it with ``enqueue(name, **kwargs)``. Arguments must be
JSON-serialisable (ids, not objects) so the same call works through a broker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings

log = logging.getLogger("rightslens.jobs")
_REGISTRY: dict[str, Callable[..., Any]] = {}


def job(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY[name] = func
        return func

    return register


@__import__("celery").shared_task(name="rightslens.run_job")
def run_job(name: str, kwargs: dict[str, Any]) -> Any:
    return _REGISTRY[name](**kwargs)


def uses_broker() -> bool:
    return bool(settings.CELERY_BROKER_URL)


def enqueue(name: str, **kwargs: Any) -> Any:
    """Run the job through Celery if a broker is configured, otherwise now, in this process."""
    if name not in _REGISTRY:
        raise KeyError(f"Unknown job {name!r}")
    if uses_broker():
        from rightslens.celery_app import app  # noqa: F401  (binds shared tasks to the app)

        log.info("job %s sent to broker", name)
        return run_job.delay(name, kwargs)
    log.info("job %s running in process", name)
    return _REGISTRY[name](**kwargs)
