"""Structured logs: one JSON object per line, with no personal data.

The app already logs only ids and states (never grievance text, names or contacts). This
formatter adds a last line of defence: e-mail addresses and query strings are masked, since a
message from Django or a library may quote a URL or an address. No IP address is ever logged:
gunicorn's access log stays off (see docs/deploy.md).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
QUERY = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def scrub(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = QUERY.sub(r"\1?[query]", text)
    return IPV4.sub("[ip]", text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        if record.exc_info:
            # Code lines only (no local variables), masked like the message.
            entry["exception"] = scrub(self.formatException(record.exc_info))
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        return json.dumps(entry, ensure_ascii=False)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is when a record is emitted, not when logging was set up.

    A handler that keeps the stream it was given writes to a closed file once that stream is
    swapped out (a test runner's capture, a daemon that re-opens its output).
    """

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:  # the base class assigns it; the live one is always read
        pass
