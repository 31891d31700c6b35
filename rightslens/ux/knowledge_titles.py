"""Knowledge titles found by their English wording, for sentences the core built with them
("Risk category “Right to privacy” was never considered.")."""

from __future__ import annotations

from rightslens.common.knowledge import knowledge
from rightslens.core.knowledge import Item

# The index of the knowledge base last asked about (rebuilt when the loaded base changes).
_index: dict[int, dict[str, Item]] = {}


def _by_title() -> dict[str, Item]:
    kb = knowledge()
    if id(kb) not in _index:
        _index.clear()
        _index[id(kb)] = {item.title: item for item in kb.items.values()}
    return _index[id(kb)]


def translated_title(english: str, language: str | None) -> str | None:
    """The title of the item titled `english` (or with that id), in `language`; None when no item
    has that title or id."""
    item = _by_title().get(english) or knowledge().get(english)
    return item.title_in(language) if item is not None else None
