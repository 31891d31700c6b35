"""Finding each app's optional modules (`api`, `testing`, `demo`, job modules) in one place.

Apps are RightsLens's INSTALLED_APPS, in their order (which is also the order apps depend on one
another: the demo loads in it). A module an app does not have is skipped; an import error inside
a module that exists is raised, never hidden.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.conf import settings


def rightslens_apps() -> list[str]:
    return [a for a in settings.INSTALLED_APPS if a.startswith("rightslens.")]


def import_optional(name: str) -> ModuleType | None:
    """The module, or None when it does not exist (an import error inside it is raised)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def app_modules(module: str) -> Iterator[tuple[str, ModuleType]]:
    """(app label, `<app>.<module>`) for every RightsLens app that has that module."""
    for app in rightslens_apps():
        if (found := import_optional(f"{app}.{module}")) is not None:
            yield app.rsplit(".", 1)[1], found
