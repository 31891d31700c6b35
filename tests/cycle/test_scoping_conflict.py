"""Two people editing one assessment's scoping: the second is told and nothing is lost."""

import re

from conftest import client_for
from rightslens.assessments.models import Assessment

URL = "/o/acme/assessments/{}/scoping/"


def _loaded(client, assessment) -> dict[str, str]:
    page = client.get(URL.format(assessment.pk)).content.decode()
    tag = re.search(r'<input[^>]*name="lock_version"[^>]*>', page)
    assert tag and 'type="hidden"' in tag.group(0)
    return {"lock_version": re.search(r'value="(\d+)"', tag.group(0)).group(1)}


def test_the_second_scoping_edit_from_a_stale_form_is_refused(assessment, owner, author):
    first, second = client_for(owner), client_for(author)
    seen_first, seen_second = _loaded(first, assessment), _loaded(second, assessment)
    url = URL.format(assessment.pk)
    saved = first.post(url, seen_first | {"context_of_use": "Hiring in Kenya"})
    assert saved.status_code == 302
    stale = second.post(url, seen_second | {"context_of_use": "Something else"})
    assert "Someone else changed this assessment since you opened it" in stale.content.decode()
    fresh = Assessment.objects.get(pk=assessment.pk)
    assert fresh.context_of_use == "Hiring in Kenya"
    assert fresh.lock_version == int(seen_first["lock_version"]) + 1
