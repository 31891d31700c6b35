"""Fixtures shared by the core's red-line screening tests."""

import pytest


@pytest.fixture(scope="module")
def items(red_line_items):
    """The shipped red lines and their elements (the root conftest loads them once)."""
    return red_line_items
