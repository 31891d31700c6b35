"""A small client for OpenAI-compatible chat endpoints (POST {base}/chat/completions), stdlib only.

Retries transient failures (connection errors, 5xx, 429) with exponential back-off; a 429's
Retry-After is honoured and shared with every worker through the rate limiter, which also keeps
the configured requests per minute.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class EndpointError(RuntimeError):
    """A failure that retrying will not fix (bad URL, 4xx other than 429, malformed answer)."""


class Transient(RuntimeError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Reply:
    text: str
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class EndpointSettings:
    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 60.0
    max_tokens: int = 400
    temperature: float = 0.0


class RateLimiter:
    """At most `per_minute` starts per minute (0 = unlimited), and a shared pause after a 429."""

    def __init__(
        self,
        per_minute: float = 0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def chat_once(settings: EndpointSettings, prompt: str) -> Reply:
    body = json.dumps(
        {
            "model": settings.model,
            "temperature": settings.temperature,
            "max_tokens": settings.max_tokens,
            "messages": [{"role": "user", "content": prompt}],
        }
    ).encode()
    headers = {"Content-Type": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    url = settings.base_url.rstrip("/") + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        raise EndpointError(f"the endpoint must be an http(s) URL, not '{settings.base_url}'")
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:  # noqa: S310
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        if exc.code == 429 or exc.code >= 500:
            raise Transient(
                f"HTTP {exc.code}", _retry_after(exc.headers.get("Retry-After"))
            ) from exc
        raise EndpointError(f"HTTP {exc.code} from the endpoint") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        raise Transient(f"connection failed: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise EndpointError("the endpoint did not answer with JSON") from exc
    return _reply(payload)


def _reply(payload: Any) -> Reply:
    try:
        text = payload["choices"][0]["message"].get("content") or ""
        usage = payload.get("usage") or {}
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise EndpointError("the answer has no choices[0].message") from exc
    return Reply(
        str(text), int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    )


def chat(
    settings: EndpointSettings,
    prompt: str,
    limiter: RateLimiter,
    *,
    retries: int = 4,
    backoff: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> Reply:
    """One completion, retried on transient failures with back-off 0.5 s, 1 s, 2 s, ..."""
    for attempt in range(retries + 1):
        limiter.wait()
        try:
            return chat_once(settings, prompt)
        except Transient as exc:
            if attempt == retries:
                raise EndpointError(f"gave up after {retries + 1} attempts: {exc}") from exc
            delay = exc.retry_after if exc.retry_after is not None else backoff * 2**attempt
            if exc.retry_after is not None:
                limiter.pause(delay)
            sleep(delay)
    raise AssertionError("unreachable")
