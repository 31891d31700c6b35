import pytest

from rightslens.core.policy.second_opinion import Quote, SecondOpinion
from rightslens.policy import services
from rightslens.policy.testing import make_version

pytestmark = pytest.mark.django_db


def test_the_models_opinion_is_stored_and_shown_beside_the_rules(
    org, owner, owner_client, settings, monkeypatch
):
    settings.RIGHTSLENS_LLM_ENDPOINT = "http://model.invalid/v1"
    opinion = SecondOpinion(
        "partial", (Quote("Providers shall", 10, 25),), 2, "Only before deployment."
    )
    monkeypatch.setattr(services, "ask_second_opinion", lambda *a, **k: {"C2": opinion})
    version = make_version(org, owner)
    finding = version.latest_analysis().findings.get(code="C2")
    assert finding.second_opinion["status"] == "partial"
    assert finding.status == "addressed"  # the rules' status is untouched
    page = owner_client.get(f"/o/{org.slug}/policy/versions/{version.pk}/").content.decode()
    assert "Model&#x27;s second opinion" in page or "Model's second opinion" in page
    assert "2 quotes from the model were not found in the text and dropped" in page
