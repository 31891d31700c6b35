"""Evidence comes from operative text (issue 13): definitions, authorities' names and preambles
say what words mean, who supervises and why, not what anyone must do."""

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria
from rightslens.core.policy.provisions import split_provisions
from rightslens.core.policy.structure import definition_refs

CRITERIA = load_criteria()


def finding(text: str, code: str, **meta: object):
    report = analyse(text, CRITERIA, InstrumentMeta(**meta))  # type: ignore[arg-type]
    return next(f for f in report.findings if f.code == code)


DEFINITIONS_LAW = """§ 1 Anwendungsbereich
Dieses Gesetz gilt für Unternehmen mit mindestens 1000 Arbeitnehmern.

§ 2 Begriffsbestimmungen
(1) Ein Risiko im Sinne dieses Gesetzes ist ein Zustand, bei dem ein Verstoß gegen eines der folgenden Verbote droht:
1. das Verbot der Missachtung der Koalitionsfreiheit, wonach Arbeitnehmer Gewerkschaften frei gründen und ihnen beitreten,
2. das Verbot der Ungleichbehandlung in Beschäftigung.

§ 3 Pflichten
Unternehmen müssen Risiken ermitteln und angemessene Maßnahmen ergreifen.
"""


def test_every_point_of_a_definitions_article_is_a_definition():
    provisions = split_provisions(DEFINITIONS_LAW)
    refs = definition_refs(DEFINITIONS_LAW, provisions)
    in_article_2 = {p.ref for p in provisions if p.article.startswith("§ 2") and not p.is_heading}
    assert in_article_2 and in_article_2 <= refs
    assert not any(p.article.startswith("§ 3") for p in provisions if p.ref in refs)


def test_unions_named_in_a_definition_are_not_a_consultation_duty():
    assert finding(DEFINITIONS_LAW, "C5", binding=True).status != "addressed"


def test_rights_defined_by_the_treaties_that_state_them_still_ground_the_law():
    text = (
        "§ 2 Begriffsbestimmungen\n(1) Geschützte Rechtspositionen im Sinne dieses Gesetzes sind "
        "solche, die sich aus den Übereinkommen zum Schutz der Menschenrechte ergeben.\n\n"
        "§ 3 Pflichten\nUnternehmen müssen die geschützten Rechtspositionen achten."
    )
    assert finding(text, "C1", binding=True).status == "addressed"


def test_a_word_inside_an_authoritys_name_is_not_evidence_of_it():
    named = (
        "§ 19 Zuständige Behörde\nZuständig ist das Bundesamt für Wirtschaft und Ausfuhrkontrolle."
    )
    assert finding(named, "C21", binding=True).status == "absent"
    named_es = "Artículo 3\nLa Comisión Nacional de Derechos Humanos recibe las quejas."
    assert finding(named_es, "C1", binding=True).status == "absent"


def test_the_same_words_outside_a_name_still_count():
    text = "Article 4\nThe Ministry shall refuse an export licence for surveillance technology where there is a risk of human rights violations."
    assert finding(text, "C21", binding=True).status != "absent"


DECREE = """Decreto Supremo que aprueba el Reglamento

Que, se realizó la consulta pública sobre el proyecto con la participación de las partes interesadas;

Artículo 1.- Objeto
El presente reglamento regula el uso de sistemas de inteligencia artificial.
"""


def test_a_recital_in_a_law_with_articles_is_not_evidence():
    assert finding(DECREE, "C5", binding=True).status == "absent"


def test_recitals_alone_are_read_as_they_stand():
    recitals = "(1) Companies should consult affected stakeholders, including trade unions, when they identify adverse impacts."
    assert finding(recitals, "C5", binding=True).status != "absent"


def test_an_assessment_before_implementation_is_the_before_element():
    text = (
        "Artículo 29\nLas auditorías se realizan de forma obligatoria antes de la implementación "
        "del sistema y durante toda su operación, con seguimiento continuo."
    )
    assert finding(text, "C15", binding=True).status == "addressed"


def test_a_laws_own_timeline_is_not_an_element_of_a_national_action_plan():
    text = "§ 7\n(2) Das Unternehmen erstellt einen Zeitplan und sieht eine Überprüfung vor."
    assert finding(text, "C20", binding=True).status == "absent"


def test_a_national_strategy_with_its_elements_is_partial():
    text = (
        "Artículo 5\nLa Secretaría elabora la Estrategia Nacional de Inteligencia Artificial, "
        "con un cronograma y sus indicadores."
    )
    assert finding(text, "C20", binding=True).status == "partial"
