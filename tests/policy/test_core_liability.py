"""Bars on claims (C7) and safe harbours for compliance with a voluntary framework (C1): the
rubric's own `contrary` examples, read only where the text takes the route or the standard away,
never where it merely declines to create one (issue 13)."""

import pytest

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria

CRITERIA = load_criteria()

COMPLAINT = "Consumers may submit a complaint to the attorney general, who shall investigate it."


def status(text: str, code: str, **meta: object) -> str:
    meta = {"binding": True, "kind": "law", **meta}
    report = analyse(text, CRITERIA, InstrumentMeta(**meta), calibrated=False)  # type: ignore[arg-type]
    return str(next(f for f in report.findings if f.code == code).status)


def test_a_bar_on_private_actions_is_contrary_even_beside_a_complaint_route():
    text = (
        "Section 5. Enforcement\n(a) " + COMPLAINT + "\n(b) This chapter does not provide a basis "
        "for, and is not subject to, a private right of action for a violation of this chapter or "
        "any other law.\n"
    )
    assert status(text, "C7") == "contrary"


def test_creating_no_private_right_leaves_the_routes_of_other_law():
    # It works against the criterion (partial, "also works against it") but bars nothing.
    text = (
        "Section 5. Enforcement\n(a) " + COMPLAINT + "\n(b) Nothing in this chapter creates a "
        "private right of action.\n"
    )
    assert status(text, "C7") == "partial"


def test_a_bar_in_a_voluntary_text_takes_nothing_away():
    text = "1. Remedies\nThis code is not subject to a private right of action. " + COMPLAINT
    assert status(text, "C7", binding=False, kind="code_of_conduct") != "contrary"


@pytest.mark.parametrize(
    ("barred", "open_", "lang"),
    [
        (
            "Ni la entidad rectora ni sus servidores podrán ser objeto de acciones judiciales "
            "derivadas del uso de esta información.",
            "Los servidores de la entidad rectora podrán ser objeto de acciones judiciales "
            "conforme a la ley.",
            "es",
        ),
        (
            "Os agentes do serviço não poderão ser objeto de ação judicial pelos atos praticados.",
            "Os agentes do serviço poderão ser objeto de ação judicial nos termos da lei.",
            "pt",
        ),
    ],
)
def test_immunity_from_actions_is_contrary_and_liability_to_them_is_not(barred, open_, lang):
    route = {
        "es": "Toda persona podrá presentar una queja ante la autoridad.",
        "pt": "Toda pessoa poderá apresentar reclamação à autoridade.",
    }[lang]
    head = "Artículo 47" if lang == "es" else "Artigo 47"
    assert status(f"{head}\n{route} {barred}\n", "C7", language=lang) == "contrary"
    assert status(f"{head}\n{route} {open_}\n", "C7", language=lang) != "contrary"


def test_not_subject_to_appeal_sets_no_condition():
    text = "Article 9\nThe decision of the agency is final and not subject to appeal."
    assert status(text, "C7") == "contrary"


SHIELD = (
    "Section 6. Defences\n(a) A defendant in an action under this section may not be found liable "
    "if:\n(1) another person misused the system; or\n(2) the defendant substantially complies "
    "with the most recent version of the Artificial Intelligence Risk Management Framework "
    "published by the National Institute of Standards and Technology.\n"
)


def test_compliance_with_a_voluntary_framework_as_a_shield_is_contrary_to_grounding():
    assert status(SHIELD, "C1") == "contrary"


def test_an_affirmative_defence_over_a_list_of_frameworks_is_contrary():
    text = (
        "6-1-1706. Enforcement\n(3) In any action commenced by the attorney general, it is an "
        "affirmative defense that the deployer is otherwise in compliance with:\n(a) the latest "
        "version of the Artificial Intelligence Risk Management Framework; or\n(b) ISO/IEC 42001.\n"
    )
    assert status(text, "C1") == "contrary"


