import pytest

from conftest import browser_login


@pytest.mark.browser
def test_a_member_logs_in_and_reaches_their_dashboard(page, org, owner):
    browser_login(page, "owner@acme.test")
    assert page.url.endswith("/o/acme/")
    assert page.locator("h1").inner_text() == "Acme AI"
