from rightslens.core.policy.analysis import InstrumentMeta, analyse
from rightslens.core.policy.criteria import load_criteria
from rightslens.core.policy.provisions import split_provisions
from rightslens.core.policy.structure import cross_references, definitions

BILL = """PROJETO DE LEI

CAPÍTULO I
DISPOSIÇÕES PRELIMINARES

Art. 1º Esta Lei dispõe sobre sistemas de inteligência artificial.

§ 1º Aplica-se o disposto no art. 3 aos fornecedores.

Art. 2º Para os fins desta Lei, adotam-se as seguintes definições:

I – fornecedor: pessoa jurídica que desenvolva um sistema de inteligência artificial;

II – autoridade competente: órgão da Administração Pública federal que fiscaliza esta Lei;

CAPÍTULO II
DA AVALIAÇÃO E DA CAPACITAÇÃO

Art. 3º O fornecedor deverá realizar avaliação de impacto antes da colocação no mercado e monitoramento contínuo ao longo de todo o ciclo de vida.

Art. 4º São vedados ao poder público os sistemas que avaliem ou ranqueiem pessoas com base no seu comportamento social.
"""


def test_chapters_are_containers_and_paragraphs_and_points_belong_to_their_article():
    provisions = {p.ref: p for p in split_provisions(BILL)}
    assert provisions["Chapter I"].is_heading and provisions["Chapter II"].is_heading
    assert provisions["Art. 3"].path == ("Chapter II",)
    assert provisions["Art. 1 § 1"].parent == "Art. 1"
    assert provisions["Art. 2(I)"].kind == "point" and provisions["Art. 2(I)"].article == "Art. 2"
    for p in provisions.values():
        assert BILL[p.start : p.end].strip()


def test_a_chapter_heading_is_never_quoted_as_evidence():
    report = analyse(BILL, load_criteria(), InstrumentMeta(language="pt", binding=True))
    quotes = [e.text for f in report.findings for e in f.evidence]
    assert quotes and not any("CAPÍTULO" in q or "CAPACITAÇÃO" in q for q in quotes)
    for f in report.findings:
        for e in f.evidence:
            assert BILL[e.start : e.end] == e.text


def test_a_table_of_contents_is_one_heading_block():
    text = (
        "Contents\nArticle 1 Scope ........ 2\nArticle 2 Duties ........ 3\nArticle 3 Remedy ........ 4\n\n"
        "Article 1 Scope\nThis Act applies to providers.\n\nArticle 2 Duties\nProviders shall carry out a "
        "human rights impact assessment.\n\nArticle 3 Remedy\nAny person may lodge a complaint."
    )
    provisions = split_provisions(text)
    refs = [p.ref for p in provisions]
    assert refs.count("Art. 2") == 1 and "Contents" in refs
    contents = next(p for p in provisions if p.ref == "Contents")
    assert contents.is_heading and "Art. 1" in refs


def test_definitions_are_linked_to_the_articles_that_use_them():
    found = {d.term: d for d in definitions(BILL, split_provisions(BILL))}
    assert found["fornecedor"].ref == "Art. 2(I)"
    assert "Art. 3" in found["fornecedor"].used_in


def test_cross_references_resolve_to_provisions_of_the_same_text():
    refs = cross_references(BILL, split_provisions(BILL))
    assert any(r.ref == "Art. 1 § 1" and r.target == "Art. 3" for r in refs)


def test_a_definition_naming_the_public_administration_does_not_address_state_procurement():
    report = analyse(BILL, load_criteria(), InstrumentMeta(language="pt", binding=True))
    c12 = next(f for f in report.findings if f.code == "C12")
    assert c12.status != "addressed"


def test_a_social_scoring_ban_on_the_state_is_a_red_line_not_state_procurement():
    report = analyse(BILL, load_criteria(), InstrumentMeta(language="pt", binding=True))
    findings = {f.code: f for f in report.findings}
    assert findings["C12"].status != "addressed"
    assert findings["C10"].status == "addressed"


def test_before_placing_on_the_market_counts_as_the_before_facet_in_portuguese():
    report = analyse(BILL, load_criteria(), InstrumentMeta(language="pt", binding=True))
    c15 = next(f for f in report.findings if f.code == "C15")
    assert c15.status == "addressed"


def test_the_state_obliged_to_assess_ai_it_procures_addresses_c12():
    text = "Article 1\nPublic authorities shall carry out an impact assessment before they procure or use an AI system."
    report = analyse(text, load_criteria(), InstrumentMeta(language="en", binding=True))
    assert next(f for f in report.findings if f.code == "C12").status == "addressed"


def test_a_conditioned_carve_out_is_not_contrary():
    text = (
        "Article 4\nSmall providers shall be exempt from the human rights impact assessment, "
        "provided that the system is not high-risk."
    )
    report = analyse(text, load_criteria(), InstrumentMeta(language="en", binding=True))
    assert next(f for f in report.findings if f.code == "C2").status != "contrary"


def test_the_json_report_carries_the_structure_definitions_and_resolved_references():
    from rightslens.core.policy.analysis import report_json

    report = analyse(BILL, load_criteria(), InstrumentMeta(language="pt", binding=True))
    structure = report_json(report)["structure"]
    assert {"ref": "Chapter II", "kind": "chapter", "path": [], "parent": ""} in structure[
        "provisions"
    ]
    assert any(d["term"] == "fornecedor" for d in structure["definitions"])
    assert {"from": "Art. 1 § 1", "text": "art. 3", "to": "Art. 3"} in structure["cross_references"]
    assert all(c["from"] != c["to"] for c in structure["cross_references"])
