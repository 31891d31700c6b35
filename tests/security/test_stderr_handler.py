"""The console log handler writes to the live stderr, so a swapped stream never breaks logging."""

from __future__ import annotations

import io
import logging
import sys

from rightslens.ops.logs import StderrHandler


def test_a_record_goes_to_the_stderr_of_the_moment(monkeypatch):
    handler = StderrHandler()
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    handler.emit(logging.makeLogRecord({"msg": "one"}))
    first.close()  # what a test runner does to its capture between tests
    monkeypatch.setattr(sys, "stderr", second)
    handler.emit(logging.makeLogRecord({"msg": "two"}))
    assert second.getvalue() == "two\n"
