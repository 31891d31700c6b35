"""Writes made from a copy read earlier never overwrite what someone else saved meanwhile.

The sign-off moves check the status they were decided on in the same UPDATE that writes it; the
priorities recompute, the scoping save and an impact edit write only the fields they own.
"""

import pytest

from rightslens.assessments import services, signoff
from rightslens.assessments.cycle_services import scoping_save
from rightslens.assessments.models import Assessment, AssessmentStatus, Impact
from rightslens.assessments.testing import make_impact
from rightslens.errors import FieldErrors, StaleVersion


def test_a_move_decided_on_a_stale_status_changes_nothing(assessment, owner):
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.IN_REVIEW)
    stale = Assessment.objects.get(pk=assessment.pk)
    # Meanwhile someone approves it (written straight to the row, as another request would).
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.APPROVED)
    with pytest.raises(StaleVersion, match="Someone else moved this assessment"):
        signoff.assessment_return(assessment=stale, actor=owner)
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.APPROVED


def test_a_move_bumps_the_lock_version_so_an_edit_form_loaded_before_it_is_refused(
    assessment, owner
):
    seen = assessment.lock_version
    form_copy = Assessment.objects.get(pk=assessment.pk)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    assert Assessment.objects.get(pk=assessment.pk).lock_version == seen + 1
    with pytest.raises(FieldErrors):
        scoping_save(
            assessment=form_copy, actor=owner, lock_version=seen, context_of_use="Stale edit"
        )
    fresh = Assessment.objects.get(pk=assessment.pk)
    assert (fresh.status, fresh.context_of_use) == (AssessmentStatus.IN_REVIEW, "")


def test_a_scoping_save_never_writes_back_a_status_it_read(assessment, owner):
    copy = Assessment.objects.get(pk=assessment.pk)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    scoping_save(assessment=copy, actor=owner, context_of_use="Hiring in Kenya")
    fresh = Assessment.objects.get(pk=assessment.pk)
    assert fresh.status == AssessmentStatus.IN_REVIEW
    assert fresh.context_of_use == "Hiring in Kenya"


def test_an_impact_edit_keeps_a_field_written_elsewhere_meanwhile(assessment, owner):
    impact = make_impact(assessment, rights=["iccpr-17"], risk_category="cat-privacy")
    copy = Impact.objects.get(pk=impact.pk)
    Impact.objects.filter(pk=impact.pk).update(
        engagement_gap_reason="The people affected could not be reached safely."
    )
    services.impact_update(impact=copy, actor=owner, title="Renamed")
    fresh = Impact.objects.get(pk=impact.pk)
    assert fresh.title == "Renamed"
    assert fresh.engagement_gap_reason == "The people affected could not be reached safely."


def test_the_priorities_recompute_keeps_an_edit_made_while_it_runs(assessment, org, monkeypatch):
    impact = make_impact(assessment, title="Before")
    Impact.objects.filter(pk=impact.pk).update(priority=0, severity_band=1)
    real_rules = services.impact_apply_rules

    def rules_with_a_concurrent_edit(row):
        # Another writer changes the impact's content between the recompute's read and its save.
        Impact.objects.filter(pk=row.pk).update(title="Edited meanwhile")
        real_rules(row)

    monkeypatch.setattr(services, "impact_apply_rules", rules_with_a_concurrent_edit)
    assert services.priorities_recompute(organisation=org) == 1
    fresh = Impact.objects.get(pk=impact.pk)
    assert fresh.title == "Edited meanwhile"
    assert fresh.priority == impact.priority and fresh.priority > 0
