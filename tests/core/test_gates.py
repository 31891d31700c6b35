"""Gates refuse a green light that has not been earned."""

from dataclasses import replace
from datetime import datetime, timedelta

from rightslens.core.gates import (
    AwardFacts,
    Clearance,
    NamedClause,
    OpenAssessment,
    award_problems,
    high_risk_conclusion_problems,
    system_clearance,
)

NOW = datetime(2026, 6, 1)
DAY = timedelta(days=1)


def _clearance(**overrides):
    facts = {
        "approved_at": NOW - 10 * DAY,
        "system_changed_at": NOW - 20 * DAY,
        "open_assessments": (),
        "now": NOW,
        "review_period_days": 365,
    }
    return system_clearance(**{**facts, **overrides})


def test_a_current_approval_after_the_last_change_clears_the_system():
    result = _clearance()
    assert result.status is Clearance.CLEARED and result.exit_code == 0


def test_a_system_never_approved_is_not_cleared_even_with_a_draft_open():
    result = _clearance(approved_at=None, open_assessments=(OpenAssessment(7, NOW - DAY),))
    assert result.status is Clearance.IN_PROGRESS
    assert result.exit_code == 4
    assert "No approved assessment of this system." in result.reasons


def test_a_system_never_approved_and_without_a_draft_needs_a_full_assessment():
    result = _clearance(approved_at=None)
    assert result.status is Clearance.ASSESSMENT_NEEDED
    assert result.exit_code == 3 and result.suggested_kind == "full"


def test_a_change_after_approval_is_not_covered_by_an_older_draft():
    old_draft = OpenAssessment(5, NOW - 30 * DAY)
    result = _clearance(system_changed_at=NOW - 2 * DAY, open_assessments=(old_draft,))
    assert result.status is Clearance.ASSESSMENT_NEEDED
    assert "System changed after sign-off" in result.reasons
    assert any("#5 was started before the system's last change" in r for r in result.reasons)


def test_a_draft_started_after_the_change_is_in_progress_not_cleared():
    draft = OpenAssessment(9, NOW - DAY)
    result = _clearance(system_changed_at=NOW - 2 * DAY, open_assessments=(draft,))
    assert result.status is Clearance.IN_PROGRESS
    assert result.covering_open_ids == (9,)


def test_an_approval_past_its_review_period_is_not_cleared():
    result = _clearance(approved_at=NOW - 400 * DAY, system_changed_at=None)
    assert result.status is Clearance.ASSESSMENT_NEEDED
    assert result.suggested_kind == "rapid"


AWARDABLE = AwardFacts(
    screened=True,
    red_line_hits_undecided=False,
    use_stopped=False,
    vendor_conclusion="proceed_with_conditions",
    vendor_conclusion_label="Proceed with conditions",
    assessment_state="approved",
    named_clauses=(NamedClause("Audit and information", True),),
    affected_groups=("Job applicants",),
    unengaged_groups=(),
)


def test_a_procurement_with_its_due_diligence_done_may_be_awarded():
    assert award_problems(AWARDABLE) == []


def test_award_needs_the_pre_procurement_assessment_approved():
    problems = award_problems(replace(AWARDABLE, assessment_state="draft"))
    assert problems == [
        "The pre-procurement human rights assessment is not approved yet (it is draft)."
    ]


def test_award_needs_every_named_clause_agreed():
    clauses = (NamedClause("Audit and information", True), NamedClause("Remedy cooperation", False))
    problems = award_problems(replace(AWARDABLE, named_clauses=clauses))
    assert len(problems) == 1 and "'Remedy cooperation'" in problems[0]


def test_award_needs_affected_groups_engaged():
    problems = award_problems(replace(AWARDABLE, unengaged_groups=("Disabled applicants",)))
    assert problems == [
        "'Disabled applicants' has not been engaged (directly or through a credible proxy)."
    ]
    assert award_problems(replace(AWARDABLE, affected_groups=()))


def test_award_needs_red_line_hits_decided():
    problems = award_problems(replace(AWARDABLE, red_line_hits_undecided=True))
    assert problems == ["A red-line hit awaits a decision by the senior role."]


def test_a_high_risk_customer_conclusion_needs_conditions_and_leverage():
    assert (
        len(
            high_risk_conclusion_problems(
                conclusion="escalate", supply_conditions="", leverage_actions=0
            )
        )
        == 2
    )
    assert (
        high_risk_conclusion_problems(
            conclusion="do_not_proceed",
            supply_conditions="Their own HRIA first.",
            leverage_actions=1,
        )
        == []
    )
    assert (
        high_risk_conclusion_problems(
            conclusion="proceed", supply_conditions="", leverage_actions=0
        )
        == []
    )


CATEGORIES = {"cat-a": "Privacy", "cat-b": "Expression"}


def test_a_full_assessment_needs_every_category_decided():
    from rightslens.core.gates import CategoryFacts, category_problems

    facts = CategoryFacts(CATEGORIES, frozenset({"cat-a"}), frozenset(), ())
    assert category_problems("full", facts) == [
        "Risk category “Expression” is not decided: record an impact, or mark it not relevant "
        "with a reason."
    ]
    assert category_problems("periodic", facts)
    assert category_problems("rapid", facts) == []


def test_a_dismissed_category_with_an_open_suggestion_blocks_approval():
    from rightslens.core.gates import CategoryFacts, category_problems

    facts = CategoryFacts(
        CATEGORIES,
        frozenset(CATEGORIES),
        frozenset({"cat-b"}),
        (("cat-b", "Over-blocking"), ("cat-a", "Leaks")),
    )
    problems = category_problems("full", facts)
    assert len(problems) == 1 and "“Over-blocking”" in problems[0]


def test_severe_impacts_need_their_groups_heard_or_a_reason():
    from rightslens.core.gates import SevereImpactEngagement, severe_engagement_problems

    unheard = SevereImpactEngagement("Wrongful denial", ("Claimants",), ("Claimants",), "")
    assert severe_engagement_problems((unheard,)) == [
        "Severe impact “Wrongful denial”: “Claimants” has not been engaged (directly or through "
        "a credible proxy); record the engagement, or the reason it was not possible."
    ]
    excused = replace(unheard, gap_reason="Claimants' association refused; ombudsman consulted.")
    heard = replace(unheard, unheard_groups=())
    assert severe_engagement_problems((excused, heard)) == []
