"""The parts of the knowledge base that impacts refer to: rights and GenAI risk categories.

Always reached through `rightslens.common.knowledge.knowledge()` at call time, so a reloaded (or, in
tests, substituted) knowledge base is seen everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from rightslens.common import knowledge as knowledge_access
from rightslens.core.knowledge import Item

RIGHT = "right"
RISK_CATEGORY = "risk_category"


@dataclass(frozen=True)
class RightGroup:
    """Rights of one instrument, for a grouped multi-select."""

    instrument: str
    rights: list[tuple[str, str]]


def _title(item: Item) -> str:
    article = item.get("article")
    return f"{item.title} (Art. {article})" if article and "Art." not in item.title else item.title


def _article_key(item: Item) -> tuple[int, str]:
    article = str(item.get("article") or "")
    digits = "".join(ch for ch in article.split("(")[0] if ch.isdigit())
    return (int(digits) if digits else 10_000, article)


def rights_by_instrument() -> list[RightGroup]:
    kb = knowledge_access.knowledge()
    groups: dict[str, list[Item]] = {}
    for item in kb.offered(RIGHT):
        if getattr(item, "deprecated", False):
            continue  # still resolves for old impacts, not offered for new work
        groups.setdefault(str(item.get("instrument_ref") or ""), []).append(item)
    result = []
    for instrument_id, items in groups.items():
        instrument = kb.get(instrument_id)
        name = instrument.title if instrument else (instrument_id or "Other")
        rights = [(i.id, _title(i)) for i in sorted(items, key=_article_key)]
        result.append(RightGroup(name, rights))
    return sorted(result, key=lambda g: g.instrument)


def right_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Django grouped choices: [(instrument, [(id, title), ...]), ...]."""
    return [(g.instrument, g.rights) for g in rights_by_instrument()]


def risk_category_choices() -> list[tuple[str, str]]:
    items = [
        i
        for i in knowledge_access.knowledge().offered(RISK_CATEGORY)
        if not getattr(i, "deprecated", False)
    ]
    return [(i.id, i.title) for i in sorted(items, key=lambda i: (i.get("number") or 99, i.id))]


def is_item_of_type(item_id: str, item_type: str) -> bool:
    item = knowledge_access.knowledge().get(item_id)
    return item is not None and item.type == item_type


def title_of(item_id: str) -> str:
    item = knowledge_access.knowledge().get(item_id)
    return item.title if item else item_id
