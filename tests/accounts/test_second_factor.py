"""Optional TOTP second factor: enrolment, login asks for the code, wrong and replayed codes refused."""

import re
import time

import pytest
from django.db import connection

from conftest import PASSWORD, make_member
from rightslens.accounts import throttle
from rightslens.accounts.models import RecoveryCode, SecondFactor
from rightslens.accounts.second_factor import recovery_codes_new, second_factor_enrolment
from rightslens.core import totp


def _code(secret, when=None):
    return totp.totp(totp.secret_bytes(str(secret)), time.time() if when is None else when)


def _login(client, user):
    return client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})


@pytest.fixture
def enrolled(owner):
    factor = second_factor_enrolment(user=owner)
    factor.confirmed_at = factor.created_at
    factor.save()
    return factor


def test_owner_is_offered_it_on_the_account_page_and_a_viewer_is_not(client, owner, viewer):
    client.force_login(owner)
    assert "Turn on the second factor" in client.get("/accounts/password/").content.decode()
    client.force_login(viewer)
    assert "second factor" not in client.get("/accounts/password/").content.decode()
    assert client.get("/accounts/two-factor/").status_code == 404


def test_enrolment_shows_the_secret_stores_it_encrypted_and_confirms_with_a_code(client, owner):
    client.force_login(owner)
    page = client.get("/accounts/two-factor/").content.decode()
    factor = SecondFactor.objects.get(user=owner)
    assert "otpauth://totp/" in page and str(factor.secret) in page
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM accounts_secondfactor WHERE id = %s", [factor.pk])
        stored = cursor.fetchone()[0]
    assert stored and str(factor.secret) not in stored
    wrong = f"{(int(_code(factor.secret)) + 1) % 1_000_000:06d}"
    assert client.post("/accounts/two-factor/", {"code": wrong}).status_code == 400
    factor.refresh_from_db()
    assert factor.confirmed_at is None
    response = client.post("/accounts/two-factor/", {"code": _code(factor.secret)})
    assert response.status_code == 200 and "Your recovery codes" in response.content.decode()
    factor.refresh_from_db()
    assert factor.confirmed_at is not None
    assert "is on" in client.get("/accounts/two-factor/").content.decode()


def test_an_unconfirmed_enrolment_does_not_change_login(client, owner):
    second_factor_enrolment(user=owner)
    response = _login(client, owner)
    assert response.status_code == 302 and response.url != "/accounts/login/code/"
    assert "_auth_user_id" in client.session


