"""The stakeholder register and the engagements that heard them."""

from __future__ import annotations

from enum import Enum
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from rightslens.accounts.models import OrgScoped
from rightslens.assessments.models import Impact
from rightslens.common.crypto import EncryptedTextField
from rightslens.core.engagement import DueDiligencePhase, Region, StakeholderKind
from rightslens.core.vocabulary import label
from rightslens.inventory.models import AffectedGroup


def enum_choices(enum: type[Enum]) -> list[tuple[str, Any]]:
    return [(m.value, _(label(m.value))) for m in enum]  # noqa: INT001 - the labels are marked below


# The phase and region labels that label() builds from the enum values, marked for translation.
PHASE_AND_REGION_LABELS = (
    gettext_noop("Identify"),
    gettext_noop("Assess"),
    gettext_noop("Act"),
    gettext_noop("Track"),
    gettext_noop("Communicate"),
    gettext_noop("Remedy"),
    gettext_noop("Africa"),
    gettext_noop("Asia-Pacific"),
    gettext_noop("Eastern Europe and Central Asia"),
    gettext_noop("Latin America and the Caribbean"),
    gettext_noop("Middle East and North Africa"),
    gettext_noop("North America"),
    gettext_noop("Western Europe"),
    gettext_noop("Global"),
)


KIND_LABELS = {
    StakeholderKind.AFFECTED: _("Affected people or group"),
    StakeholderKind.PROXY: _("Credible proxy (legitimate representative)"),
    StakeholderKind.EXPERT: _("Expert"),
}


class Method(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    FOCUS_GROUP = "focus_group", _("Focus group")
    WORKSHOP = "workshop", _("Workshop")
    SURVEY = "survey", _("Survey")
    PUBLIC_CONSULTATION = "public_consultation", _("Public consultation")
    WRITTEN_SUBMISSION = "written_submission", _("Written submission")
    TESTING_SESSION = "testing_session", _("Participatory testing session")


class Stakeholder(OrgScoped):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=[(k.value, v) for k, v in KIND_LABELS.items()])
    represents = models.ForeignKey(
        AffectedGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stakeholders",
        help_text=_("The affected group this stakeholder is, or speaks for."),
    )
    region = models.CharField(max_length=40, choices=enum_choices(Region))
    languages = models.JSONField(default=list, blank=True, help_text=_("Languages (BCP 47 codes)."))
    vulnerability = models.CharField(
        max_length=200, blank=True, help_text=_("Heightened risk, if any (GP 18).")
    )
    # Need-to-know: encrypted, shown only to owners and assessors.
    contact = EncryptedTextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EngagementEvent(OrgScoped):
    title = models.CharField(max_length=200)
    held_on = models.DateField()
    phase = models.CharField(max_length=20, choices=enum_choices(DueDiligencePhase))
    method = models.CharField(max_length=30, choices=Method)
    participants = models.ManyToManyField(Stakeholder, related_name="events")
    language_support = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Interpretation, translated material, plain language, sign language…"),
    )
    heard = models.TextField(help_text=_("What people told you."))
    changed = models.TextField(blank=True, help_text=_("What changed as a result."))
    impacts = models.ManyToManyField(Impact, blank=True, related_name="engagement_events")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title
