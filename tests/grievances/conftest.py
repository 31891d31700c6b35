import pytest
from django.core.cache import cache

from rightslens.common.knowledge import use_knowledge


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _shipped_knowledge():
    use_knowledge(None)  # triage checks rights against the real catalogue, whatever ran before
    yield
    use_knowledge(None)
