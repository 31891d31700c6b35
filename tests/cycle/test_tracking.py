from django.core.files.uploadedfile import SimpleUploadedFile

from rightslens.assessments import cycle_selectors, cycle_services, tracking
from rightslens.assessments.cycle_models import EvidenceFile, Measurement
from rightslens.errors import FieldErrors

from .conftest import IMPACT


def _indicator(assessment, owner):
    impact = cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    action = cycle_services.action_plan(
        impact=impact, actor=owner, action_type="prevent", description="Retune filters"
    )
    indicator = tracking.indicator_create(
        action=action,
        actor=owner,
        name="Over-blocking rate",
        unit="%",
        tolerance=3,
        min_group_size=50,
    )
    return impact, indicator


def test_groups_far_worse_than_overall_are_flagged_on_the_tracking_page(
    owner_client, assessment, owner
):
    impact, indicator = _indicator(assessment, owner)
    tracking.measurement_record(
        indicator=indicator,
        actor=owner,
        measured_on="2026-01-01",
        value=12,
        n=4000,
        groups="language, en, 11, 3000\nlanguage, sw, 20, 600",
    )
    url = f"/o/acme/impacts/{impact.pk}/tracking/"
    owner_client.post(
        url,
        {
            "form": "measurement",
            "indicator_id": indicator.pk,
            "measured_on": "2026-03-01",
            "value": "6",
            "n": "4000",
            "groups": "language, en, 5, 3000\nlanguage, sw, 15, 600\nlanguage, yo, 30, 12",
        },
    )
    view = cycle_selectors.indicator_view(indicator)
    verdicts = {r.group: r.verdict.value for r in view.groups}
    assert verdicts == {"en": "working", "sw": "left_behind", "yo": "too_few"}
    page = owner_client.get(url).content.decode()
    assert "Left behind:</strong> sw (language)" in page


def test_a_bad_group_line_names_the_line_and_saves_nothing(assessment, owner):
    _, indicator = _indicator(assessment, owner)
    try:
        tracking.measurement_record(
            indicator=indicator,
            actor=owner,
            measured_on="2026-01-01",
            value=3,
            groups="language, en, 3, 100\nshoe size, 42, 3, 10",
        )
        raise AssertionError("accepted a bad dimension")
    except FieldErrors as exc:
        assert exc.fields["groups"].startswith("Line 2")
    assert Measurement.objects.count() == 0


def test_evidence_files_are_checked_for_type_and_content(assessment, owner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _, indicator = _indicator(assessment, owner)
    m = tracking.measurement_record(
        indicator=indicator, actor=owner, measured_on="2026-01-01", value=3
    )
    for upload, field in (
        (SimpleUploadedFile("x.exe", b"MZ..."), "file"),
        (SimpleUploadedFile("fake.pdf", b"hello"), "file"),
    ):
        try:
            tracking.evidence_attach(measurement=m, actor=owner, upload=upload)
            raise AssertionError("accepted a bad file")
        except FieldErrors as exc:
            assert field in exc.fields
    tracking.evidence_attach(
        measurement=m, actor=owner, upload=SimpleUploadedFile("rates.csv", b"lang,rate\nsw,15\n")
    )
    assert EvidenceFile.objects.get().content_type == "text/csv"


def test_a_bad_measurement_posted_on_the_page_shows_the_error(owner_client, assessment, owner):
    impact, indicator = _indicator(assessment, owner)
    response = owner_client.post(
        f"/o/acme/impacts/{impact.pk}/tracking/",
        {
            "form": "measurement",
            "indicator_id": indicator.pk,
            "measured_on": "2026-03-01",
            "value": "6",
            "groups": "language, sw, lots, 600",
        },
    )
    assert response.status_code == 200
    assert "Line 1: value must be a number" in response.content.decode()
    assert Measurement.objects.count() == 0