def test_the_same_shield_in_guidance_is_not_contrary():
    assert status(SHIELD, "C1", binding=False, kind="guidance") != "contrary"


@pytest.mark.parametrize(
    "text",
    [
        # A shield whose ground is proof about the facts, not a framework.
        "Section 6\nThe producer shall not be liable if he proves that the defect did not exist "
        "when the product was put into circulation.",
        # A framework required, with no shield from liability.
        "Section 6\nDeployers shall comply with a recognized risk management framework such as "
        "the NIST AI Risk Management Framework and shall remain liable for harm.",
        # The shield and the framework in different articles.
        "Section 6\nA deployer shall not be liable for the acts of another person.\nSection 7\n"
        "Deployers shall comply with a code of conduct approved by the authority.",
    ],
)
def test_a_shield_or_a_framework_alone_is_not_a_safe_harbour(text):
    assert status(text, "C1") != "contrary"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Article 12\nLe fournisseur est exonéré de sa responsabilité lorsqu'il se conforme "
            "au code de conduite approuvé par la fédération professionnelle.",
            "fr",
        ),
        (
            "Artículo 12\nEl proveedor quedará exento de responsabilidad cuando cumpla con el "
            "código de conducta de la asociación sectorial.",
            "es",
        ),
        (
            "Artigo 12\nO fornecedor fica isento de responsabilidade quando cumprir o código de "
            "conduta da associação setorial.",
            "pt",
        ),
        (
            "§ 12\nDer Anbieter haftet nicht, wenn er den Verhaltenskodex des Branchenverbandes "
            "einhält.",
            "de",
        ),
    ],
)
def test_safe_harbours_in_other_languages(text, lang):
    assert status(text, "C1", language=lang) == "contrary"


def test_a_bar_on_actions_under_a_liability_act_is_contrary_in_french():
    text = (
        "Plaintes\n20 Toute personne peut déposer une plainte auprès du commissaire.\n"
        "Loi sur la responsabilité civile de l'État\n51 Aucune action ne peut être intentée sous "
        "le régime de l'article 18 de la Loi sur la responsabilité civile de l'État à l'égard de "
        "l'utilisation de toute communication interceptée.\n"
    )
    assert status(text, "C7", language="fr") == "contrary"


@pytest.mark.parametrize(
    ("opening", "lang"),
    [
        (
            "(2) Lorsque le Centre fournit une assistance aux Forces canadiennes ou au ministère "
            "de la Défense nationale, toute personne autorisée bénéficie des mêmes exemptions qui "
            "s'appliqueraient aux Forces canadiennes.",
            "fr",
        ),
        (
            "(2) Where the Centre assists the Canadian Forces or the Department of National "
            "Defence, its staff are exempt from the same rules as the Forces would be.",
            "en",
        ),
    ],
)
def test_an_exemption_for_the_case_a_sentence_opens_on_is_conditioned(opening, lang):
    head = "Article 25" if lang == "fr" else "Section 25"
    assert status(f"{head}\n{opening}\n", "C11", language=lang) != "contrary"


def test_a_defence_exclusion_without_an_opening_case_is_still_contrary():
    text = "Article 25\nLa présente loi ne s'applique pas aux activités de la défense nationale."
    assert status(text, "C11", language="fr") == "contrary"


# C17 (companies abroad), after policy_fresh26's one run.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Art. 2\nDer Nachrichtendienst beschafft Informationen im Ausland über sicherheitspolitisch "
            "bedeutsame Vorgänge.",
            "partial",
        ),
        (
            "Art. 2\nUnternehmen mit Sitz in der Schweiz müssen auch bei ihren Tätigkeiten im Ausland "
            "die Menschenrechte achten.",
            "addressed",
        ),
    ],
)
def test_abroad_is_about_companies_only_where_the_sentence_names_them(text, expected):
    assert status(text, "C17", language="de") == expected
