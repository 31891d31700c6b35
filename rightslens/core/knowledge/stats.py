"""Counts over a knowledge base: what `rightslens kb stats` prints and what the hub index shows."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .model import KnowledgeBase


def knowledge_stats(kb: KnowledgeBase) -> dict[str, Any]:
    """Items per type for each library and in total, with unverified and deprecated counts."""
    libraries: dict[str, Any] = {}
    for lib in sorted(kb.libraries.values(), key=lambda lib: lib.id):
        libraries[lib.id] = {
            "title": lib.title,
            "version": lib.version,
            "items": len(lib.items),
            "types": dict(sorted(Counter(i.type for i in lib.items).items())),
            "unverified": sum(1 for i in lib.items if i.unverified),
        }
    items = list(kb.items.values())
    return {
        "libraries": libraries,
        "totals": {
            "items": len(items),
            "types": dict(sorted(Counter(i.type for i in items).items())),
            "unverified": sum(1 for i in items if i.unverified),
            "deprecated": sum(1 for i in items if i.deprecated),
        },
        "rights_per_instrument": dict(
            sorted(Counter(str(i.get("instrument_ref")) for i in kb.by_type("right")).items())
        ),
        "examples_per_category": dict(
            sorted(Counter(str(i.get("category_ref")) for i in kb.by_type("risk_example")).items())
        ),
    }


def stats_text(stats: dict[str, Any]) -> str:
    """The same figures as readable lines."""
    lines: list[str] = []
    for lib_id, lib in stats["libraries"].items():
        lines.append(
            f"{lib_id} v{lib['version']}: {lib['items']} items, {lib['unverified']} unverified"
        )
        lines.extend(f"  {name}: {count}" for name, count in lib["types"].items())
    totals = stats["totals"]
    lines.append(
        f"total: {totals['items']} items, {totals['unverified']} unverified, {totals['deprecated']} deprecated"
    )
    lines.extend(f"  {name}: {count}" for name, count in totals["types"].items())
    if stats["examples_per_category"]:
        lines.append("risk examples per category:")
        lines.extend(f"  {name}: {count}" for name, count in stats["examples_per_category"].items())
    return "\n".join(lines)
