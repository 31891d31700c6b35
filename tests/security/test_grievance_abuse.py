"""Replays of the attacks on the public grievance channel from issue 17; each must now fail.

Budgets are made small through settings so that a flood takes a few requests, not hundreds.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import client_for
from rightslens.core.grievance import RECEIPT_ALPHABET
from rightslens.grievances import guard
from rightslens.grievances.models import ChannelPressure, Grievance, GrievanceMessage
from rightslens.grievances.services import grievance_submit
from rightslens.grievances.testing import PNG_BYTES, started_long_ago

pytestmark = pytest.mark.django_db
SMALL_BUDGET = [(3600, 4, 300 * 1024)]  # per hour: 4 grievances, 300 KB of attachments


def _form(**overrides: Any) -> dict[str, Any]:
    return {
        "content": "Flood text",
        "name": "",
        "contact": "",
        "website": "",
        "started": started_long_ago(),
    } | overrides


def _random_code(prefix: str = "") -> str:
    raw = prefix + "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(25 - len(prefix)))
    return "-".join(raw[i : i + 5] for i in range(0, 25, 5))


def test_dropping_the_cookie_does_not_escape_the_organisations_budget(org, owner, settings):
    settings.GRIEVANCE_CHANNEL_BUDGETS = SMALL_BUDGET
    # A new cookie-less client, and a fresh token, for every request.
    statuses = [Client().post("/g/acme/", _form()).status_code for _ in range(7)]
    assert statuses == [200] * 4 + [429] * 3
    assert Grievance.objects.filter(organisation=org).count() == 4
    pressure = ChannelPressure.objects.get(organisation=org)
    assert pressure.refused == 3
    queue = client_for(owner).get("/o/acme/grievances/").content.decode()
    assert "The public channel is under pressure" in queue
    assert "3 submissions refused" in queue


def test_the_officers_are_told_before_the_budget_runs_out(org, owner, settings):
    settings.GRIEVANCE_CHANNEL_BUDGETS = SMALL_BUDGET
    assert "under pressure" not in client_for(owner).get("/o/acme/grievances/").content.decode()
    for _ in range(3):  # 3 of 4: past three quarters of the budget, nothing refused yet
        assert Client().post("/g/acme/", _form()).status_code == 200
    assert ChannelPressure.objects.get(organisation=org).refused == 0
    assert "under pressure" in client_for(owner).get("/o/acme/grievances/").content.decode()


def test_replaying_a_signed_start_time_fails(org):
    token = started_long_ago()
    first = Client().post("/g/acme/", _form(started=token))
    replays = [Client().post("/g/acme/", _form(started=token)) for _ in range(5)]
    assert first.status_code == 200
    assert {r.status_code for r in replays} == {400}
    assert "already sent" in replays[0].content.decode()
    assert Grievance.objects.count() == 1


def test_a_refused_submission_does_not_spend_its_token(org):
    token = started_long_ago()
    assert Client().post("/g/acme/", _form(started=token, content="")).status_code == 400
    assert Client().post("/g/acme/", _form(started=token)).status_code == 200


def test_five_megabyte_attachments_are_refused(org):
    big = b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024)
    upload = SimpleUploadedFile("scan.pdf", big, "application/pdf")
    response = Client().post("/g/acme/", _form(attachment=upload))
    assert response.status_code == 400
    assert "the limit is 2 MB" in response.content.decode()
    assert not Grievance.objects.exists()


def test_attachment_bytes_have_a_budget_but_text_still_gets_through(org, settings):
    settings.GRIEVANCE_CHANNEL_BUDGETS = [(3600, 100, 200 * 1024)]
    photo = PNG_BYTES + b"\x00" * (90 * 1024)
    statuses = [
        Client()
        .post("/g/acme/", _form(attachment=SimpleUploadedFile("p.png", photo, "image/png")))
        .status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert Grievance.objects.count() == 2
    assert Client().post("/g/acme/", _form()).status_code == 200  # without an attachment


def test_the_channel_sets_no_cookie_and_stores_no_session(org):
    client = Client()
    answers = [client.get("/g/acme/"), client.post("/g/acme/", _form())]
    code = answers[-1].context["code"]
    answers += [
        client.get("/g/acme/follow/?lang=fr"),
        client.post("/g/acme/follow/", {"code": code}),
        client.post("/g/acme/follow/", {"code": _random_code()}),
        client.get("/g/acme/stats/"),
    ]
    assert [dict(a.cookies) for a in answers] == [{}] * len(answers)
    assert not client.cookies
    assert not Session.objects.exists()
    assert all("no-store" in a["Cache-Control"] for a in answers)


def test_failed_look_ups_cannot_lock_out_a_holder_of_the_right_code(org, monkeypatch):
    monkeypatch.setattr(guard, "MISSES_PER_ORG", 20)
    grievance, code = grievance_submit(organisation=org, content="Mine", language="en")
    # The attacker exhausts the organisation's miss budget, and the victim's own prefix too.
    misses = [_random_code() for _ in range(20)] + [_random_code(code[:5]) for _ in range(12)]
    statuses = [Client().post("/g/acme/follow/", {"code": c}).status_code for c in misses]
    assert statuses[-1] == 429
    assert Client().post("/g/acme/follow/", {"code": _random_code()}).status_code == 429
    # The complainant still opens, replies and appeals.
    opened = Client().post("/g/acme/follow/", {"code": code})
    assert opened.status_code == 200
    assert opened.context["grievance"] == grievance
    reply = {"code": code.lower(), "action": "reply", "body": "Still here."}
    assert Client().post("/g/acme/follow/", reply).status_code == 200
    assert GrievanceMessage.objects.get(grievance=grievance).body == "Still here."
