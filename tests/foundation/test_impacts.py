import pytest

from rightslens.assessments import services
from rightslens.assessments.models import Action, Assessment, AssessmentStatus, Impact
from rightslens.assessments.testing import make_impact
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AffectedGroup
from rightslens.inventory.testing import make_system

GOOD = {
    "title": "Over-blocking in Swahili",
    "rights": ["udhr-19"],
    "risk_category": "cat-expression",
    "actual": False,
    "scale": 3,
    "scale_rationale": "Blocks health information.",
    "scope": 2,
    "irremediability": 2,
    "likelihood": 4,
    "involvement": "cause",
    "involvement_rationale": "Our filters.",
    "business_risk": 2,
}


@pytest.fixture
def assessment(org):
    return Assessment.objects.create(organisation=org, system=make_system(org), title="Launch")


def _errors(assessment, owner, **changes):
    with pytest.raises(FieldErrors) as exc:
        services.impact_create(assessment=assessment, actor=owner, **(GOOD | changes))
    assert not Impact.objects.exists()
    return exc.value.fields


def test_it_derives_band_and_priority_from_the_core_rules(assessment, owner):
    impact = services.impact_create(assessment=assessment, actor=owner, **GOOD)
    assert impact.severity_band == 3
    severe = services.impact_create(
        assessment=assessment,
        actor=owner,
        **(
            GOOD
            | {
                "irremediability": 4,
                "irremediability_rationale": "Cannot be undone.",
                "likelihood": 1,
            }
        ),
    )
    assert severe.severity_band == 4
    assert severe.priority > impact.priority


def test_out_of_range_ratings_are_refused(assessment, owner):
    fields = _errors(assessment, owner, scale=7, scope=0)
    assert "Scale must be a whole number from 1 to 4" in fields["scale"]
    assert "scope" in fields


def test_a_severe_rating_needs_a_rationale(assessment, owner):
    fields = _errors(assessment, owner, irremediability=4, irremediability_rationale="  ")
    assert "needs a written rationale" in fields["irremediability_rationale"]


def test_an_actual_impact_takes_no_likelihood(assessment, owner):
    assert (
        "leave likelihood empty"
        in _errors(assessment, owner, actual=True, likelihood=3)["likelihood"]
    )


def test_a_potential_impact_needs_a_likelihood(assessment, owner):
    assert "needs a likelihood" in _errors(assessment, owner, likelihood=None)["likelihood"]


def test_rights_and_category_must_come_from_the_knowledge_base(assessment, owner):
    fields = _errors(
        assessment, owner, rights=["udhr-19", "made-up-right", "ungp-1"], risk_category="cat-nope"
    )
    assert "made-up-right" in fields["rights"] and "ungp-1" in fields["rights"]
    assert "cat-nope" in fields["risk_category"]


def test_a_group_of_another_organisation_is_refused(assessment, owner, other_org):
    foreign = AffectedGroup.objects.create(
        organisation=other_org, system=make_system(other_org), name="Theirs"
    )
    fields = _errors(assessment, owner, affected_group_ids=[foreign.pk])
    assert str(foreign.pk) in fields["affected_group_ids"]
    assert not foreign.impacts.exists()


def test_a_frozen_assessment_refuses_new_and_changed_impacts(assessment, owner, owner_client):
    impact = make_impact(assessment)
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.APPROVED)
    assessment.refresh_from_db()
    assert "frozen" in _errors_on_update(impact, owner)["assessment"]
    response = owner_client.get(f"/o/acme/impacts/{impact.pk}/edit/", follow=True)
    assert "frozen" in response.content.decode()
    response = owner_client.post(f"/o/acme/assessments/{assessment.pk}/impacts/new/", GOOD)
    assert response.status_code == 302
    assert Impact.objects.count() == 1


