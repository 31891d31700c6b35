"""Two people editing one impact: the second is told and nothing is lost (optimistic locking)."""

import re

import pytest

from conftest import client_for
from rightslens.assessments import services
from rightslens.assessments.models import Assessment, Impact
from rightslens.errors import FieldErrors
from rightslens.inventory.testing import make_system

from .test_impacts import GOOD

FORM = GOOD | {"actual": "potential", "status": "open"}


@pytest.fixture
def impact(org, owner):
    assessment = Assessment.objects.create(organisation=org, system=make_system(org), title="Go")
    return services.impact_create(assessment=assessment, actor=owner, **GOOD)


def _loaded_version(client, impact) -> str:
    page = client.get(f"/o/acme/impacts/{impact.pk}/edit/").content.decode()
    tag = re.search(r'<input[^>]*name="lock_version"[^>]*>', page)
    assert tag and 'type="hidden"' in tag.group(0)
    return re.search(r'value="(\d+)"', tag.group(0)).group(1)


def test_the_second_of_two_editors_is_told_and_the_first_edit_is_kept(impact, owner, assessor):
    first, second = client_for(owner), client_for(assessor)
    seen_first, seen_second = _loaded_version(first, impact), _loaded_version(second, impact)
    assert seen_first == seen_second
    url = f"/o/acme/impacts/{impact.pk}/edit/"
    ok = first.post(url, FORM | {"lock_version": seen_first, "title": "First editor's title"})
    assert ok.status_code == 302
    stale = second.post(url, FORM | {"lock_version": seen_second, "title": "Second editor's"})
    assert stale.status_code == 400
    assert "Someone else changed this impact since you opened it" in stale.content.decode()
    impact.refresh_from_db()
    assert impact.title == "First editor's title"
    assert impact.lock_version == int(seen_first) + 1
    # After reloading, the second editor can save on top of the first editor's change.
    again = second.post(url, FORM | {"lock_version": _loaded_version(second, impact)})
    assert again.status_code == 302


def test_a_stale_version_changes_nothing_in_the_service(impact, owner):
    services.impact_update(impact=impact, actor=owner, lock_version=0, title="Now")
    stale = Impact.objects.get(pk=impact.pk)
    with pytest.raises(FieldErrors) as exc:
        services.impact_update(impact=stale, actor=owner, lock_version=0, scale=1)
    assert "reload" in exc.value.fields["lock_version"]
    fresh = Impact.objects.get(pk=impact.pk)
    assert (fresh.scale, fresh.lock_version) == (GOOD["scale"], 1)


def test_callers_without_a_version_still_write_and_bump_it(impact, owner):
    services.impact_update(impact=impact, actor=owner, title="Internal")
    services.impact_update(impact=impact, actor=owner, title="Internal again")
    assert Impact.objects.get(pk=impact.pk).lock_version == 2
