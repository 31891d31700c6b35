"""How a learned probability combines with the element rules (with fake encoders, no model).

An encoder that puts every sentence with the made-up marker word "glum" on one axis and every
other text on another, and a hand-set model that gives "glum" sentences a probability near 1 for
emotion recognition at work, make the learned side exact; the tests then exercise the rules a
learned hit must still pass: an element stated in words, no denial, no plain statement, no
recorded exception.
"""

from pathlib import Path

import numpy as np
import pytest

from rightslens.core import screening_engine
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.redline_model import RedLineModel, load, save
from rightslens.core.screening import POSSIBLE, screen, screen_use_case
from rightslens.core.screening_engine import Screener
from rightslens.core.semantic import CachedEncoder, HashingEncoder

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"
EMOTION_AT_WORK = "rl-emotion-recognition-work-education"
FACES_LIVE = "rl-remote-realtime-facial-recognition"


class MarkerEncoder:
    """ "glum" anywhere in a text: the first axis; the library's typical wordings: the third (so
    no sentence is ever close to them in meaning); anything else: the second. No meaning."""

    name = "test-marker"
    dim = 3

    def __init__(self, wordings=frozenset()):
        self.wordings = wordings

    def encode(self, texts):
        return [
            [1.0, 0.0, 0.0]
            if "glum" in t.lower()
            else [0.0, 0.0, 1.0]
            if t in self.wordings
            else [0.0, 1.0, 0.0]
            for t in texts
        ]


def marker_model(*red_lines: str, threshold: float = 0.9) -> RedLineModel:
    ids = (EMOTION_AT_WORK, FACES_LIVE)
    weights = np.asarray([[12.0, -12.0, -12.0] if rl in red_lines else [-12.0] * 3 for rl in ids])
    return RedLineModel(
        encoder=MarkerEncoder.name,
        red_line_ids=ids,
        mean=np.zeros(3),
        scale=np.ones(3),
        weights=weights,
        bias=np.zeros(2),
        threshold=threshold,
        meta={},
    )


@pytest.fixture(scope="module")
def items():
    kb = load_directory(KNOWLEDGE)
    return [i for i in kb.items.values() if i.type in ("red_line", "red_line_element")]


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHTSLENS_CACHE_DIR", str(tmp_path))


@pytest.fixture(scope="module")
def encoder(items):
    return MarkerEncoder(
        frozenset(
            str(w)
            for i in items
            if i.type == "red_line"
            for ws in (i.get("typical_wordings", {}) or {}).values()
            for w in ws
        )
    )


@pytest.fixture
def hits(items, encoder):
    return lambda text, model, lang="en": Screener(items, encoder, model=model).screen(
        text, lang=lang
    )


# The data ("faces") and the workplace ("employees") are stated; what is inferred is not in any
# word list.
UNLISTED = "The dashboard reads employees' faces and tells managers who looks glum."
CONTEXT_ONLY = "The dashboard tells managers which employees look glum."


def test_the_rules_alone_miss_the_unlisted_wording(hits):
    assert hits(UNLISTED, None).hits == ()


def test_a_confident_model_adds_a_possible_hit_naming_the_sentence(hits):
    found = hits("We run a small shop. " + UNLISTED, marker_model(EMOTION_AT_WORK))
    assert [h.red_line_id for h in found.hits] == [EMOTION_AT_WORK]
    hit = found.hits[0]
    assert hit.status == POSSIBLE
    assert hit.evidence == UNLISTED
    assert hit.method.startswith("learned+elements (test-marker")
    assert 0 < hit.confidence <= screening_engine.POSSIBLE_CONFIDENCE
    assert any(f.startswith("data: ") for f in hit.elements_found)
    assert any(f.startswith("context: ") for f in hit.elements_found)
    assert any("learned classifier: probability" in f for f in hit.elements_found)
    assert any(m.startswith("inference: ") for m in hit.elements_missing)


def test_below_the_models_threshold_nothing_is_added(hits):
    # sigmoid(12) is about 0.999994: a threshold above it turns the layer off for this text.
    assert hits(UNLISTED, marker_model(EMOTION_AT_WORK, threshold=0.999999)).hits == ()


def test_a_learned_hit_needs_an_element_of_the_red_line_in_words(hits):
    assert hits("The dashboard shows who looks glum.", marker_model(EMOTION_AT_WORK)).hits == ()


def test_by_default_the_context_alone_is_not_enough(items, encoder):
    screener = Screener(items, encoder, model=marker_model(EMOTION_AT_WORK))
    assert screener.learned_gate == screening_engine.LEARNED_GATE == "core"
    assert screener.screen(CONTEXT_ONLY).hits == ()
    # The looser gate, which any element of the red line passes, takes it.
    screener.learned_gate = "sentence"
    assert [h.red_line_id for h in screener.screen(CONTEXT_ONLY).hits] == [EMOTION_AT_WORK]


@pytest.mark.parametrize(
    "text",
    [
        "The dashboard does not read employees' faces to tell managers who looks glum.",
        "The vendor confirms the tool never reads employees' faces to show who looks glum.",
        "Le tableau de bord n'analyse pas le visage des employés pour dire qui a l'air glum.",
    ],
)
def test_a_denial_suppresses_a_learned_hit(hits, text):
    lang = "fr" if text.startswith("Le ") else "en"
    assert hits(text, marker_model(EMOTION_AT_WORK), lang=lang).hits == ()


