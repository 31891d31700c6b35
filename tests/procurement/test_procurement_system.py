"""A procurement's system can be linked from the inventory, or created, at any time (no dead end)."""

import pytest

from rightslens.accounts.models import AuditEvent
from rightslens.assessments.models import Assessment
from rightslens.inventory.models import AISystem
from rightslens.procurement.models import Counterparty, Procurement

BASE = "/o/acme/procurement/procurements/"


@pytest.fixture
def procurement(org):
    vendor = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    return Procurement.objects.create(
        organisation=org,
        title="CV screening tool",
        needs_statement="Too many applications",
        use_case_text="Rank CVs of job applicants for recruiters",
        vendor=vendor,
    )


def _system(org, name="HireRank CV screener"):
    return AISystem.objects.create(
        organisation=org,
        name=name,
        purpose="p",
        lifecycle_stage="deploy",
        kind="other_ai",
        value_chain_roles=["deployer"],
    )


def test_a_procurement_without_a_system_offers_both_ways_to_get_one(owner_client, procurement, org):
    _system(org)
    page = owner_client.get(f"{BASE}{procurement.pk}/").content.decode()
    assert f'action="{BASE}{procurement.pk}/system/"' in page
    assert f'action="{BASE}{procurement.pk}/system/new/"' in page
    assert "HireRank CV screener" in page


def test_an_existing_inventory_system_is_linked_and_the_assessment_can_then_open(
    owner_client, procurement, org
):
    system = _system(org)
    response = owner_client.post(f"{BASE}{procurement.pk}/system/", {"system": system.pk})
    assert response.status_code == 302
    procurement.refresh_from_db()
    assert procurement.system == system
    assert procurement.vendor.systems.filter(pk=system.pk).exists()
    assert AuditEvent.objects.filter(verb="procurement_system_linked").exists()
    owner_client.post(f"{BASE}{procurement.pk}/assessment/")
    assert Assessment.objects.get().system == system


def test_a_system_is_created_in_the_inventory_from_the_procurement(owner_client, procurement):
    response = owner_client.post(f"{BASE}{procurement.pk}/system/new/", {"kind": "other_ai"})
    assert response.status_code == 302
    procurement.refresh_from_db()
    system = procurement.system
    assert system.name == "CV screening tool"
    assert system.purpose == "Rank CVs of job applicants for recruiters"
    assert "procurer" in system.value_chain_roles and "deployer" in system.value_chain_roles


def test_another_organisations_system_cannot_be_linked(owner_client, procurement, other_org):
    foreign = _system(other_org, "Not ours")
    response = owner_client.post(f"{BASE}{procurement.pk}/system/", {"system": foreign.pk})
    assert response.status_code == 400
    procurement.refresh_from_db()
    assert procurement.system is None


def test_the_system_cannot_change_under_an_open_assessment(owner_client, procurement, org):
    first, second = _system(org), _system(org, "Another tool")
    owner_client.post(f"{BASE}{procurement.pk}/system/", {"system": first.pk})
    owner_client.post(f"{BASE}{procurement.pk}/assessment/")
    response = owner_client.post(f"{BASE}{procurement.pk}/system/", {"system": second.pk})
    assert response.status_code == 400
    assert "pre-procurement assessment covers" in response.content.decode()
    procurement.refresh_from_db()
    assert procurement.system == first


def test_a_viewer_cannot_link_a_system(viewer_client, procurement, org):
    system = _system(org)
    response = viewer_client.post(f"{BASE}{procurement.pk}/system/", {"system": system.pk})
    assert response.status_code == 403
