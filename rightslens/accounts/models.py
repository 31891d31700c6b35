"""Organisations, memberships with roles, API tokens. Every domain object belongs to one organisation."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from rightslens.common.crypto import EncryptedTextField


class OrganisationKind(models.TextChoices):
    COMPANY = "company", pgettext_lazy("staff", "Company")
    PUBLIC_BODY = "public_body", pgettext_lazy("staff", "Public body (State)")
    CIVIL_SOCIETY = "civil_society", pgettext_lazy("staff", "Civil society organisation")


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(
        max_length=20, choices=OrganisationKind, default=OrganisationKind.COMPANY
    )
    review_period_days = models.PositiveIntegerField(
        default=365, help_text="How often each assessment must be reviewed."
    )
    independent_signoff = models.BooleanField(
        default=True,
        help_text="An assessment with a severe impact needs approval by someone other than its author.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", pgettext_lazy("staff", "Owner")
    ASSESSOR = "assessor", pgettext_lazy("staff", "Assessor")
    CONTRIBUTOR = "contributor", pgettext_lazy("staff", "Contributor")
    VIEWER = "viewer", pgettext_lazy("staff", "Viewer")
    OUTSIDE_REVIEWER = (
        "outside_reviewer",
        pgettext_lazy("staff", "Outside reviewer (one assessment)"),
    )


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role, default=Role.VIEWER)
    # Need-to-know: only designated officers see complainants' identities.
    is_grievance_officer = models.BooleanField(default=False)
    # Deactivated members keep their name on the records they made but can no longer enter.
    is_active = models.BooleanField(default=True)
    # An outside reviewer (independent assessor, NHRI) sees this one assessment and nothing else.
    only_assessment = models.ForeignKey(
        "assessments.Assessment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outside_reviewers",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The language of the member's emails: chosen on the notification preferences page, or ""
    # for the language of their last visit (`last_language`, kept by LastLanguageMiddleware).
    mail_language = models.CharField(max_length=8, blank=True, default="")
    last_language = models.CharField(max_length=8, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"

    @property
    def can_write(self) -> bool:
        return self.role != Role.VIEWER

    @property
    def is_outside_reviewer(self) -> bool:
        return self.only_assessment_id is not None

    @property
    def display_name(self) -> str:
        user = self.user
        return user.get_full_name() or user.email or user.username

    @property
    def is_senior(self) -> bool:
        """The senior role: approves severe assessments and decides red-line escalations."""
        return self.role == Role.OWNER


class OrgScoped(models.Model):
    """Base for every domain object: it belongs to exactly one organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the raw value is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: object, name: str) -> tuple[ApiToken, str]:
        raw = "rl_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=_hash(raw), prefix=raw[:8])
        return token, raw

    @classmethod
    def find(cls, raw: str) -> ApiToken | None:
        return cls.objects.select_related("user").filter(key_hash=_hash(raw)).first()


class Invitation(OrgScoped):
    """A single-use, expiring invitation to join an organisation (or review one assessment)."""

    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role, default=Role.CONTRIBUTOR)
    only_assessment = models.ForeignKey(
        "assessments.Assessment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    nonce_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation_id}"


class AuditEvent(OrgScoped):
    """Who did what, when, to which object, with before/after values."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    verb = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    summary = models.CharField(max_length=300, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.verb} {self.object_type}#{self.object_id}"


class SecondFactor(models.Model):
    """An account's TOTP second factor: the secret (encrypted), once confirmed, and the last step
    used, so a code cannot be replayed within its step."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_factor"
    )
    secret = EncryptedTextField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"second factor of {self.user}"


class RecoveryCode(models.Model):
    """A one-time code that stands in for the authenticator app (a lost phone, say). Stored as a
    hash only: the codes are shown once, when made. Each works once (`used_at`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "code_hash"])]

    def __str__(self) -> str:
        return f"recovery code of {self.user}"
