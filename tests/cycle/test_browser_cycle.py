import pytest

from conftest import axe_violations, browser_login
from rightslens.assessments import cycle_services
from rightslens.assessments.cycle_catalogue import categories

from .conftest import IMPACT
from .test_signoff import hear_affected_groups


@pytest.mark.browser
def test_a_rapid_assessment_starts_from_a_market_entry_trigger(page, system, owner):
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/assessments/start/")
    page.select_option("#id_system", str(system.pk))
    page.select_option("#id_kind", "rapid")
    page.select_option("#id_trigger", "market_entry")
    page.fill("#id_trigger_note", "Launch in Kenya, Brazil and Indonesia")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Scoping"
    assert page.input_value("#id_scope_languages") == "en, sw, pt, id"
    page.reload()  # without the flash message (base.html's role=status list is not this page's)
    assert axe_violations(page) == []
    page.fill("#id_safety_tested_languages", "en")
    page.click("text=Save scoping")
    page.click("text=2 Identify")
    assert page.locator("text=Why: It serves 4 languages").count() >= 1
    assert "not tested in Swahili, Portuguese, Indonesian" in page.content()
    assert axe_violations(page) == []


@pytest.mark.browser
def test_approve_then_compare_two_versions(page, assessment, owner):
    impact = cycle_services.impact_record(
        assessment=assessment,
        actor=owner,
        **IMPACT,
        affected_group_ids=[g.pk for g in assessment.system.affected_groups.all()],
    )
    cycle_services.action_plan(
        impact=impact, actor=owner, action_type="prevent", description="Retune filters"
    )
    for category in categories()[:3]:
        if category.id != "cat-expression":
            cycle_services.category_not_relevant(
                assessment=assessment, actor=owner, category_ref=category.id, reason="No."
            )
    hear_affected_groups(assessment)  # the severe impact's groups heard (approval gate)
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/assessments/{assessment.pk}/review/")
    page.click("text=Send for review")
    page.click("text=Approve and freeze")
    assert "Approved." in page.content()
    page.select_option("#id_trigger", "context_change")
    page.fill("#id_trigger_note", "Image generation added")
    page.click("text=Start a new version from this one")
    assert "version 2" in page.content()
    page.click("text=4 Review and sign-off")
    page.click("text=Compare v1 with v2")
    assert page.locator("h1").inner_text() == "Compare v1 and v2"
    assert "Context change" in page.content()  # the trigger, by its label


@pytest.mark.browser
def test_the_report_pdf_downloads(page, assessment, owner):
    cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    browser_login(page, "owner@acme.test")
    page.goto(f"/o/acme/assessments/{assessment.pk}/report/")
    with page.expect_download() as download:
        page.click("text=Download the PDF")
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")


@pytest.mark.browser
def test_the_identify_form_and_a_two_impact_plan_pass_axe(page, assessment, owner):
    for title in ("Over-blocking in Swahili", "Swahili answers less accurate"):
        cycle_services.impact_record(
            assessment=assessment, actor=owner, **{**IMPACT, "title": title}
        )
    browser_login(page, "owner@acme.test")
    page.goto(
        f"/o/acme/assessments/{assessment.pk}/identify/"
        "?risk_category=cat-expression&title=Over-blocking&suggestion_key=ex-expression-2#record"
    )
    rights = page.get_by_role("group", name="Rights affected")
    # The picker shows the chosen category's rights first; "Show all" brings back every right,
    # still grouped in one fieldset per instrument.
    page.get_by_role("button", name="Show all").click()
    assert rights.get_by_role("group").count() >= 2
    assert page.is_checked("input[name=rights][value=udhr-19]")
    assert axe_violations(page) == []
    page.goto(f"/o/acme/assessments/{assessment.pk}/plan/")
    page.locator("summary").first.click()
    assert axe_violations(page) == []
