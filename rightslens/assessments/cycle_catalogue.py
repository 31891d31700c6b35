"""Knowledge the cycle reads: risk categories, rights, risk examples, vulnerable groups,
mitigation types and leverage kinds. Falls back to the fixed category ids when the knowledge base
has none loaded, so the guided pass always covers all ten categories."""

from __future__ import annotations

from dataclasses import dataclass

from rightslens.core.knowledge import Item
from rightslens.core.suggestions import RiskExample
from rightslens.hub import knowledge as hub_knowledge

FALLBACK_CATEGORIES = (
    ("cat-harm", "Freedom from physical and psychological harm"),
    ("cat-equality", "Equality and non-discrimination"),
    ("cat-privacy", "Privacy"),
    ("cat-property", "Property"),
    ("cat-thought", "Thought, religion, conscience and opinion"),
    ("cat-expression", "Expression and access to information"),
    ("cat-work", "Work and a living"),
    ("cat-child", "Rights of the child"),
    ("cat-culture", "Culture, art and science"),
    ("cat-public-affairs", "Participation in public affairs"),
)
FALLBACK_VULNERABLE = (
    ("vg-children", "Children"),
    ("vg-women-girls", "Women and girls"),
    ("vg-minorities", "Minorities"),
    ("vg-disabilities", "Persons with disabilities"),
    ("vg-migrants", "Migrants"),
    ("vg-low-resource-languages", "Speakers of low-resource languages"),
    ("vg-low-digital-literacy", "People with low digital literacy"),
    ("vg-indigenous", "Indigenous peoples"),
    ("vg-older-persons", "Older persons"),
)
FALLBACK_MITIGATIONS = tuple(
    (f"mit-{code}", code.replace("-", " ").capitalize())
    for code in (
        "prompt-filtering",
        "prompt-engineering",
        "fine-tuning",
        "rlhf",
        "red-teaming",
        "blocklists",
        "classifiers",
        "monitoring",
        "watermarking",
        "human-review",
    )
)
FALLBACK_LEVERAGE = (
    ("lev-bilateral", "Bilateral (contracts, incentives, capacity building)"),
    ("lev-peers", "With peers"),
    ("lev-partnerships", "Through partnerships"),
    ("lev-multistakeholder", "Multistakeholder action"),
)


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    summary: str
    right_refs: tuple[str, ...]


def _items(item_type: str) -> list[Item]:
    return hub_knowledge.knowledge().offered(item_type)


def _choices(item_type: str, fallback: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    items = _items(item_type)
    return sorted((i.id, i.title) for i in items) if items else list(fallback)


def categories() -> list[Category]:
    items = sorted(_items("risk_category"), key=lambda i: (i.get("number") or 99, i.id))
    if not items:
        return [Category(cid, title, "", ()) for cid, title in FALLBACK_CATEGORIES]
    return [
        Category(i.id, i.title, str(i.get("summary") or ""), tuple(i.get("right_refs") or ()))
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


def vulnerable_choices() -> list[tuple[str, str]]:
    return _choices("vulnerable_group", FALLBACK_VULNERABLE)


def mitigation_choices() -> list[tuple[str, str]]:
    return _choices("mitigation_type", FALLBACK_MITIGATIONS)


def leverage_choices() -> list[tuple[str, str]]:
    return _choices("leverage_kind", FALLBACK_LEVERAGE)


def mitigation_side_risks(mitigation_id: str) -> list[str]:
    item = hub_knowledge.knowledge().get(mitigation_id)
    if item is None:
        return []
    return [str(r.get("risk")) for r in item.get("side_risks") or [] if isinstance(r, dict)]


def title_of(item_id: str) -> str:
    item = hub_knowledge.knowledge().get(item_id)
    if item:
        return item.title
    fallback = dict(
        FALLBACK_CATEGORIES + FALLBACK_VULNERABLE + FALLBACK_MITIGATIONS + FALLBACK_LEVERAGE
    )
    return fallback.get(item_id, item_id)


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
            i.title,
            str(i.get("summary") or ""),
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
        segments.setdefault(segment, []).append(item.title if item else role.replace("_", " "))
    return segments
