"""Two officers triaging one case from the same loaded page: the second is told, nothing lost."""

import re

import pytest

from conftest import client_for, make_member
from rightslens.grievances.models import Grievance
from rightslens.grievances.services import grievance_submit


@pytest.fixture
def grievance(org):
    found, _code = grievance_submit(organisation=org, content="The tool refused me.", language="en")
    return found


def _loaded_version(client, grievance) -> str:
    page = client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    tag = re.search(r'<input[^>]*name="lock_version"[^>]*>', page)
    assert tag and 'type="hidden"' in tag.group(0)
    return re.search(r'value="(\d+)"', tag.group(0)).group(1)


def test_the_second_triage_from_a_stale_page_is_refused(grievance, org, owner):
    first = client_for(owner)
    second = client_for(make_member(org, "officer2@acme.test", "assessor", officer=True))
    seen_first, seen_second = _loaded_version(first, grievance), _loaded_version(second, grievance)
    url = f"/o/acme/grievances/{grievance.pk}/triage/"
    assert first.post(url, {"rights": ["crpd-5"], "lock_version": seen_first}).status_code == 302
    stale = second.post(url, {"rights": ["icescr-6"], "lock_version": seen_second})
    assert stale.status_code == 400
    assert "Someone else changed this case since you opened it" in stale.content.decode()
    fresh = Grievance.objects.get(pk=grievance.pk)
    assert fresh.rights == ["crpd-5"] and fresh.lock_version == int(seen_first) + 1
    again = second.post(
        url, {"rights": ["icescr-6"], "lock_version": _loaded_version(second, grievance)}
    )
    assert again.status_code == 302
    assert Grievance.objects.get(pk=grievance.pk).rights == ["icescr-6"]
