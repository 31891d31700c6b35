"""The register pages through every impact once, in priority order, with ranks and counts."""

import pytest
from django.contrib.auth import get_user_model

from conftest import api_headers, client_for
from rightslens.assessments.management.commands.generate_org import generate_org
from rightslens.assessments.models import Impact
from rightslens.assessments.register import (
    BadCursor,
    RegisterFilters,
    register_page,
    register_rows,
)

COUNTS = {"systems": 4, "assessments": 8, "impacts": 130, "actions": 20, "grievances": 0}


@pytest.fixture
def big(db):
    return generate_org(slug="big", owner_email="big@example.org", password="x", counts=COUNTS)


def _walk(org, filters=None, size=50):
    seen, cursor = [], ""
    while True:
        page = register_page(organisation=org, filters=filters, cursor=cursor, size=size)
        seen += page.rows
        if not page.next_cursor:
            return page, seen
        cursor = page.next_cursor


def test_keyset_pages_cover_the_register_once_in_priority_order_with_whole_register_ranks(big):
    everything = register_rows(organisation=big)
    last, seen = _walk(big)
    assert last.count == 130
    assert [(r.rank, r.impact.pk) for r in seen] == [(r.rank, r.impact.pk) for r in everything]


def test_filters_by_right_and_group_run_in_sql_and_keep_ranks(big):
    everything = {r.impact.pk: r.rank for r in register_rows(organisation=big)}
    some = Impact.objects.filter(organisation=big).first()
    right, group = some.rights[0], some.affected_groups.first().pk
    by_right = RegisterFilters(right=right)
    _, seen = _walk(big, by_right, size=7)
    expected = [i.pk for i in Impact.objects.filter(organisation=big) if right in i.rights]
    assert sorted(r.impact.pk for r in seen) == sorted(expected)
    assert all(everything[r.impact.pk] == r.rank for r in seen)
    _, in_group = _walk(big, RegisterFilters(group=group), size=7)
    assert {r.impact.pk for r in in_group} == set(
        Impact.objects.filter(affected_groups=group).values_list("pk", flat=True)
    )


def test_other_sorts_page_by_offset_and_a_foreign_cursor_is_refused(big):
    _, seen = _walk(big, RegisterFilters(sort="system"), size=40)
    assert len({r.impact.pk for r in seen}) == 130
    with pytest.raises(BadCursor):
        register_page(organisation=big, cursor="kNaN")


def test_the_page_and_the_api_hand_out_the_next_page(big, client):
    owner = get_user_model().objects.get(username="big@example.org")
    html = client_for(owner).get("/o/big/register/").content.decode()
    assert "130 impacts; showing 50 on this page" in html
    assert 'rel="next"' in html
    response = client.get("/api/assessments/orgs/big/register?limit=60", **api_headers(owner))
    assert response.status_code == 200 and len(response.json()) == 60
    assert response["X-Total-Count"] == "130"
    next_url = response["Link"].split(">")[0].lstrip("<")
    rest = client.get(next_url, **api_headers(owner)).json()
    assert rest[0]["rank"] == 61
    bad = client.get("/api/assessments/orgs/big/register?cursor=zz", **api_headers(owner))
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_cursor"
