"""`Impact.replaced_at` and `Impact.closed_at` are kept by the models, so the register reads its
current entries from one table and the dashboard's open-severe trend is exact."""

from __future__ import annotations

import importlib
from datetime import timedelta

from django.apps import apps as django_apps
from django.db.models import Q
from django.utils import timezone

from rightslens.assessments.models import Assessment, AssessmentStatus, Impact
from rightslens.assessments.selectors import current_impacts, dashboard_figures, month_ends
from rightslens.assessments.services import impact_update
from rightslens.assessments.testing import make_impact
from rightslens.ux.charts import open_severe_trend

from .conftest import IMPACT
from .test_register_versions import _approved_then_new_version


def _by_the_definition(org):
    """Current impacts as the register defined them before the field: assessment neither
    superseded nor replaced by a newer version."""
    return set(
        Impact.objects.filter(organisation=org)
        .exclude(assessment__status=AssessmentStatus.SUPERSEDED)
        .exclude(assessment__successors__isnull=False)
        .values_list("pk", flat=True)
    )


def _current(org):
    return set(current_impacts(organisation=org).values_list("pk", flat=True))


def test_a_new_version_replaces_the_old_impacts_and_discarding_it_puts_them_back(
    org, assessment, owner
):
    v2 = _approved_then_new_version(assessment, owner)
    copy = v2.impacts.get()
    original = Impact.objects.get(assessment=assessment)
    assert original.replaced_at is not None and copy.replaced_at is None
    assert _current(org) == _by_the_definition(org) == {copy.pk}
    v2.delete()  # the draft of the next version is discarded
    original.refresh_from_db()
    assert original.replaced_at is None
    assert _current(org) == _by_the_definition(org) == {original.pk}


def test_superseding_replaces_and_an_impact_added_to_a_replaced_assessment_is_not_current(
    org, assessment
):
    kept = make_impact(assessment, title="Kept")
    assessment.status = AssessmentStatus.SUPERSEDED
    assessment.save(update_fields=["status", "updated_at"])
    kept.refresh_from_db()
    assert kept.replaced_at is not None
    late = make_impact(Assessment.objects.get(pk=assessment.pk), title="Added late")
    assert late.replaced_at is not None
    assert _current(org) == _by_the_definition(org) == set()


def test_closed_at_is_stamped_when_an_impact_leaves_open_and_cleared_when_reopened(
    assessment, owner
):
    impact = make_impact(assessment, **IMPACT)
    assert impact.closed_at is None
    impact = impact_update(impact=impact, actor=owner, status="addressed")
    stamped = Impact.objects.get(pk=impact.pk).closed_at
    assert stamped is not None
    impact = impact_update(impact=impact, actor=owner, status="closed")
    assert Impact.objects.get(pk=impact.pk).closed_at == stamped  # it stopped being open then
    impact = impact_update(impact=impact, actor=owner, status="open")
    assert Impact.objects.get(pk=impact.pk).closed_at is None


def test_the_open_severe_trend_counts_each_impact_exactly_while_it_was_open(org, assessment):
    severe = {"scale": 4, "scope": 4, "irremediability": 4, "likelihood": 5}
    now = timezone.now()
    ends = [end for _, end in month_ends(6, today=now)]
    # Four severe impacts with known lives, and one that is not severe.
    lives = {
        "open all along": (now - timedelta(days=400), None, None),
        "closed 45 days ago": (now - timedelta(days=300), now - timedelta(days=45), None),
        "replaced 100 days ago": (now - timedelta(days=250), None, now - timedelta(days=100)),
        "created 20 days ago": (now - timedelta(days=20), None, None),
    }
    for title, (created, closed, replaced) in lives.items():
        impact = make_impact(assessment, title=title, **severe)
        Impact.objects.filter(pk=impact.pk).update(
            created_at=created, closed_at=closed, replaced_at=replaced
        )
    make_impact(assessment, title="Not severe")
    assert Impact.objects.filter(title__in=lives, severity_band=4).count() == 4

    def expected(end):
        return sum(
            1
            for created, closed, replaced in lives.values()
            if created <= end
            and (closed is None or closed > end)
            and (replaced is None or replaced > end)
        )

    got = dashboard_figures(organisation=org, trend_ends=ends)["open_severe"]
    assert got == [expected(end) for end in ends]
    assert got[-1] == 2  # now: "open all along" and "created 20 days ago"
    assert len(set(got)) > 1  # the lives above make the months differ
    chart = open_severe_trend(org)
    assert [bar["value"] for bar in chart["bars"]][-1] == got[-1]


def test_the_data_migration_backfills_from_successors_supersession_and_status(
    org, assessment, owner
):
    open_one = make_impact(assessment, title="Open")
    done = make_impact(assessment, title="Done", status="addressed")
    v2 = _approved_then_new_version(assessment, owner)
    copy = v2.impacts.get(title="Open")
    Impact.objects.update(replaced_at=None, closed_at=None)  # as before the fields existed
    migration = importlib.import_module(
        "rightslens.assessments.migrations.0008_impact_replaced_at_closed_at"
    )
    migration.backfill(django_apps, None)
    open_one.refresh_from_db()
    done.refresh_from_db()
    copy.refresh_from_db()
    assert open_one.replaced_at == v2.created_at and copy.replaced_at is None
    assert done.closed_at == done.updated_at and open_one.closed_at is None
    assert _current(org) == _by_the_definition(org)
    assert not Impact.objects.filter(Q(status="open") & Q(closed_at__isnull=False)).exists()


def test_the_dashboards_cached_figures_follow_every_change_to_the_register(org, assessment):
    from rightslens.assessments.selectors import dashboard_figures_stamped

    def figures():
        ends = [end for _, end in month_ends(6)]  # as the page computes them, "now" last
        found = dashboard_figures_stamped(organisation=org, trend_ends=ends)
        assert found == {
            **dashboard_figures(organisation=org, trend_ends=ends),
            "top_rights": found["top_rights"],
        }
        return found["impacts"], found["severe"], found["open_severe"][-1], found["top_rights"]

    assert figures() == (0, 0, 0, [])
    impact = make_impact(assessment, rights=["udhr-19"])
    assert figures() == (1, 0, 0, [("udhr-19", 1)])
    impact.scale, impact.severity_band = 4, 4  # a re-rating saved through the model
    impact.save()
    assert figures() == (1, 1, 1, [("udhr-19", 1)])
    impact.status = "closed"
    impact.save()
    assert figures()[:3] == (1, 1, 0)
    impact.delete()
    assert figures() == (0, 0, 0, [])
