"""A small, fixed knowledge base for the foundation tests, independent of the shipped libraries."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from rightslens.assessments.demo import DEMO_SYSTEMS
from rightslens.core.knowledge import Citation, Item, KnowledgeBase, Library, Source

SOURCE = Source("test-source", "Test source", "Tests", "https://example.org/test", "2024-01-01")
CITATION = (Citation(SOURCE, "Art. 1", SOURCE.url),)
INSTRUMENTS = {
    "udhr": "Universal Declaration of Human Rights",
    "iccpr": "International Covenant on Civil and Political Rights",
    "crc": "Convention on the Rights of the Child",
    "cerd": "ICERD",
    "ilo-declaration": "ILO Declaration",
}


def _item(item_id: str, item_type: str, title: str, **fields: Any) -> Item:
    return Item(
        id=item_id,
        type=item_type,
        library="test",
        title=title,
        citations=CITATION,
        fields=MappingProxyType(fields),
    )


def _right(item_id: str) -> Item:
    instrument, _, article = item_id.rpartition("-")
    if item_id.startswith("ilo-"):
        instrument, article = "ilo-declaration", "2"
    return _item(
        item_id,
        "right",
        f"Right {item_id}",
        instrument_ref=instrument,
        article=article,
        summary="s",
    )


def _demo_ids() -> tuple[set[str], set[str], set[str]]:
    rights, categories, groups = set(), set(), set()
    for spec in DEMO_SYSTEMS:
        groups |= {vg for _, vg in spec["groups"] if vg}
        for impact in spec["impacts"]:
            rights |= set(impact["rights"])
            categories.add(impact["risk_category"])
    return rights, categories, groups


def fixture_knowledge() -> KnowledgeBase:
    rights, categories, groups = _demo_ids()
    rights |= {"udhr-19", "iccpr-17", "udhr-7"}
    categories |= {"cat-expression", "cat-privacy", "cat-equality"}
    groups |= {"vg-children", "vg-migrants"}
    items = [
        _item(i, "instrument", t, short_name=i, adopted="1948", binding=False)
        for i, t in INSTRUMENTS.items()
    ]
    items += [_right(r) for r in sorted(rights)]
    items += [
        _item(c, "risk_category", f"Category {c}", number=n, summary="s", right_refs=[])
        for n, c in enumerate(sorted(categories), start=1)
    ]
    items += [_item(g, "vulnerable_group", f"Group {g}", summary="s") for g in sorted(groups)]
    items.append(_item("ungp-1", "principle", "Not a right", number=1))
    library = Library("test", 1, "en", "Test", "Tests", "", (SOURCE,), tuple(items))
    return KnowledgeBase(
        libraries=MappingProxyType({"test": library}),
        items=MappingProxyType({i.id: i for i in items}),
    )
