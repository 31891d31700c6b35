"""An outsider, a viewer and a non-officer member get nothing of a complainant's identity."""

import re
from pathlib import Path

import pytest
from django.db import connection

from conftest import api_headers, client_for
from rightslens.accounts.models import AuditEvent, Membership
from rightslens.grievances import models as grievance_models
from rightslens.grievances.models import ComplainantIdentity, DisclosureRequest, Grievance
from rightslens.grievances.services import disclosure_decide, disclosure_request, grievance_submit

NAME, CONTACT = "Ana Martínez", "ana.martinez@example.org"


@pytest.fixture
def grievance(org):
    found, _code = grievance_submit(
        organisation=org,
        content="Rejected because of my hearing.",
        language="es",
        name=NAME,
        contact=CONTACT,
    )
    return found


def _pages(grievance):
    base = f"/o/acme/grievances/{grievance.pk}/"
    return [base, base + "identity/", "/o/acme/grievances/", "/o/acme/grievances/dashboard/"]


def _api(grievance):
    return [
        "/api/grievances/orgs/acme/grievances",
        f"/api/grievances/orgs/acme/grievances/{grievance.pk}",
    ]


@pytest.mark.parametrize("persona", ["outsider", "viewer", "assessor"])
def test_no_page_or_api_route_shows_the_identity_to_non_officers(persona, grievance, request):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    for url in _pages(grievance):
        body = client.get(url).content.decode()
        assert NAME not in body and CONTACT not in body, url
    for url in _api(grievance):
        body = client.get(url, **api_headers(user)).content.decode()
        assert NAME not in body and CONTACT not in body, url
    assert client.get(f"/o/acme/grievances/{grievance.pk}/identity/").status_code in (403, 404)


def test_an_outsider_cannot_even_see_the_case(grievance, outsider_client):
    assert outsider_client.get(f"/o/acme/grievances/{grievance.pk}/").status_code == 404


def test_an_officer_sees_the_identity_and_the_access_is_audited_without_personal_data(
    grievance, owner_client
):
    response = owner_client.get(f"/o/acme/grievances/{grievance.pk}/identity/")
    assert NAME in response.content.decode()
    event = AuditEvent.objects.get(verb="grievance.identity_viewed")
    assert event.object_id == str(grievance.pk)
    recorded = f"{event.summary} {event.before} {event.after}"
    assert NAME not in recorded and CONTACT not in recorded


def test_each_access_is_audited(grievance, owner_client):
    for _ in range(3):
        owner_client.get(f"/o/acme/grievances/{grievance.pk}/identity/")
    assert AuditEvent.objects.filter(verb="grievance.identity_viewed").count() == 3


def test_disclosure_needs_a_request_and_someone_else_to_approve(org, owner, assessor, grievance):
    from conftest import make_member

    second_officer = make_member(org, "officer2@acme.test", "contributor", officer=True)
    requester = Membership.objects.get(user=second_officer)
    request = disclosure_request(
        membership=requester, grievance=grievance, recipient_id=assessor.pk, reason="Legal review"
    )
    assessor_client = client_for(assessor)
    assert assessor_client.get(f"/o/acme/grievances/{grievance.pk}/identity/").status_code == 403
    from rightslens.errors import FieldErrors

    with pytest.raises(FieldErrors):
        disclosure_decide(membership=requester, request=request, approve=True)
    disclosure_decide(membership=Membership.objects.get(user=owner), request=request, approve=True)
    assert (
        NAME in assessor_client.get(f"/o/acme/grievances/{grievance.pk}/identity/").content.decode()
    )
    assert AuditEvent.objects.filter(verb="grievance.identity_viewed", actor=assessor).count() == 1
    assert DisclosureRequest.objects.get().decided_by == owner


def test_no_ip_address_or_user_agent_is_stored_with_grievances():
    suspicious = re.compile(
        r"(^|_)ip(_|$)|address|agent|remote|host|browser|fingerprint|http_", re.I
    )
    for model in vars(grievance_models).values():
        if (
            isinstance(model, type)
            and hasattr(model, "_meta")
            and model._meta.app_label == "grievances"
        ):
            names = [f.name for f in model._meta.get_fields()]
            assert not [n for n in names if suspicious.search(n)], model


def test_identity_and_content_are_encrypted_at_rest(grievance):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, contact FROM grievances_complainantidentity")
        raw_name, raw_contact = cursor.fetchone()
        cursor.execute("SELECT content FROM grievances_grievance")
        (raw_content,) = cursor.fetchone()
    assert NAME not in raw_name and CONTACT not in raw_contact
    assert "hearing" not in raw_content
    assert ComplainantIdentity.objects.get().name == NAME
    assert Grievance.objects.get().content == "Rejected because of my hearing."


def test_grievance_code_never_logs_content():
    source = Path(grievance_models.__file__).parent
    for path in source.glob("*.py"):
        for line in path.read_text().splitlines():
            if "log." in line:
                assert not re.search(
                    r"content|body|name|contact|code\b|feedback", line.split("log.", 1)[1]
                ), line
