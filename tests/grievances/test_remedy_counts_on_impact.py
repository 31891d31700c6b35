"""A remedy recorded on a linked grievance counts toward the impact's remedy requirement (GP 22)
and shows on the impact; the register no longer says remedy is missing."""

import datetime

import pytest

from rightslens.accounts.models import Membership
from rightslens.assessments import cycle_selectors
from rightslens.assessments.models import Assessment
from rightslens.assessments.testing import make_impact
from rightslens.grievances.services import (
    grievance_link_impact,
    grievance_remedy_record,
    grievance_submit,
    grievance_transition,
)
from rightslens.inventory.testing import make_system


@pytest.fixture
def caused_harm(org):
    system = make_system(org, "CV screening tool")
    assessment = Assessment.objects.create(organisation=org, system=system, title="CV tool HRIA")
    return make_impact(
        assessment,
        title="Disabled applicants wrongly rejected",
        scale=3,
        likelihood=3,
        involvement="cause",
    )


@pytest.fixture
def linked_grievance(org, owner, caused_harm):
    officer = Membership.objects.get(user=owner)
    grievance, _code = grievance_submit(
        organisation=org, content="The CV tool rejected me.", language="en"
    )
    grievance_transition(membership=officer, grievance=grievance, to_state="acknowledged")
    grievance_link_impact(
        membership=officer, grievance=grievance, impact=caused_harm, mark_actual=True
    )
    return grievance


def _remedy(owner, grievance):
    grievance_remedy_record(
        membership=Membership.objects.get(user=owner),
        grievance=grievance,
        form="remedy-restitution",
        route="route-non-state",
        description="A person reviewed your application again.",
        provider="Acme recruitment team",
        provided_on=datetime.date(2026, 11, 30),
    )


def _remedy_finding(impact):
    return [
        f
        for f in cycle_selectors.quality_findings(impact.assessment)
        if f.code == "actual_harm_without_remedy"
    ]


def test_without_remedy_the_register_and_quality_checks_say_remedy_is_missing(
    owner_client, caused_harm, linked_grievance
):
    caused_harm.refresh_from_db()
    assert _remedy_finding(caused_harm)
    impact_page = owner_client.get(f"/o/acme/impacts/{caused_harm.pk}/").content.decode()
    assert "Remedy recorded through a linked grievance" not in impact_page
    register = owner_client.get("/o/acme/register/").content.decode()
    assert "; provide remedy for the harm</span>" in register


def test_a_remedy_on_the_linked_grievance_counts_and_shows_on_the_impact(
    owner_client, owner, caused_harm, linked_grievance
):
    _remedy(owner, linked_grievance)
    caused_harm.refresh_from_db()
    assert _remedy_finding(caused_harm) == []
    impact_page = owner_client.get(f"/o/acme/impacts/{caused_harm.pk}/").content.decode()
    assert "Remedy recorded through a linked grievance" in impact_page
    assert f"#{linked_grievance.pk}" in impact_page
    assert "rejected me" not in impact_page  # the grievance text stays need-to-know
    register = owner_client.get("/o/acme/register/").content.decode()
    assert "; provide remedy for the harm</span>" not in register
