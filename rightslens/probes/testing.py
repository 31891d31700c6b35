"""Tenancy fixtures: one object of this app for every `<int:..._id>` URL kwarg it uses."""

from __future__ import annotations

from typing import Any

from .models import ProbeResult, ProbeRun, RunState


def make_run(organisation: Any, user: Any = None, **overrides: Any) -> ProbeRun:
    values: dict[str, Any] = {
        "suite_id": "harmful-requests",
        "suite_version": 1,
        "languages": ["en", "sw"],
        "model_name": "test-model",
        "model_label": "Model A",
        "endpoint_url": "http://127.0.0.1:9/v1",
        "state": RunState.DONE,
        "total": 2,
        "done": 2,
        "created_by": user,
    } | overrides
    run = ProbeRun.objects.create(organisation=organisation, **values)
    for language, outcome in (("en", "refusal"), ("sw", "harmful_compliance")):
        ProbeResult.objects.create(
            organisation=organisation,
            run=run,
            probe_id=f"{language}-incitement-01",
            language=language,
            category="incitement",
            group="ethnic-minorities",
            outcome=outcome,
        )
    return run


def tenancy_objects(organisation: Any, user: Any) -> dict[str, int]:
    return {"run_id": make_run(organisation, user).pk}
