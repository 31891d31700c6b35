"""The labellers' distinctions (benchmarks/policy_corpus/LABELLING.md) as rules, in several languages.

- C13: a link to other law (a relation phrase and a body of law in one operative sentence) or a
  coordination mechanism is addressed; other law cited only to define terms or set scope is absent;
  coherence named only as an aim is partial.
- C4: an instrument that names one kind of duty-bearer is partial, not absent.
- C14: a hedged mention of a voluntary tool in a binding text is partial; a promotional law that
  names regulation gestures at future regulation (partial); a binding text naming other law is no mix.
- Hedges ("where appropriate") read as expectations; titles are never evidence.
"""

import pytest

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria
from rightslens.core.policy.lexicon import Modality, modality_of
from rightslens.core.policy.text import normalise
from rightslens.core.semantic import HashingEncoder

CRITERIA = load_criteria()


def status(text: str, code: str, language: str, binding: bool = True) -> str:
    report = analyse(
        text,
        CRITERIA,
        InstrumentMeta(language=language, binding=binding),
        encoder=HashingEncoder(),
    )
    return str(next(f for f in report.findings if f.code == code).status)


def finding(text: str, code: str, language: str, binding: bool = True):  # type: ignore[no-untyped-def]
    report = analyse(
        text, CRITERIA, InstrumentMeta(language=language, binding=binding), encoder=HashingEncoder()
    )
    return next(f for f in report.findings if f.code == code)


# --- C13 policy coherence -------------------------------------------------------------------

C13_LINKED = [
    (
        "en",
        "Article 1\nProviders shall assess their systems.\n\nArticle 2\nThis Act is without "
        "prejudice to Union data protection law.",
    ),
    (
        "de",
        "§ 1\nUnternehmen sind verpflichtet, Risiken zu analysieren.\n\n§ 2\nEine unabhängig "
        "von diesem Gesetz begründete zivilrechtliche Haftung bleibt unberührt.",
    ),
    (
        "es",
        "Artículo 1\nLos derechos reconocidos en la Constitución y en los tratados "
        "internacionales son aplicables en los entornos digitales.",
    ),
    (
        "fr",
        "Article 1\nLes fournisseurs évaluent les risques.\n\nArticle 2\nLe présent article "
        "s'applique sans préjudice du droit du travail.",
    ),
    (
        "pt",
        "Art. 1º O fornecedor deve avaliar os riscos.\n\nArt. 2º O tratamento de dados "
        "observa o disposto na lei, sem prejuízo da legislação de proteção de dados.",
    ),
]


@pytest.mark.parametrize(("language", "text"), C13_LINKED)
def test_a_link_to_neighbouring_law_addresses_policy_coherence(language, text):
    assert status(text, "C13", language) == "addressed"


C13_SCOPE_ONLY = [
    (
        "en",
        "Section 1\nThe Act applies to larger enterprises that are liable to tax pursuant to "
        "Norwegian legislation.\n\nSection 2\nEnterprises shall publish an account.",
    ),
    (
        "de",
        "§ 1\nDieses Gesetz ist anzuwenden auf Unternehmen mit einer Zweigniederlassung gemäß "
        "§ 13d des Handelsgesetzbuchs.\n\n§ 2\nUnternehmen sind verpflichtet, Risiken zu analysieren.",
    ),
    (
        "fr",
        "Article 1\nAu sens de la loi du 6 janvier 1978, les sociétés contrôlées sont "
        "conformément au code de commerce.\n\nArticle 2\nLa société établit un plan.",
    ),
]


@pytest.mark.parametrize(("language", "text"), C13_SCOPE_ONLY)
def test_other_law_cited_only_for_scope_or_definitions_is_no_link(language, text):
    found = finding(text, "C13", language)
    assert str(found.status) == "absent"
    assert "define terms or set the scope" in found.explanation


def test_the_instrument_naming_itself_is_not_other_law():
    text = "Article 1\nProviders shall act in accordance with this Regulation.\n"
    assert status(text, "C13", "en") == "absent"


def test_naming_privacy_as_a_value_links_nothing_but_coherence_as_an_aim_is_partial():
    values = "1.1 AI actors should respect privacy, non-discrimination and labour rights.\n"
    assert status(values, "C13", "en", binding=False) == "absent"
    aim = "1.1 Member States should avoid fragmentation and keep a level playing field.\n"
    assert status(aim, "C13", "en", binding=False) == "partial"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Article 9\nThe authorities shall coordinate their supervision of AI systems.\n"),
        (
            "es",
            "Artículo 9\nLas autoridades establecerán mecanismos de cooperación internacional.\n",
        ),
        ("pt", "Art. 9º A autoridade promoverá a cooperação internacional em IA.\n"),
    ],
)
def test_coordination_or_cooperation_addresses_policy_coherence_alone(language, text):
    assert status(text, "C13", language) == "addressed"


# --- C4 value chain --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Section 2\nThe Act applies to larger enterprises resident in Norway.\n\nSection 3\n"
            "The enterprise shall publish an account of its work.",
        ),
        (
            "pt",
            "Art. 20. O titular tem direito a solicitar a revisão.\n\n§ 1º O controlador deverá "
            "fornecer informações claras.",
        ),
        (
            "de",
            "§ 3\nUnternehmen sind verpflichtet, Risiken zu analysieren und zu dokumentieren.\n",
        ),
    ],
)
def test_one_named_duty_bearer_makes_the_value_chain_partial(language, text):
    found = finding(text, "C4", language)
    assert str(found.status) == "partial"
    assert "one kind of actor" in found.explanation and found.evidence


def test_parties_named_only_as_participants_bind_no_one():
    text = (
        "a) Se promueve la participación de personas naturales y organizaciones en el debate "
        "sobre políticas públicas.\n"
    )
    assert status(text, "C4", "es") == "absent"


def test_several_roles_along_the_chain_still_address_the_value_chain():
    text = (
        "Article 1\nAlong the value chain, each actor shall act according to its respective role. "
        "Providers shall document the system. Deployers shall monitor its use. "
        "Importers shall verify the documentation.\n"
    )
    assert status(text, "C4", "en") == "addressed"


# --- C14 smart mix, hedges, promotional drafting ------------------------------------------


@pytest.mark.parametrize(
    ("language", "hedged", "plain"),
    [
        (
            "fr",
            "Article 1\nLe plan est élaboré, le cas échéant, dans le cadre d'initiatives pluripartites.\n",
            "Article 1\nLe plan est élaboré dans le cadre d'initiatives pluripartites.\n",
        ),
        (
            "en",
            "Article 1\nThe Commission shall, where appropriate, encourage codes of conduct.\n",
            "Article 1\nThe Commission shall encourage the drawing up of codes of conduct.\n",
        ),
    ],
)
def test_a_hedged_voluntary_tool_in_a_binding_text_is_only_partial(language, hedged, plain):
    assert status(hedged, "C14", language) == "partial"
    assert status(plain, "C14", language) == "addressed"


def test_a_promotional_law_naming_regulation_gestures_at_it():
    promotional = (
        "b) Se promueve la participación en el debate de políticas orientadas a la regulación "
        "de la inteligencia artificial.\n"
    )
    assert status(promotional, "C14", "es") == "partial"
    prescriptive = "Artículo 3\nLa regulación sectorial se aplica a los proveedores.\n"
    assert status(prescriptive, "C14", "es") == "absent"


def test_a_binding_text_naming_national_law_is_no_mix():
    text = (
        "(31) This Directive should not preclude Member States from introducing more stringent "
        "provisions of national law.\n"
    )
    assert status(text, "C14", "en") == "absent"


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Data shall be made available to the public, where appropriate.", "where appropriate"),
        ("Les données sont publiées le cas échéant.", "le cas echeant"),
        ("Los datos se publicarán cuando proceda.", "cuando proceda"),
        ("Os dados devem ser publicados quando apropriado.", "quando apropriado"),
        ("Die Daten sind gegebenenfalls zu veröffentlichen.", "gegebenenfalls"),
    ],
)
def test_a_discretionary_hedge_reads_as_an_expectation(sentence, hedge):
    assert modality_of(normalise(sentence)) == (Modality.EXPECTATION, normalise(hedge).strip())


