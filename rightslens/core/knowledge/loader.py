"""Load and validate knowledge libraries.

File format (one library per YAML file)::

    library:
      id: ungps                 # stable id, lower-case
      version: 3                # integer; a lower or equal version never replaces a higher one
      locale: en
      title: ...
      publisher: RightsLens contributors
      description: ...
      sources:                  # documents the items cite
        - {id: ungp-2011, title: ..., publisher: OHCHR, url: https://..., date: "2011-06-16"}
    items:
      - type: principle         # decides which schema checks the item (see schemas.py)
        id: ungp-1              # unique across all libraries
        title: ...
        citations: [{source: ungp-2011, locator: "Principle 1 and commentary"}]
        unverified: false       # true when not checked against a primary source ...
        unverified_reason: ""   # ... and then say why
        deprecated: false       # see "Upgrades" below
        translations:           # optional: the title, text fields and unverified_reason in other languages
          fr: {title: ..., summary: ...}
        ...                     # type-specific fields; *_ref / *_refs fields are cross-references

Upgrades: a new version of a library must raise `version`, and must keep every item id the loaded
version had, because assessments store those ids (an impact's rights and risk category). An item
that should no longer be used stays in the file with `deprecated: true` (and optionally
`replaced_by: <id>`); the hub labels it and forms stop offering it, but stored references still
resolve. Removing an id, or changing an id's type, is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .model import Citation, Item, KnowledgeBase, Library, Source
from .schemas import ID_PATTERN, REF_TARGETS, field_problem

_BASE_ITEM_KEYS = {
    "type",
    "id",
    "title",
    "citations",
    "unverified",
    "unverified_reason",
    "deprecated",
    "replaced_by",
    "translations",
}
_ID = re.compile(ID_PATTERN)
_LINE_KEYS = {"__line__", "__lines__"}


class LibraryError(ValueError):
    """A library file is malformed or inconsistent. Says which file, line, object and why."""

    def __init__(
        self, path: str, reason: str, *, item_id: str = "", line: int | None = None
    ) -> None:
        self.path, self.reason, self.item_id, self.line = path, reason, item_id, line
        where = path + (f":{line}" if line else "") + (f" [{item_id}]" if item_id else "")
        super().__init__(f"{where}: {reason}")


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping so errors can point into the file."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {
        str(k): v for k, v in loader.construct_mapping(node, deep=True).items()
    }
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in _LINE_KEYS}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _require(raw: Mapping[str, Any], key: str, kind: type, path: str, item_id: str = "") -> Any:
    value = raw.get(key)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise LibraryError(
            path,
            f"'{key}' must be a non-empty {kind.__name__}",
            item_id=item_id,
            line=raw.get("__line__"),
        )
    return value


def _source(raw: Mapping[str, Any], path: str) -> Source:
    fields = {k: str(_require(raw, k, str, path)) for k in ("id", "title", "publisher", "url")}
    date = raw.get("date")
    if date is None:
        raise LibraryError(path, f"source '{fields['id']}' needs a date", line=raw.get("__line__"))
    return Source(date=str(date), **fields)


def _citations(
    raw: Mapping[str, Any], sources: Mapping[str, Source], path: str, item_id: str
) -> tuple[Citation, ...]:
    entries = raw.get("citations")
    if not isinstance(entries, list) or not entries:
        raise LibraryError(
            path,
            "every item needs at least one citation",
            item_id=item_id,
            line=raw.get("__line__"),
        )
    result = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise LibraryError(
                path,
                "each citation must be a mapping {source, locator}",
                item_id=item_id,
                line=raw.get("__line__"),
            )
        source_id = str(entry.get("source"))
        if source_id not in sources:
            raise LibraryError(
                path,
                f"citation names unknown source {source_id!r}",
                item_id=item_id,
                line=entry.get("__line__"),
            )
        locator = str(entry.get("locator", "")).strip()
        if not locator:
            raise LibraryError(
                path,
                "citation needs a locator (section, article or paragraph)",
                item_id=item_id,
                line=entry.get("__line__"),
            )
        result.append(
            Citation(sources[source_id], locator, str(entry.get("url") or sources[source_id].url))
        )
    return tuple(result)


def _line_of(raw: dict[str, Any], loc: tuple[str | int, ...]) -> int | None:
    """The line of the most precise part of `raw` that `loc` (a pydantic error location) reaches."""
    line: int | None = raw.get("__line__")
    node: Any = raw
    for part in loc:
        if isinstance(node, dict) and part in node.get("__lines__", {}):
            line, node = node["__lines__"][part], node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = node.get("__line__", line) if isinstance(node, dict) else line
        else:
            break
    return line


def _item(raw: Any, library_id: str, sources: Mapping[str, Source], path: str) -> Item:
    if not isinstance(raw, dict):
        raise LibraryError(path, "each item must be a mapping")
    item_id = str(_require(raw, "id", str, path))
    line = raw.get("__line__")
    if not _ID.match(item_id):
        raise LibraryError(path, f"id must match {ID_PATTERN}", item_id=item_id, line=line)
    item_type = str(_require(raw, "type", str, path, item_id))
    title = str(_require(raw, "title", str, path, item_id))
    extra = _strip_lines({k: v for k, v in raw.items() if k not in _BASE_ITEM_KEYS})
    problem, where = field_problem(item_type, extra)
    if problem:
        raise LibraryError(path, problem, item_id=item_id, line=_line_of(raw, where))
    unverified = bool(raw.get("unverified", False))
    reason = str(raw.get("unverified_reason", "") or "")
    if unverified and not reason.strip():
        raise LibraryError(
            path, "an unverified item must say why (unverified_reason)", item_id=item_id, line=line
        )
    deprecated = raw.get("deprecated", False)
    if not isinstance(deprecated, bool):
        raise LibraryError(path, "'deprecated' must be true or false", item_id=item_id, line=line)
    return Item(
        translations=_translations(raw, path, item_id, extra),
        id=item_id,
        type=item_type,
        library=library_id,
        title=title,
        citations=_citations(raw, sources, path, item_id),
        unverified=unverified,
        unverified_reason=reason,
        fields=MappingProxyType(extra),
        deprecated=deprecated,
        replaced_by=str(raw.get("replaced_by") or ""),
        line=line or 0,
    )


#: Fields that are lists of texts people read, translated item by item (a question's answer
#: choices, a GP 31 criterion's indicators); other lists (codes such as `asks_of`) are not text.
TRANSLATED_LISTS = frozenset({"choices", "indicators"})


def _is_text_list(value: Any) -> bool:
    """A list of texts (e.g. a criterion's indicators), translated item by item."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def _translations(
    raw: Mapping[str, Any], path: str, item_id: str, fields: Mapping[str, Any]
) -> Mapping[str, Any]:
    """`translations: {fr: {title: ..., summary: ...}}`: per language, the title, any of the
    item's own text fields (a summary, an explanation) and its unverified_reason in that language."""
    found = _strip_lines(raw.get("translations") or {})
    line = raw.get("__line__")
    if not isinstance(found, dict):
        raise LibraryError(
            path, "'translations' must map language codes", item_id=item_id, line=line
        )
    texts = {"title"} | {
        k
        for k, v in fields.items()
        if (isinstance(v, str) or (k in TRANSLATED_LISTS and _is_text_list(v)))
        and not k.endswith(("_ref", "_refs", "code"))
    }
    if str(raw.get("unverified_reason") or "").strip():
        texts.add("unverified_reason")
    for language, strings in found.items():
        if not isinstance(strings, dict):
            raise LibraryError(
                path, f"translations.{language} must map fields to text", item_id=item_id, line=line
            )
        unknown = sorted(set(strings) - texts)
        if unknown:
            raise LibraryError(
                path,
                f"translations.{language} may only give the title or a text field the item has "
                f"({', '.join(sorted(texts))}), not {', '.join(unknown)}",
                item_id=item_id,
                line=line,
            )
        for name, value in strings.items():
            english = fields.get(name)
            if isinstance(english, list):
                if not _is_text_list(value) or len(value) != len(english):
                    raise LibraryError(
                        path,
                        f"translations.{language}.{name} must list {len(english)} texts, "
                        "one for each English one",
                        item_id=item_id,
                        line=line,
                    )
            elif not isinstance(value, str) or not value.strip():
                raise LibraryError(
                    path,
                    f"translations.{language}.{name} must be text",
                    item_id=item_id,
                    line=line,
                )
    return MappingProxyType(
        {
            str(k): MappingProxyType(
                {n: tuple(t) if isinstance(t, list) else t for n, t in v.items()}
            )
            for k, v in found.items()
        }
    )


