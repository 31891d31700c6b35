"""What the stored assessment tells the quality rules: cancelled actions and owed remedy."""

from rightslens.assessments.cycle_selectors import quality_findings
from rightslens.assessments.models import Action, ActionStatus, Assessment, Impact
from rightslens.assessments.rules import impact_apply_rules
from rightslens.inventory.models import AffectedGroup, AISystem


def _impact(org, **fields):
    system = AISystem.objects.create(
        organisation=org,
        name="Screener",
        purpose="Ranks CVs",
        lifecycle_stage="deploy",
        kind="other_ai",
        value_chain_roles=["deployer"],
    )
    assessment = Assessment.objects.create(organisation=org, system=system, title="Review")
    impact = Impact(
        organisation=org,
        assessment=assessment,
        title="Disabled applicants screened out",
        risk_category="cat-equality",
        rights=["crpd-27"],
        scale=4,
        scale_rationale="Livelihood",
        scope=2,
        irremediability=3,
        irremediability_rationale="Lost job",
        involvement="cause",
        **fields,
    )
    impact_apply_rules(impact)
    impact.save()
    group = AffectedGroup.objects.create(organisation=org, system=system, name="Applicants")
    impact.affected_groups.add(group)
    return impact


def _codes(impact):
    return {f.code for f in quality_findings(impact.assessment)}


def test_a_severe_impact_whose_only_action_was_cancelled_has_no_action(org):
    impact = _impact(org, actual=False, likelihood=3)
    Action.objects.create(
        organisation=org,
        impact=impact,
        action_type="prevent",
        description="Audit the model",
        status=ActionStatus.CANCELLED,
    )
    assert "severe_without_action" in _codes(impact)


def test_actual_harm_the_organisation_caused_needs_a_remedy_action(org):
    impact = _impact(org, actual=True)
    Action.objects.create(
        organisation=org, impact=impact, action_type="cease", description="Switch off the filter"
    )
    assert "actual_harm_without_remedy" in _codes(impact)
    Action.objects.create(
        organisation=org,
        impact=impact,
        action_type="remedy",
        description="Human review of rejected applications",
    )
    assert "actual_harm_without_remedy" not in _codes(impact)
