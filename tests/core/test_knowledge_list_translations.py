"""A knowledge item may translate a list of texts (a GP 31 criterion's indicators) item by item: the
loader refuses a translation that drops or adds one, and `text_in` gives the list in the language."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightslens.core.knowledge import LibraryError, parse_library

LIBRARY = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge" / "due-diligence.yaml"
LEARNING_FR = (
    'indicators: ["Les thèmes de plainte récurrents sont examinés et intégrés aux évaluations '
    'd\'impact.", "Les changements apportés aux systèmes ou au mécanisme à la suite de plaintes '
    'sont consignés."]'
)


def _library(text: str):
    return parse_library(text, "due-diligence.yaml")


def test_a_translated_list_is_given_in_the_language_and_english_stays_english():
    item = next(i for i in _library(LIBRARY.read_text("utf-8")).items if i.id == "gp31-learning")
    english = item.get("indicators")
    assert len(english) == 2
    french = item.text_in("indicators", "fr")
    spanish = item.text_in("indicators", "es")
    assert len(french) == len(spanish) == 2
    assert french[0].startswith("Les thèmes de plainte") and spanish[0].startswith("Los temas")
    assert item.text_in("indicators", "en") == english
    assert item.text_in("indicators", "de") == english  # no German: the English list


def test_a_translated_list_that_drops_an_indicator_is_refused():
    text = LIBRARY.read_text("utf-8")
    assert LEARNING_FR in text
    shortened = text.replace(
        LEARNING_FR,
        'indicators: ["Les thèmes de plainte récurrents sont examinés."]',
    )
    with pytest.raises(LibraryError, match="must list 2 texts"):
        _library(shortened)


def test_a_translated_list_with_an_empty_text_is_refused():
    text = LIBRARY.read_text("utf-8").replace(
        LEARNING_FR, 'indicators: ["Les thèmes de plainte récurrents sont examinés.", " "]'
    )
    with pytest.raises(LibraryError, match="must list 2 texts"):
        _library(text)