def parse_library(text: str, path: str = "<string>") -> Library:
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LibraryError(
            path,
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            line=mark.line + 1 if mark else None,
        ) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("library"), dict):
        raise LibraryError(path, "the file must start with a 'library' header")
    head = raw["library"]
    library_id = str(_require(head, "id", str, path))
    version = head.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LibraryError(path, "'version' must be a positive integer", line=head.get("__line__"))
    sources = {s.id: s for s in (_source(s, path) for s in head.get("sources") or [])}
    if not sources:
        raise LibraryError(path, "the library header must list its sources")
    items = [_item(i, library_id, sources, path) for i in raw.get("items") or []]
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise LibraryError(path, "duplicate id", item_id=item.id, line=item.line or None)
        seen.add(item.id)
    return Library(
        id=library_id,
        version=version,
        locale=str(head.get("locale", "en")),
        title=str(_require(head, "title", str, path)),
        publisher=str(_require(head, "publisher", str, path)),
        description=str(head.get("description", "")),
        sources=tuple(sources.values()),
        items=tuple(items),
        path=path,
    )


def load_library_file(path: Path) -> Library:
    return parse_library(path.read_text(encoding="utf-8"), str(path))


def build_knowledge_base(
    libraries: Iterable[Library], previous: KnowledgeBase | None = None
) -> KnowledgeBase:
    """Combine libraries, refusing downgrades and removals against `previous` and bad cross-references."""
    by_id: dict[str, Library] = {}
    for lib in libraries:
        if lib.id in by_id:
            raise LibraryError(
                lib.path, f"library id '{lib.id}' is also used by {by_id[lib.id].path}"
            )
        old = previous.libraries.get(lib.id) if previous else None
        if old is not None and lib.version <= old.version and lib != old:
            raise LibraryError(
                lib.path, f"version {lib.version} does not upgrade the loaded version {old.version}"
            )
        by_id[lib.id] = lib
    items: dict[str, Item] = {}
    for lib in by_id.values():
        for item in lib.items:
            if item.id in items:
                raise LibraryError(
                    lib.path,
                    f"id also used in library '{items[item.id].library}'",
                    item_id=item.id,
                    line=item.line or None,
                )
            items[item.id] = item
    for item in items.values():
        _check_refs(item, items, by_id[item.library].path)
    if previous is not None:
        _check_upgrade(previous, items, by_id)
    return KnowledgeBase(libraries=MappingProxyType(by_id), items=MappingProxyType(items))


