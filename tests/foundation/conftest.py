from __future__ import annotations

from typing import Any

import pytest

from tests.foundation.knowledge_fixture import fixture_knowledge


@pytest.fixture(autouse=True)
def kb(monkeypatch: Any) -> Any:
    """Every foundation test sees the same small knowledge base, whatever the shipped libraries hold."""
    knowledge = fixture_knowledge()
    monkeypatch.setattr("rightslens.common.knowledge.knowledge", lambda: knowledge)
    return knowledge
