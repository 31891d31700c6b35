"""Human rights impact assessments, their impacts and the actions that respond to them."""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from rightslens.accounts.models import OrgScoped
from rightslens.core.involvement import ActionType, Involvement
from rightslens.core.severity import Irremediability, Likelihood, Scale, Scope, SeverityBand
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.ux.wording import core_label_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _int_choices(enum: type[IntEnum]) -> list[tuple[int, StrOrPromise]]:
    return [(int(m), format_lazy("{} – {}", int(m), core_label_lazy(m.name.lower()))) for m in enum]


def _str_choices(enum: type[Enum]) -> list[tuple[str, StrOrPromise]]:
    return [(m.value, core_label_lazy(m.value)) for m in enum]


class AssessmentKind(models.TextChoices):
    FULL = "full", pgettext_lazy("staff", "Full assessment of a system")
    RAPID = "rapid", pgettext_lazy("staff", "Rapid assessment of a feature or change")
    PRE_PROCUREMENT = "pre_procurement", pgettext_lazy("staff", "Pre-procurement assessment")
    PERIODIC = "periodic", pgettext_lazy("staff", "Periodic review")
    GRIEVANCE = "grievance", pgettext_lazy("staff", "Review triggered by a grievance or incident")


class Trigger(models.TextChoices):
    NEW_ACTIVITY = "new_activity", pgettext_lazy("staff", "New activity or business relationship")
    LAUNCH = "launch", pgettext_lazy("staff", "Launch")
    MARKET_ENTRY = "market_entry", pgettext_lazy("staff", "Market entry")
    POLICY_CHANGE = "policy_change", pgettext_lazy("staff", "Policy change")
    CONTEXT_CHANGE = "context_change", pgettext_lazy("staff", "Change in operating context")
    PERIODIC = "periodic", pgettext_lazy("staff", "Periodic review")
    GRIEVANCE = "grievance", pgettext_lazy("staff", "Grievance or incident")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("staff", "Draft")
    IN_REVIEW = "in_review", pgettext_lazy("staff", "In review")
    APPROVED = "approved", pgettext_lazy("staff", "Approved")
    SUPERSEDED = "superseded", pgettext_lazy("staff", "Superseded")