def _check_refs(item: Item, items: Mapping[str, Item], path: str) -> None:
    for name, ref in item.ref_fields():
        target = items.get(ref)
        if target is None:
            raise LibraryError(
                path,
                f"'{name}' refers to unknown id '{ref}'",
                item_id=item.id,
                line=item.line or None,
            )
        allowed = REF_TARGETS.get((item.type, name))
        if name == "replaced_by":
            allowed = frozenset({item.type})
        if allowed is not None and target.type not in allowed:
            wanted = " or ".join(sorted(allowed))
            raise LibraryError(
                path,
                f"'{name}' must point to a {wanted}, but '{ref}' is a {target.type}",
                item_id=item.id,
                line=item.line or None,
            )


def _check_upgrade(
    previous: KnowledgeBase, items: Mapping[str, Item], libraries: Mapping[str, Library]
) -> None:
    """Stored assessments cite item ids: an upgrade may deprecate an item but never remove or retype it."""
    for old in previous.items.values():
        new = items.get(old.id)
        path = (
            libraries[old.library].path
            if old.library in libraries
            else previous.libraries[old.library].path
        )
        if new is None:
            raise LibraryError(
                path,
                f"removes item '{old.id}' that the loaded version has; keep it with 'deprecated: true'",
                item_id=old.id,
            )
        if new.type != old.type:
            raise LibraryError(
                path,
                f"changes the type of '{old.id}' from {old.type} to {new.type}",
                item_id=old.id,
                line=new.line or None,
            )


def load_directory(directory: Path, previous: KnowledgeBase | None = None) -> KnowledgeBase:
    return build_knowledge_base(
        (load_library_file(p) for p in sorted(directory.glob("*.yaml"))), previous
    )
