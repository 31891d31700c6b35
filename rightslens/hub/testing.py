"""Tenancy fixtures for the hub. The hub is public and has no organisation-scoped URLs."""

from __future__ import annotations

from typing import Any


def tenancy_objects(organisation: Any, user: Any) -> dict[str, int]:
    return {}
