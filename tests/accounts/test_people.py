"""People: invitations, roles, deactivation, the last owner, the independent sign-off setting."""

from __future__ import annotations

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, client_for
from rightslens.accounts.models import AuditEvent, Invitation, Membership, Role


def _invite(owner_client, email="newcomer@acme.test", role="assessor", **extra):
    return owner_client.post("/o/acme/people/invite/", {"email": email, "role": role, **extra})


def _link() -> str:
    return re.search(r"/accounts/invitation/[^/\s]+/", mail.outbox[-1].body).group(0)


def test_an_owner_invites_by_email_and_the_invitee_joins_with_the_role(owner_client):
    _invite(owner_client)
    assert mail.outbox[-1].to == ["newcomer@acme.test"]
    link = _link()
    newcomer = Client()
    page = newcomer.get(link).content.decode()
    assert "Assessor" in page
    response = newcomer.post(link, {"name": "Nia Newcomer", "password": "a-quite-long-passphrase"})
    assert response.status_code == 302 and response["Location"] == "/o/acme/"
    membership = Membership.objects.get(user__email="newcomer@acme.test")
    assert membership.role == Role.ASSESSOR and membership.display_name == "Nia Newcomer"
    assert newcomer.get("/o/acme/").status_code == 200
    assert Client().login(username="newcomer@acme.test", password="a-quite-long-passphrase")


def test_the_link_works_once(owner_client):
    _invite(owner_client)
    link = _link()
    Client().post(link, {"password": "a-quite-long-passphrase"})
    again = Client().post(link, {"password": "another-long-passphrase"})
    assert again.status_code == 400 and "already been used" in again.content.decode()
    assert Membership.objects.filter(user__email="newcomer@acme.test").count() == 1


def test_an_expired_link_is_refused(owner_client):
    _invite(owner_client)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().post(_link(), {"password": "a-quite-long-passphrase"})
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not get_user_model().objects.filter(email="newcomer@acme.test").exists()


def test_a_tampered_link_is_refused(owner_client):
    _invite(owner_client)
    response = Client().get(_link()[:-3] + "xx/")
    assert response.status_code == 400 and "not valid" in response.content.decode()


def test_password_validators_apply_and_nothing_is_created(owner_client):
    _invite(owner_client)
    response = Client().post(_link(), {"password": "password"})
    assert response.status_code == 400 and "too common" in response.content.decode()
    assert not get_user_model().objects.filter(email="newcomer@acme.test").exists()
    assert Invitation.objects.get().used_at is None


def test_only_owners_invite(assessor_client):
    assert _invite(assessor_client).status_code == 403
    assert not Invitation.objects.exists() and not mail.outbox


def test_inviting_a_member_twice_is_refused(owner_client, assessor):
    response = _invite(owner_client, email="assessor@acme.test")
    assert response.status_code == 302 and not Invitation.objects.exists()


def test_an_owner_changes_a_role_and_it_is_audited(owner_client, assessor):
    member = Membership.objects.get(user=assessor)
    owner_client.post(f"/o/acme/people/{member.pk}/role/", {"role": "viewer"})
    member.refresh_from_db()
    assert member.role == Role.VIEWER
    assert AuditEvent.objects.filter(verb="member.role", object_id=str(member.pk)).exists()


def test_the_last_owner_cannot_step_down_or_be_deactivated(owner_client, owner):
    me = Membership.objects.get(user=owner)
    owner_client.post(f"/o/acme/people/{me.pk}/role/", {"role": "viewer"})
    owner_client.post(f"/o/acme/people/{me.pk}/active/", {"active": "0"})
    me.refresh_from_db()
    assert me.role == Role.OWNER and me.is_active
    page = owner_client.get("/o/acme/people/", follow=True).content.decode()
    assert "People" in page


def test_a_deactivated_member_cannot_enter_but_keeps_their_name_on_records(
    owner_client, assessor, org
):
    member = Membership.objects.get(user=assessor)
    from rightslens.accounts.audit import audit_record

    audit_record(organisation=org, actor=assessor, verb="test.did", obj=org, summary="x")
    owner_client.post(f"/o/acme/people/{member.pk}/active/", {"active": "0"})
    assert client_for(assessor).get("/o/acme/").status_code == 404
    event = AuditEvent.objects.get(verb="test.did")
    assert event.actor == assessor  # history stays attributed
    people = owner_client.get("/o/acme/people/").content.decode()
    assert "assessor@acme.test" in people and "Deactivated" in people
    owner_client.post(f"/o/acme/people/{member.pk}/active/", {"active": "1"})
    assert client_for(assessor).get("/o/acme/").status_code == 200


def test_an_owner_turns_independent_sign_off_off_and_it_is_audited(owner_client, org):
    assert org.independent_signoff  # on by default
    owner_client.post("/o/acme/people/signoff/", {})
    org.refresh_from_db()
    assert not org.independent_signoff
    event = AuditEvent.objects.get(verb="organisation.independent_signoff")
    assert event.before == {"independent_signoff": True}
    assert event.after == {"independent_signoff": False}


def test_an_assessor_cannot_change_the_sign_off_setting(assessor_client, org):
    assert assessor_client.post("/o/acme/people/signoff/", {}).status_code == 403
    org.refresh_from_db()
    assert org.independent_signoff


def test_an_existing_account_joins_after_logging_in(owner_client, outsider):
    _invite(owner_client, email="outsider@other.test", role="viewer")
    link = _link()
    anonymous = Client().post(link, {"password": PASSWORD})
    assert anonymous.status_code == 400 and "log in" in anonymous.content.decode()
    response = client_for(outsider).post(link, {})
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, organisation__slug="acme").role == Role.VIEWER


def test_a_deactivated_members_api_token_stops_working_for_that_organisation(
    owner_client, assessor
):
    from conftest import api_headers

    headers = api_headers(assessor)
    assert Client().get("/api/inventory/orgs/acme/systems", **headers).status_code == 200
    member = Membership.objects.get(user=assessor)
    owner_client.post(f"/o/acme/people/{member.pk}/active/", {"active": "0"})
    assert Client().get("/api/inventory/orgs/acme/systems", **headers).status_code == 404
