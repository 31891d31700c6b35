"""What a person should never have to read: raw ids, enum names, empty-choice placeholders."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re

from django.apps import apps
from django.db import models

import rightslens.core
from rightslens.hub.knowledge import knowledge

PLACEHOLDER = "---------"


def knowledge_ids() -> set[str]:
    return set(knowledge().items)


def _core_enums() -> list[type[enum.Enum]]:
    found = []
    for info in pkgutil.walk_packages(rightslens.core.__path__, "rightslens.core."):
        module = importlib.import_module(info.name)
        found += [
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, enum.Enum) and v.__module__ == module.__name__
        ]
    return found


def enum_values() -> set[str]:
    """Stored values of every enum and choice field: what leaks when a label is not looked up."""
    values = {str(m.value) for e in _core_enums() for m in e if isinstance(m.value, str)}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for choice in getattr(field, "choices", None) or ():
                if isinstance(choice[0], str):
                    values.add(choice[0])
    return {v for v in values if re.fullmatch(r"[a-z0-9]+(?:[_-][a-z0-9]+)+", v)}


# Words that a plain capitalize() spoils: "Other ai", "Latin america caribbean".
SPOILED = {"ai", "api", "un", "eu", "oecd", "ilo", "ngo", "llm", "cv", "america", "africa", "asia"}
SPOILED |= {"europe", "caribbean", "pacific", "latin"}


def enum_looking(values: set[str]) -> dict[str, str]:
    """'other_ai' -> 'Other ai': labels invented from a raw value that spoil acronyms or places."""
    invented = {}
    for v in values:
        words = v.replace("-", "_").split("_")
        if any(w in SPOILED for w in words[1:]) or words[0] in SPOILED - {"latin"}:
            invented[" ".join(words).capitalize()] = v
    return invented


# Help text that tells people which keys to type is meant to show them.
TYPED_KEYS = ("One line each:",)


def problems(
    texts: list[str], ids: set[str], values: set[str], invented: dict[str, str]
) -> list[str]:
    found = []
    for text in texts:
        if text.startswith(TYPED_KEYS):
            continue
        if PLACEHOLDER in text:
            found.append(f"placeholder {text!r}")
        for word in re.findall(r"[a-z0-9]+(?:[_-][a-z0-9]+)+", text):
            if word in ids or word in values:
                found.append(f"raw code {word!r} in {text[:80]!r}")
        for name in invented:
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                found.append(f"enum name {name!r} in {text[:80]!r}")
    return found


_LABELS: set[str] = set()


def _labels() -> set[str]:
    """Labels people are meant to read (so 'Closed' from value 'closed' is fine)."""
    if not _LABELS:
        for model in apps.get_models():
            for field in model._meta.get_fields():
                for choice in getattr(field, "choices", None) or ():
                    _LABELS.add(str(choice[1]))
        _LABELS.update(item.title for item in knowledge().items.values())
        for e in _core_enums():
            _LABELS.update(str(getattr(m, "label", "")) for m in e)
    return _LABELS


__all__ = ["models", "knowledge_ids", "enum_values", "enum_looking", "problems"]
