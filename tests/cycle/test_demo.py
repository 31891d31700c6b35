from rightslens.assessments import cycle_selectors
from rightslens.assessments import demo as assessments_demo
from rightslens.assessments.cycle_models import Indicator
from rightslens.assessments.models import Assessment


def test_the_demo_runs_a_full_cycle_and_seeds_quality_problems(org, owner):
    assessments_demo.load(org, owner)  # the cycle's demo comes with it
    approved = Assessment.objects.get(title="Lumen Chat: annual review", status="approved")
    assert Assessment.objects.get(previous=approved).status == "draft"
    view = cycle_selectors.indicator_view(
        Indicator.objects.get(
            action__impact__assessment__system__name="Lumen Chat",
            action__impact__assessment__kind="rapid",
        )
    )
    assert {r.group for r in view.left_behind} == {"sw", "id"}
    codes = {f.code for _, found in cycle_selectors.org_quality(organisation=org) for f in found}
    assert {
        "severe_without_action",
        "overdue",
        "closed_without_evidence",
        "safety_untested_languages",
    } <= codes


def test_the_demos_approved_assessments_pass_the_approval_gates(org, owner):
    from rightslens.assessments.approval_gates import approval_gate_problems

    assessments_demo.load(org, owner)
    approved = Assessment.objects.filter(organisation=org, status="approved")
    assert approved.exists()
    for assessment in approved:
        assert approval_gate_problems(assessment) == [], assessment.title
    review = approved.get(title="Lumen Chat: annual review")
    assert not [
        s
        for s in cycle_selectors.open_suggestions(review)
        if review.category_reviews.filter(category_ref=s.category_ref, outcome="not_relevant")
    ]
