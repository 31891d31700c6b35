import pytest

from rightslens.core.policy.text import detect_language, normalise, stem
from tests.policy.samples import FRENCH_DECREE, PORTUGUESE_BILL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The provider shall ensure that the system is tested and that the results are published.",
            "en",
        ),
        (FRENCH_DECREE, "fr"),
        (PORTUGUESE_BILL, "pt"),
        (
            "El proveedor deberá realizar una evaluación de impacto y publicar los resultados en su sitio web.",
            "es",
        ),
        (
            "Der Anbieter muss sicherstellen, dass die Ergebnisse der Prüfung veröffentlicht werden und nicht verloren gehen.",
            "de",
        ),
    ],
)
def test_it_detects_the_language_of_an_instrument(text, expected):
    assert detect_language(text)[0] == expected


def test_too_little_text_has_no_language():
    assert detect_language("AI 2025") == ("und", 0.0)


def test_normalising_folds_case_accents_punctuation_and_plurals():
    assert normalise("Avaliações de IMPACTO, d'impact!") == " avaliacao de impacto d impact "
    assert normalise("Organisations' rights") == normalise("organization right")


def test_stemming_leaves_short_words_and_double_s_alone():
    assert stem("was") == "was"
    assert stem("assess") == "assess"
    assert stem("derechos") == "derecho"