def test_login_needs_the_code_after_the_password(client, owner, enrolled):
    response = _login(client, owner)
    assert response.status_code == 302 and response.url == "/accounts/login/code/"
    assert "_auth_user_id" not in client.session
    assert client.get("/o/acme/").status_code == 302  # not logged in yet
    response = client.post("/accounts/login/code/", {"code": _code(enrolled.secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_a_wrong_code_is_refused_and_counted_by_the_login_throttle(client, owner, enrolled):
    _login(client, owner)
    right = _code(enrolled.secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/login/code/", {"code": wrong})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert throttle.failures(owner.username) == 1


def test_code_attempts_stop_once_the_account_is_throttled(client, owner, enrolled):
    _login(client, owner)
    for _ in range(throttle.MAX_FAILURES):
        throttle.record_failure(owner.username)
    response = client.post("/accounts/login/code/", {"code": _code(enrolled.secret)})
    assert response.status_code == 400
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_replayed_code_within_its_step_is_refused(client, owner, enrolled):
    code = _code(enrolled.secret)
    _login(client, owner)
    assert client.post("/accounts/login/code/", {"code": code}).status_code == 302
    client.logout()
    _login(client, owner)
    response = client.post("/accounts/login/code/", {"code": code})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_code_page_without_a_password_first_goes_back_to_login(client, owner, enrolled):
    response = client.post("/accounts/login/code/", {"code": _code(enrolled.secret)})
    assert response.status_code == 302 and response.url == "/accounts/login/"


def test_the_admin_login_refuses_an_account_with_a_second_factor(client, owner, enrolled):
    owner.is_staff = owner.is_superuser = True
    owner.save()
    response = client.post(
        "/admin/login/", {"username": owner.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert "_auth_user_id" not in client.session
    assert "second factor" in response.content.decode()


def test_an_officer_who_is_not_owner_is_offered_it(client, org):
    officer = make_member(org, "officer@acme.test", "assessor", officer=True)
    client.force_login(officer)
    assert client.get("/accounts/two-factor/").status_code == 200


# ---- Recovery codes and switching off ---------------------------------------------------------

CODE_RE = re.compile(r"<li><code>([a-z0-9-]+)</code></li>")


def test_confirming_shows_ten_recovery_codes_once_and_stores_only_hashes(client, owner):
    client.force_login(owner)
    client.get("/accounts/two-factor/")
    factor = SecondFactor.objects.get(user=owner)
    page = client.post("/accounts/two-factor/", {"code": _code(factor.secret)}).content.decode()
    codes = CODE_RE.findall(page)
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = list(RecoveryCode.objects.filter(user=owner).values_list("code_hash", flat=True))
    assert len(stored) == 10
    for code in codes:
        assert code not in stored and code.replace("-", "") not in "".join(stored)
    again = client.get("/accounts/two-factor/").content.decode()
    assert not CODE_RE.findall(again)
    assert "10 unused recovery codes left" in again


def test_a_recovery_code_logs_in_once(client, owner, enrolled):
    codes = recovery_codes_new(user=owner)
    _login(client, owner)
    response = client.post("/accounts/login/code/", {"code": codes[3].upper()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)
    client.logout()
    _login(client, owner)
    response = client.post("/accounts/login/code/", {"code": codes[3]})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert RecoveryCode.objects.filter(user=owner, used_at__isnull=True).count() == 9


def test_another_accounts_recovery_code_does_not_work(client, owner, enrolled, org):
    officer = make_member(org, "officer2@acme.test", "assessor", officer=True)
    theirs = recovery_codes_new(user=officer)
    recovery_codes_new(user=owner)
    _login(client, owner)
    assert client.post("/accounts/login/code/", {"code": theirs[0]}).status_code == 400
    assert "_auth_user_id" not in client.session


def test_regenerating_needs_the_password_and_voids_the_old_codes(client, owner, enrolled):
    old = recovery_codes_new(user=owner)
    client.force_login(owner)
    refused = client.post("/accounts/two-factor/recovery-codes/", {"password": "wrong"})
    assert refused.status_code == 400 and "not your current password" in refused.content.decode()
    assert RecoveryCode.objects.filter(user=owner).count() == 10
    page = client.post("/accounts/two-factor/recovery-codes/", {"password": PASSWORD})
    new = CODE_RE.findall(page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()
    _login(client, owner)
    assert client.post("/accounts/login/code/", {"code": old[0]}).status_code == 400
    assert client.post("/accounts/login/code/", {"code": new[0]}).status_code == 302


def test_switching_off_needs_the_password_and_a_valid_code(client, owner, enrolled):
    codes = recovery_codes_new(user=owner)
    client.force_login(owner)
    url = "/accounts/two-factor/off/"
    wrong_password = client.post(url, {"password": "wrong", "code": _code(enrolled.secret)})
    assert wrong_password.status_code == 400
    right = _code(enrolled.secret)
    wrong_code = f"{(int(right) + 1) % 1_000_000:06d}"
    no_code = client.post(url, {"password": PASSWORD, "code": wrong_code})
    assert no_code.status_code == 400 and "not right" in no_code.content.decode()
    assert SecondFactor.objects.filter(user=owner).exists()
    response = client.post(url, {"password": PASSWORD, "code": codes[0]})
    assert response.status_code == 302
    assert not SecondFactor.objects.filter(user=owner).exists()
    assert not RecoveryCode.objects.filter(user=owner).exists()
    client.logout()
    response = _login(client, owner)
    assert response.status_code == 302 and response.url != "/accounts/login/code/"
    assert "_auth_user_id" in client.session


def test_switching_off_with_the_app_code_works_too(client, owner, enrolled):
    client.force_login(owner)
    response = client.post(
        "/accounts/two-factor/off/", {"password": PASSWORD, "code": _code(enrolled.secret)}
    )
    assert response.status_code == 302
    assert not SecondFactor.objects.filter(user=owner).exists()


def test_switching_off_is_post_only_and_needs_an_active_factor(client, owner):
    client.force_login(owner)
    assert client.get("/accounts/two-factor/off/").status_code == 405
    response = client.post("/accounts/two-factor/off/", {"password": PASSWORD, "code": "123456"})
    assert response.status_code == 404