def _errors_on_update(impact, owner):
    impact.refresh_from_db()
    with pytest.raises(FieldErrors) as exc:
        services.impact_update(impact=impact, actor=owner, title="Changed")
    assert Impact.objects.get(pk=impact.pk).title != "Changed"
    return exc.value.fields


def test_the_form_records_an_impact_and_shows_it_first_when_most_severe(assessment, owner_client):
    url = f"/o/acme/assessments/{assessment.pk}/impacts/new/"
    group = assessment.system.affected_groups.first()
    form = GOOD | {"actual": "potential", "affected_group_ids": [str(group.pk)], "status": "open"}
    form.pop("business_risk")
    assert owner_client.post(url, form).status_code == 302
    owner_client.post(
        url,
        form
        | {
            "title": "Irreversible",
            "irremediability": 4,
            "irremediability_rationale": "Lasting",
            "likelihood": 1,
        },
    )
    page = owner_client.get(f"/o/acme/assessments/{assessment.pk}/").content.decode()
    page = page[page.index("<tbody>") :]
    assert page.index("Irreversible") < page.index("Over-blocking in Swahili")

    full = owner_client.get(f"/o/acme/assessments/{assessment.pk}/").content.decode()
    assert "Due diligence cycle" in full and f"/o/acme/assessments/{assessment.pk}/scoping/" in full


def test_the_form_shows_errors_next_to_fields_and_saves_nothing(assessment, owner_client):
    url = f"/o/acme/assessments/{assessment.pk}/impacts/new/"
    response = owner_client.post(
        url, GOOD | {"actual": "actual", "likelihood": 3, "scale": 4, "scale_rationale": ""}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "leave likelihood empty" in errors["likelihood"][0]
    assert "needs a written rationale" in errors["scale_rationale"][0]
    assert not Impact.objects.exists()


def test_business_risk_is_stored_but_never_changes_priority(assessment, owner):
    low = services.impact_create(
        assessment=assessment, actor=owner, **(GOOD | {"business_risk": 1})
    )
    high = services.impact_create(
        assessment=assessment, actor=owner, **(GOOD | {"business_risk": 4})
    )
    assert (low.business_risk, high.business_risk) == (1, 4)
    assert low.priority == high.priority


def test_actions_are_validated_and_allowed_after_approval(assessment, owner):
    impact = make_impact(assessment)
    with pytest.raises(FieldErrors) as exc:
        services.action_create(
            impact=impact, actor=owner, action_type="pray", description="", due_date="soon"
        )
    assert set(exc.value.fields) == {"action_type", "description", "due_date"}
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.APPROVED)
    impact.refresh_from_db()
    action = services.action_create(
        impact=impact,
        actor=owner,
        action_type="prevent",
        description="Red-team",
        due_date="2027-01-31",
    )
    services.action_update(action=action, actor=owner, status="done")
    assert Action.objects.get(pk=action.pk).status == "done"


def test_assessing_needs_a_system_of_the_same_organisation(org, owner, other_org):
    foreign = make_system(other_org)
    with pytest.raises(FieldErrors) as exc:
        services.assessment_create(organisation=org, actor=owner, system_id=foreign.pk)
    assert "system_id" in exc.value.fields
    assert not Assessment.objects.exists()


def test_an_assessment_is_opened_from_the_system_page(org, owner_client):
    system = make_system(org)
    response = owner_client.post(
        f"/o/acme/systems/{system.pk}/assessments/new/",
        {"kind": "rapid", "trigger": "market_entry", "title": ""},
    )
    assessment = Assessment.objects.get()
    assert response["Location"] == f"/o/acme/assessments/{assessment.pk}/"
    assert assessment.scope_countries == ["KE"]


def test_an_archived_system_cannot_be_assessed(org, owner):
    from rightslens.inventory.services import system_archive

    system = make_system(org)
    system_archive(system=system, actor=owner)
    with pytest.raises(FieldErrors) as exc:
        services.assessment_create(organisation=org, actor=owner, system_id=system.pk)
    assert "archived" in exc.value.fields["system_id"]
