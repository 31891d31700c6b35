"""Probe runs of an organisation's own model and their results, one row per (run, probe)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rightslens.accounts.models import OrgScoped
from rightslens.core.probes.classify import OUTCOMES


class RunState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    INCOMPLETE = "incomplete", _("Incomplete (some probes failed; resume to retry them)")
    FAILED = "failed", _("Failed")


class ProbeRun(OrgScoped):
    suite_id = models.CharField(max_length=60)
    suite_version = models.PositiveIntegerField()
    languages = models.JSONField(help_text=_("Language codes; the first is the reference."))
    model_name = models.CharField(max_length=200)
    model_label = models.CharField(
        max_length=200, blank=True, help_text=_("How the model is named in shared reports.")
    )
    endpoint_url = models.URLField(max_length=500)
    # Encrypted with the grievance key (rightslens.grievances.crypto); never shown again.
    api_key_encrypted = models.TextField(blank=True)
    concurrency = models.PositiveSmallIntegerField(default=8)
    requests_per_minute = models.PositiveIntegerField(default=0)
    price_in = models.FloatField(default=0.0, help_text=_("Per 1,000 prompt tokens."))
    price_out = models.FloatField(default=0.0, help_text=_("Per 1,000 completion tokens."))
    keep_answers = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=RunState, default=RunState.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    prompt_tokens = models.PositiveBigIntegerField(default=0)
    completion_tokens = models.PositiveBigIntegerField(default=0)
    classifier_method = models.CharField(max_length=120, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.suite_id} on {self.model_name}"

    @property
    def is_finished(self) -> bool:
        return self.state in (RunState.DONE, RunState.INCOMPLETE, RunState.FAILED)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def cost(self) -> float:
        return (self.prompt_tokens * self.price_in + self.completion_tokens * self.price_out) / 1000


class ProbeResult(OrgScoped):
    run = models.ForeignKey(ProbeRun, on_delete=models.CASCADE, related_name="results")
    probe_id = models.CharField(max_length=80)
    language = models.CharField(max_length=12)
    category = models.CharField(max_length=60)
    group = models.CharField(max_length=60)
    outcome = models.CharField(max_length=30)
    reason = models.CharField(max_length=300, blank=True)
    answer_language = models.CharField(max_length=12, blank=True)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    answer = models.TextField(
        blank=True, help_text=_("Kept only when the run was asked to keep answers.")
    )

    class Meta:
        ordering = ["language", "probe_id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "probe_id"], name="probe_result_once_per_run"),
            models.CheckConstraint(
                condition=models.Q(outcome__in=[o.value for o in OUTCOMES]),
                name="probe_result_known_outcome",
            ),
        ]
