from rightslens.core.quality import (
    ActionFacts,
    AssessmentFacts,
    ImpactFacts,
    Level,
    errors,
    run_checks,
)

CATS = ("cat-privacy", "cat-child")


def _impact(**kw):
    base = dict(
        id=1,
        title="Leak",
        severe=True,
        affected_groups=1,
        vulnerable_groups=0,
        open_actions=1,
        all_actions=1,
        disaggregated_tracking=False,
    )
    base.update(kw)
    return ImpactFacts(**base)


def _facts(**kw):
    base = dict(id=7, title="A", all_categories=CATS, considered_categories=frozenset(CATS))
    base.update(kw)
    return AssessmentFacts(**base)


def codes(findings):
    return {f.code for f in findings}


def test_a_clean_assessment_has_no_findings():
    assert run_checks(_facts(impacts=(_impact(),))) == []


def test_severe_impact_without_group_or_action_is_an_error():
    found = run_checks(_facts(impacts=(_impact(affected_groups=0, all_actions=0),)))
    assert codes(errors(found)) == {"severe_without_group", "severe_without_action"}


def test_a_non_severe_impact_without_action_is_fine():
    assert run_checks(_facts(impacts=(_impact(severe=False, all_actions=0),))) == []


def test_vulnerable_group_without_disaggregated_tracking_warns():
    found = run_checks(_facts(impacts=(_impact(vulnerable_groups=1),)))
    assert [(f.code, f.level) for f in found] == [
        ("vulnerable_without_disaggregation", Level.WARNING)
    ]


def test_closed_action_without_evidence_warns():
    action = ActionFacts(
        id=3, impact_id=1, description="Filter", closed=True, has_effectiveness_evidence=False
    )
    assert codes(run_checks(_facts(actions=(action,)))) == {"closed_without_evidence"}


def test_unconsidered_category_red_line_and_overdue():
    found = run_checks(
        _facts(
            considered_categories=frozenset({"cat-privacy"}),
            undecided_red_lines=1,
            overdue=True,
            category_titles={"cat-child": "Rights of the child"},
        )
    )
    assert codes(found) == {"category_not_considered", "red_line_undecided", "overdue"}
    assert found[0].code == "red_line_undecided"  # errors first
    assert any("Rights of the child" in f.message for f in found)


def test_untested_languages_are_named():
    found = run_checks(_facts(untested_languages=("sw", "id")))
    assert "sw, id" in found[0].message


def test_actual_harm_caused_or_contributed_to_without_remedy_is_an_error():
    found = run_checks(_facts(impacts=(_impact(remedy_owed=True, has_remedy_action=False),)))
    assert codes(errors(found)) == {"actual_harm_without_remedy"}


def test_actual_harm_with_a_remedy_action_passes():
    assert run_checks(_facts(impacts=(_impact(remedy_owed=True, has_remedy_action=True),))) == []
