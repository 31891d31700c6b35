import pytest

from conftest import axe_violations, browser_login
from rightslens.accounts.models import Membership
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.grievances.models import Grievance
from rightslens.grievances.services import (
    grievance_message_send,
    grievance_submit,
    grievance_transition,
)
from rightslens.inventory.testing import make_system


@pytest.mark.browser
def test_a_person_complains_anonymously_in_french_and_reads_the_reply(page, org, owner, settings):
    settings.GRIEVANCE_MIN_FILL_SECONDS = 0
    page.goto("/g/acme/")
    page.select_option("#language", "fr")
    page.click("text=Change language")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Déposer une plainte auprès de Acme AI"
    assert axe_violations(page) == []
    page.get_by_label("Que s’est-il passé ?").fill(
        "L’outil de tri des CV a rejeté ma candidature à cause de mon handicap."
    )
    page.click("text=Envoyer ma plainte")
    code = page.locator("#receipt-code").inner_text()
    grievance = Grievance.objects.get(organisation=org)
    assert grievance.language == "fr" and not grievance.has_identity

    officer = Membership.objects.get(user=owner)
    grievance_transition(membership=officer, grievance=grievance, to_state="acknowledged")
    grievance_message_send(
        membership=officer, grievance=grievance, body="Merci, nous examinons votre candidature."
    )

    # The language travels in the address (no cookie outlives the visit).
    page.goto("/g/acme/follow/?lang=fr")
    page.get_by_label("Votre code de reçu").fill(code)
    page.click("text=Ouvrir ma plainte")
    assert page.locator("#grievance-status").inner_text() == "Réception confirmée"
    assert "Merci, nous examinons votre candidature." in page.content()
    assert axe_violations(page) == []


@pytest.mark.browser
def test_an_officer_links_the_grievance_to_an_impact_and_records_remedy(page, org, owner):
    system = make_system(org, "CV screening tool")
    impact = make_impact(
        Assessment.objects.create(organisation=org, system=system, title="CV tool HRIA"),
        title="Discrimination against disabled applicants",
        likelihood=2,
    )
    grievance, _code = grievance_submit(
        organisation=org, content="Rejected because of my disability.", language="es"
    )
    grievance_transition(
        membership=Membership.objects.get(user=owner), grievance=grievance, to_state="acknowledged"
    )
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/grievances/{grievance.pk}/")
    page.select_option("#id_impact", str(impact.pk))
    page.check("#id_mark_actual")
    page.get_by_role("button", name="Link impact").click()
    assert "marked actual" in page.locator("#impact-links").inner_text()
    page.select_option("#id_remedy_form", "remedy-restitution")
    page.fill("#id_remedy_description", "A person reviewed your application again.")
    page.get_by_role("button", name="Record remedy").click()
    page.locator("text=Remedy recorded.").wait_for()
    impact = Impact.objects.get(pk=impact.pk)
    grievance.refresh_from_db()
    assert impact.actual and impact.likelihood is None
    assert [r.form for r in grievance.remedies.all()] == ["remedy-restitution"]
    assert grievance.state == "remedy_proposed"
    assert "Restitution" in page.locator("#remedies").inner_text()
    assert axe_violations(page) == []  # the remedies table and the rights checkboxes
