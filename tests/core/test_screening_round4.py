"""Round-4 screening behaviour over the shipped library, read through the fake encoder: word
beginnings that found words of another meaning ("visa" in French "visages", Portuguese "baix" in
"baixa", French "assurance" as insurance), and paraphrase families in five languages read as the
element they describe."""

import pytest

from rightslens.core.screening import screen
from rightslens.core.screening_engine import Screener
from rightslens.core.semantic import HashingEncoder

FAKE = HashingEncoder()


@pytest.fixture(scope="module")
def screener(items):
    return Screener(items, FAKE)


def elements(screener, sentence, lang):
    return set(screener._read(sentence, lang).elements)


def hits(text, items, lang):
    return {h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits}


@pytest.mark.parametrize(
    ("sentence", "lang", "element"),
    [
        ("Les caméras floutent tous les visages des passants.", "fr", "el-detriment"),
        ("Quem tem nota baixa espera mais na fila.", "pt", "el-scraping"),
        ("Le client souscrit une assurance habitation en ligne.", "fr", "el-emotion"),
    ],
)
def test_word_beginnings_do_not_find_words_of_another_meaning(screener, sentence, lang, element):
    assert element not in elements(screener, sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "element"),
    [
        ("The system checks each face against the banned-fans list.", "en", "el-identity"),
        ("Le système compare chaque visage avec une liste de supporters.", "fr", "el-identity"),
        ("El sistema compara cada rostro con una lista de vetados.", "es", "el-identity"),
        ("It gives each pupil a probability of offending by sixteen.", "en", "el-future-offending"),
        ("It ranks areas by the expected number of burglaries.", "en", "el-crime-forecast"),
        ("Das Modell schätzt das Einbruchsrisiko jeder Straße.", "de", "el-crime-forecast"),
        ("The banner shows a timer that resets on every visit.", "en", "el-manipulation"),
        ("O jogo mostra uma contagem regressiva falsa.", "pt", "el-manipulation"),
        ("Residents collect points for recycling.", "en", "el-trust-score"),
        ("Cada morador recebe uma nota conforme seu comportamento.", "pt", "el-trust-score"),
        ("The bot targets users in mourning.", "en", "el-vulnerable-target"),
        ("L'outil capte les conversations de la ville.", "fr", "el-monitoring"),
    ],
)
def test_paraphrase_families_are_read_as_their_element(screener, sentence, lang, element):
    assert element in elements(screener, sentence, lang)


def test_a_denied_paraphrase_is_no_hit(items):
    said = "Cameras at the gate check each face against the list of banned supporters live."
    denied = "Cameras at the gate do not check any face against the list of banned supporters."
    assert "rl-remote-realtime-facial-recognition" in hits(said, items, "en")
    assert "rl-remote-realtime-facial-recognition" not in hits(denied, items, "en")
