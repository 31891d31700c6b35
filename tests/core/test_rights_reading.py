"""Reading a description's sentences against the definitions of risk categories and rights."""

from pathlib import Path

import numpy as np
import pytest

import rightslens.core.rights_reading as rights_reading
from rightslens.core.impact_reading import SHOW_FROM, ImpactReader, ImpactSuggestion
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.rights_reading import RightsReading, definition
from rightslens.core.semantic import HashingEncoder

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"
FAKE = HashingEncoder()
UNRELATED = "Invoice line matching for accountants."


@pytest.fixture(scope="module")
def items():
    return list(load_directory(KNOWLEDGE).items.values())


@pytest.fixture(scope="module")
def reader(items):
    return ImpactReader(items, FAKE)


def _category(items, category_id):
    return next(i for i in items if i.id == category_id)


def _vectors(texts):
    return np.array(FAKE.encode(texts), dtype=np.float32).reshape(len(texts), FAKE.dim)


def test_a_sentence_saying_what_a_category_protects_reads_as_that_category(items, reader):
    privacy = _category(items, "cat-privacy")
    findings = reader.definitions.read(_vectors([UNRELATED, definition(privacy)]))
    assert [(f.category_ref, f.sentence) for f in findings] == [("cat-privacy", 1)]
    assert findings[0].right_ref in privacy.get("right_refs")


def test_a_category_needs_a_clear_lead_and_a_high_enough_score(items, reader, monkeypatch):
    vectors = _vectors([definition(_category(items, "cat-work"))])
    [found] = reader.definitions.read(vectors)
    monkeypatch.setattr(rights_reading, "CATEGORY_MARGIN", found.strength + 100)
    assert reader.definitions.read(vectors) == []
    monkeypatch.setattr(rights_reading, "CATEGORY_MARGIN", 0.0)
    monkeypatch.setattr(rights_reading, "CATEGORY_FROM", found.strength + 0.01)
    assert reader.definitions.read(vectors) == []


def test_no_sentences_no_findings(items):
    reading = RightsReading(items, FAKE, np.zeros((0, FAKE.dim), dtype=np.float32))
    assert reading.read(np.zeros((0, FAKE.dim), dtype=np.float32)) == []


def _from_definitions(reader, sentence, shown=()):
    vectors = _vectors([sentence])
    raw = vectors @ reader._matrix.T
    return reader._from_definitions(list(shown), [sentence], vectors, raw, {})


def test_a_category_only_the_definitions_see_becomes_an_impact_on_people(items, reader):
    sentence = definition(_category(items, "cat-privacy"))
    [added] = _from_definitions(reader, sentence)
    pattern = next(p for p in reader.patterns if p.id == added.pattern_id)
    assert added.category_ref == pattern.category_ref == "cat-privacy"
    assert added.title == pattern.title  # who is affected and how
    assert added.method.startswith("rights definitions")
    assert added.score == SHOW_FROM
    [finding] = reader.definitions.read(_vectors([sentence]))
    assert added.right_refs[0] == finding.right_ref
    assert set(pattern.right_refs) <= set(added.right_refs)
    assert sentence.split()[0] in added.reasons[0]


def test_nothing_is_added_for_a_category_already_shown(items, reader):
    sentence = definition(_category(items, "cat-privacy"))
    shown = ImpactSuggestion("ip-x", "cat-privacy", ("iccpr-17",), "People x.", (), 0.9, "m")
    assert _from_definitions(reader, sentence, [shown]) == []


def test_a_description_gets_at_most_one_impact_from_the_definitions(items, reader):
    text = ". ".join(
        definition(_category(items, c)) for c in ("cat-privacy", "cat-work", "cat-culture")
    )
    shown = reader.suggest(text)
    assert len(shown) <= 5
    assert sum(s.method.startswith("rights definitions") for s in shown) <= 1