class Assessment(OrgScoped):
    system = models.ForeignKey(AISystem, on_delete=models.PROTECT, related_name="assessments")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=AssessmentKind, default=AssessmentKind.FULL)
    trigger = models.CharField(max_length=20, choices=Trigger, default=Trigger.NEW_ACTIVITY)
    trigger_note = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=AssessmentStatus, default=AssessmentStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="successors"
    )
    # Scoping (the cycle issue extends this).
    context_of_use = models.TextField(blank=True)
    scope_countries = models.JSONField(default=list, blank=True)
    scope_languages = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField(default=dict, blank=True, help_text="Frozen content at approval.")
    # Optimistic lock: bumped on every scoping edit, so an edit from a stale form is refused.
    lock_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Two "start new version" clicks cannot open two drafts of the same next version.
            models.UniqueConstraint(
                fields=["previous"],
                condition=models.Q(previous__isnull=False, status__in=["draft", "in_review"]),
                name="one_open_successor_per_assessment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any, **kwargs: Any) -> Assessment:
        loaded = super().from_db(db, field_names, values, **kwargs)
        loaded._register_state = loaded._currency()
        return loaded

    def _currency(self) -> tuple[bool, int | None]:
        return (self.status == AssessmentStatus.SUPERSEDED, self.previous_id)

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saving keeps `Impact.replaced_at` true: a new version replaces its predecessor's impacts
        in the register, and superseding replaces the assessment's own."""
        before = getattr(self, "_register_state", (False, None))
        super().save(*args, **kwargs)
        after = self._currency()
        if after != before:
            refresh_replaced({pk for pk in (self.pk, before[1], after[1]) if pk is not None})
        self._register_state = after

    @property
    def is_frozen(self) -> bool:
        return self.status in {AssessmentStatus.APPROVED, AssessmentStatus.SUPERSEDED}


class ImpactStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("staff", "Open")
    ADDRESSED = "addressed", pgettext_lazy("staff", "Addressed")
    CLOSED = "closed", pgettext_lazy("staff", "Closed")


class Impact(OrgScoped):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="impacts")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    rights = models.JSONField(default=list, help_text="Knowledge-base ids of the rights affected.")
    risk_category = models.CharField(
        max_length=60, help_text="Knowledge-base id of the GenAI risk category."
    )
    affected_groups = models.ManyToManyField(AffectedGroup, blank=True, related_name="impacts")
    actual = models.BooleanField(default=False, help_text="Has the harm already happened?")
    scale = models.PositiveSmallIntegerField(choices=_int_choices(Scale))
    scale_rationale = models.TextField(blank=True)
    scope = models.PositiveSmallIntegerField(choices=_int_choices(Scope))
    scope_rationale = models.TextField(blank=True)
    irremediability = models.PositiveSmallIntegerField(choices=_int_choices(Irremediability))
    irremediability_rationale = models.TextField(blank=True)
    likelihood = models.PositiveSmallIntegerField(
        choices=_int_choices(Likelihood), null=True, blank=True
    )
    involvement = models.CharField(max_length=20, choices=_str_choices(Involvement))
    involvement_rationale = models.TextField(blank=True)
    # Risk to the business: recorded and shown beside, never merged with, risk to people.
    business_risk = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[
            (1, pgettext_lazy("staff", "1 – Low")),
            (2, pgettext_lazy("staff", "2 – Medium")),
            (3, pgettext_lazy("staff", "3 – High")),
            (4, pgettext_lazy("staff", "4 – Critical")),
        ],
    )
    business_risk_note = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ImpactStatus, default=ImpactStatus.OPEN)
    engagement_gap_reason = models.TextField(
        blank=True,
        help_text="Why the affected groups (or credible proxies) could not be engaged on this "
        "impact; approval of a severe impact needs their engagement or this reason.",
    )
    previous_version = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_versions",
        help_text="The same impact in the previous version of the assessment.",
    )
    # Derived by the core rules in the service layer, stored so the register can sort in SQL.
    severity_band = models.PositiveSmallIntegerField(choices=_int_choices(SeverityBand), default=1)
    priority = models.PositiveIntegerField(default=0, db_index=True)
    # Kept by `save` and `refresh_replaced`, so the register reads its current entries without
    # joining assessments: when a newer version of the assessment (or superseding) took this
    # impact's place (null while it is the current version) ...
    replaced_at = models.DateTimeField(null=True, blank=True, editable=False)
    # ... and when it stopped being open (addressed or closed; null while open).
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Optimistic lock: bumped on every edit, so an edit made from a stale form is refused.
    lock_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-priority", "id"]
        # The register's order within an organisation: pages walk it without sorting.
        indexes = [
            models.Index(fields=["organisation", "-priority", "id"], name="impact_org_priority"),
            # The register: current entries only, in priority order.
            models.Index(
                fields=["organisation", "-priority", "id"],
                condition=Q(replaced_at__isnull=True),
                name="impact_current_priority",
            ),
            # The register's stamp (latest change, number of rows) in an index-only pass.
            models.Index(fields=["organisation", "updated_at"], name="impact_org_updated"),
            # The severity-first picture and the dashboard count current impacts per cell.
            models.Index(
                fields=["organisation", "severity_band", "actual", "likelihood"],
                condition=Q(replaced_at__isnull=True),
                name="impact_current_picture",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(actual=False) | Q(likelihood__isnull=True),
                name="actual_impact_has_no_likelihood",
            ),
            models.CheckConstraint(condition=Q(scale__gte=1, scale__lte=4), name="scale_1_to_4"),
            models.CheckConstraint(condition=Q(scope__gte=1, scope__lte=4), name="scope_1_to_4"),
            models.CheckConstraint(
                condition=Q(irremediability__gte=1, irremediability__lte=4),
                name="irremediability_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Stamps `closed_at` when the impact leaves "open" (cleared if reopened), and on creation
        `replaced_at` from its assessment (a copy into a new version starts current)."""
        closed_at = None if self.status == ImpactStatus.OPEN else (self.closed_at or timezone.now())
        fields = kwargs.get("update_fields")
        if closed_at != self.closed_at and fields is not None:
            kwargs["update_fields"] = {*fields, "closed_at"}
        self.closed_at = closed_at
        if self._state.adding:
            gone = Assessment.objects.filter(
                Q(pk=self.assessment_id, status=AssessmentStatus.SUPERSEDED)
                | Q(previous_id=self.assessment_id)
            ).exists()
            self.replaced_at = timezone.now() if gone else None
        super().save(*args, **kwargs)


def refresh_replaced(assessment_ids: set[int]) -> None:
    """Set `replaced_at` on the impacts of these assessments from the truth: an assessment's
    impacts are current unless it is superseded or a newer version of it exists."""
    if not assessment_ids:
        return
    current = set(
        Assessment.objects.filter(pk__in=assessment_ids)
        .exclude(status=AssessmentStatus.SUPERSEDED)
        .exclude(successors__isnull=False)
        .values_list("pk", flat=True)
    )
    now = timezone.now()  # updated_at too: figures cached by the register's stamp see it
    Impact.objects.filter(
        assessment_id__in=assessment_ids - current, replaced_at__isnull=True
    ).update(replaced_at=now, updated_at=now)
    if current:
        Impact.objects.filter(assessment_id__in=current, replaced_at__isnull=False).update(
            replaced_at=None, updated_at=now
        )


def _predecessor_back_in_register(sender: Any, instance: Assessment, **kwargs: Any) -> None:
    """Deleting a newer version (a discarded draft) puts its predecessor's impacts back."""
    if instance.previous_id:
        refresh_replaced({instance.previous_id})


post_delete.connect(_predecessor_back_in_register, sender=Assessment)


class ActionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("staff", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("staff", "In progress")
    DONE = "done", pgettext_lazy("staff", "Done")
    CANCELLED = "cancelled", pgettext_lazy("staff", "Cancelled")


class Action(OrgScoped):
    impact = models.ForeignKey(Impact, on_delete=models.CASCADE, related_name="actions")
    action_type = models.CharField(max_length=20, choices=_str_choices(ActionType))
    description = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus, default=ActionStatus.PLANNED)
    assignee = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_type_display()}: {self.description[:60]}"


# The due diligence cycle's records around an assessment (scoping, plans, tracking, review).
from .cycle_models import (  # noqa: E402, F401  (registered as models of this app)
    ActionPlan,
    CategoryReview,
    EvidenceFile,
    GroupMeasurement,
    Indicator,
    Measurement,
    Reminder,
    Reviewer,
    Scoping,
    SuggestionDecision,
)
