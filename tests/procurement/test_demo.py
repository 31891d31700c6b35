from django.core.management import call_command

from rightslens.procurement.models import Counterparty, Procurement, QuestionnaireRequest


def test_the_demo_runs_one_procurement_end_to_end_and_one_customer_check(db, monkeypatch):
    # The demo uses the real knowledge base for red lines; the procurement conftest's red line
    # matches the demo's use case too.
    call_command("load_demo")
    procurement = Procurement.objects.get()
    assert procurement.questionnaire.conclusion == "proceed_with_conditions"
    assert procurement.screening.hits and not procurement.screening.blocks
    assert procurement.assessment.kind == "pre_procurement"
    assert procurement.status == "monitoring" and procurement.monitoring_dates
    vendor = Counterparty.objects.get(kind="vendor")
    assert vendor.systems.filter(name__icontains="CV screening").exists()
    assert vendor.clauses.count() == 3 and vendor.leverage_actions.count() == 1
    kyc = QuestionnaireRequest.objects.get(questionnaire_id="qn-kyc")
    assert kyc.outcome["outcome"] == "scored" and kyc.conclusion
