"""Members save the filters of the register, assessments and grievance lists, for themselves."""

from __future__ import annotations

from conftest import client_for, make_member
from rightslens.accounts.models import Role
from rightslens.search.models import SavedFilter


def test_a_member_saves_and_reopens_a_register_filter_and_others_do_not_see_it(org, owner):
    client = client_for(owner)
    response = client.post(
        "/o/acme/saved-filters/",
        {"page": "register", "name": "Severe, open", "querystring": "band=4&status=open&page=2"},
    )
    assert response.status_code == 302 and response["Location"].startswith("/o/acme/register/?")
    saved = SavedFilter.objects.get()
    assert saved.querystring == "band=4&status=open" and saved.member == owner
    page = client.get("/o/acme/register/").content.decode()
    assert 'href="?band=4&amp;status=open">Severe, open</a>' in page
    colleague = make_member(org, "colleague@acme.test", Role.ASSESSOR)
    assert "Severe, open" not in client_for(colleague).get("/o/acme/register/").content.decode()
    for page_url in ("/o/acme/assessments/", "/o/acme/grievances/"):
        assert "Save the current filters as" in client.get(page_url).content.decode()


def test_a_filter_without_a_name_or_for_an_unknown_page_is_refused_and_nothing_saved(org, owner):
    client = client_for(owner)
    client.post("/o/acme/saved-filters/", {"page": "register", "name": " ", "querystring": "a=1"})
    client.post("/o/acme/saved-filters/", {"page": "admin", "name": "x", "querystring": "a=1"})
    assert not SavedFilter.objects.exists()


def test_only_the_owner_deletes_a_saved_filter(org, owner):
    saved = SavedFilter.objects.create(organisation=org, member=owner, page="register", name="Mine")
    colleague = make_member(org, "colleague2@acme.test", Role.OWNER)
    assert (
        client_for(colleague).post(f"/o/acme/saved-filters/{saved.pk}/delete/").status_code == 404
    )
    assert client_for(owner).post(f"/o/acme/saved-filters/{saved.pk}/delete/").status_code == 302
    assert not SavedFilter.objects.exists()
