"""Liveness (/healthz) and readiness (/readyz) for load balancers and orchestrators.

Both answer small JSON, are never cached, and are exempt from the HTTPS redirect so that a probe
inside the container can use plain HTTP. Readiness checks the database, the cache and, when one
is configured, the Celery broker; it names what failed, never how (no connection strings).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests."""
    return JsonResponse({"status": "ok"})


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key, value = "rightslens:readyz", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("cache did not return what was stored")


def _broker() -> None:
    from kombu.connection import Connection

    broker = Connection(settings.CELERY_BROKER_URL, connect_timeout=2)  # type: ignore[no-untyped-call]  # kombu: py.typed, __init__ unannotated
    with broker as conn:
        conn.ensure_connection(max_retries=1)


def _checks() -> dict[str, Callable[[], None]]:
    checks = {"database": _database, "cache": _cache}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _broker
    return checks


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: every dependency answers."""
    results = {}
    for name, check in _checks().items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
            log.warning("readiness check %s failed: %s", name, type(exc).__name__)
            results[name] = "failed"
    ready = all(state == "ok" for state in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )
