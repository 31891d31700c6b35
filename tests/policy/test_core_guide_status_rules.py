"""Status rules taken from the criteria's status definitions and LABELLING.md (round 3, e13c).

- C9: a named authority is `addressed` only "with real powers (inspection, orders, fines), or
  breaches carry sanctions"; a body that is only named or may audit is the rubric's "monitoring ...
  foreseen, but no body can enforce": `partial`.
- C4: `addressed` needs duties on several kinds of actor (developer, deployer, user, importer,
  supplier, public body as user), each named as the one obliged; a whole supply chain that only
  the company must look after is one kind of duty-bearer, `partial` (LABELLING.md point 2).
"""

import pytest

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import find_phrase, load_criteria, parse_signal
from rightslens.core.policy.text import normalise
from rightslens.core.semantic import HashingEncoder

CRITERIA = load_criteria()


def finding(text: str, code: str, language: str, binding: bool = True):  # type: ignore[no-untyped-def]
    report = analyse(
        text, CRITERIA, InstrumentMeta(language=language, binding=binding), encoder=HashingEncoder()
    )
    return next(f for f in report.findings if f.code == code)


# --- C9: a named body without powers is partial ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "pt",
            "Art. 20. O titular tem direito a solicitar a revisão.\n\n§ 2º A autoridade nacional "
            "poderá realizar auditoria para verificação de aspectos discriminatórios.",
        ),
        (
            "en",
            "Section 1\nProviders shall keep records.\n\nSection 2\nThe competent authority may "
            "carry out audits of those records.",
        ),
        (
            "es",
            "Artículo 1\nLos proveedores documentan sus sistemas.\n\nArtículo 2\nLa autoridad "
            "competente realiza el seguimiento de la aplicación de esta ley.",
        ),
    ],
)
def test_an_authority_named_without_powers_or_sanctions_is_partial_oversight(language, text):
    found = finding(text, "C9", language)
    assert str(found.status) == "partial"
    assert "no provision gives it powers" in found.explanation


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Section 1\nProviders shall keep records.\n\nSection 2\nThe competent authority may "
            "impose administrative fines on providers that breach section 1.",
        ),
        (
            "de",
            "§ 1\nUnternehmen sind verpflichtet, Risiken zu analysieren.\n\n§ 2\nDie zuständige "
            "Behörde kann ein Bußgeld gegen Unternehmen verhängen.",
        ),
        (
            "pt",
            "Art. 1º O controlador deverá fornecer informações.\n\nArt. 2º O descumprimento "
            "sujeita o controlador às sanções administrativas previstas em lei.",
        ),
    ],
)
def test_powers_to_fine_or_sanctions_address_oversight(language, text):
    assert str(finding(text, "C9", language).status) == "addressed"


# --- C4: several kinds of actor must each carry duties -----------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "§ 1\nDie Lieferkette im Sinne dieses Gesetzes bezieht sich auf alle Produkte eines "
            "Unternehmens.\n\n§ 2\nDas Unternehmen muss bei einem unmittelbaren Zulieferer "
            "angemessene Maßnahmen entsprechend seinem Einflussvermögen und seinem "
            "Verursachungsbeitrag verankern.",
        ),
        (
            "en",
            "Section 1\nCompanies shall carry out due diligence across their supply chain, with "
            "measures fitted to their respective role, and shall ask every supplier and "
            "distributor for information.",
        ),
    ],
)
def test_a_whole_supply_chain_that_only_the_company_must_police_is_partial(language, text):
    found = finding(text, "C4", language)
    assert str(found.status) == "partial"
    assert "kind" in found.explanation and found.evidence


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Artículo 25\nEl desarrollador debe establecer mecanismos de transparencia.\n\n"
            "Artículo 27\nTodo implementador y usuario de la IA debe adoptar medidas de "
            "supervisión humana.",
        ),
        (
            "en",
            "Section 3\nDevelopers shall document the system.\n\nSection 4\nDeployers shall "
            "monitor its use.",
        ),
    ],
)
def test_duties_on_two_kinds_of_actor_address_the_value_chain(language, text):
    assert str(finding(text, "C4", language).status) == "addressed"


def test_an_authority_supervising_others_is_not_a_second_actor_in_the_chain():
    text = (
        "§ 1\nDie Lieferkette im Sinne dieses Gesetzes bezieht sich auf alle Produkte eines "
        "Unternehmens.\n\n§ 2\nDie zuständige Behörde muss die Einhaltung durch die Entwickler "
        "kontrollieren.\n\n§ 3\nDer Entwickler muss Risiken analysieren."
    )
    assert str(finding(text, "C4", "de").status) == "partial"


def test_an_actor_named_after_the_verb_receives_the_duty_and_does_not_carry_it():
    text = (
        "Section 1\nProviders shall check that each deployer and importer receives the "
        "documentation along the value chain."
    )
    assert str(finding(text, "C4", "en").status) == "partial"


# --- C17: "foreign" or "abroad" counts only where companies are spoken of -----------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Artículo 11\nLa Secretaría promueve alianzas con entidades públicas nacionales o "
            "extranjeras en materia de IA.\n\nArtículo 15\nSe fomenta la atracción del talento "
            "extranjero en IA.",
        ),
        (
            "en",
            "Section 2\nThe ministry shall cooperate with foreign public bodies on research.",
        ),
    ],
)
def test_foreign_public_bodies_or_talent_say_nothing_of_companies_abroad(language, text):
    assert str(finding(text, "C17", language).status) == "absent"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Artículo 3\nLas empresas extranjeras que operen en el país informan a la autoridad.",
        ),
        ("en", "Section 2\nEnterprises shall report on their foreign operations."),
    ],
)
def test_foreign_in_a_passage_about_companies_is_still_a_mention(language, text):
    assert str(finding(text, "C17", language).status) == "partial"


def test_a_seat_named_in_a_list_item_still_addresses_home_state_expectations():
    text = (
        "§ 1\n(1) Dieses Gesetz ist anzuwenden auf Unternehmen, die\n1. ihre Hauptverwaltung im "
        "Inland haben und\n2. in der Regel mindestens 3 000 Arbeitnehmer beschäftigen.\n\n§ 2\n"
        "Der eigene Geschäftsbereich erfasst jede Tätigkeit des Unternehmens im In- und Ausland."
    )
    assert str(finding(text, "C17", "de").status) != "absent"


# --- Signal syntax: a star on an inner word is a prefix too ------------------------------------


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("regelmassige* risikoanalyse*", "die Durchführung regelmäßiger Risikoanalysen"),
        ("zustandige* ressort*", "das zuständigen Ressorts"),
        ("credito* a la exportacion", "los créditos a la exportación"),
    ],
)
def test_an_inner_starred_word_matches_any_ending(phrase, text):
    signal = parse_signal(phrase)
    assert find_phrase(signal.pattern, normalise(text)) >= 0


def test_an_inner_word_without_a_star_still_needs_its_own_form():
    signal = parse_signal("regelmassige risikoanalyse*")
    assert find_phrase(signal.pattern, normalise("regelmäßiger Risikoanalysen")) < 0


def test_regular_risk_analyses_give_the_after_element_in_german():
    text = (
        "§ 3\n(1) Unternehmen sind verpflichtet, die folgenden Sorgfaltspflichten zu beachten:\n"
        "1. die Durchführung regelmäßiger Risikoanalysen,\n2. die Dokumentation.\n"
    )
    found = finding(text, "C15", "de")
    assert str(found.status) == "addressed"
    assert "regelmäßiger Risikoanalysen" in found.explanation
