"""Every org URL of the grievance and engagement apps: outsiders get 404, viewers cannot write."""

import pytest
from django.urls import URLPattern

from conftest import client_for
from rightslens.engagement import testing as engagement_testing
from rightslens.engagement.urls import urlpatterns as engagement_urls
from rightslens.grievances import testing as grievance_testing
from rightslens.grievances.urls import urlpatterns as grievance_urls


def _org_urls(ids):
    for pattern in [*grievance_urls, *engagement_urls]:
        assert isinstance(pattern, URLPattern)
        route = str(pattern.pattern)
        if not route.startswith("o/"):
            continue
        url = "/" + route.replace("<slug:org_slug>", "acme")
        for name, value in ids.items():
            url = url.replace(f"<int:{name}>", str(value))
        assert "<" not in url, url
        yield url


@pytest.fixture
def ids(org, owner):
    return grievance_testing.tenancy_objects(org, owner) | engagement_testing.tenancy_objects(
        org, owner
    )


def test_an_outsider_gets_404_everywhere(ids, outsider):
    client = client_for(outsider)
    for url in _org_urls(ids):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


def test_a_viewer_cannot_write_anywhere(ids, viewer):
    client = client_for(viewer)
    for url in _org_urls(ids):
        assert client.post(url, {}).status_code in (403, 405), url
