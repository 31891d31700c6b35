"""Content checks for the UNGP and rights-catalogue libraries (rightslens/knowledge/ungps.yaml, rights.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightslens.core.knowledge import Item, KnowledgeBase, build_knowledge_base, load_library_file

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"

FOUNDATIONAL = {1, 2, 11, 12, 13, 14, 15, 25}
REQUIRED_TREATY_ARTICLES = {
    "iccpr": [2, 3, 6, 7, 9, 14, 17, 18, 19, 20, 21, 22, 25, 26, 27],
    "icescr": [2, 3, 6, 7, 9, 11, 12, 13, 15],
    "crc": [2, 3, 12, 13, 16, 17, 19, 28, 31, 32, 34],
    "cedaw": [1, 2, 5, 7, 11],
    "cerd": [1, 2, 5],
    "crpd": [4, 5, 9, 21, 22, 27],
}
ILO_PRINCIPLES = [
    "ilo-association",
    "ilo-forced-labour",
    "ilo-child-labour",
    "ilo-discrimination",
    "ilo-safety-health",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    libraries = [load_library_file(KNOWLEDGE / name) for name in ("ungps.yaml", "rights.yaml")]
    return build_knowledge_base(libraries)


def _expected_pillar(number: int) -> str:
    if number <= 10:
        return "state_duty"
    return "corporate_responsibility" if number <= 24 else "access_to_remedy"


def test_all_31_principles_have_the_right_pillar_and_kind(kb: KnowledgeBase) -> None:
    principles = {item.get("number"): item for item in kb.by_type("principle")}
    assert sorted(principles) == list(range(1, 32))
    for number, item in principles.items():
        assert item.id == f"ungp-{number}"
        assert item.get("pillar") == _expected_pillar(number), item.id
        expected_kind = "foundational" if number in FOUNDATIONAL else "operational"
        assert item.get("principle_kind") == expected_kind, item.id


def test_every_principle_cites_its_own_number_in_the_official_text(kb: KnowledgeBase) -> None:
    for item in kb.by_type("principle"):
        locators = [c.locator for c in item.citations if c.source.id == "ungp-2011"]
        assert locators == [f"Principle {item.get('number')} and commentary"], item.id


def test_state_pillar_principles_ask_something_of_states(kb: KnowledgeBase) -> None:
    for item in kb.by_type("principle"):
        number = item.get("number")
        if number <= 10 or 25 <= number <= 28:
            assert "state" in item.get("asks_of"), item.id
        if 11 <= number <= 24:
            assert "state" not in item.get("asks_of"), item.id


def test_all_30_udhr_articles_are_catalogued(kb: KnowledgeBase) -> None:
    for n in range(1, 31):
        item = kb.get(f"udhr-{n}")
        assert item is not None and item.type == "right", n
        assert item.get("instrument_ref") == "udhr" and item.get("article") == str(n)


@pytest.mark.parametrize(("instrument", "articles"), sorted(REQUIRED_TREATY_ARTICLES.items()))
def test_required_treaty_articles_link_to_a_udhr_counterpart(
    kb: KnowledgeBase, instrument: str, articles: list[int]
) -> None:
    for n in articles:
        item = kb.get(f"{instrument}-{n}")
        assert item is not None, f"{instrument}-{n} missing"
        assert item.get("instrument_ref") == instrument and item.get("article") == str(n)
        assert any(ref.startswith("udhr-") for ref in item.get("related_refs", [])), item.id


def test_ilo_fundamental_principles_cite_the_declaration(kb: KnowledgeBase) -> None:
    letters = [kb.items[rid].get("article") for rid in ILO_PRINCIPLES]
    assert letters == ["2(a)", "2(b)", "2(c)", "2(d)", "2(e)"]
    assert all(kb.items[rid].get("instrument_ref") == "ilo-declaration" for rid in ILO_PRINCIPLES)


def test_every_right_cites_its_article_in_its_own_instruments_text(kb: KnowledgeBase) -> None:
    rights: list[Item] = kb.by_type("right")
    for item in rights:
        instrument = kb.items[item.get("instrument_ref")]
        (citation,) = item.citations
        assert citation.source.url == instrument.citations[0].source.url, item.id
        assert citation.locator.endswith(item.get("article")), item.id


def test_only_the_treaties_are_marked_binding(kb: KnowledgeBase) -> None:
    binding = {item.id for item in kb.by_type("instrument") if item.get("binding")}
    assert binding == {"iccpr", "icescr", "crc", "cedaw", "cerd", "crpd"}


FUNDAMENTAL_CONVENTIONS = {
    # ILO list of fundamental instruments (Declaration 1998, as amended 2022), checked 2026-11.
    "ilo-association": ["87", "98"],
    "ilo-forced-labour": ["29", "105"],
    "ilo-child-labour": ["138", "182"],
    "ilo-discrimination": ["100", "111"],
    "ilo-safety-health": ["155", "187"],
}


def test_each_ilo_principle_names_its_own_fundamental_conventions(kb: KnowledgeBase) -> None:
    all_numbers = {n for numbers in FUNDAMENTAL_CONVENTIONS.values() for n in numbers}
    for rid, numbers in FUNDAMENTAL_CONVENTIONS.items():
        summary = kb.items[rid].get("summary")
        mentioned = {
            n
            for n in all_numbers
            if f"No. {n}" in summary or f"Nos. {n}" in summary or f" {n} " in summary
        }
        assert set(numbers) <= mentioned, rid
        assert mentioned <= set(numbers), f"{rid} names another principle's convention: {mentioned}"
