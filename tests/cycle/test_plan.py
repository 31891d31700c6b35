from rightslens.assessments import cycle_services

from .conftest import IMPACT
from .html import repeated_ids

URL = "/o/acme/assessments/{}/plan/"


def _two_impacts(assessment, owner):
    first = cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    second = cycle_services.impact_record(
        assessment=assessment, actor=owner, **{**IMPACT, "title": "Swahili answers less accurate"}
    )
    return first, second


def test_each_impacts_action_form_has_its_own_field_ids(owner_client, assessment, owner):
    first, second = _two_impacts(assessment, owner)
    page = owner_client.get(URL.format(assessment.pk)).content.decode()
    assert repeated_ids(page) == []
    for impact in (first, second):
        assert f'id="id_impact-{impact.pk}-description"' in page
        assert f'<label for="id_impact-{impact.pk}-description">' in page


def test_submitting_one_impacts_form_plans_the_action_for_that_impact(
    owner_client, assessment, owner
):
    first, second = _two_impacts(assessment, owner)
    prefix = f"impact-{second.pk}"
    response = owner_client.post(
        URL.format(assessment.pk),
        {
            "impact_id": second.pk,
            f"{prefix}-action_type": "prevent",
            f"{prefix}-preference": "avoid",
            f"{prefix}-description": "Test answers in Swahili before each release",
        },
    )
    assert response.status_code == 302
    assert [a.description for a in second.actions.all()] == [
        "Test answers in Swahili before each release"
    ]
    assert not first.actions.exists()


def test_a_bad_action_shows_its_error_only_on_its_impacts_form(owner_client, assessment, owner):
    first, second = _two_impacts(assessment, owner)
    prefix = f"impact-{first.pk}"
    response = owner_client.post(
        URL.format(assessment.pk),
        {
            "impact_id": first.pk,
            f"{prefix}-action_type": "prevent",
            f"{prefix}-preference": "avoid",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_{prefix}-description_error"' in page
    assert f'id="id_impact-{second.pk}-description_error"' not in page
    assert repeated_ids(page) == []
    assert not first.actions.exists() and not second.actions.exists()
