"""The parts of the knowledge base that impacts refer to: rights and GenAI risk categories.

Always reached through `rightslens.common.knowledge.knowledge()` at call time, so a reloaded (or, in
tests, substituted) knowledge base is seen everywhere.
"""

from __future__ import annotations

from django.utils.translation import get_language

from rightslens.common import knowledge as knowledge_access
from rightslens.common.rights import RightGroup as RightGroup
from rightslens.common.rights import right_choices as right_choices
from rightslens.common.rights import rights_by_instrument as rights_by_instrument

RIGHT = "right"
RISK_CATEGORY = "risk_category"


def risk_category_choices() -> list[tuple[str, str]]:
    items = [
        i
        for i in knowledge_access.knowledge().offered(RISK_CATEGORY)
        if not getattr(i, "deprecated", False)
    ]
    language = get_language()
    ordered = sorted(items, key=lambda i: (i.get("number") or 99, i.id))
    return [(i.id, i.title_in(language)) for i in ordered]


def is_item_of_type(item_id: str, item_type: str) -> bool:
    item = knowledge_access.knowledge().get(item_id)
    return item is not None and item.type == item_type


def title_of(item_id: str) -> str:
    """An item's title in the reader's language (the active language) where the library has it."""
    item = knowledge_access.knowledge().get(item_id)
    return item.title_in(get_language()) if item else item_id
