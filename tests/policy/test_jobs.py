import pytest

from rightslens.policy import services
from rightslens.policy.models import Analysis
from rightslens.policy.testing import make_version

pytestmark = pytest.mark.django_db


def test_a_running_analysis_shows_progress_that_htmx_polls(owner, owner_client, org):
    version = make_version(org, owner)
    Analysis.objects.create(organisation=org, version=version, state="running", progress=40)
    response = owner_client.get(f"/o/acme/policy/versions/{version.pk}/", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'hx-trigger="every 2s"' in body and "40%" in body


def test_a_finished_analysis_tells_htmx_to_reload_the_page(owner, owner_client, org):
    version = make_version(org, owner)
    response = owner_client.get(f"/o/acme/policy/versions/{version.pk}/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Refresh"] == "true"


def test_a_failing_analysis_ends_failed_with_a_message(owner, org, monkeypatch):
    version = make_version(org, owner)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "analyse", broken)
    analysis = services.analysis_request(version=version)
    assert analysis.state == "failed" and "RuntimeError" in analysis.error


def test_an_llm_endpoint_only_rewrites_explanations_and_is_named_in_the_method(
    owner, org, settings, monkeypatch
):
    settings.RIGHTSLENS_LLM_ENDPOINT = "http://llm.invalid/v1"
    monkeypatch.setattr(
        services,
        "refine_explanations",
        lambda findings, endpoint, model: {"C11": "contrary: rewritten."},
    )
    version = make_version(org, owner)
    analysis = version.latest_analysis()
    assert analysis.method == "offline-rules-1+llm-explanations"
    c11 = analysis.findings.get(code="C11")
    assert c11.explanation == "contrary: rewritten." and c11.status == "contrary"


def test_an_unreachable_llm_endpoint_falls_back_to_offline_explanations(owner, org, settings):
    settings.RIGHTSLENS_LLM_ENDPOINT = "ftp://not-http.invalid"
    version = make_version(org, owner)
    assert version.latest_analysis().method == "offline-rules-1"
