from django.core.management import call_command

from rightslens.procurement.models import Counterparty, Procurement, QuestionnaireRequest
from rightslens.procurement.services import award_blockers


def test_the_demo_runs_one_procurement_end_to_end_and_one_customer_check(db, monkeypatch):
    # The demo uses the real knowledge base for red lines; the procurement conftest's red line
    # matches the demo's use case too.
    call_command("load_demo")
    procurement = Procurement.objects.get()
    assert procurement.questionnaire.conclusion == "proceed_with_conditions"
    assert procurement.screening.hits and not procurement.screening.blocks
    assert procurement.assessment.kind == "pre_procurement"
    # Truthful: the assessment is a draft and the remedy clause is only proposed, so no award.
    assert procurement.status == "due_diligence" and not procurement.award_conditions
    blockers = award_blockers(procurement, ["clause-remedy-cooperation"])
    assert any("not approved yet" in b for b in blockers)
    assert any("not agreed in the contract" in b for b in blockers)
    vendor = Counterparty.objects.get(kind="vendor")
    assert vendor.systems.filter(name__icontains="CV screening").exists()
    assert vendor.clauses.count() == 3 and vendor.leverage_actions.count() == 1
    assert vendor.clauses.filter(status="agreed").count() == 2
    kyc = QuestionnaireRequest.objects.get(questionnaire_id="qn-kyc")
    assert kyc.outcome["outcome"] == "scored" and kyc.conclusion
