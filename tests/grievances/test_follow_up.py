import datetime
import re
import secrets

from django.test import Client

from rightslens.accounts.models import Membership
from rightslens.core.grievance import RECEIPT_ALPHABET
from rightslens.grievances.models import GrievanceMessage
from rightslens.grievances.services import (
    grievance_message_send,
    grievance_remedy_record,
    grievance_submit,
    grievance_transition,
)

CSRF = re.compile(r"[A-Za-z0-9]{64}")  # CSRF tokens differ per response


def _file(org, content="Rejected by the CV tool."):
    return grievance_submit(organisation=org, content=content, language="en")


def _random_code():
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(25))
    return "-".join(raw[i : i + 5] for i in range(0, 25, 5))


def test_the_complainant_sees_status_and_the_officers_reply(org, owner):
    grievance, code = _file(org)
    officer = Membership.objects.get(user=owner)
    grievance_transition(membership=officer, grievance=grievance, to_state="acknowledged")
    grievance_message_send(membership=officer, grievance=grievance, body="We are looking into it.")
    response = Client().post("/g/acme/follow/", {"code": code.lower(), "action": "view"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Acknowledged" in text
    assert "We are looking into it." in text


def test_the_complainant_replies_and_gives_their_view_of_the_outcome(org, owner):
    grievance, code = _file(org)
    officer = Membership.objects.get(user=owner)
    grievance_transition(membership=officer, grievance=grievance, to_state="acknowledged")
    grievance_transition(membership=officer, grievance=grievance, to_state="under_review")
    Client().post("/g/acme/follow/", {"code": code, "action": "reply", "body": "More details."})
    assert GrievanceMessage.objects.get(author="complainant").body == "More details."
    grievance_remedy_record(
        membership=officer,
        grievance=grievance,
        form="remedy-restitution",
        route="route-non-state",
        description="A person reviewed your application.",
        provider="Acme recruitment team",
        provided_on=datetime.date(2026, 11, 30),
    )
    response = Client().post(
        "/g/acme/follow/", {"code": code, "action": "feedback", "helped": "yes", "feedback": ""}
    )
    assert "A person reviewed your application." in response.content.decode()
    grievance.refresh_from_db()
    assert grievance.outcome_helped is True


def test_random_guesses_never_open_a_grievance(org):
    for _ in range(3):
        _file(org)
    for _ in range(9):
        client = Client()
        response = client.post("/g/acme/follow/", {"code": _random_code(), "action": "view"})
        assert response.status_code == 400
        assert "could not open a grievance" in response.content.decode()


def test_unknown_and_existing_but_wrong_codes_get_identical_answers(org, other_org):
    _grievance, other_code = grievance_submit(
        organisation=other_org, content="Elsewhere", language="en"
    )
    _mine, my_code = _file(org)
    near_miss = my_code[:-1] + ("A" if my_code[-1] != "A" else "B")
    answers = []
    for code in (_random_code(), other_code, near_miss, "not a code"):
        response = Client().post("/g/acme/follow/", {"code": code, "action": "view"})
        answers.append(
            (response.status_code, CSRF.sub("", response.content.decode()).replace(code, "CODE"))
        )
    assert len(set(answers)) == 1


def test_guesses_sharing_a_code_prefix_are_limited_after_ten_misses(org):
    prefix = _random_code()[:6]
    statuses = [
        Client().post("/g/acme/follow/", {"code": prefix + _random_code()[6:]}).status_code
        for _ in range(12)
    ]
    assert statuses[:10] == [400] * 10
    assert statuses[10:] == [429, 429]


def test_an_empty_receipt_code_is_refused_in_spanish(org):
    client = Client()
    client.cookies["django_language"] = "es"
    response = client.post("/g/acme/follow/", {"code": ""})
    assert response.status_code == 400
    assert "Escriba su código de recibo." in response.content.decode()


def test_an_empty_reply_is_refused_and_not_stored(org):
    _grievance, code = _file(org)
    response = Client().post("/g/acme/follow/", {"code": code, "action": "reply", "body": ""})
    assert response.status_code == 400
    assert not GrievanceMessage.objects.exists()


def test_the_complainant_can_appeal_a_proposed_outcome_but_not_before(org, owner):
    grievance, code = _file(org)
    early = Client().post("/g/acme/follow/", {"code": code, "action": "appeal"})
    assert early.status_code == 400
    grievance.refresh_from_db()
    assert grievance.state == "received"
    officer = Membership.objects.get(user=owner)
    for state in ("acknowledged", "under_review"):
        grievance_transition(membership=officer, grievance=grievance, to_state=state)
    grievance_remedy_record(
        membership=officer,
        grievance=grievance,
        form="remedy-compensation",
        route="route-non-state",
        description="We offer compensation.",
        provider="Acme recruitment team",
        provided_on=datetime.date(2026, 11, 30),
    )
    Client().post("/g/acme/follow/", {"code": code, "action": "appeal"})
    grievance.refresh_from_db()
    assert grievance.state == "appealed"
