from __future__ import annotations

from typing import Any

import pytest

from rightslens.common.knowledge import use_knowledge
from tests.foundation.knowledge_fixture import fixture_knowledge


@pytest.fixture(autouse=True)
def kb() -> Any:
    """Every foundation test sees the same small knowledge base, whatever the shipped libraries hold.

    Served through the app's own test hook, not by patching the `knowledge` function: a module
    first imported during a patched test would keep the patched function for the rest of the run.
    """
    knowledge = fixture_knowledge()
    use_knowledge(knowledge)
    yield knowledge
    use_knowledge(None)
