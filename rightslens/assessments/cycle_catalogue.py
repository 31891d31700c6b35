"""Knowledge the cycle reads: risk categories, rights, risk examples, vulnerable groups,
mitigation types and leverage kinds. There is no built-in fallback: the app refuses to start when
the knowledge base lacks any of them (`rightslens.common.knowledge.knowledge_check`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language

from rightslens.common import knowledge as knowledge_access
from rightslens.core.knowledge import Item
from rightslens.core.suggestions import RiskExample


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    summary: str
    right_refs: tuple[str, ...]


def _items(item_type: str) -> list[Item]:
    return knowledge_access.knowledge().offered(item_type)


def _choices(item_type: str) -> list[tuple[str, str]]:
    language = get_language()
    return sorted((i.id, i.title_in(language)) for i in _items(item_type))


def categories() -> list[Category]:
    items = sorted(_items("risk_category"), key=lambda i: (i.get("number") or 99, i.id))
    return [
        Category(
            i.id,
            i.title_in(get_language()),
            str(i.text_in("summary", get_language()) or ""),
            tuple(i.get("right_refs") or ()),
        )
        for i in items
    ]


def category(category_id: str) -> Category | None:
    return next((c for c in categories() if c.id == category_id), None)


def category_titles() -> dict[str, str]:
    return {c.id: c.title for c in categories()}


def right_ids() -> list[str]:
    return [i.id for i in _items("right")]


def risk_examples() -> list[RiskExample]:
    return [
        RiskExample(
            id=i.id,
            title=i.title,
            category_ref=str(i.get("category_ref") or ""),
            system_kinds=tuple(i.get("system_kinds") or ()),
            affected_group_refs=tuple(i.get("affected_group_refs") or ()),
            triggers_on=tuple(i.get("triggers_on") or ()),
        )
        for i in _items("risk_example")
    ]


def impact_patterns() -> list[Item]:
    """The risk library's impact patterns (who, which rights, how), read against descriptions."""
    return _items("impact_pattern")


def impact_reading_items() -> list[Item]:
    """What reading a description needs: the impact patterns, the rights catalogue and the risk
    categories (which rights each covers), so a suggestion also names the same rights in other
    instruments (UDHR, Covenants, group treaties)."""
    return _items("impact_pattern") + _items("right") + _items("risk_category")


def vulnerable_choices() -> list[tuple[str, str]]:
    return _choices("vulnerable_group")


def mitigation_choices() -> list[tuple[str, str]]:
    return _choices("mitigation_type")


def leverage_choices() -> list[tuple[str, str]]:
    return _choices("leverage_kind")


def mitigation_side_risks(mitigation_id: str) -> list[str]:
    item = knowledge_access.knowledge().get(mitigation_id)
    if item is None:
        return []
    return [str(r.get("risk")) for r in item.get("side_risks") or [] if isinstance(r, dict)]


def suggestion_title(item_id: str, title: str) -> str | None:
    """The title of the impact pattern or risk example a suggestion was made from, in the reader's
    language, where the library translates it and the suggestion still carries its English title."""
    item = knowledge_access.knowledge().get(item_id) if item_id else None
    if item is None or item.title != title:
        return None
    translated = item.title_in(get_language())
    return translated if translated != title else None


def title_of(item_id: str) -> str:
    """An item's title in the reader's language (the active language) where the library has it."""
    item = knowledge_access.knowledge().get(item_id)
    return item.title_in(get_language()) if item else item_id


@dataclass(frozen=True)
class TriggerGuide:
    code: str
    title: str
    summary: str
    assessment_kind: str


def trigger_guides() -> list[TriggerGuide]:
    """When to assess, and which kind of assessment each trigger usually calls for."""
    return [
        TriggerGuide(
            str(i.get("code")),
            i.title_in(get_language()),
            str(i.text_in("summary", get_language()) or ""),
            str(i.get("assessment_kind") or ""),
        )
        for i in _items("dd_trigger")
    ]


def value_chain_segments(roles: list[str]) -> dict[str, list[str]]:
    """The organisation's roles for a system, grouped by value-chain segment."""
    by_code = {str(i.get("code")): i for i in _items("value_chain_role")}
    segments: dict[str, list[str]] = {
        "suppliers": [],
        "lifecycle_actors": [],
        "users_operators": [],
    }
    for role in roles:
        item = by_code.get(role)
        segment = str(item.get("segment")) if item else "lifecycle_actors"
        segments.setdefault(segment, []).append(
            item.title_in(get_language()) if item else role.replace("_", " ")
        )
    return segments
