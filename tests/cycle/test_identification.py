from html import escape
from urllib.parse import urlencode

from rightslens.assessments import cycle_catalogue, cycle_selectors, cycle_services
from rightslens.assessments.catalogue import rights_by_instrument
from rightslens.assessments.cycle_models import CategoryReview, SuggestionDecision
from rightslens.assessments.models import Impact
from rightslens.errors import FieldErrors

from .conftest import IMPACT
from .html import fieldset_legend_of, is_checked, repeated_ids

URL = "/o/acme/assessments/{}/identify/"


def test_market_entry_suggests_expression_privacy_and_child_rights_with_reasons(
    owner_client, assessment, owner
):
    cycle_services.scoping_save(
        assessment=assessment,
        actor=owner,
        scope_languages="en, sw, pt, id",
        scope_countries="KE, BR, ID",
        safety_tested_languages="en",
        vulnerable_groups=["vg-children"],
    )
    suggested = {s.category_ref for s in cycle_selectors.open_suggestions(assessment)}
    assert {"cat-expression", "cat-privacy", "cat-child"} <= suggested
    page = owner_client.get(URL.format(assessment.pk)).content.decode()
    assert "Why: It serves 4 languages" in page
    assert "not tested in Swahili, Portuguese, Indonesian" in page
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
    before = cycle_selectors.coverage(assessment).categories_considered
    try:
        cycle_services.category_not_relevant(
            assessment=assessment, actor=owner, category_ref="cat-work", reason=" "
        )
        raise AssertionError("a blank reason was accepted")
    except FieldErrors as exc:
        assert "reason" in exc.fields
    cycle_services.category_not_relevant(
        assessment=assessment,
        actor=owner,
        category_ref="cat-work",
        reason="No employment use; not offered to employers.",
    )
    assert cycle_selectors.coverage(assessment).categories_considered == before + 1


def test_dismissed_suggestions_are_not_shown_again(owner_client, assessment):
    key = cycle_selectors.open_suggestions(assessment)[0].key
    owner_client.post(URL.format(assessment.pk) + "dismiss/", {"key": key})
    assert key not in {s.key for s in cycle_selectors.open_suggestions(assessment)}


def test_rights_are_ticked_in_fieldsets_grouped_by_instrument(owner_client, assessment):
    page = owner_client.get(URL.format(assessment.pk) + "?risk_category=cat-work").content.decode()
    assert '<select name="rights"' not in page
    for group in rights_by_instrument()[:3]:
        right_id, _title = group.rights[0]
        assert fieldset_legend_of(page, "rights", right_id) == escape(group.instrument)
        assert not is_checked(page, "rights", right_id)
    assert repeated_ids(page) == []


def test_accepting_a_suggestion_pre_ticks_its_rights_and_groups_and_saves_nothing(
    owner_client, assessment
):
    rights = cycle_catalogue.category("cat-expression").right_refs
    assert rights, "the knowledge base names the rights at stake in cat-expression"
    query = "?risk_category=cat-expression&title=Over-blocking&suggestion_key=ex-expression-2"
    page = owner_client.get(URL.format(assessment.pk) + query).content.decode()
    for right in rights:
        assert is_checked(page, "rights", right), right
    other = next(r for g in rights_by_instrument() for r, _ in g.rights if r not in rights)
    assert not is_checked(page, "rights", other)
    groups = {g.name: str(g.pk) for g in assessment.system.affected_groups.all()}
    assert is_checked(page, "affected_group_ids", groups["Swahili speakers"])
    assert not is_checked(page, "affected_group_ids", groups["Teenagers"])
    assert Impact.objects.count() == 0
    assert not SuggestionDecision.objects.exists()


def test_a_built_in_child_rule_pre_ticks_the_systems_children(owner_client, assessment):
    child = next(
        s for s in cycle_selectors.open_suggestions(assessment) if s.category_ref == "cat-child"
    )
    query = urlencode(
        {"risk_category": "cat-child", "title": child.title, "suggestion_key": child.key}
    )
    page = owner_client.get(f"{URL.format(assessment.pk)}?{query}").content.decode()
    teenagers = assessment.system.affected_groups.get(name="Teenagers")
    swahili = assessment.system.affected_groups.get(name="Swahili speakers")
    assert is_checked(page, "affected_group_ids", str(teenagers.pk))
    assert not is_checked(page, "affected_group_ids", str(swahili.pk))


def test_unticking_a_pre_ticked_right_records_only_what_was_submitted(owner_client, assessment):
    rights = list(cycle_catalogue.category("cat-expression").right_refs)
    response = owner_client.post(
        URL.format(assessment.pk),
        {**IMPACT, "rights": rights[:1], "suggestion_key": "ex-expression-2"},
    )
    assert response.status_code == 302
    assert Impact.objects.get().rights == rights[:1]


def test_a_read_suggestion_shows_its_rights_by_article_and_its_other_categories(
    owner_client, assessment
):
    assessment.system.description = (
        "It ranks the CVs of job applicants and rejects women and older candidates automatically."
    )
    assessment.system.save()
    lead = cycle_selectors.open_suggestions(assessment)[0]
    assert lead.key == "ip-hiring-discrimination"
    assert lead.also_category_refs == ("cat-equality",)
    assert "cedaw-11" in lead.right_refs  # women named: CEDAW's provision on work
    page = owner_client.get(URL.format(assessment.pk)).content.decode()
    assert "Rights at stake: UDHR Art. 23; ICESCR Art. 6;" in page
    assert "CEDAW Art. 11" in page
    assert escape(f"Also concerns: {cycle_catalogue.title_of('cat-equality')}") in page