def test_the_medical_or_safety_exception_sets_a_learned_hit_aside(hits):
    text = UNLISTED + " It is installed for safety reasons, to spot drowsiness at the wheel."
    found = hits(text, marker_model(EMOTION_AT_WORK))
    assert found.hits == ()
    assert [a.red_line_id for a in found.set_aside] == [EMOTION_AT_WORK]
    assert found.set_aside[0].evidence == UNLISTED


def test_one_to_one_verification_gives_no_learned_hit(hits):
    plain = "Staff unlock the door by showing their own face, a glum routine."
    assert hits(plain, marker_model(FACES_LIVE)).hits == ()
    # The same sentence without the plain statement is found, so the verification is what stops it.
    found = hits("Cameras show the faces of shoppers, a glum routine.", marker_model(FACES_LIVE))
    assert FACES_LIVE in [h.red_line_id for h in found.hits]


def test_the_rules_win_where_they_fire(hits):
    text = "The tool reads applicants' facial expressions in video interviews to score glum moods."
    found = hits(text, marker_model(EMOTION_AT_WORK))
    hit = next(h for h in found.hits if h.red_line_id == EMOTION_AT_WORK)
    assert not hit.method.startswith("learned")


def test_a_model_for_another_encoder_is_not_used(items, encoder):
    other = RedLineModel(**{**marker_model(EMOTION_AT_WORK).__dict__, "encoder": "someone-else"})
    screener = Screener(items, encoder, model=other)
    assert screener.model is None
    assert screener.screen(UNLISTED).hits == ()


def test_the_hashing_fake_runs_without_the_learned_layer(items):
    # The shipped model names the real encoder: with the fake the layer is skipped, not misused.
    screener = Screener(items, CachedEncoder(HashingEncoder()))
    assert screener.model is None


def test_a_model_trained_on_the_fake_is_used_through_screen(items, encoder, tmp_path):
    path = save(marker_model(EMOTION_AT_WORK), tmp_path / "m.json")
    model = load(path)
    found = screen_use_case(UNLISTED, items, encoder=encoder, model=model)
    assert [h.red_line_id for h in found] == [EMOTION_AT_WORK]
    assert found[0].evidence == UNLISTED
    assert screen(UNLISTED, items, encoder=encoder, model=None).hits == ()


def test_a_threshold_per_red_line_replaces_the_single_one(hits):
    model = marker_model(EMOTION_AT_WORK, threshold=0.5)
    # sigmoid(12) is about 0.999994: above this red line's own threshold nothing is added ...
    strict = RedLineModel(**{**model.__dict__, "thresholds": (0.999999, 0.5)})
    assert strict.threshold_for(EMOTION_AT_WORK) == 0.999999
    assert hits(UNLISTED, strict).hits == ()
    # ... and below it the hit comes back, whatever the single threshold says.
    loose = RedLineModel(**{**model.__dict__, "threshold": 0.999999, "thresholds": (0.5, 0.5)})
    assert [h.red_line_id for h in hits(UNLISTED, loose).hits] == [EMOTION_AT_WORK]


def test_a_free_threshold_lets_a_very_likely_sentence_through_without_elements(hits):
    bare = "The dashboard shows who looks glum."
    gated = marker_model(EMOTION_AT_WORK)
    assert hits(bare, gated).hits == ()
    free = RedLineModel(**{**gated.__dict__, "free_threshold": 0.99})
    found = hits(bare, free)
    assert [h.red_line_id for h in found.hits] == [EMOTION_AT_WORK]
    assert found.hits[0].status == POSSIBLE
    # Not when the probability stays under the free threshold ...
    assert hits(bare, RedLineModel(**{**gated.__dict__, "free_threshold": 0.999999})).hits == ()
    # ... and never past a denial or a recorded exception.
    assert hits("The dashboard does not show who looks glum.", free).hits == ()
    aside = hits(bare + " It is installed for safety reasons, to spot drowsiness.", free)
    assert aside.hits == () and [a.red_line_id for a in aside.set_aside] == [EMOTION_AT_WORK]


def test_a_unit_and_text_model_reads_the_whole_texts_mean(items, encoder):
    # Weights on the text-mean half only: a text whose sentences are mostly "glum" is likely,
    # whatever the sentence itself says.
    ids = (EMOTION_AT_WORK, FACES_LIVE)
    model = RedLineModel(
        encoder=MarkerEncoder.name,
        red_line_ids=ids,
        mean=np.zeros(6),
        scale=np.ones(6),
        weights=np.asarray([[0.0, 0.0, 0.0, 12.0, -12.0, -12.0], [-12.0] * 6]),
        bias=np.asarray([-2.0, 0.0]),
        threshold=0.5,
        meta={},
        features="unit+text",
    )
    screener = Screener(items, encoder, model=model)
    assert screener.model is model and model.dim == 3
    text = "The dashboard reads employees' faces. Glum looks are common. Glum days too."
    found = screener.screen(text)
    assert [h.red_line_id for h in found.hits] == [EMOTION_AT_WORK]
    # The same sentence in a text about other things is not.
    other = "The dashboard reads employees' faces. It runs on Mondays. It runs on Fridays."
    assert screener.screen(other).hits == ()
