"""Writes for probe runs: start, execute (the background job), record a measurement round."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.common.crypto import decrypt_text, encrypt_text
from rightslens.core.probes.classify import Classifier
from rightslens.core.probes.endpoint import EndpointSettings
from rightslens.core.probes.runner import ProbeRecord, Progress, RunOptions, run_probes
from rightslens.core.probes.suites import SuiteError, load_suite, suite_ids
from rightslens.core.semantic import default_encoder
from rightslens.errors import FieldErrors
from rightslens.jobs import enqueue, job

from .models import ProbeResult, ProbeRun, RunState


class DatabaseStore:
    """The runner's store for the app: one row per (run, probe), counters kept on the run."""

    def __init__(self, run: ProbeRun) -> None:
        self.run = run

    def done_ids(self) -> set[str]:
        return set(ProbeResult.objects.filter(run=self.run).values_list("probe_id", flat=True))

    def save(self, record: ProbeRecord) -> bool:
        try:
            with transaction.atomic():
                ProbeResult.objects.create(
                    organisation_id=self.run.organisation_id,
                    run=self.run,
                    probe_id=record.probe_id,
                    language=record.language,
                    category=record.category,
                    group=record.group,
                    outcome=record.outcome,
                    reason=record.reason[:300],
                    answer_language=record.answer_language,
                    prompt_tokens=record.prompt_tokens,
                    completion_tokens=record.completion_tokens,
                    answer=record.answer,
                )
                ProbeRun.objects.filter(pk=self.run.pk).update(
                    done=F("done") + 1,
                    prompt_tokens=F("prompt_tokens") + record.prompt_tokens,
                    completion_tokens=F("completion_tokens") + record.completion_tokens,
                )
        except IntegrityError:
            return False  # already stored by an earlier attempt: never a duplicate
        return True


def _languages(text: str, suite_id: str, errors: dict[str, str]) -> list[str]:
    languages = [lang.strip() for lang in (text or "").split(",") if lang.strip()]
    if len(languages) < 2 or len(set(languages)) != len(languages):
        errors["languages"] = _(
            "Give at least two different languages, the reference first: en,sw,yo."
        )
        return []
    if suite_id in suite_ids():
        missing = [lang for lang in languages if lang not in load_suite(suite_id).languages]
        if missing:
            errors["languages"] = _("The suite has no probes in: %(languages)s.") % {
                "languages": ", ".join(missing)
            }
    return languages


@transaction.atomic
def probe_run_create(
    *,
    organisation: Any,
    actor: Any,
    suite_id: str,
    languages: str,
    endpoint_url: str,
    model_name: str,
    api_key: str = "",
    model_label: str = "",
    concurrency: int = 8,
    requests_per_minute: int = 0,
    price_in: float = 0.0,
    price_out: float = 0.0,
    keep_answers: bool = False,
) -> ProbeRun:
    errors: dict[str, str] = {}
    if suite_id not in suite_ids():
        errors["suite_id"] = _("Choose one of: %(suites)s.") % {"suites": ", ".join(suite_ids())}
    codes = _languages(languages, suite_id, errors)
    if not str(endpoint_url).startswith(("http://", "https://")):
        errors["endpoint_url"] = _(
            "The base URL of an OpenAI-compatible API, e.g. http://host:8080/v1."
        )
    if not (model_name or "").strip():
        errors["model_name"] = _("Name the model as the endpoint knows it.")
    if not 1 <= int(concurrency) <= 64:
        errors["concurrency"] = _("Between 1 and 64 requests at a time.")
    if errors:
        raise FieldErrors(errors)
    suite = load_suite(suite_id)
    run = ProbeRun.objects.create(
        organisation=organisation,
        suite_id=suite_id,
        suite_version=suite.version,
        languages=codes,
        model_name=model_name.strip(),
        model_label=(model_label or "").strip() or "the organisation's model",
        endpoint_url=endpoint_url,
        api_key_encrypted=encrypt_text(api_key or ""),
        concurrency=int(concurrency),
        requests_per_minute=int(requests_per_minute or 0),
        price_in=float(price_in or 0),
        price_out=float(price_out or 0),
        keep_answers=bool(keep_answers),
        total=len(suite.probes_for(codes)),
        created_by=actor,
    )
    audit_record(
        organisation=organisation, actor=actor, verb="probe_run.create", obj=run, summary=str(run)
    )
    return run


