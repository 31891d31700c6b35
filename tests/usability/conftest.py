import pytest
from django.core.cache import cache

from rightslens.hub.knowledge import use_knowledge


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _shipped_knowledge():
    use_knowledge(None)  # right titles and their translations come from the shipped catalogue
    yield
    use_knowledge(None)
