"""Notifications to members, and each member's choice of how to receive each kind.

A notification names a thing and links to it; it never carries a complainant's identity or the
grievance text. `key` names the thing and the threshold (e.g. "grievance:12:acknowledged:overdue"),
so the same thing at the same threshold is never notified twice to the same member.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from rightslens.accounts.models import Membership, OrgScoped


class Kind(models.TextChoices):
    GRIEVANCE_NEW = "grievance_new", pgettext_lazy("staff", "New grievance")
    GRIEVANCE_DEADLINE = (
        "grievance_deadline",
        pgettext_lazy("staff", "Grievance acknowledgement or response due"),
    )
    REVIEW_REQUESTED = "review_requested", pgettext_lazy("staff", "Review requested of me")
    QUESTIONNAIRE_ANSWERED = (
        "questionnaire_answered",
        pgettext_lazy("staff", "Questionnaire answered"),
    )
    ACTION_DUE = "action_due", pgettext_lazy("staff", "Action due or overdue")
    ASSESSMENT_REVIEW_DUE = (
        "assessment_review_due",
        pgettext_lazy("staff", "Assessment review due or overdue"),
    )
    SYSTEM_CHANGED = "system_changed", pgettext_lazy("staff", "System changed after sign-off")


class Notification(OrgScoped):
    recipient = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, choices=Kind)
    # The English subject as written, and the parts it was built from ({"form": ..., names, dates})
    # so that the inbox and emails say it in the reader's language (notifications/wording.py).
    subject = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    link = models.CharField(max_length=300)
    key = models.CharField(max_length=200, help_text="The thing and threshold notified.")
    in_inbox = models.BooleanField(default=True)
    digest_pending = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notify_once_per_threshold")
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class Preference(OrgScoped):
    """How one member receives one kind: in the inbox, by email at once, in a daily digest."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40, choices=Kind)
    in_app = models.BooleanField(default=True)
    email = models.BooleanField(default=True)
    digest = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.membership_id} {self.kind}"
