from rightslens.core.policy.analysis import InstrumentMeta, analyse, report_json
from rightslens.core.policy.criteria import load_criteria, parse_signal
from rightslens.core.policy.text import SUPPORTED_LANGUAGES
from tests.policy.samples import ENGLISH_ACT_WITH_BLANKET_EXEMPTION, FRENCH_DECREE, PORTUGUESE_BILL


def statuses(text, **meta):
    report = analyse(text, load_criteria(), InstrumentMeta(**meta))
    return {f.code: f for f in report.findings}, report


def test_the_library_has_twenty_one_criteria_with_signals_in_every_supported_language():
    criteria = load_criteria()
    assert [c.code for c in criteria] == [f"C{n}" for n in range(1, 22)]
    for criterion in criteria:
        assert set(SUPPORTED_LANGUAGES) <= set(criterion.signals), criterion.code
        assert criterion.recommendation and criterion.citations


def test_signal_syntax():
    core = parse_signal("+before|prior to deployment")
    assert (core.strength, core.facet, core.phrase) == ("core", "before", "prior to deployment")
    assert parse_signal("-shall not apply").strength == "contrary"
    assert parse_signal("monitor*").pattern == " monitor"


def test_every_evidence_quote_slices_back_from_its_offsets():
    for text in (PORTUGUESE_BILL, FRENCH_DECREE, ENGLISH_ACT_WITH_BLANKET_EXEMPTION):
        findings, _ = statuses(text)
        for finding in findings.values():
            for item in finding.evidence:
                assert text[item.start : item.end] == item.text


def test_portuguese_bill_blanket_defence_exclusion_is_contrary():
    findings, report = statuses(PORTUGUESE_BILL, kind="law", binding=True)
    assert report.language == "pt"
    assert findings["C11"].status == "contrary"
    assert findings["C11"].evidence[0].ref == "Art. 2"
    assert findings["C2"].status == "addressed"  # "deverá realizar avaliação de impacto"
    assert findings["C7"].status == "addressed"  # right to contest and human review
    assert findings["C15"].status == "addressed"  # before market entry and continuous monitoring
    assert findings["C6"].status == "absent"


def test_french_decree_conditioned_security_exception_is_addressed_not_contrary():
    findings, report = statuses(FRENCH_DECREE, kind="regulation", binding=True)
    assert report.language == "fr"
    assert findings["C11"].status == "addressed"
    assert "strictement necessaire" in findings["C11"].explanation
    assert findings["C12"].status == "addressed"  # duties of the public administration
    assert findings["C2"].status == "addressed"


def test_short_english_exclusion_clause_is_found():
    findings, _ = statuses(ENGLISH_ACT_WITH_BLANKET_EXEMPTION)
    assert findings["C11"].status == "contrary"
    assert "Section 2" in findings["C11"].explanation


def test_security_mentioned_without_scope_effect_is_absent():
    findings, _ = statuses(
        "Article 1\nProviders shall assess risks to national security and to health."
    )
    assert findings["C11"].status == "absent"


def test_permissive_wording_in_a_binding_law_is_only_partial():
    text = "Article 1\nProviders may carry out a human rights impact assessment."
    findings, _ = statuses(text, binding=True)
    assert findings["C2"].status == "partial"
    assert "may" in findings["C2"].explanation


def test_hortatory_wording_is_enough_in_a_voluntary_code_but_not_in_a_law():
    text = "1. Companies should carry out human rights due diligence on their AI systems."
    voluntary, _ = statuses(text, binding=False)
    binding, _ = statuses(text, binding=True)
    assert voluntary["C2"].status == "addressed"
    assert binding["C2"].status == "partial"


def test_only_one_lifecycle_facet_is_partial():
    findings, _ = statuses(
        "Article 1\nProviders shall test the system before deployment.", binding=True
    )
    assert findings["C15"].status == "partial"
    assert "after" in findings["C15"].explanation


def test_a_voluntary_text_cannot_address_enforcement():
    text = "1. Signatories should accept inspections by the supervisory authority."
    findings, _ = statuses(text, binding=False)
    assert findings["C9"].status == "partial"


def test_a_contrary_signal_without_a_positive_one_is_contrary():
    findings, _ = statuses(
        "Article 9\nDecisions of the authority shall be final, with no right of appeal.",
        binding=True,
    )
    assert findings["C7"].status == "contrary"


