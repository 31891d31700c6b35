"""What a complainant wrote is need-to-know: officers (or an approved disclosure) only, every read audited."""

import pytest

from conftest import client_for, make_member
from rightslens.accounts.models import AuditEvent, Membership
from rightslens.grievances.services import disclosure_decide, disclosure_request, grievance_submit

CONTENT = "The screening tool rejected me after I mentioned my hearing aid."


@pytest.fixture
def grievance(org):
    found, _code = grievance_submit(organisation=org, content=CONTENT, language="en")
    return found


def test_members_who_are_not_officers_cannot_read_a_case(org, owner, assessor, viewer, grievance):
    for user in (assessor, viewer):
        response = client_for(user).get(f"/o/acme/grievances/{grievance.pk}/")
        assert response.status_code == 403
        assert CONTENT not in response.content.decode()


def test_an_officer_reads_the_case_and_the_read_is_audited(org, owner, grievance):
    response = client_for(owner).get(f"/o/acme/grievances/{grievance.pk}/")
    assert CONTENT in response.content.decode()
    event = AuditEvent.objects.get(verb="grievance.case_read", actor=owner)
    assert event.object_id == str(grievance.pk) and CONTENT not in event.summary


def test_an_approved_disclosure_lets_a_named_member_read_the_case(org, owner, assessor, grievance):
    officer = make_member(org, "officer2@acme.test", "contributor", officer=True)
    request = disclosure_request(
        membership=Membership.objects.get(user=officer),
        grievance=grievance,
        recipient_id=assessor.pk,
        reason="Investigating the vendor's configuration",
    )
    disclosure_decide(membership=Membership.objects.get(user=owner), request=request, approve=True)
    assert (
        CONTENT in client_for(assessor).get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    )