def probe_run_start(*, run: ProbeRun) -> ProbeRun:
    """Queue the run (or resume it: only probes without a result are sent)."""
    ProbeRun.objects.filter(pk=run.pk).update(state=RunState.QUEUED, error="", failed=0)
    enqueue("probes.run", run_id=run.pk)
    run.refresh_from_db()
    return run


@job("probes.run")
def probe_run_execute(run_id: int) -> None:
    run = ProbeRun.objects.get(pk=run_id)
    try:
        suite = load_suite(run.suite_id)
        probes = suite.probes_for(list(run.languages))
    except SuiteError as exc:
        ProbeRun.objects.filter(pk=run.pk).update(state=RunState.FAILED, error=str(exc))
        return
    classifier = Classifier(default_encoder())
    ProbeRun.objects.filter(pk=run.pk).update(
        state=RunState.RUNNING,
        classifier_method=classifier.method,
        total=len(probes),
        done=ProbeResult.objects.filter(run=run).count(),
    )
    settings = EndpointSettings(
        run.endpoint_url, run.model_name, decrypt_text(run.api_key_encrypted)
    )
    options = RunOptions(
        concurrency=run.concurrency,
        requests_per_minute=run.requests_per_minute,
        keep_answers=run.keep_answers,
    )

    def report(progress: Progress) -> None:
        ProbeRun.objects.filter(pk=run.pk).update(failed=progress.failed)

    progress = run_probes(
        probes,
        settings=settings,
        store=DatabaseStore(run),
        classifier=classifier,
        harmful=suite.harmful,
        options=options,
        on_progress=report,
    )
    state = RunState.INCOMPLETE if progress.failed else RunState.DONE
    ProbeRun.objects.filter(pk=run.pk).update(
        state=state,
        failed=progress.failed,
        error="\n".join(progress.errors[:20]),
        finished_at=timezone.now(),
    )


@transaction.atomic
def probe_run_record_measurement(
    *, run: ProbeRun, indicator: Any, actor: Any, measured_on: date | None = None
) -> Any:
    """Record the run's per-language rates (in %) as a measurement round of a GP 20 indicator,
    so the tracking's 'left behind' verdicts apply to them."""
    from rightslens.assessments.tracking import measurement_record

    from .selectors import probe_run_summary

    if indicator.organisation_id != run.organisation_id:
        raise FieldErrors({"indicator": _("Choose an indicator of this organisation.")})
    if not run.is_finished:
        raise FieldErrors({"indicator": _("Wait until the run has finished.")})
    harmful = load_suite(run.suite_id).harmful
    if indicator.lower_is_better == harmful:
        message = (
            _("This suite's rate needs an indicator where higher is better (%(name)s).")
            if harmful
            else _("This suite's rate needs an indicator where lower is better (%(name)s).")
        )
        raise FieldErrors({"indicator": message % {"name": indicator.name}})
    summary = probe_run_summary(run=run)
    total_n = sum(e["n"] for e in summary["languages"].values())
    total_hits = sum(e["refusal_rate"]["value"] * e["n"] for e in summary["languages"].values())
    groups = "\n".join(
        f"language, {lang}, {100 * e['refusal_rate']['value']:.2f}, {e['n']}"
        for lang, e in summary["languages"].items()
    )
    return measurement_record(
        indicator=indicator,
        actor=actor,
        measured_on=measured_on or timezone.localdate(),
        value=round(100 * total_hits / total_n, 2) if total_n else None,
        n=total_n,
        note=f"Probe run {run.pk}: suite {run.suite_id} v{run.suite_version}, model "
        f"{run.model_label}; rate = {'declined harmful requests' if harmful else 'refused legitimate requests'} (%).",
        groups=groups,
    )