def test_nothing_relevant_means_absent_with_what_was_searched():
    findings, _ = statuses(
        "Article 1\nThis Act enters into force on the day after publication of the budget."
    )
    assert findings["C6"].status == "absent"
    assert (
        "children" in findings["C6"].explanation or "best interests" in findings["C6"].explanation
    )
    assert findings["C6"].evidence == ()


def test_binding_force_is_inferred_from_obligation_wording_when_not_given():
    _, report = statuses(
        "Article 1\nProviders shall register. Deployers shall report. Users must comply."
    )
    assert report.binding and report.binding_inferred


def test_unsupported_language_is_flagged_and_confidence_halved():
    text = "Il fornitore deve garantire che il sistema sia sicuro e che la valutazione sia pubblicata per la società."
    findings, report = statuses(text)
    assert report.language == "it"
    assert "not supported" in report.notes[0]
    assert findings["C1"].confidence < 0.5


def test_json_shape_matches_the_cli_contract():
    payload = report_json(analyse(PORTUGUESE_BILL, load_criteria()))
    assert set(payload) >= {"instrument", "criteria", "method", "seconds"}
    first = payload["criteria"][0]
    assert set(first) >= {"id", "status", "confidence", "evidence", "explanation"}
    assert payload["method"] == "offline-rules-1"


def test_progress_is_reported_up_to_one_hundred():
    seen = []
    analyse(PORTUGUESE_BILL, load_criteria(), on_progress=seen.append)
    assert seen[0] == 10 and seen[-1] == 100 and seen == sorted(seen)


def test_explanations_quote_the_words_as_written_in_the_text():
    text = "§ 3 Pflichten\nAnbieter müssen vor dem Inverkehrbringen eine Folgenabschätzung durchführen."
    findings, _ = statuses(text, binding=True)
    assert "'müssen'" in findings["C2"].explanation
    assert "'Folgenabschätzung'" in findings["C2"].explanation


def test_a_release_from_the_core_duty_is_contrary():
    text = "Article 4\nProviders of AI systems shall not be required to carry out a human rights impact assessment."
    findings, _ = statuses(text, binding=True)
    assert findings["C2"].status == "contrary"
    assert "not be required to" in findings["C2"].explanation


def test_a_portuguese_release_is_contrary_too():
    text = "Art. 9º Os fornecedores ficam dispensados de realizar avaliação de impacto algorítmico."
    findings, _ = statuses(text, binding=True)
    assert findings["C2"].status == "contrary"


def test_a_release_beside_a_real_duty_is_only_partial():
    text = (
        "Article 1\nProviders shall carry out a human rights impact assessment.\n\n"
        "Article 2\nSmall providers shall be exempt from the impact assessment."
    )
    findings, _ = statuses(text, binding=True)
    assert findings["C2"].status == "partial"
    assert "Art. 2" in findings["C2"].explanation


def test_list_items_take_the_modality_of_their_chapeau():
    permissive = "Article 3\nProviders may:\n(a) carry out a human rights impact assessment;\n(b) publish it."
    mandatory = "Article 3\nProviders shall:\n(a) carry out a human rights impact assessment;\n(b) publish it."
    assert statuses(permissive, binding=True)[0]["C2"].status == "partial"
    assert statuses(mandatory, binding=True)[0]["C2"].status == "addressed"


def test_law_enforcement_is_not_enforcement_and_remedying_a_breach_is_not_remedy():
    text = (
        "Article 1\nThis Act applies to AI systems used by law enforcement.\n\n"
        "Article 2\nThe provider shall remedy the breach within one month."
    )
    findings, _ = statuses(text, binding=True)
    assert findings["C9"].status != "addressed"
    assert findings["C7"].status == "partial"


def test_publication_in_the_official_journal_is_not_transparency():
    findings, _ = statuses(
        "Article 9\nLe présent décret sera publié au Journal officiel de la République française."
    )
    assert findings["C8"].status == "absent"


def test_a_scope_clause_that_expressly_covers_law_enforcement_addresses_c11():
    findings, _ = statuses(
        "Article 2\nThis Act applies to AI systems used by law enforcement and the armed forces."
    )
    assert findings["C11"].status == "addressed"
