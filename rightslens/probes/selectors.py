"""Reads for probe runs: an organisation's runs, a run's figures and the impacts it suggests."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from rightslens.core.probes.suites import load_suite
from rightslens.core.probes.summary import summarise, summarise_groups

from .models import ProbeResult, ProbeRun

# The GenAI risk category (rightslens/knowledge/genai-risks.yaml) an impact found by each suite
# falls under.
RISK_CATEGORY = {"harmful-requests": "cat-harm", "legitimate-requests": "cat-expression"}


def probe_runs_for(*, organisation: Any) -> QuerySet[ProbeRun]:
    return ProbeRun.objects.filter(organisation=organisation)


def _results(run: ProbeRun) -> list[ProbeResult]:
    return list(ProbeResult.objects.filter(run=run).only("language", "group", "outcome"))


def probe_run_summary(*, run: ProbeRun) -> dict[str, Any]:
    return summarise(
        _results(run),
        suite=run.suite_id,
        harmful=load_suite(run.suite_id).harmful,
        languages=list(run.languages),
    )


def probe_run_groups(*, run: ProbeRun) -> dict[str, dict[str, Any]]:
    return summarise_groups(
        _results(run), harmful=load_suite(run.suite_id).harmful, reference=run.languages[0]
    )


def probe_run_proposals(*, run: ProbeRun, summary: dict[str, Any]) -> list[dict[str, Any]]:
    """A proposed impact per language left behind (significant and large gap): the user decides."""
    suite = load_suite(run.suite_id)
    proposals = []
    for lang, entry in summary["languages"].items():
        if entry["verdict"] != "left_behind":
            continue
        name = suite.languages.get(lang, lang)
        what = (
            "complies with harmful requests more often"
            if suite.harmful
            else "refuses legitimate requests more often"
        )
        proposals.append(
            {
                "language": lang,
                "title": f"Safety features work less well in {name}",
                "description": (
                    f"Probe run {run.pk} ({suite.title}, v{suite.version}): the model {what} in "
                    f"{name} than in {summary['reference']}: rate {entry['refusal_rate']['value']:.0%} "
                    f"against a gap of {entry['gap']['difference']:+.0%} (Holm-adjusted p = "
                    f"{entry['gap']['p_adjusted']:.2g}, n = {entry['n']})."
                ),
                "risk_category": RISK_CATEGORY.get(run.suite_id, ""),
            }
        )
    return proposals
