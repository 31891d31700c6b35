"""Frozen objects for loaded knowledge. Items carry their type-specific fields in `fields`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    date: str


@dataclass(frozen=True)
class Citation:
    source: Source
    locator: str
    url: str

    def label(self) -> str:
        return f"{self.source.title}, {self.locator}"


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    library: str
    title: str
    citations: tuple[Citation, ...]
    unverified: bool = False
    unverified_reason: str = ""
    fields: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def refs(self) -> tuple[str, ...]:
        """Ids this item points to (fields named *_ref or *_refs)."""
        found: list[str] = []
        for name, value in self.fields.items():
            if name.endswith("_ref") and isinstance(value, str):
                found.append(value)
            elif name.endswith("_refs") and isinstance(value, list | tuple):
                found.extend(str(v) for v in value)
        return tuple(found)


@dataclass(frozen=True)
class Library:
    id: str
    version: int
    locale: str
    title: str
    publisher: str
    description: str
    sources: tuple[Source, ...]
    items: tuple[Item, ...]
    path: str = ""


@dataclass(frozen=True)
class KnowledgeBase:
    libraries: Mapping[str, Library]
    items: Mapping[str, Item]

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def by_type(self, item_type: str) -> list[Item]:
        return [i for i in self.items.values() if i.type == item_type]

    def linked_from(self, item_id: str) -> list[Item]:
        """Items that reference the given id."""
        return [i for i in self.items.values() if item_id in i.refs()]

    def types(self) -> list[str]:
        return sorted({i.type for i in self.items.values()})
