"""Lockout that cannot be used against officers, a throttled admin login, password rules at
signup and on change, and signup answers that do not reveal who has an account."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from conftest import PASSWORD, make_member
from rightslens.accounts import throttle
from rightslens.accounts.models import Role

pytestmark = pytest.mark.django_db


def _login(
    client: Client, password: str, username: str = "owner@acme.test", url: str = "/accounts/login/"
):
    return client.post(url, {"username": username, "password": password})


def test_an_attacker_cannot_lock_an_officer_out_of_a_device_they_used_before(owner):
    laptop = Client()
    assert _login(laptop, PASSWORD).status_code == 302  # the officer's usual device
    laptop.post("/accounts/logout/")
    attacker = Client()
    for _ in range(throttle.MAX_FAILURES + 5):
        _login(attacker, "guess")
    assert "Too many failed attempts" in _login(Client(), PASSWORD).content.decode()
    assert _login(laptop, PASSWORD).status_code == 302


def test_the_global_failure_budget_stops_guessing_across_accounts(org, owner, monkeypatch):
    monkeypatch.setattr(throttle, "GLOBAL_MAX_FAILURES", 6)
    laptop = Client()
    assert _login(laptop, PASSWORD).status_code == 302
    laptop.post("/accounts/logout/")
    for n in range(6):
        _login(Client(), "guess", username=f"someone{n}@acme.test")
    make_member(org, "new@acme.test", Role.VIEWER)
    refused = _login(Client(), PASSWORD, username="new@acme.test")
    assert refused.status_code == 200 and "Logins are paused" in refused.content.decode()
    assert _login(laptop, PASSWORD).status_code == 302  # a known device still passes


def test_a_forged_device_cookie_is_ignored(owner):
    from rightslens.accounts.devices import COOKIE

    for _ in range(throttle.MAX_FAILURES):
        _login(Client(), "guess")
    forger = Client()
    forger.cookies[COOKIE] = "eyJkZXZpY2UiOiJ4In0:forged:sig"
    assert _login(forger, PASSWORD).status_code == 200


def test_the_admin_login_is_throttled_like_the_apps(owner):
    owner.is_staff = True
    owner.save()
    for _ in range(throttle.MAX_FAILURES):
        assert _login(Client(), "guess", url="/admin/login/").status_code == 200
    response = _login(Client(), PASSWORD, url="/admin/login/")
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()


def _signup(email: str, password: str = "a-sturdy-passphrase-77"):
    return Client().post(
        "/accounts/signup/",
        {
            "email": email,
            "password": password,
            "organisation_name": "Nouvelle Org",
            "organisation_kind": "company",
        },
    )


def test_signup_refuses_weak_passwords(db):
    for weak in ("password123", "1234567890123", "newperson@x.org"):
        response = _signup("newperson@x.org", weak)
        assert response.status_code == 400, weak
    assert not get_user_model().objects.filter(username="newperson@x.org").exists()


def test_signup_answers_the_same_whether_or_not_the_address_has_an_account(owner):
    taken = _signup("owner@acme.test")
    fresh = _signup("fresh@acme.test")
    assert taken.status_code == fresh.status_code == 200
    assert taken.content.decode().replace("owner@acme.test", "X") == fresh.content.decode().replace(
        "fresh@acme.test", "X"
    )
    assert [m.to for m in mail.outbox] == [["owner@acme.test"], ["fresh@acme.test"]]
    assert "/accounts/signup/confirm/" not in mail.outbox[0].body  # no link for a taken address


def test_the_emailed_link_creates_the_organisation_once(db):
    _signup("fresh@acme.test")
    link = re.search(r"http://testserver(/accounts/signup/confirm/\S+/)", mail.outbox[0].body)
    client = Client()
    assert client.get(link.group(1)).status_code == 200
    assert client.post(link.group(1)).status_code == 302
    user = get_user_model().objects.get(username="fresh@acme.test")
    assert user.check_password("a-sturdy-passphrase-77")
    assert Client().post(link.group(1)).status_code == 409
    assert Client().get("/accounts/signup/confirm/forged/").status_code == 410


def test_password_change_applies_the_validators(owner):
    client = Client()
    _login(client, PASSWORD)
    weak = {
        "old_password": PASSWORD,
        "new_password1": "password123",
        "new_password2": "password123",
    }
    assert client.post("/accounts/password/", weak).status_code == 200
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    strong = {
        "old_password": PASSWORD,
        "new_password1": "another-sturdy-passphrase",
        "new_password2": "another-sturdy-passphrase",
    }
    assert client.post("/accounts/password/", strong).status_code == 302
