from django.test import Client


def test_landing_page_explains_the_product(db):
    response = Client().get("/")
    assert response.status_code == 200
    assert b"Guiding Principles" in response.content


def test_dashboard_hides_other_organisations(org, owner, outsider_client):
    assert outsider_client.get("/o/acme/").status_code == 404


def test_dashboard_shows_own_organisation(org, owner_client):
    response = owner_client.get("/o/acme/")
    assert response.status_code == 200
    assert b"Acme AI" in response.content
