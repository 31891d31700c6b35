"""The register's group and system filters are text fields that suggest at most twenty matches as
one types; the page never lists every group or system, and the server matches typed text."""

import re

import pytest

from conftest import client_for, make_member
from rightslens.accounts.models import Organisation
from rightslens.assessments.management.commands.generate_org import generate_org
from rightslens.assessments.models import Impact
from rightslens.assessments.register import RegisterFilters, register_page
from rightslens.inventory.models import AffectedGroup, AISystem

COUNTS = {"systems": 25, "assessments": 25, "impacts": 150, "actions": 0, "grievances": 0}


@pytest.fixture
def big(db):
    return generate_org(slug="big", owner_email="big@example.org", password="x", counts=COUNTS)


@pytest.fixture
def client(big):
    from django.contrib.auth import get_user_model

    return client_for(get_user_model().objects.get(username="big@example.org"))


def _ids(org, **filters):
    page = register_page(organisation=org, filters=RegisterFilters(**filters), size=200)
    return {r.impact.pk for r in page.rows}


def test_the_page_lists_no_group_or_system_and_the_fields_suggest_from_an_endpoint(big, client):
    assert AffectedGroup.objects.filter(organisation=big).count() > 40
    html = client.get("/o/big/register/").content.decode()
    filters = html[html.index('aria-label="Filter and sort the register"') :]
    filters = filters[: filters.index("</form>")]
    some_group = AffectedGroup.objects.filter(organisation=big).last()
    assert f">{some_group.name} (" not in filters  # groups are not listed
    assert 'name="group_name"' in filters and 'name="system_name"' in filters
    assert 'hx-get="/o/big/register/options/groups/"' in filters
    assert (
        'list="group_name-options"' in filters and '<datalist id="group_name-options">' in filters
    )
    shown = set(re.findall(r"<option[^>]*>([^<]*)</option>", filters))
    names = set(AISystem.objects.filter(organisation=big).values_list("name", flat=True))
    assert shown and not shown & names  # severity, rights, involvement, status, sort only


def test_the_endpoints_return_at_most_twenty_matches_of_this_organisation(big, client):
    other = Organisation.objects.create(name="Other", slug="other")
    AISystem.objects.create(organisation=other, name="Big secret system", purpose="x")
    body = client.get("/o/big/register/options/systems/?system_name=").content.decode()
    assert body.count("<option") == 20
    named = AISystem.objects.filter(organisation=big).order_by("name").first().name
    body = client.get(f"/o/big/register/options/systems/?system_name={named}").content.decode()
    assert f'<option value="{named}">' in body and "secret" not in body
    groups = client.get("/o/big/register/options/groups/?q=e").content.decode()
    labels = re.findall(r'<option value="([^"]+)">', groups)
    assert 0 < len(labels) <= 20 and all("e" in label.lower() for label in labels)


def test_an_outsider_gets_no_suggestions(big):
    outsider = make_member(
        Organisation.objects.create(name="Else", slug="else"), "o@else.test", "owner"
    )
    assert client_for(outsider).get("/o/big/register/options/groups/").status_code == 404


def test_typed_text_filters_by_exact_label_else_by_names_containing_it(big):
    group = AffectedGroup.objects.filter(organisation=big, impacts__isnull=False).first()
    label = f"{group.name} ({group.system.name})"
    exact = _ids(big, group_name=label)
    assert exact == set(Impact.objects.filter(affected_groups=group).values_list("pk", flat=True))
    assert exact == _ids(big, group=group.pk)
    containing = _ids(big, group_name=group.name[:4])
    assert exact <= containing
    expected = set(
        Impact.objects.filter(
            organisation=big, affected_groups__name__icontains=group.name[:4]
        ).values_list("pk", flat=True)
    )
    assert containing == expected
    system = group.system
    assert _ids(big, system_name=system.name) == set(
        Impact.objects.filter(assessment__system=system).values_list("pk", flat=True)
    )
    assert _ids(big, system_name="no system is called this") == set()


def test_a_link_by_id_shows_the_name_in_the_text_field_and_filters(big, client):
    system = AISystem.objects.filter(organisation=big, assessments__impacts__isnull=False).first()
    html = client.get(f"/o/big/register/?system={system.pk}").content.decode()
    assert f'name="system_name" value="{system.name}"' in html
    shown = re.search(r"(\d[\d,]*) impacts?", html)
    assert shown
    expected = Impact.objects.filter(assessment__system=system).count()
    assert str(expected) in html
