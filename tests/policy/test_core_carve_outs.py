"""`contrary` only with a quoted carve-out in operative, binding text that removes protection
wholesale (issue 13). Texts without one, in en/fr/es/pt/de, never yield `contrary`."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria
from rightslens.core.policy.second_opinion import verify

CRITERIA = load_criteria()

# Sentences about the text itself, soft-law wording, questions and mere mentions of the topics
# that contrary signals name (appeal, liability, exemptions, source code, security).
NO_CARVE_OUT = {
    "en": [
        "This guide does not replace the law.",
        "These principles are not binding and do not create new obligations.",
        "This framework is not intended to exempt anyone from a legal duty.",
        "Should providers be exempt from impact assessments?",
        "Is there no right of appeal against automated decisions?",
        "This code is not a substitute for judicial remedies or for national security safeguards.",
        "Companies should carry out human rights due diligence and publish what they find.",
        "The authority may require access to source code to investigate a complaint.",
        "Exceptions for law enforcement are discussed in the annex to this guide.",
    ],
    "fr": [
        "Ce guide ne remplace pas la loi.",
        "Ces principes ne sont pas contraignants et ne créent pas d'obligations.",
        "Ce référentiel n'a pas pour objet d'exempter quiconque de ses obligations.",
        "Faut-il prévoir une exception pour la sécurité nationale ?",
        "Le présent guide ne se substitue pas aux voies de recours.",
        "Les entreprises devraient publier une analyse d'impact.",
        "L'autorité peut demander l'accès au code source.",
    ],
    "es": [
        "Esta guía no sustituye a la ley.",
        "Estos principios no son vinculantes y no crean obligaciones.",
        "Este marco no pretende eximir a nadie de sus deberes; no es vinculante.",
        "¿Debe quedar excluida la seguridad nacional?",
        "Las empresas deberían realizar una evaluación de impacto.",
        "La autoridad puede solicitar el acceso al código fuente.",
    ],
    "pt": [
        "Este guia não substitui a lei.",
        "Estes princípios não são vinculantes e não criam obrigações.",
        "Este referencial não tem por objetivo isentar ninguém de deveres legais.",
        "A segurança nacional deve ficar fora do âmbito?",
        "As empresas deveriam realizar avaliação de impacto e publicar os resultados.",
        "A autoridade pode exigir acesso ao código fonte no âmbito de uma investigação.",
    ],
    "de": [
        "Dieser Leitfaden ersetzt nicht das Gesetz.",
        "Diese Grundsätze sind nicht verbindlich und begründen keine Pflichten.",
        "Die Handreichung ist unverbindlich und schafft keine Ausnahme von gesetzlichen Pflichten.",
        "Soll die nationale Sicherheit ausgenommen werden?",
        "Unternehmen sollten eine Folgenabschätzung durchführen.",
        "Die Behörde kann Zugang zum Quellcode verlangen.",
    ],
}

# Carve-outs that would be contrary in a binding law's articles.
CARVE_OUTS = {
    "en": [
        "This Act shall not apply to national security, defence or military uses.",
        "Providers shall not be required to carry out a human rights impact assessment.",
        "Decisions of the authority shall be final, with no right of appeal.",
    ],
    "fr": [
        "La présente loi ne s'applique pas aux activités de défense nationale.",
        "Les fournisseurs sont dispensés de réaliser une analyse d'impact.",
    ],
    "es": [
        "Esta ley no se aplica a los sistemas de defensa nacional.",
        "La decisión no será recurrible.",
    ],
    "pt": [
        "Esta Lei não se aplica aos sistemas de defesa nacional.",
        "Os fornecedores ficam dispensados de realizar avaliação de impacto.",
    ],
    "de": [
        "Dieses Gesetz gilt nicht für die nationale Sicherheit und die Verteidigung.",
        "Anbieter sind nicht verpflichtet, eine Folgenabschätzung durchzuführen.",
    ],
}
LANGUAGES = st.sampled_from(sorted(NO_CARVE_OUT))


def statuses(text: str, **meta: object) -> dict[str, str]:
    report = analyse(text, CRITERIA, InstrumentMeta(**meta))  # type: ignore[arg-type]
    return {f.code: str(f.status) for f in report.findings}


def contrary_in(found: dict[str, str]) -> list[str]:
    return [code for code, status in found.items() if status == "contrary"]


@settings(max_examples=40, deadline=None)
@given(
    LANGUAGES.flatmap(lambda lang: st.lists(st.sampled_from(NO_CARVE_OUT[lang]), min_size=1)),
    st.sampled_from([True, False, None]),
)
def test_texts_without_a_carve_out_are_never_contrary(lines, binding):
    text = "Article 1\n" + "\n".join(lines)
    assert contrary_in(statuses(text, binding=binding)) == []


@settings(max_examples=30, deadline=None)
@given(
    LANGUAGES.flatmap(
        lambda lang: st.lists(
            st.sampled_from(NO_CARVE_OUT[lang] + CARVE_OUTS[lang]), min_size=1, max_size=8
        )
    ),
    st.sampled_from(["guidance", "code_of_conduct", "national_action_plan"]),
)
def test_a_voluntary_text_is_never_contrary_even_where_it_leaves_something_out(lines, kind):
    text = "1. Principles\n" + "\n".join(lines)
    assert contrary_in(statuses(text, kind=kind)) == []


@settings(max_examples=30, deadline=None)
@given(LANGUAGES.flatmap(lambda lang: st.lists(st.sampled_from(CARVE_OUTS[lang]), min_size=1)))
def test_carve_outs_in_the_preamble_are_not_operative(lines):
    text = "\n".join(lines) + "\nArticle 1\nThis Act enters into force on publication."
    assert contrary_in(statuses(text, binding=True)) == []


def test_the_same_carve_out_in_an_article_of_a_law_is_contrary():
    text = "Article 1\nThis Act shall not apply to national security, defence or military uses."
    found = statuses(text, binding=True)
    assert found["C11"] == "contrary"


def test_a_voluntary_scope_exclusion_is_partial_with_the_reason():
    text = "1. Scope\nThese principles do not apply to national security or military uses."
    report = analyse(text, CRITERIA, InstrumentMeta(kind="guidance"))
    c11 = next(f for f in report.findings if f.code == "C11")
    assert c11.status == "partial"
    assert "voluntary" in c11.explanation


def test_a_disclaimer_about_appeal_is_not_a_removed_remedy():
    text = "Article 3\nThis guidance does not replace the right of appeal, and there is no right of appeal it could remove."
    assert statuses(text, binding=True)["C7"] != "contrary"


def test_naming_access_to_source_code_is_not_forbidding_it():
    text = "Article 5\nThe authority may require access to source code as a condition of approval."
    assert statuses(text, binding=True)["C19"] != "contrary"


def test_forbidding_the_state_to_require_source_code_is_contrary():
    text = "Article 5\nNo Party shall require the transfer of or access to source code as a condition for import, and this applies to all software."
    assert statuses(text, binding=True)["C19"] == "contrary"


def test_a_release_conditioned_by_unless_is_not_wholesale():
    text = "Article 4\nProviders shall not be required to carry out a human rights impact assessment unless the authority asks for one."
    assert statuses(text, binding=True)["C2"] == "partial"


def test_a_model_contrary_without_a_quote_found_in_the_text_becomes_partial():
    text = "Article 1\nThis Act applies to providers."
    opinions = verify(text, {"C11": {"status": "contrary", "quotes": ["not in the text at all"]}})
    assert opinions["C11"].status == "partial"
    assert "no quoted carve-out" in opinions["C11"].reason


ONE_RULE_SET_ASIDE = [
    "§ 9 Zusammenarbeit\n(3) Den Stellen ist Gelegenheit zur Stellungnahme zu geben. Satz 2 ist nicht "
    "anzuwenden, soweit es sich um Strafverfolgungsbehörden handelt.",
    "Section 9\n(3) The body shall be heard first. Paragraph (3) does not apply to law enforcement "
    "authorities.",
    "Art. 9.º\n3 - As entidades são ouvidas. O inciso II não se aplica às forças de segurança.",
    "Artículo 9\n3. El apartado 2 no se aplicará a las fuerzas de seguridad del Estado.",
    # Exempt from one part of the instrument only, or with named rules still applying.
    "Section 39\nA controller that processes personal data in the interests of national security "
    "is exempt from the provisions of Part IV, except for section 12.",
    "Article 39\nLes traitements intéressant la défense nationale sont exclus du chapitre III.",
    "§ 39\nVon den Vorschriften des Teils 3 sind Behörden der Landesverteidigung ausgenommen.",
    "Artigo 39\nOs tratamentos de defesa nacional não estão sujeitos a esta lei, exceto o artigo 5.",
]


def test_setting_aside_one_rule_of_a_provision_for_the_police_is_not_wholesale():
    for text in ONE_RULE_SET_ASIDE:
        report = analyse(text, CRITERIA, InstrumentMeta(binding=True))
        c11 = next(f for f in report.findings if f.code == "C11")
        assert c11.status != "contrary", (text, c11.explanation)
    # The instrument itself set aside for the police stays contrary.
    law = "Article 9\nThis Act shall not apply to law enforcement authorities or national security."
    assert statuses(law, binding=True)["C11"] == "contrary"


PERU_STYLE_SCOPE = (
    "Artículo 3.- Ámbito de Aplicación\n\n"
    "3.1. El presente Decreto Legislativo es de aplicación a los propietarios de cámaras de "
    "videovigilancia ubicadas en bienes de dominio público.\n\n"
    "3.2. Se excluyen de la aplicación de la presente norma:\n\n"
    "a. Las personas naturales o jurídicas propietarias de cámaras ubicadas en espacios "
    "privados, las mismas que se rigen por la normativa de la materia.\n\n"
    "b. Los proyectos de asociación público privado que cuenten con contratos suscritos a la "
    "fecha de la entrada en vigencia de la presente norma.\n\n"
    "c. Las cámaras de videovigilancia de la Policía Nacional y de las Fuerzas Armadas, las "
    "cuales se rigen bajo su respectivo marco normativo.\n\n"
    "Artículo 4.- Reglas\n\nLos propietarios deben informar al público.\n"
)


def test_an_exclusion_chapeau_carries_into_the_point_that_names_the_armed_forces():
    assert statuses(PERU_STYLE_SCOPE, binding=True, language="es")["C11"] == "contrary"
    # With a condition in the point, the exclusion is narrow.
    narrow = PERU_STYLE_SCOPE.replace(
        "las cuales se rigen bajo su respectivo marco normativo",
        "salvo que sean estrictamente necesarias y autorizadas por un juez",
    )
    assert statuses(narrow, binding=True, language="es")["C11"] != "contrary"


def test_an_exclusion_that_holds_only_if_something_is_so_is_conditioned():
    law = (
        "§ 3\n(2) Das Verfahren muss gewährleisten, dass der Anbieter rechtswidrige Inhalte "
        "innerhalb von 24 Stunden entfernt; dies gilt nicht, wenn das soziale Netzwerk mit der "
        "zuständigen Strafverfolgungsbehörde einen längeren Zeitraum vereinbart hat.\n"
    )
    assert statuses(law, binding=True, language="de")["C11"] != "contrary"
    english = (
        "Article 4\nThis Act shall not apply where a law enforcement authority has obtained a "
        "court order for the processing."
    )
    assert statuses(english, binding=True, language="en")["C11"] != "contrary"


# One rule, or one activity, set aside for security, against the whole instrument set aside.
PART_AND_WHOLE = [
    (
        "Article 7\nProviders must inform the user within 24 hours. This does not apply to "
        "national security or law enforcement authorities.",
        "Article 7\nThis Act does not apply to national security or law enforcement.",
        "en",
    ),
    (
        "Artículo 18.- Intercambio de información\n\n18.4. Queda excluida del intercambio la "
        "información que pueda afectar la seguridad nacional.\n",
        "Artículo 2.- Quedan excluidos de la presente ley los tratamientos de seguridad nacional.",
        "es",
    ),
    (
        # California SB 53 (policy fresh27): a US subdivision, numbered in front.
        "22757.12. (a) A developer shall publish a framework.\n"
        "(2) This subdivision does not apply to a statement made in good faith.\n"
        "(f) (1) A developer may redact documents to protect the national security of the "
        "United States.\n"
        "22757.13. The Office shall receive reports.\n",
        "22757.12. (a) A developer shall publish a framework.\n"
        "(2) This Act does not apply to a statement made in good faith.\n"
        "(f) (1) A developer may redact documents to protect the national security of the "
        "United States.\n"
        "22757.13. The Office shall receive reports.\n",
        "en",
    ),
]


def test_an_exemption_from_another_named_law_is_not_one_from_this_instrument():
    other = (
        "Section 3\nDevelopers shall report incidents to the Office.\n"
        "Section 4\nReports submitted to the Office are exempt from the California Public Records "
        "Act (Division 10 of Title 1 of the Government Code).\n"
    )
    this = (
        "Section 3\nDevelopers shall report incidents to the Office.\n"
        "Section 4\nGovernment agencies are exempt from this Act.\n"
    )
    assert "contrary" not in statuses(other, binding=True, language="en").values()
    assert "contrary" in statuses(this, binding=True, language="en").values()


@pytest.mark.parametrize(("part", "whole", "lang"), PART_AND_WHOLE)
def test_a_rule_or_an_activity_set_aside_is_not_the_instrument_set_aside(part, whole, lang):
    assert statuses(part, binding=True, language=lang)["C11"] != "contrary"
    assert statuses(whole, binding=True, language=lang)["C11"] == "contrary"


def test_an_exclusion_that_holds_only_in_a_case_named_later_is_conditioned():
    # Uruguay, Ley 18.331 Art. 27 (policy fresh15): the law gives way only when the information
    # would affect defence, security or prosecution: a conditioned exception, not a carve-out.
    law = (
        "Artículo 1\nLos responsables deben informar a los titulares.\n\n"
        "Artículo 27\nLo dispuesto en la presente ley no será aplicable a la recolección de datos, "
        "cuando la información del titular afecte a la defensa nacional, a la seguridad pública o "
        "a la persecución de infracciones penales.\n"
    )
    assert statuses(law, language="es", binding=True)["C11"] != "contrary"
    wholesale = (
        "Artículo 1\nLos responsables deben informar a los titulares.\n\n"
        "Artículo 2\nLo dispuesto en la presente ley no será aplicable a los tratamientos de datos "
        "con fines de defensa nacional, seguridad pública o persecución de infracciones penales.\n"
    )
    assert statuses(wholesale, language="es", binding=True)["C11"] == "contrary"


@pytest.mark.parametrize(
    ("conditioned", "wholesale", "lang"),
    [
        (
            # Benin, Code du numérique art. 451 (policy fresh19): released only on proof that the
            # harm is in no way theirs, a defence.
            "Un responsable du traitement ou un sous-traitant est exonéré de responsabilité s'il "
            "prouve que le fait qui a provoqué le dommage ne lui est nullement imputable.",
            "Un responsable du traitement ou un sous-traitant est exonéré de toute responsabilité "
            "pour les dommages causés par le traitement.",
            "fr",
        ),
        (
            # Mexico City, surveillance-technology law art. 36 (policy fresh19): an exception
            # granted on the conditions listed after it.
            "Se exceptúa de la prohibición contenida en el artículo anterior a los permisionarios "
            "de servicios de seguridad privada, conforme a lo siguiente:\nI. Que cuenten con "
            "autorización vigente expedida por la Secretaría;",
            "Se exceptúa de la presente ley a los permisionarios de servicios de seguridad privada "
            "y a las instituciones de seguridad ciudadana.",
            "es",
        ),
    ],
)
def test_a_release_on_proof_or_on_listed_conditions_is_conditioned(conditioned, wholesale, lang):
    first = "Article 1\n" if lang == "fr" else "Artículo 1\n"
    opening = first + (
        "Le responsable du traitement informe les personnes.\n\nArticle 2\n"
        if lang == "fr"
        else "Queda prohibido a los particulares instalar cámaras.\n\nArtículo 2\n"
    )
    assert not contrary_in(statuses(opening + conditioned + "\n", binding=True, language=lang))
    assert contrary_in(statuses(opening + wholesale + "\n", binding=True, language=lang))


def test_the_provisions_of_one_named_article_set_aside_are_one_rule_not_the_instrument():
    # Senegal, Loi 2008-12 art. 60 (policy fresh20): article 58's rule gives way for State
    # security processing; the rest of the law still applies to it.
    opening = "Article 1\nLe responsable du traitement informe les personnes.\n\nArticle 60\n"
    one_rule = (
        "Les dispositions de l'article 58 de la présente loi ne s'appliquent pas aux traitements "
        "intéressant la sûreté de l'Etat, la défense ou la sécurité publique.\n"
    )
    wholesale = (
        "Les dispositions de la présente loi ne s'appliquent pas aux traitements intéressant la "
        "sûreté de l'Etat, la défense ou la sécurité publique.\n"
    )
    assert statuses(opening + one_rule, binding=True, language="fr")["C11"] != "contrary"
    assert statuses(opening + wholesale, binding=True, language="fr")["C11"] == "contrary"
