import pytest

from rightslens.core.policy.second_opinion import SecondOpinion
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


def test_an_llm_endpoint_is_asked_once_for_a_second_opinion_and_leaves_the_rules_alone(
    owner, org, settings, monkeypatch
):
    settings.RIGHTSLENS_LLM_ENDPOINT = "http://llm.invalid/v1"
    calls = []

    def one_call(text, criteria, endpoint, model):
        calls.append(endpoint)
        return {"C11": SecondOpinion("contrary", (), 0, "A wholesale carve-out.")}

    monkeypatch.setattr(services, "ask_second_opinion", one_call)
    version = make_version(org, owner)
    analysis = version.latest_analysis()
    assert calls == ["http://llm.invalid/v1"]  # one model call per analysis, not two
    assert analysis.method == "offline-rules-1+model-second-opinion"
    c11 = analysis.findings.get(code="C11")
    assert c11.second_opinion["reason"] == "A wholesale carve-out."
    # The explanation is the rules' own wording; the model's reason sits beside it.
    assert c11.explanation.lower().startswith(c11.status)
    assert "wholesale carve-out" not in c11.explanation


def test_an_unreachable_llm_endpoint_falls_back_to_offline_explanations(owner, org, settings):
    settings.RIGHTSLENS_LLM_ENDPOINT = "ftp://not-http.invalid"
    version = make_version(org, owner)
    assert version.latest_analysis().method == "offline-rules-1"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "The analysis failed (RuntimeError)."),
        ("fr", "L’analyse a échoué (RuntimeError)."),
        ("es", "El análisis ha fallado (RuntimeError)."),
    ],
)
@pytest.mark.parametrize("stored", ["RuntimeError", "The analysis failed (RuntimeError)."])
def test_a_failed_analysis_says_so_in_the_reader_language(
    owner, owner_client, org, language, shown, stored
):
    """New rows store the exception's name; older rows stored the English sentence."""
    version = make_version(org, owner)
    Analysis.objects.filter(version=version).delete()
    Analysis.objects.create(organisation=org, version=version, state="failed", error=stored)
    page = owner_client.get(
        f"/o/acme/policy/versions/{version.pk}/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert shown in page.replace("&#x27;", "'")
    if language != "en":
        assert "The analysis failed" not in page
