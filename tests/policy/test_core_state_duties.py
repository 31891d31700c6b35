"""C17-C21: the State duties the seeds name (UNGP 2, 4, 9, national action plans, export controls)."""

import pytest

from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria


def _statuses(text: str, language: str) -> dict[str, str]:
    report = analyse(text, load_criteria(), InstrumentMeta(language=language, binding=True))
    return {f.code: str(f.status) for f in report.findings}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Article 1\nExport credit and investment guarantees shall be granted only to companies that carry out human rights due diligence.",
        ),
        (
            "fr",
            "Article 1\nL'octroi de crédits à l'exportation et de garanties d'investissement est subordonné au respect du devoir de vigilance.",
        ),
        (
            "es",
            "Artículo 1\nLos créditos a la exportación y las garantías de inversión estarán condicionados a la debida diligencia en derechos humanos.",
        ),
        (
            "pt",
            "Art. 1º Os créditos à exportação e as garantias de investimento ficam condicionados à devida diligência em direitos humanos.",
        ),
        (
            "de",
            "§ 1\nExportkredite und Investitionsgarantien werden nur gewährt, wenn das Unternehmen seine menschenrechtlichen Sorgfaltspflichten erfüllt.",
        ),
    ],
)
def test_state_support_tied_to_due_diligence_addresses_c18(language, text):
    assert _statuses(text, language)["C18"] == "addressed"


def test_support_and_human_rights_in_different_articles_is_only_partial():
    text = (
        "Article 1\nThe State shall grant export credit to AI companies.\n\n"
        "Article 2\nProviders shall carry out human rights due diligence."
    )
    assert _statuses(text, "en")["C18"] == "partial"


def test_human_rights_alone_do_not_touch_trade_or_export_criteria():
    text = "Article 1\nProviders shall respect human rights."
    statuses = _statuses(text, "en")
    assert statuses["C19"] == statuses["C21"] == statuses["C18"] == "absent"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Article 3\nCompanies domiciled in the State shall respect human rights throughout their operations, including through subsidiaries abroad.",
        ),
        (
            "fr",
            "Article 2\nLes sociétés dont le siège social est en France doivent respecter les droits de l'homme, y compris par leurs filiales à l'étranger.",
        ),
        (
            "es",
            "Artículo 2\nLas empresas domiciliadas en el país deben respetar los derechos humanos en sus filiales en el extranjero.",
        ),
        (
            "pt",
            "Art. 2º As empresas com sede no Brasil devem respeitar os direitos humanos, inclusive por meio de suas subsidiárias no exterior.",
        ),
        (
            "de",
            "§ 2\nIm Inland ansässige Unternehmen müssen die Menschenrechte auch bei ihren Tochtergesellschaften im Ausland achten.",
        ),
    ],
)
def test_home_state_expectations_reaching_abroad_address_c17(language, text):
    assert _statuses(text, language)["C17"] == "addressed"


def test_export_authorisation_weighing_human_rights_addresses_c21_even_with_a_conditional_can():
    text = (
        "§ 2\nDie Ausfuhr von Gütern der Cyberüberwachung bedarf einer Ausfuhrgenehmigung, wenn sie zur "
        "internen Repression oder zu schweren Verletzungen der Menschenrechte verwendet werden können."
    )
    assert _statuses(text, "de")["C21"] == "addressed"


def test_trade_agreements_keeping_the_right_to_regulate_address_c19():
    text = "Article 4\nTrade agreements concluded by the State shall preserve its right to regulate artificial intelligence to protect human rights."
    assert _statuses(text, "en")["C19"] == "addressed"


def test_a_ban_on_requiring_source_code_in_trade_is_contrary_to_c19():
    text = "Article 9\nNo Party shall require the transfer of, or access to, source code of software owned by a person of the other Party."
    assert _statuses(text, "en")["C19"] == "contrary"


def test_a_national_action_plan_with_its_elements_addresses_c20():
    text = "Article 5\nThe national action plan shall set out specific actions, a timeline and the responsible ministry for each, and indicators for its review."
    assert _statuses(text, "en")["C20"] == "addressed"
