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


def _translated_kb():
    items = GUIDANCE_ITEMS.replace(
        "    title: Memorised personal data leaks in outputs\n",
        "    title: Memorised personal data leaks in outputs\n    translations:\n"
        "      fr: {title: Des données personnelles mémorisées fuitent, description: Un modèle"
        " répète une adresse privée vue pendant l'entraînement. La personne l'ignorait.}\n",
    )
    return build_knowledge_base([parse_library(library_text(RIGHTS_ITEMS + items), "lib.yaml")])


def test_a_reader_can_search_in_their_own_language():
    kb = _translated_kb()
    assert [h.item.id for h in search(kb, "adresse privée", language="fr")] == ["fx-ex-1"]
    assert search(kb, "adresse privée") == []  # without a language only the English is read
    assert search(kb, "adresse privée", language="es") == []  # no Spanish text to read
    hit = search(kb, "mémorisées", language="fr")[0]
    assert hit.item.id == "fx-ex-1" and hit.in_title
    # English words still find the item for a French reader.
    assert [h.item.id for h in search(kb, "private address", language="fr")] == ["fx-ex-1"]


def test_an_items_sentences_can_be_read_in_a_language():
    example = _translated_kb().get("fx-ex-1")
    assert example.sentences_in("fr") == [
        "Un modèle répète une adresse privée vue pendant l'entraînement. La personne l'ignorait."
    ]
    assert example.sentences_in("en") == example.sentences()
