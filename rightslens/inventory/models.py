"""The inventory of AI systems across the value chain."""

from __future__ import annotations

from enum import Enum

from django.db import models

from rightslens.accounts.models import OrgScoped
from rightslens.core.vocabulary import LifecycleStage, SystemKind, ValueChainRole, Weights
from rightslens.ux.wording import core_label_lazy


def _choices(enum: type[Enum]) -> list[tuple[str, str]]:
    return [(m.value, core_label_lazy(m.value)) for m in enum]


VALUE_CHAIN_ROLE_CHOICES = _choices(ValueChainRole)


class AISystem(OrgScoped):
    name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    value_chain_roles = models.JSONField(
        default=list, help_text="The organisation's role(s) for this system."
    )
    lifecycle_stage = models.CharField(max_length=40, choices=_choices(LifecycleStage))
    kind = models.CharField(max_length=40, choices=_choices(SystemKind))
    weights = models.CharField(
        max_length=20, choices=_choices(Weights), default=Weights.NOT_APPLICABLE
    )
    countries = models.JSONField(
        default=list, help_text="ISO 3166 alpha-2 codes where it is deployed."
    )
    sectors = models.JSONField(default=list)
    languages = models.JSONField(default=list, help_text="Languages (BCP 47 codes) it serves.")
    intended_users = models.TextField(blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Material changes (not typo fixes) set this: approvals before it are out of date.
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class AffectedGroup(OrgScoped):
    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="affected_groups")
    name = models.CharField(max_length=200)
    vulnerable = models.BooleanField(default=False, help_text="People at heightened risk (GP 18).")
    vulnerability = models.CharField(
        max_length=60, blank=True, help_text="Knowledge-base id of the vulnerable group, if any."
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-vulnerable", "name"]

    def __str__(self) -> str:
        return self.name


class Component(OrgScoped):
    """A third-party component of the system (model, data set, API, service) and its vendor."""

    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(max_length=200)
    vendor = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=60, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.vendor})" if self.vendor else self.name
