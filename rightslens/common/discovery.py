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


def app_modules(module: str) -> Iterator[tuple[str, ModuleType]]:
    """(app label, `<app>.<module>`) for every RightsLens app that has that module."""
    for app in rightslens_apps():
        name = f"{app}.{module}"
        try:
            found = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        yield app.rsplit(".", 1)[1], found
