"""Regulatory outputs kept as records: FRIAs with versions and sign-off, the provider's
information they draw on, ESRS S4 drafts, and what the organisation chooses to publish."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rightslens.accounts.models import OrgScoped
from rightslens.inventory.models import AISystem


class FriaStatus(models.TextChoices):
    """The same life as an assessment's (rules in core.lifecycle)."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded")


class Fria(OrgScoped):
    """A fundamental rights impact assessment (EU AI Act Art. 27) of one system, one version."""

    system = models.ForeignKey(AISystem, on_delete=models.PROTECT, related_name="frias")
    version = models.PositiveIntegerField(default=1)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="successors"
    )
    status = models.CharField(max_length=20, choices=FriaStatus, default=FriaStatus.DRAFT)
    template_id = models.CharField(
        max_length=100, help_text=_("Knowledge id of the FRIA template.")
    )
    template_version = models.PositiveIntegerField(default=1)
    period_of_use = models.TextField(blank=True)
    frequency_of_use = models.TextField(blank=True)
    narratives = models.JSONField(
        default=dict, blank=True, help_text=_("Edited text per template item key.")
    )
    starting_point = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField(
        default=dict, blank=True, help_text=_("Frozen content at approval.")
    )
    gap_reasons = models.JSONField(
        default=dict, blank=True, help_text=_("Why a gap is left open, per 'item: gap'.")
    )
    return_reason = models.TextField(blank=True, help_text=_("Why it was last returned to draft."))

    class Meta:
        ordering = ["-version", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["system", "version"], name="one_fria_per_version")
        ]

    def __str__(self) -> str:
        return f"FRIA of {self.system} (v{self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.status in {FriaStatus.APPROVED, FriaStatus.SUPERSEDED}


class FriaReviewDecision(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVE = "approve", _("Recommends approval")
    CHANGES = "changes", _("Asks for changes")


class FriaReviewer(OrgScoped):
    """A member asked to review a FRIA, and what they recommend (as for assessments)."""

    fria = models.ForeignKey(Fria, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(
        max_length=20, choices=FriaReviewDecision, default=FriaReviewDecision.PENDING
    )
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fria", "user"], name="one_fria_reviewer_entry")
        ]


class ProviderDocumentKind(models.TextChoices):
    INSTRUCTIONS = "instructions", _("Provider's instructions for use (Art. 13)")
    PROVIDER_ASSESSMENT = "assessment", _("Provider's own impact assessment")


class ProviderDocument(OrgScoped):
    """What the provider told the deployer about the system: summary text, optional file."""

    system = models.ForeignKey(
        AISystem, on_delete=models.CASCADE, related_name="provider_documents"
    )
    kind = models.CharField(
        max_length=20, choices=ProviderDocumentKind, default=ProviderDocumentKind.INSTRUCTIONS
    )
    provider = models.CharField(max_length=200)
    summary = models.TextField(help_text=_("Capabilities, limits, known risks, oversight advice."))
    item_texts = models.JSONField(
        default=dict, blank=True, help_text=_("A provider's FRIA items by key, when it gave them.")
    )
    file = models.FileField(upload_to="disclosure/provider/%Y/%m/", blank=True)
    file_text = models.TextField(blank=True, help_text=_("Text read from the uploaded file."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.provider}"


class EsrsDraft(OrgScoped):
    """An ESRS S4 / UNGP 21 disclosure draft for a reporting period."""

    period_start = models.DateField()
    period_end = models.DateField()
    narratives = models.JSONField(default=dict, blank=True, help_text=_("Text per S4-n code."))
    published_items = models.JSONField(
        default=list, blank=True, help_text=_("S4-n codes shown on the public page (opt-in).")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="esrs_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"ESRS S4 {self.period_start} – {self.period_end}"


class TransparencyPage(OrgScoped):
    """The organisation's opt-in public page: off until switched on; only the systems chosen."""

    enabled = models.BooleanField(default=False)
    introduction = models.TextField(blank=True)
    systems = models.ManyToManyField(AISystem, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_transparency_page")
        ]