def test_a_hedged_publication_duty_is_partial_transparency():
    hedged = "4.2.3 Information on automated systems is made available to the public, where appropriate.\n"
    plain = "4.2.3 Information on automated systems is made available to the public.\n"
    assert status(hedged, "C8", "en") == "partial"
    assert status(plain, "C8", "en") == "addressed"


def test_the_instruments_title_is_never_evidence():
    text = (
        "General Data Protection and International Cooperation Act\n\n"
        "Article 1\nProviders shall keep records.\n"
    )
    report = analyse(
        text, CRITERIA, InstrumentMeta(language="en", binding=True), encoder=HashingEncoder()
    )
    c13 = next(f for f in report.findings if f.code == "C13")
    assert str(c13.status) == "absent"
    assert all(e.start > text.index("\n") for f in report.findings for e in f.evidence)


# --- grammar fixes found on the dev split --------------------------------------------------


def test_ise_and_ize_spellings_meet_so_french_prefixes_match():
    from rightslens.core.policy.criteria import parse_signal

    assert normalise("hiérarchisation") == normalise("hierarchization")
    assert parse_signal("hierarchis*").pattern in normalise("la hiérarchisation des risques")
    assert parse_signal("judicial authoriz*").pattern in normalise("prior judicial authorisation")


def test_ranking_risks_without_a_severity_test_is_only_partial():
    text = "Article 1\nLe plan comprend une cartographie des risques et leur hiérarchisation.\n"
    assert status(text, "C3", "fr") == "partial"


def test_a_short_ai_word_is_a_whole_word_not_the_start_of_another():
    from rightslens.core.policy.reading import about_ai

    assert about_ai(normalise("Das KI-System wird eingesetzt."))
    assert not about_ai(normalise("das Verbot der Beschäftigung eines Kindes"))
    assert not about_ai(normalise("the aid and the aim of the programme"))


def test_a_child_labour_ban_is_no_red_line_on_ai():
    text = "§ 2\n(2) Verboten ist: 1. das Verbot der Beschäftigung eines Kindes unter 15 Jahren.\n"
    assert status(text, "C10", "de") == "absent"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "(32) Due diligence under this Directive should be carried out with respect to "
            "adverse human rights impacts on persons.\n",
        ),
        (
            "de",
            "(32) Die Sorgfaltspflicht nach dieser Richtlinie sollte in Bezug auf nachteilige "
            "Auswirkungen auf die Menschenrechte erfüllt werden.\n",
        ),
    ],
)
def test_should_in_an_eu_recital_is_the_drafting_convention_for_a_duty(language, text):
    assert status(text, "C2", language) == "addressed"
    article = text.replace("(32) ", "Article 32\n")
    assert status(article, "C2", language) == "partial"  # in an article, "should" stays weak


def test_a_negated_recital_should_obliges_no_one():
    text = (
        "(31) This Directive should not preclude Member States from introducing provisions on "
        "meaningful engagement with stakeholders.\n"
    )
    assert status(text, "C5", "en") == "partial"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "pt",
            "Art. 20. O titular dos dados tem direito a solicitar a revisão de decisões tomadas "
            "unicamente com base em tratamento automatizado de dados pessoais.\n",
        ),
        (
            "en",
            "Article 22\nThe data subject shall have the right to contest a decision based solely "
            "on automated processing.\n",
        ),
    ],
)
def test_solely_automated_decisions_are_a_kind_of_decision_not_a_narrow_scope(language, text):
    assert status(text, "C7", language) == "addressed"


def test_only_for_still_narrows_a_provision():
    text = "Article 4\nAffected persons may lodge a complaint only for systems used by banks.\n"
    assert status(text, "C7", "en") == "partial"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Article 1\nLe mécanisme d'alerte est établi en concertation avec les organisations "
            "syndicales représentatives.\n",
        ),
        ("de", "§ 4\nDer Plan ist mit dem Betriebsrat zu beraten und abzustimmen.\n"),
        (
            "es",
            "Artículo 5\nLa evaluación se realiza con los representantes de los trabajadores.\n",
        ),
    ],
)
def test_involving_workers_representatives_is_meaningful_engagement(language, text):
    assert status(text, "C5", language) == "addressed"
