"""Without the knowledge it builds choice lists from, the app refuses to start (no fallbacks)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from rightslens.common import knowledge as knowledge_access


class _WithoutLeverage:
    """The shipped knowledge base, less every leverage kind."""

    def __init__(self, real):
        self.real = real

    def offered(self, item_type):
        return [] if item_type == "leverage_kind" else self.real.offered(item_type)

    def __getattr__(self, name):  # everything else as shipped (other start checks read it too)
        return getattr(self.real, name)


def test_the_shipped_knowledge_passes_the_start_check():
    assert knowledge_access.knowledge_problems() == []
    call_command("check")


def test_missing_knowledge_stops_the_start_check_and_names_what_is_missing():
    without = _WithoutLeverage(knowledge_access.knowledge())
    knowledge_access.use_knowledge(without)  # the app's test hook: nothing keeps it after the test
    try:
        problems = knowledge_access.knowledge_problems()
        assert problems == [
            "The knowledge base offers no 'leverage_kind' items; the app needs them."
        ]
        with pytest.raises(SystemCheckError, match="leverage_kind"):
            call_command("check")
    finally:
        knowledge_access.use_knowledge(None)
