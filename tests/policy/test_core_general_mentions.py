"""The rubric's partial cases that real instruments met in general terms (policy round of
2026-12-07, third session): a ban on something other than an AI use in a data law (C10),
international cooperation without a word on policy space (C19), risk management limited to
security (C2), assessment before use and monitoring after it in plain words (C15)."""

import pytest

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria


def _statuses(text: str, language: str, binding: bool = True) -> dict[str, str]:
    report = analyse(text, load_criteria(), InstrumentMeta(language=language, binding=binding))
    return {f.code: str(f.status) for f in report.findings}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Artículo 1\nSe prohíbe el tratamiento de datos sensibles, excepto cuando el titular lo consienta.",
        ),
        (
            "fr",
            "Article 1\nLes pratiques commerciales déloyales sur les plateformes en ligne sont interdites.",
        ),
        (
            "en",
            "Section 1\nThe sale of personal data collected online to data brokers is prohibited.",
        ),
    ],
)
def test_a_ban_on_data_practices_that_names_no_ai_use_is_partial_for_red_lines(language, text):
    assert _statuses(text, language)["C10"] == "partial"


def test_a_ban_outside_data_and_technology_does_not_touch_red_lines():
    text = "Section 1\nChild labour and forced labour are prohibited in the supply chain."
    assert _statuses(text, "en")["C10"] == "absent"


def test_a_ban_on_an_ai_use_still_addresses_red_lines():
    text = (
        "Article 1\nThe use of AI systems for social scoring by public authorities is prohibited."
    )
    assert _statuses(text, "en")["C10"] == "addressed"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Section 4\nThe Commissioner shall take part in policy development at the EU and other international levels.",
        ),
        (
            "es",
            "Artículo 4\nEl Ministerio coordina la agenda digital en el marco del MERCOSUR y de los acuerdos internacionales.",
        ),
        (
            "de",
            "Art. 4\nDer Bundesrat kann völkerrechtliche Verträge über den Datenaustausch selbstständig abschliessen.",
        ),
        (
            "pt",
            "Art. 4º A autoridade participa da cooperação internacional e acompanha os tratados internacionais.",
        ),
    ],
)
def test_international_cooperation_without_policy_space_is_partial_for_c19(language, text):
    assert _statuses(text, language)["C19"] == "partial"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Article 2\nLes fournisseurs réalisent un audit de cybersécurité chaque année."),
        (
            "es",
            "Artículo 2\nLas entidades deberán gestionar los riesgos de seguridad digital y adoptar medidas de seguridad.",
        ),
        (
            "en",
            "Section 2\nEmployers shall commission an independent bias audit of the tool every year.",
        ),
        ("de", "§ 2\nDie Behörden berücksichtigen insbesondere die Risiken für den Datenschutz."),
    ],
)
def test_risk_management_limited_to_security_or_one_test_is_partial_for_c2(language, text):
    assert _statuses(text, language)["C2"] == "partial"


def test_no_risk_wording_leaves_c2_absent():
    assert (
        _statuses("Section 2\nThe Minister shall publish an annual report.", "en")["C2"] == "absent"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Section 3\nAgencies should test each AI system before release and should put "
            "performance monitoring in place to detect drift.",
        ),
        (
            "de",
            "§ 3\nKI-Anwendungen werden vor der Nutzung geprüft und während des Einsatzes "
            "laufend evaluiert.",
        ),
    ],
)
def test_before_and_after_in_plain_words_address_c15(language, text):
    assert _statuses(text, language, binding=False)["C15"] == "addressed"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "§ 12\nDie Bundesregierung richtet eine zentrale Stelle ein, die die Behörden zu "
            "Fragen der Bereitstellung offener Daten berät.",
        ),
        (
            "es",
            "Artículo 16\nLa Agencia deberá dictar las directrices necesarias para que las "
            "instituciones públicas implementen los procedimientos adecuados.",
        ),
        (
            "en",
            "Section 16\nThe Commissioner shall issue guidelines to controllers and processors.",
        ),
    ],
)
def test_an_authority_that_advises_or_issues_guidelines_addresses_c16(language, text):
    assert _statuses(text, language)["C16"] == "addressed"


def test_a_facetless_partial_says_which_elements_are_missing():
    report = analyse(
        "Section 5\nAgencies should monitor their systems.",
        load_criteria(),
        InstrumentMeta(language="en", binding=True),
    )
    finding = next(f for f in report.findings if f.code == "C15")
    assert str(finding.status) == "partial"
    assert "but not after, before" not in finding.explanation


def test_consulting_an_authority_or_a_register_is_not_engaging_affected_people():
    consulted = "Article 5\nThe municipality shall consult the data protection authority first."
    assert _statuses(consulted, "en")["C5"] == "absent"
    looked_up = "Artículo 5\nEl titular puede consultar sus datos en el registro."
    assert _statuses(looked_up, "es")["C5"] == "absent"
    engaged = "Article 5\nThe provider shall hold a public consultation with affected communities."
    assert _statuses(engaged, "en")["C5"] == "addressed"
