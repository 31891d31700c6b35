"""The due diligence cycle's own records around an assessment: scoping, the guided pass through
every risk category, action plans, effectiveness tracking by group, reviewers and reminders.

The assessment, its impacts and actions belong to the assessments app; these extend them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from rightslens.accounts.models import OrgScoped
from rightslens.assessments.models import Action, Assessment, Impact


class ReleaseStyle(models.TextChoices):
    STAGED = "staged", pgettext_lazy("staff", "Staged release with testing between stages")
    FAST = "fast", pgettext_lazy("staff", "Fast, broad release")
    RESEARCH = "research", pgettext_lazy("staff", "Research preview")
    NOT_RELEASED = "not_released", pgettext_lazy("staff", "Internal only")


class Scoping(OrgScoped):
    """What the assessment covers. Context, countries and languages live on the assessment itself."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="scoping")
    safety_tested_languages = models.JSONField(default=list, blank=True)
    users = models.TextField(blank=True, help_text="Who uses the system.")
    affected_groups_note = models.TextField(
        blank=True, help_text="Who is affected without using it."
    )
    vulnerable_groups = models.JSONField(
        default=list, blank=True, help_text="Knowledge-base ids (vg-*)."
    )
    suppliers = models.TextField(blank=True)
    customers = models.TextField(blank=True)
    vendors = models.TextField(blank=True)
    general_purpose = models.BooleanField(default=False)
    who_pays = models.CharField(max_length=200, blank=True)
    release_style = models.CharField(max_length=20, choices=ReleaseStyle, blank=True)
    weights = models.CharField(max_length=20, blank=True)
    business_model_note = models.TextField(blank=True)
    red_line_screening_id = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class Outcome(models.TextChoices):
    IMPACT_RECORDED = "impact", pgettext_lazy("staff", "Impact recorded")
    NOT_RELEVANT = "not_relevant", pgettext_lazy("staff", "Considered, not relevant")


class CategoryReview(OrgScoped):
    """One risk category considered in an assessment's guided pass, with its outcome."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="category_reviews"
    )
    category_ref = models.CharField(max_length=60)
    outcome = models.CharField(max_length=20, choices=Outcome)
    reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "category_ref"], name="one_review_per_category"
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="not_relevant", reason=""),
                name="not_relevant_needs_reason",
            ),
        ]


class SuggestionDecision(OrgScoped):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    key = models.CharField(max_length=300)
    accepted = models.BooleanField()
    impact = models.ForeignKey(
        Impact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "key"], name="one_decision_per_suggestion"
            )
        ]


class Preference(models.TextChoices):
    """HUDERIA's order of preference: avoid, then mitigate, then restore, then compensate."""

    AVOID = "avoid", pgettext_lazy("staff", "1 Avoid")
    MITIGATE = "mitigate", pgettext_lazy("staff", "2 Mitigate")
    RESTORE = "restore", pgettext_lazy("staff", "3 Restore")
    COMPENSATE = "compensate", pgettext_lazy("staff", "4 Compensate")


class ActionPlan(OrgScoped):
    """How an action responds: its place in the preference order, leverage and mitigation type."""

    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="plan")
    preference = models.CharField(max_length=20, choices=Preference, default=Preference.MITIGATE)
    leverage_kind = models.CharField(max_length=40, blank=True, help_text="lev-* knowledge id.")
    mitigation_type = models.CharField(max_length=40, blank=True, help_text="mit-* knowledge id.")
    side_risks = models.ManyToManyField(
        Impact,
        blank=True,
        related_name="created_by_plans",
        help_text="New risks this mitigation itself creates.",
    )


class IndicatorKind(models.TextChoices):
    QUANTITATIVE = "quantitative", pgettext_lazy("staff", "Quantitative")
    QUALITATIVE = "qualitative", pgettext_lazy("staff", "Qualitative")


class Indicator(OrgScoped):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20, choices=IndicatorKind, default=IndicatorKind.QUANTITATIVE
    )
    unit = models.CharField(max_length=40, blank=True)
    lower_is_better = models.BooleanField(default=True)
    target = models.FloatField(null=True, blank=True)
    tolerance = models.FloatField(
        default=2.0, help_text="How much worse than overall a group may be."
    )
    min_group_size = models.PositiveIntegerField(default=30)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Measurement(OrgScoped):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField()
    value = models.FloatField(null=True, blank=True)
    n = models.PositiveIntegerField(null=True, blank=True, help_text="People covered.")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["measured_on", "id"]


class Dimension(models.TextChoices):
    LANGUAGE = "language", pgettext_lazy("staff", "Language")
    GENDER = "gender", pgettext_lazy("staff", "Gender")
    AGE_BAND = "age_band", pgettext_lazy("staff", "Age band")
    DISABILITY = "disability", pgettext_lazy("staff", "Disability")
    REGION = "region", pgettext_lazy("staff", "Region")


class GroupMeasurement(OrgScoped):
    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="groups")
    dimension = models.CharField(max_length=20, choices=Dimension)
    group = models.CharField(max_length=80)
    value = models.FloatField()
    n = models.PositiveIntegerField()

    class Meta:
        ordering = ["dimension", "group"]


class EvidenceFile(OrgScoped):
    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="cycle/evidence/%Y/%m/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class ReviewDecision(models.TextChoices):
    PENDING = "pending", pgettext_lazy("staff", "Pending")
    APPROVE = "approve", pgettext_lazy("staff", "Recommends approval")
    CHANGES = "changes", pgettext_lazy("staff", "Asks for changes")


class Reviewer(OrgScoped):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(
        max_length=20, choices=ReviewDecision, default=ReviewDecision.PENDING
    )
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "user"], name="one_reviewer_entry")
        ]


class Reminder(OrgScoped):
    """In-app reminder that an assessment needs review (also emailed to its owner)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=200)
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
