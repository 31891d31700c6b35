"""Frozen objects for loaded knowledge. Items carry their type-specific fields in `fields`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
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
    # Kept so assessments that cite it still resolve; no longer offered for new work.
    deprecated: bool = False
    replaced_by: str = ""
    line: int = field(default=0, compare=False)
    # {language code: {"title": ..., "summary": ...}}: optional translations of the title and of
    # the item's own text fields.
    translations: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def title_in(self, language: str | None) -> str:
        """The title in `language` ('fr', 'zh-hans', or 'pt-br' falling back to 'pt'); else English."""
        code = (language or "").lower()
        for candidate in (code, code.split("-")[0]):
            translated = self.translations.get(candidate, {}).get("title")
            if translated:
                return str(translated)
        return self.title

    def text_in(self, name: str, language: str | None) -> Any:
        """A field (or the title) in `language` where the library translates it; else as written."""
        code = (language or "").lower()
        for candidate in (code, code.split("-")[0]):
            translated = self.translations.get(candidate, {}).get(name)
            if translated:
                return str(translated)
        return self.title if name == "title" else self.fields.get(name)

    def fields_in(self, language: str | None) -> Mapping[str, Any]:
        """The item's fields with their text translated into `language` where it can be."""
        return {name: self.text_in(name, language) for name in self.fields}

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def ref_fields(self) -> tuple[tuple[str, str], ...]:
        """(field name, id) for every reference, including those nested in lists of mappings."""
        found: list[tuple[str, str]] = list(_refs_in(self.fields))
        if self.replaced_by:
            found.append(("replaced_by", self.replaced_by))
        return tuple(found)

    def refs(self) -> tuple[str, ...]:
        """Ids this item points to (fields named *_ref or *_refs, at any depth)."""
        return tuple(ref for _, ref in self.ref_fields())

    def text(self) -> str:
        """All the prose of the item (title and every string field), for full-text search."""
        return " ".join([self.title, *_strings_in(self.fields)])

    def sentences(self) -> list[str]:
        """The item's string fields that are prose rather than one-word vocabulary values."""
        return [s for s in _strings_in(self.fields) if " " in s.strip()]

    def sentences_in(self, language: str | None) -> list[str]:
        """The item's prose fields that the library translates into `language`, in that language
        (in the order of the fields); empty where it translates none."""
        code = (language or "").lower()
        for candidate in (code, code.split("-")[0]):
            translated = self.translations.get(candidate, {})
            found = [
                str(translated[name])
                for name in self.fields
                if translated.get(name) and " " in str(translated[name]).strip()
            ]
            if found:
                return found
        return []


def _refs_in(value: Any) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(value, Mapping):
        for name, inner in value.items():
            if name.endswith("_ref") and isinstance(inner, str):
                found.append((name, inner))
            elif name.endswith("_refs") and isinstance(inner, list | tuple):
                found.extend((name, str(v)) for v in inner)
            else:
                found.extend(_refs_in(inner))
    elif isinstance(value, list | tuple):
        for inner in value:
            found.extend(_refs_in(inner))
    return found


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [
            s
            for name, inner in value.items()
            if not str(name).endswith(("_ref", "_refs"))
            for s in _strings_in(inner)
        ]
    if isinstance(value, list | tuple):
        return [s for inner in value for s in _strings_in(inner)]
    return []


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
    path: str = field(
        default="", compare=False
    )  # the same content read from elsewhere is the same library


@dataclass(frozen=True)
class KnowledgeBase:
    libraries: Mapping[str, Library]
    items: Mapping[str, Item]

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def by_type(self, item_type: str) -> list[Item]:
        return [i for i in self.items.values() if i.type == item_type]

    def offered(self, item_type: str) -> list[Item]:
        """Items of a type that new work may choose (deprecated ones only resolve old references)."""
        return [i for i in self.items.values() if i.type == item_type and not i.deprecated]

    def linked_from(self, item_id: str) -> list[Item]:
        """Items that reference the given id."""
        return list(self._backlinks.get(item_id, ()))

    @cached_property
    def _backlinks(self) -> dict[str, tuple[Item, ...]]:
        index: dict[str, list[Item]] = {}
        for item in self.items.values():
            for ref in dict.fromkeys(item.refs()):
                index.setdefault(ref, []).append(item)
        return {ref: tuple(items) for ref, items in index.items()}

    def types(self) -> list[str]:
        return sorted({i.type for i in self.items.values()})

    def missing(self, item_ids: Iterable[str]) -> list[str]:
        """The ids among `item_ids` that this knowledge base cannot resolve (for stored references)."""
        return [i for i in item_ids if i not in self.items]
