"""The "possible red line" tier: most elements found and close in meaning, never read as clear.

An encoder whose cosine between any description sentence and any typical wording is fixed makes
the meaning side exact, so these tests exercise the element rule itself.
"""

import math

import pytest

from rightslens.core import screening_engine
from rightslens.core.screening import POSSIBLE, RedLineHit, screen, screen_use_case

EMOTION_AT_WORK = "rl-emotion-recognition-work-education"


class FixedCosine:
    """Typical wordings map to one unit vector, every other text to one at `cosine` from it."""

    def __init__(self, wordings: set[str], cosine: float) -> None:
        self.name = f"test-fixed-cosine-{cosine}"
        self.wordings = wordings
        self.other = [cosine, math.sqrt(1 - cosine**2)]

    def encode(self, texts):
        return [[1.0, 0.0] if t in self.wordings else list(self.other) for t in texts]


@pytest.fixture
def encoder_at(items, tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHTSLENS_CACHE_DIR", str(tmp_path))
    wordings = {
        str(w)
        for i in items
        if i.type == "red_line"
        for ws in (i.get("typical_wordings", {}) or {}).values()
        for w in ws
    }
    return lambda cosine: FixedCosine(wordings, cosine)


# Between the possible tier's threshold and the cosine at which meaning fills a missing element.
NEAR = round((screening_engine.POSSIBLE_SIMILARITY + screening_engine.SEMANTIC_FILL) / 2, 3)
INFERENCE_AND_CONTEXT = "The HR tool flags which employees seem frustrated."


def test_most_elements_give_a_possible_hit_that_names_what_is_missing(items, encoder_at):
    result = screen(INFERENCE_AND_CONTEXT, items, encoder=encoder_at(NEAR))
    hit = next(h for h in result.hits if h.red_line_id == EMOTION_AT_WORK)
    assert hit.status == POSSIBLE
    assert hit.evidence == INFERENCE_AND_CONTEXT
    assert [m.split(":")[0] for m in hit.elements_missing] == ["data"]
    assert {e.split(":")[0] for e in hit.elements_found} == {"inference", "context"}
    assert 0 < hit.confidence <= screening_engine.POSSIBLE_CONFIDENCE


def test_a_possible_hit_needs_closeness_in_meaning(items, encoder_at):
    far = screening_engine.POSSIBLE_SIMILARITY - 0.05
    assert screen(INFERENCE_AND_CONTEXT, items, encoder=encoder_at(far)).hits == ()


def test_every_element_stated_stays_a_confirmed_hit(items, encoder_at):
    text = "The HR tool reads employees' faces and flags who seems frustrated."
    hit = next(
        h
        for h in screen(text, items, encoder=encoder_at(NEAR)).hits
        if h.red_line_id == EMOTION_AT_WORK
    )
    assert hit.status == "confirmed" and hit.confidence > screening_engine.POSSIBLE_CONFIDENCE


def test_the_element_before_may_sit_in_the_previous_sentence(items, encoder_at):
    text = "The system watches staff on the shop floor. It flags who seems disengaged."
    hit = next(
        h
        for h in screen(text, items, encoder=encoder_at(NEAR)).hits
        if h.red_line_id == EMOTION_AT_WORK
    )
    assert hit.status == POSSIBLE and "disengaged" in hit.evidence


@pytest.mark.parametrize(
    "text",
    [
        "The vendor confirms the HR tool does not flag which employees seem frustrated.",
        "Nous confirmons que l'outil RH n'analyse pas les émotions des salariés.",
    ],
)
def test_a_denial_still_clears(items, encoder_at, text):
    assert screen(text, items, encoder=encoder_at(NEAR)).hits == ()


@pytest.mark.parametrize(
    "text",
    [
        "Employees book their holidays in the HR tool.",
        "The tool flags invoices that are overdue.",
    ],
)
def test_a_near_miss_with_one_element_stays_clear(items, encoder_at, text):
    assert screen(text, items, encoder=encoder_at(NEAR)).hits == ()


def test_the_status_and_missing_elements_survive_storage(items, encoder_at):
    [hit] = [
        h
        for h in screen_use_case(INFERENCE_AND_CONTEXT, items, encoder=encoder_at(NEAR))
        if h.red_line_id == EMOTION_AT_WORK
    ]
    again = RedLineHit.from_dict(hit.as_dict())
    assert again.possible and again.status == POSSIBLE
    assert again.elements_missing == hit.elements_missing
    assert not RedLineHit.from_dict({**hit.as_dict(), "status": "unknown"}).possible


@pytest.mark.parametrize(
    "plain",
    [
        "Employees' faces are compared with their own enrolled template when they clock in.",
        "The staff survey asks employees how they feel and the HR tool flags who seems frustrated.",
    ],
)
def test_a_sentence_that_says_plainly_what_is_checked_gives_no_possible_hit(
    items, encoder_at, plain
):
    """One-to-one verification or a self-report in the sentence: no verb there is a guess."""
    assert not [
        h for h in screen(plain, items, encoder=encoder_at(NEAR)).hits if h.status == POSSIBLE
    ]


def test_the_same_sentence_without_the_plain_statement_is_still_a_possible_hit(items, encoder_at):
    guessed = "Employees' faces are compared when they clock in."
    hit = next(
        h
        for h in screen(guessed, items, encoder=encoder_at(NEAR)).hits
        if h.red_line_id == EMOTION_AT_WORK
    )
    assert hit.status == POSSIBLE
