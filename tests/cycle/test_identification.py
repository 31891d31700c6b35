from rightslens.assessments.models import Impact
from rightslens.cycle import selectors, services
from rightslens.cycle.models import CategoryReview, SuggestionDecision
from rightslens.errors import FieldErrors

from .conftest import IMPACT

URL = "/o/acme/assessments/{}/identify/"


def test_market_entry_suggests_expression_privacy_and_child_rights_with_reasons(
    owner_client, assessment, owner
):
    services.scoping_save(
        assessment=assessment,
        actor=owner,
        scope_languages="en, sw, pt, id",
        scope_countries="KE, BR, ID",
        safety_tested_languages="en",
        vulnerable_groups=["vg-children"],
    )
    suggested = {s.category_ref for s in selectors.open_suggestions(assessment)}
    assert {"cat-expression", "cat-privacy", "cat-child"} <= suggested
    page = owner_client.get(URL.format(assessment.pk)).content.decode()
    assert "Why: It serves 4 languages" in page
    assert "not tested in sw, pt, id" in page
    assert Impact.objects.count() == 0  # nothing added without a person accepting


def test_accepting_a_suggestion_records_the_impact_and_the_decision(owner_client, assessment):
    response = owner_client.post(
        URL.format(assessment.pk), {**IMPACT, "suggestion_key": "ex-expression-2"}
    )
    assert response.status_code == 302
    impact = Impact.objects.get()
    assert impact.severity_band == 4
    assert SuggestionDecision.objects.get().impact == impact
    assert CategoryReview.objects.get().outcome == "impact"


def test_a_rating_without_rationale_is_refused_next_to_the_field(owner_client, assessment):
    response = owner_client.post(URL.format(assessment.pk), {**IMPACT, "scale_rationale": ""})
    assert response.status_code == 200
    assert "needs a written rationale" in response.content.decode()
    assert Impact.objects.count() == 0


def test_not_relevant_needs_a_reason_and_raises_coverage(assessment, owner):
    before = selectors.coverage(assessment).categories_considered
    try:
        services.category_not_relevant(
            assessment=assessment, actor=owner, category_ref="cat-work", reason=" "
        )
        raise AssertionError("a blank reason was accepted")
    except FieldErrors as exc:
        assert "reason" in exc.fields
    services.category_not_relevant(
        assessment=assessment,
        actor=owner,
        category_ref="cat-work",
        reason="No employment use; not offered to employers.",
    )
    assert selectors.coverage(assessment).categories_considered == before + 1


def test_dismissed_suggestions_are_not_shown_again(owner_client, assessment):
    key = selectors.open_suggestions(assessment)[0].key
    owner_client.post(URL.format(assessment.pk) + "dismiss/", {"key": key})
    assert key not in {s.key for s in selectors.open_suggestions(assessment)}
