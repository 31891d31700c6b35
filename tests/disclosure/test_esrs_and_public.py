"""The ESRS S4 draft, its opt-in public page, and the public transparency page."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from rightslens.assessments.models import AssessmentStatus
from rightslens.disclosure.models import EsrsDraft, TransparencyPage
from rightslens.grievances.services import grievance_submit

pytestmark = pytest.mark.django_db
YEAR = {"period_start": "2026-01-01", "period_end": "2026-12-31"}


def draft_for(client) -> EsrsDraft:
    assert client.post("/o/acme/disclosure/esrs/new/", YEAR).status_code == 302
    return EsrsDraft.objects.get()


def test_the_draft_computes_datapoints_from_records_with_links(owner_client, oversight, engagement):
    draft = draft_for(owner_client)
    page = owner_client.get(f"/o/acme/disclosure/esrs/{draft.pk}/").content.decode()
    assert "S4-2 Engaging" in page
    assert f'href="/o/acme/engagement/events/{engagement.pk}/"' in page
    assert "Rejections overturned on review: target 5 %" in page
    assert f'href="/o/acme/actions/{oversight.pk}/edit/"' in page


def test_a_period_that_ends_before_it_starts_is_refused(owner_client):
    owner_client.post(
        "/o/acme/disclosure/esrs/new/", {"period_start": "2026-12-31", "period_end": "2026-01-01"}
    )
    assert not EsrsDraft.objects.exists()


def test_the_public_page_shows_only_opted_in_items_and_no_complainant(
    owner_client, org, engagement
):
    for text in ("My application was rejected by the screener, Maria Lopez", "Second", "Third"):
        grievance_submit(organisation=org, content=text, language="en", name="Maria Lopez")
    draft = draft_for(owner_client)
    owner_client.post(
        f"/o/acme/disclosure/esrs/{draft.pk}/",
        {
            "published": ["S4-3"],
            "narrative_S4-3": "Anyone can complain without an account.",
            "narrative_S4-2": "Internal only",
        },
    )
    public = Client().get(f"/t/acme/s4/{draft.pk}/").content.decode()
    assert "Anyone can complain without an account." in public
    assert "Internal only" not in public and "S4-2" not in public
    assert "Maria" not in public and "rejected by the screener" not in public
    assert "fewer than 5" in public  # three grievances: suppressed like the public statistics


def test_an_unpublished_draft_is_not_public(owner_client):
    draft = draft_for(owner_client)
    assert Client().get(f"/t/acme/s4/{draft.pk}/").status_code == 404


def test_the_transparency_page_is_off_until_opted_in(client, org):
    assert client.get("/t/acme/").status_code == 404


def test_the_transparency_page_shows_chosen_systems_and_how_to_complain(
    owner_client, owner, system, assessment, impact
):
    from rightslens.inventory.testing import make_system

    hidden = make_system(org := system.organisation, "Internal fraud model")
    assessment.status, assessment.approved_at, assessment.approved_by = (
        AssessmentStatus.APPROVED,
        timezone.now(),
        owner,
    )
    assessment.save()
    response = owner_client.post(
        "/o/acme/disclosure/transparency/",
        {"enabled": "on", "introduction": "How we use AI", "systems": [str(system.pk)]},
    )
    assert response.status_code == 302
    page = Client().get("/t/acme/").content.decode()
    assert "CV screener" in page and "Ranks job applications" in page
    assert "It identified 1 impact" in page
    assert "Internal fraud model" not in page and hidden.organisation == org
    assert 'href="/g/acme/"' in page


def test_a_viewer_cannot_publish(viewer_client, org):
    viewer_client.post("/o/acme/disclosure/transparency/", {"enabled": "on"})
    assert not TransparencyPage.objects.filter(enabled=True).exists()


def test_grievance_figures_count_only_the_period(owner_client, org):
    grievance_submit(organisation=org, content="old", language="en")
    from rightslens.grievances.models import Grievance

    Grievance.objects.update(received_at=timezone.make_aware(datetime.datetime(2025, 6, 1)))
    draft = draft_for(owner_client)
    from rightslens.disclosure.selectors import esrs_view

    points = {p.code: p.value for s in esrs_view(draft=draft) for p in s.datapoints}
    assert points["S4-3.received"] == 0


def test_exact_grievance_counts_are_need_to_know_on_the_internal_draft(
    owner, assessor, assessor_client, org
):
    """Three grievances: the owner (and a grievance officer) sees 3; an assessor who is not an
    officer sees the suppressed count, as on the public page."""
    from rightslens.accounts.models import Membership
    from rightslens.disclosure.selectors import esrs_for_member
    from rightslens.disclosure.services import esrs_create

    for text in ("First", "Second", "Third"):
        grievance_submit(organisation=org, content=text, language="en")
    draft = esrs_create(
        organisation=org,
        actor=owner,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )

    def received(user) -> object:
        sections = esrs_for_member(draft=draft, membership=Membership.objects.get(user=user))
        return {p.code: p.value for s in sections for p in s.datapoints}["S4-3.received"]

    assert received(owner) == 3
    assert received(assessor) is None
    page = assessor_client.get(f"/o/acme/disclosure/esrs/{draft.pk}/").content.decode()
    assert "fewer than 5" in page
    Membership.objects.filter(user=assessor).update(is_grievance_officer=True)
    assert received(assessor) == 3
