"""Shared fixtures of the core's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightslens.core.knowledge import load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"


@pytest.fixture(scope="session")
def red_line_items():
    """The shipped red lines and their elements, loaded once (items are frozen)."""
    kb = load_directory(KNOWLEDGE)
    return [i for i in kb.items.values() if i.type in ("red_line", "red_line_element")]
