"""The register, dashboard, exports and board brief count each impact once, in its current
version; the impact's history across versions can be shown."""

from rightslens.accounts.models import Membership
from rightslens.assessments import exports, signoff
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.register import register_rows
from rightslens.assessments.reports.context import board_brief
from rightslens.assessments.selectors import dashboard_figures

from .conftest import IMPACT
from .test_signoff import _complete


def _approved_then_new_version(assessment, owner):
    _complete(assessment, owner)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    return signoff.assessment_new_version(
        assessment=assessment, actor=owner, trigger="context_change", trigger_note="Images added"
    )


def test_a_re_versioned_impact_is_counted_once_in_its_current_version(org, assessment, owner):
    v2 = _approved_then_new_version(assessment, owner)
    assert Impact.objects.filter(title=IMPACT["title"]).count() == 2  # v1 and its copy in v2
    rows = register_rows(organisation=org)
    assert [r.impact.assessment_id for r in rows] == [v2.pk]
    assert dashboard_figures(organisation=org)["impacts"] == 1
    assert [r["assessment_id"] for r in exports.register_rows(organisation=org)] == [v2.pk]
    assert [i.assessment_id for i in board_brief(organisation=org)["severe"]] == [v2.pk]


def test_the_impact_page_shows_its_history_across_versions(owner_client, assessment, owner):
    v2 = _approved_then_new_version(assessment, owner)
    current = v2.impacts.get()
    original = Assessment.objects.get(pk=assessment.pk).impacts.get()
    assert current.previous_version == original
    page = owner_client.get(f"/o/acme/impacts/{current.pk}/").content.decode()
    assert "History across versions" in page
    assert f'href="/o/acme/impacts/{original.pk}/">v1</a>' in page and "v2 (this one)" in page


def test_engagement_coverage_lists_a_re_versioned_severe_impact_once(org, assessment, owner):
    from rightslens.engagement.selectors import coverage

    v2 = _approved_then_new_version(assessment, owner)
    rows = coverage(organisation=org)["rows"]
    assert [row["impact"].assessment_id for row in rows] == [v2.pk]
