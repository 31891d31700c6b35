"""The one organisation-view gate: membership first (404), then method (405), then role (403)."""

from __future__ import annotations


def test_an_outsider_gets_404_whatever_the_method(outsider_client, org):
    for method in ("get", "post", "put", "delete"):
        assert getattr(outsider_client, method)("/o/acme/quality/").status_code == 404
        assert getattr(outsider_client, method)("/o/acme/systems/").status_code == 404


def test_a_member_gets_405_for_a_method_the_page_does_not_take(viewer_client, owner_client):
    assert viewer_client.post("/o/acme/quality/").status_code == 405
    assert owner_client.delete("/o/acme/systems/").status_code == 405
    assert owner_client.get("/o/acme/systems/").status_code == 200
    assert owner_client.head("/o/acme/systems/").status_code == 200


def test_a_viewer_writing_gets_403_before_the_page_reads_the_body(viewer_client, org):
    assert viewer_client.post("/o/acme/assessments/start/", {}).status_code == 403
    assert viewer_client.get("/o/acme/assessments/start/").status_code == 200


def test_anonymous_visitors_learn_nothing(client, org):
    assert client.post("/o/acme/quality/").status_code == 404
    assert client.post("/o/acme/systems/").status_code == 302  # to the login page
