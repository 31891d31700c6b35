"""Offline hub search: every word must match, title matches rank before text matches."""

from rightslens.core.knowledge import build_knowledge_base, parse_library
from rightslens.core.knowledge.search import search, snippet
from rightslens.core.knowledge.stats import knowledge_stats
from tests.kb.library_fixtures import GUIDANCE_ITEMS, RIGHTS_ITEMS, library_text


def kb():
    return build_knowledge_base(
        [parse_library(library_text(RIGHTS_ITEMS + GUIDANCE_ITEMS), "lib.yaml")]
    )


def test_a_title_match_ranks_before_a_text_match():
    ids = [hit.item.id for hit in search(kb(), "privacy")]
    assert ids[0] in {"fx-right-privacy", "fx-cat"}
    assert set(ids[:2]) == {"fx-right-privacy", "fx-cat"}  # both have "privacy" in the title
    assert ids[2:] == ["fx-ex-1"]  # a text-only match comes after them
    assert "fx-principle" not in ids  # its text never says privacy


def test_every_word_must_appear():
    assert [h.item.id for h in search(kb(), "remedy harms")] == ["fx-principle"]
    assert search(kb(), "remedy satellites") == []


def test_search_reads_nested_text_but_not_reference_ids():
    assert [h.item.id for h in search(kb(), "private address")] == ["fx-ex-1"]
    assert search(kb(), "fx-treaty information") == []


def test_an_empty_query_finds_nothing():
    assert search(kb(), "  ") == []


def test_a_snippet_shows_the_words_in_context():
    text = "A " * 200 + "remedy is owed here" + " B" * 200
    cut = snippet(text, "remedy", width=60)
    assert "remedy is owed" in cut and cut.startswith("…") and cut.endswith("…")


def test_stats_count_types_per_library_and_unverified_items():
    stats = knowledge_stats(kb())
    assert stats["libraries"]["fixture"]["types"]["right"] == 2
    assert stats["totals"]["unverified"] == 1
    assert stats["examples_per_category"] == {"fx-cat": 1}
