import json

import pytest

from rightslens.assessments import tracking
from rightslens.assessments.cycle_selectors import indicator_view
from rightslens.assessments.models import Action, Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.core.effectiveness import Verdict
from rightslens.inventory.testing import make_system
from rightslens.probes import services
from rightslens.probes.models import ProbeResult, ProbeRun, RunState
from rightslens.probes.testing import make_run

from .fake_endpoint import FakeEndpoint

pytestmark = pytest.mark.django_db

SECRET = "sk-test-secret-123"


def _start(client, fake, **extra):
    form = {
        "suite_id": "harmful-requests",
        "languages": "en,sw,yo,fr",
        "endpoint_url": fake.url,
        "model_name": "fake-model",
        "model_label": "Model A",
        "api_key": SECRET,
        "concurrency": 4,
        "requests_per_minute": 0,
        "price_in": 0.5,
        "price_out": 1.5,
    } | extra
    return client.post("/o/acme/probes/new/", form)


def test_a_run_started_in_the_app_classifies_and_tests_every_language(owner_client, org):
    with FakeEndpoint() as fake:
        response = _start(owner_client, fake)
    run = ProbeRun.objects.get(organisation=org)
    assert response.status_code == 302 and response.url == f"/o/acme/probes/{run.pk}/"
    assert run.state == RunState.DONE and run.done == run.total == 120
    assert run.prompt_tokens > 0 and run.cost > 0
    assert (
        ProbeResult.objects.filter(run=run, language="sw", outcome="harmful_compliance").count()
        == 30
    )
    page = owner_client.get(f"/o/acme/probes/{run.pk}/").content.decode()
    assert "left_behind" in page and "Text equivalent of the chart" in page and "<svg" in page
    assert "Safety features work less well in Kiswahili" in page


def test_the_api_key_is_stored_encrypted(owner_client, org):
    with FakeEndpoint() as fake:
        _start(owner_client, fake, languages="en,fr")
    run = ProbeRun.objects.get(organisation=org)
    assert run.api_key_encrypted and SECRET not in run.api_key_encrypted


def test_bad_input_is_refused_and_creates_nothing(owner_client, org):
    with FakeEndpoint() as fake:
        response = _start(owner_client, fake, languages="en,xx")
    assert response.status_code == 400 and "no probes in: xx" in response.content.decode()
    assert not ProbeRun.objects.exists() and not fake.requests


def test_a_resumed_run_sends_only_the_missing_probes(owner_client, org):
    with FakeEndpoint() as fake:
        _start(owner_client, fake, languages="en,sw")
    run = ProbeRun.objects.get(organisation=org)
    lost = list(ProbeResult.objects.filter(run=run, language="sw").values_list("pk", flat=True)[:5])
    ProbeResult.objects.filter(pk__in=lost).delete()  # lost in a crash
    with FakeEndpoint() as fake:
        ProbeRun.objects.filter(pk=run.pk).update(endpoint_url=fake.url)  # the server restarted
        response = owner_client.post(f"/o/acme/probes/{run.pk}/resume/")
    assert response.status_code == 302
    assert sum(fake.requests.values()) == 5
    assert ProbeResult.objects.filter(run=run).count() == 60
    run.refresh_from_db()
    assert run.done == 60 and run.state == RunState.DONE


def test_the_database_store_never_duplicates_a_result(org, owner):
    run = make_run(org, owner)
    store = services.DatabaseStore(run)
    from rightslens.core.probes.runner import ProbeRecord

    record = ProbeRecord("en-incitement-01", "en", "incitement", "g", "refusal", "", "en", 1, 1)
    assert store.save(record) is False
    assert ProbeResult.objects.filter(run=run).count() == 2


def test_progress_is_an_htmx_fragment_that_polls_until_done(owner_client, org, owner):
    run = make_run(org, owner, state=RunState.RUNNING, done=1)
    fragment = owner_client.get(f"/o/acme/probes/{run.pk}/progress/").content.decode()
    assert 'hx-trigger="every 2s"' in fragment and "1 of 2 probes" in fragment
    run.state = RunState.DONE
    run.save()
    assert (
        "hx-trigger" not in owner_client.get(f"/o/acme/probes/{run.pk}/progress/").content.decode()
    )


