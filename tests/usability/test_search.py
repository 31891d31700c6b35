"""Search finds the organisation's own records only, and grievances only for those who may read them."""

from __future__ import annotations

from conftest import client_for, make_member
from rightslens.accounts.models import Role
from rightslens.assessments.models import Assessment
from rightslens.grievances.services import grievance_submit
from rightslens.inventory.testing import make_system


def _results(client, query: str) -> str:
    return client.get("/o/acme/search/", {"q": query}).content.decode()


def test_search_finds_systems_assessments_and_grievances_of_this_organisation_only(
    org, other_org, owner
):
    mine = make_system(org, "Payroll scorer")
    Assessment.objects.create(organisation=org, system=mine, title="Payroll scorer review")
    make_system(other_org, "Payroll scorer elsewhere")
    grievance_submit(
        organisation=org,
        content="The payroll scorer cut my hours",
        language="en",
        name="",
        contact="",
    )
    grievance_submit(
        organisation=other_org,
        content="payroll complaint abroad",
        language="en",
        name="",
        contact="",
    )
    html = _results(client_for(owner), "payroll")
    assert "Payroll scorer</a>" in html and "Payroll scorer review</a>" in html
    assert "elsewhere" not in html and "/o/other/" not in html
    assert html.count('<span class="badge">Grievance</span>') == 1
    assert "cut my hours" not in html  # a result never shows what was written


def test_grievances_are_need_to_know_in_search(org, owner):
    grievance_submit(
        organisation=org,
        content="The payroll scorer cut my hours",
        language="en",
        name="",
        contact="",
    )
    assessor = make_member(org, "assessor2@acme.test", Role.ASSESSOR)
    assert '<span class="badge">Grievance</span>' not in _results(client_for(assessor), "payroll")
    assert '<span class="badge">Grievance</span>' in _results(client_for(owner), "payroll")


def test_an_outsider_gets_404(org, other_org):
    outsider = make_member(other_org, "out@other.test", Role.OWNER)
    assert client_for(outsider).get("/o/acme/search/", {"q": "payroll"}).status_code == 404
