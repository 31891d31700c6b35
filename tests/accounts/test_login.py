"""Logging in: works, and repeated failures on one account are throttled."""

import pytest
from django.core.cache import cache
from django.test import Client

from conftest import PASSWORD
from rightslens.accounts.throttle import MAX_FAILURES


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def _login(client, password):
    return client.post("/accounts/login/", {"username": "owner@acme.test", "password": password})


def test_a_member_logs_in(owner):
    assert _login(Client(), PASSWORD).status_code == 302


def test_repeated_failures_lock_the_account_for_a_while_even_with_the_right_password(owner):
    client = Client()
    for _ in range(MAX_FAILURES):
        assert _login(client, "wrong").status_code == 200
    response = _login(Client(), PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()


def test_a_success_resets_the_count(owner):
    client = Client()
    for _ in range(MAX_FAILURES - 1):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 302
    assert _login(Client(), "wrong").status_code == 200
    assert _login(Client(), PASSWORD).status_code == 302