def test_exports_and_the_anonymised_form_leave_out_endpoint_key_and_answers(
    owner_client, org, owner
):
    run = make_run(org, owner, keep_answers=True, api_key_encrypted="token")
    ProbeResult.objects.filter(run=run).update(answer="the model's own words")
    csv = owner_client.get(f"/o/acme/probes/{run.pk}/export.csv").content.decode()
    assert csv.splitlines()[0].startswith("suite,reference,language,n,refusal")
    shared = owner_client.get(f"/o/acme/probes/{run.pk}/export.shared.json").content.decode()
    for secret in ("127.0.0.1", "test-model", "the model's own words", "token"):
        assert secret not in shared
    assert json.loads(shared)["model"] == "Model A"
    chosen = owner_client.get(
        f"/o/acme/probes/{run.pk}/export.shared.json?answers=1"
    ).content.decode()
    assert "the model's own words" in chosen
    report = owner_client.get(f"/o/acme/probes/{run.pk}/report/?shared=1").content.decode()
    assert "Limitations" in report and "test-model" not in report and "127.0.0.1" not in report


def _indicator(org, owner, lower_is_better):
    assessment = Assessment.objects.create(organisation=org, system=make_system(org), title="A")
    impact = make_impact(assessment)
    action = Action.objects.create(
        organisation=org, impact=impact, action_type="prevent", description="Filters"
    )
    return tracking.indicator_create(
        action=action,
        actor=owner,
        name="Harmful requests declined",
        unit="%",
        lower_is_better=lower_is_better,
        tolerance=10,
        min_group_size=30,
    )


def test_a_run_becomes_a_measurement_round_with_left_behind_verdicts(owner_client, org, owner):
    with FakeEndpoint() as fake:
        _start(owner_client, fake, languages="en,sw,fr")
    run = ProbeRun.objects.get(organisation=org)
    indicator = _indicator(org, owner, lower_is_better=False)
    response = owner_client.post(f"/o/acme/probes/{run.pk}/record/", {"indicator": indicator.pk})
    assert response.status_code == 302
    groups = {r.group: r.verdict for r in indicator_view(indicator).groups}
    assert groups["sw"] is Verdict.LEFT_BEHIND and groups["fr"] is not Verdict.LEFT_BEHIND


def test_recording_on_an_indicator_pointing_the_wrong_way_is_refused(org, owner):
    run = make_run(org, owner)
    indicator = _indicator(org, owner, lower_is_better=True)
    from rightslens.errors import FieldErrors

    with pytest.raises(FieldErrors, match="not valid"):
        services.probe_run_record_measurement(run=run, indicator=indicator, actor=owner)
    assert not indicator.measurements.exists()


def test_a_significant_large_gap_proposes_an_impact_the_user_confirms(owner_client, org, owner):
    with FakeEndpoint() as fake:
        _start(owner_client, fake, languages="en,sw")
    run = ProbeRun.objects.get(organisation=org)
    assessment = Assessment.objects.create(organisation=org, system=make_system(org), title="A")
    url = f"/o/acme/probes/{run.pk}/propose/sw/?assessment={assessment.pk}"
    page = owner_client.get(url).content.decode()
    assert "Safety features work less well in Kiswahili" in page
    assert not Impact.objects.filter(assessment=assessment).exists()  # nothing until confirmed
    assert owner_client.get(f"/o/acme/probes/{run.pk}/propose/en/").status_code == 404
    confirmed = {
        "assessment": assessment.pk,
        "title": "Safety features work less well in Kiswahili",
        "rights": ["udhr-19"],
        "risk_category": "cat-harm",
        "actual": "potential",
        "scale": 4,
        "scale_rationale": "Harmful instructions reach Swahili speakers.",
        "scope": 3,
        "scope_rationale": "Every Swahili-speaking user.",
        "irremediability": 3,
        "irremediability_rationale": "Physical harm cannot be undone.",
        "likelihood": 4,
        "involvement": "cause",
        "involvement_rationale": "Our own model.",
    }
    response = owner_client.post(f"/o/acme/probes/{run.pk}/propose/sw/", confirmed)
    impact = Impact.objects.get(assessment=assessment)
    assert response.status_code == 302 and impact.title.endswith("Kiswahili")


def test_an_outsider_cannot_see_a_run(outsider_client, org, owner):
    run = make_run(org, owner)
    assert outsider_client.get(f"/o/acme/probes/{run.pk}/").status_code == 404


def test_a_viewer_cannot_start_a_run(viewer_client):
    assert viewer_client.post("/o/acme/probes/new/", {}).status_code in (403, 404)
