"""Grievances from affected people, kept apart from who raised them.

No IP address, user agent or other request metadata is stored with any of these models. The
complainant's identity lives in `ComplainantIdentity`, encrypted, readable only by designated
grievance officers (or a recipient whose disclosure another officer approved), every read audited.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rightslens.accounts.models import Organisation, OrgScoped
from rightslens.assessments.models import Impact
from rightslens.common.crypto import EncryptedTextField
from rightslens.core.grievance import (
    Gp31Criterion,
    Gp31Rating,
    GrievanceState,
    RemedyForm,
    RemedyRoute,
)
from rightslens.inventory.models import AISystem


class State(models.TextChoices):
    RECEIVED = GrievanceState.RECEIVED.value, _("Received")
    ACKNOWLEDGED = GrievanceState.ACKNOWLEDGED.value, _("Acknowledged")
    UNDER_REVIEW = GrievanceState.UNDER_REVIEW.value, _("Under review")
    REMEDY_PROPOSED = GrievanceState.REMEDY_PROPOSED.value, _("Remedy proposed")
    CLOSED = GrievanceState.CLOSED.value, _("Closed")
    APPEALED = GrievanceState.APPEALED.value, _("Appealed")


class RemedyRouteChoice(models.TextChoices):
    NON_STATE = RemedyRoute.NON_STATE.value, _("This grievance mechanism (non-State)")
    STATE_NON_JUDICIAL = (
        RemedyRoute.STATE_NON_JUDICIAL.value,
        _("Regulator, human rights institution or OECD National Contact Point"),
    )
    JUDICIAL = RemedyRoute.JUDICIAL.value, _("Courts")


# The five forms of remedy. Their ids are the core enum's, which are the knowledge base's
# `remedy_form` items (checked at start, see apps.py); what people read about each, translated,
# is declared here once: (label, plain words for the complainant). The choice list, the labels
# and the plain explanations are all built from it.
REMEDY_FORM_WORDS: dict[RemedyForm, tuple[Promise, Promise]] = {
    RemedyForm.RESTITUTION: (
        _("Restitution (restoring the situation before the harm)"),
        _("Putting things back, as far as possible, as they were before the harm."),
    ),
    RemedyForm.COMPENSATION: (
        _("Compensation"),
        _("Money or something else of value, for the harm done."),
    ),
    RemedyForm.REHABILITATION: (
        _("Rehabilitation"),
        _(
            "Help to recover from the harm, such as medical, psychological, legal or social support."
        ),
    ),
    RemedyForm.SATISFACTION: (
        _("Satisfaction (acknowledgement, apology, stopping the harm)"),
        _("Recognising what happened: for example an apology, or stopping what caused the harm."),
    ),
    RemedyForm.NON_REPETITION: (
        _("Guarantee of non-repetition"),
        _("Changes so that the same harm does not happen again, to you or to others."),
    ),
}
REMEDY_FORM_CHOICES = [(form.value, words[0]) for form, words in REMEDY_FORM_WORDS.items()]
REMEDY_FORM_PLAIN = {form.value: words[1] for form, words in REMEDY_FORM_WORDS.items()}


def remedy_form_label(value: str) -> str:
    return str(REMEDY_FORM_WORDS[RemedyForm(value)][0])


# What each route means, in plain words for the complainant (translated).
REMEDY_ROUTE_PLAIN = {
    RemedyRoute.NON_STATE.value: _("Through this grievance mechanism."),
    RemedyRoute.STATE_NON_JUDICIAL.value: _(
        "Through a regulator, a national human rights institution or an OECD National Contact Point."
    ),
    RemedyRoute.JUDICIAL.value: _("Through the courts."),
}


class GrievanceSettings(OrgScoped):
    """Published target times (days), configurable per organisation."""

    acknowledge_days = models.PositiveSmallIntegerField(default=5)
    review_days = models.PositiveSmallIntegerField(default=20)
    remedy_days = models.PositiveSmallIntegerField(default=45)
    appeal_days = models.PositiveSmallIntegerField(default=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_grievance_settings_per_org")
        ]


class Grievance(OrgScoped):
    receipt_digest = models.CharField(
        max_length=64, unique=True, help_text=_("Keyed hash of the receipt code.")
    )
    state = models.CharField(max_length=20, choices=State, default=State.RECEIVED)
    # Optimistic lock: bumped on every triage, so a triage made from a stale form is refused.
    lock_version = models.PositiveIntegerField(default=0)
    language = models.CharField(max_length=10, default="en")
    content = EncryptedTextField(
        help_text=_("What happened, in the complainant's words (encrypted).")
    )
    has_identity = models.BooleanField(default=False)
    systems = models.ManyToManyField(AISystem, blank=True, related_name="grievances")
    rights = models.JSONField(
        default=list, blank=True, help_text=_("Knowledge-base ids of rights concerned.")
    )
    received_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    remedy_proposed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    appealed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the latest appeal was made: its deadline counts from here."),
    )
    appeal_answered_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the latest appeal was answered (the case moved on)."),
    )
    outcome_helped = models.BooleanField(
        null=True, blank=True, help_text=_("The complainant's view.")
    )
    outcome_feedback = EncryptedTextField(blank=True)
    assignee = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"Grievance #{self.pk}"


class Remedy(OrgScoped):
    """One form of remedy for a grievance: remedy often combines several (UNGP 25 commentary)."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="remedies")
    form = models.CharField(max_length=40, choices=REMEDY_FORM_CHOICES)
    route = models.CharField(max_length=40, choices=RemedyRouteChoice)
    description = EncryptedTextField(help_text=_("The remedy, as the complainant will read it."))
    provider = models.CharField(
        max_length=200, blank=True, help_text=_("Who provides it (blank only for older records).")
    )
    provided_on = models.DateField(help_text=_("When it was, or will be, provided."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} for grievance #{self.grievance_id}"

    def plain_form(self) -> str:
        return str(REMEDY_FORM_PLAIN.get(self.form, ""))

    def plain_route(self) -> str:
        return str(REMEDY_ROUTE_PLAIN.get(self.route, ""))


class ComplainantIdentity(OrgScoped):
    """Who raised the grievance: only when they chose to say. Encrypted; need-to-know."""

    grievance = models.OneToOneField(Grievance, on_delete=models.CASCADE, related_name="identity")
    name = EncryptedTextField(blank=True)
    contact = EncryptedTextField(blank=True)


class Author(models.TextChoices):
    OFFICER = "officer", _("Grievance officer")
    COMPLAINANT = "complainant", _("You")


class GrievanceMessage(OrgScoped):
    """Two-way messages through the receipt channel."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(max_length=20, choices=Author)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class GrievanceNote(OrgScoped):
    """Internal case notes: never shown to the complainant."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class GrievanceAttachment(OrgScoped):
    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="attachments")
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    data = models.BinaryField(help_text=_("Encrypted file content."))
    created_at = models.DateTimeField(auto_now_add=True)


class StateChange(OrgScoped):
    """The case's trail of states, with who moved it."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=State, blank=True)
    to_state = models.CharField(max_length=20, choices=State)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class LinkEffect(models.TextChoices):
    MARKED_ACTUAL = "marked_actual", _("Potential impact marked actual")
    LIKELIHOOD_RAISED = "likelihood_raised", _("Likelihood raised")
    CORROBORATED = "corroborated", _("Already actual: corroborated")


class GrievanceImpactLink(OrgScoped):
    """A grievance linked to an impact in the register, and what that changed: the visible trail."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="impact_links")
    impact = models.ForeignKey(Impact, on_delete=models.CASCADE, related_name="grievance_links")
    effect = models.CharField(max_length=20, choices=LinkEffect)
    likelihood_before = models.PositiveSmallIntegerField(null=True, blank=True)
    likelihood_after = models.PositiveSmallIntegerField(null=True, blank=True)
    actual_before = models.BooleanField()
    actual_after = models.BooleanField()
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["grievance", "impact"], name="one_link_per_grievance_impact"
            )
        ]


class DisclosureStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class DisclosureRequest(OrgScoped):
    """A request to show a complainant's identity to someone who is not an officer."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="disclosures")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = EncryptedTextField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=DisclosureStatus, default=DisclosureStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Gp31Rating_(models.TextChoices):
    NOT_MET = Gp31Rating.NOT_MET.value, _("Not met")
    PARTLY_MET = Gp31Rating.PARTLY_MET.value, _("Partly met")
    MET = Gp31Rating.MET.value, _("Met")


GP31_LABELS = {
    Gp31Criterion.LEGITIMATE: "Legitimate: trusted by the people it serves, accountable for fair conduct",
    Gp31Criterion.ACCESSIBLE: "Accessible: known to everyone it is for, with help for those facing barriers",
    Gp31Criterion.PREDICTABLE: "Predictable: clear steps with time frames, types of outcome, monitoring",
    Gp31Criterion.EQUITABLE: "Equitable: fair access to information, advice and expertise",
    Gp31Criterion.TRANSPARENT: "Transparent: complainants kept informed; public information on performance",
    Gp31Criterion.RIGHTS_COMPATIBLE: "Rights-compatible: outcomes and remedies accord with human rights",
    Gp31Criterion.LEARNING: "A source of continuous learning: lessons improve the mechanism and prevent harm",
    Gp31Criterion.ENGAGEMENT: "Based on engagement and dialogue with the people it is meant for",
}


class Gp31Assessment(OrgScoped):
    """The organisation's self-assessment of its mechanism against one UNGP 31 criterion."""

    criterion = models.CharField(
        max_length=40, choices=[(c.value, GP31_LABELS[c]) for c in Gp31Criterion]
    )
    rating = models.CharField(max_length=20, choices=Gp31Rating_, blank=True)
    evidence = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "criterion"], name="one_gp31_rating_per_criterion"
            )
        ]


def settings_for(organisation: Organisation) -> GrievanceSettings:
    found, _created = GrievanceSettings.objects.get_or_create(organisation=organisation)
    return found


class SpentFormToken(models.Model):
    """A public form token already used: replaying it (or its start time) fails. Holds a hash of a
    random nonce and an expiry, nothing about the visitor; expired rows are pruned."""

    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Spent form token until {self.expires_at:%Y-%m-%d %H:%M}"


class ChannelPressure(OrgScoped):
    """The public channel was near or over its budget: shown to officers on the queue."""

    since = models.DateTimeField(null=True, blank=True)
    last_at = models.DateTimeField(null=True, blank=True)
    refused = models.PositiveIntegerField(
        default=0, help_text=_("Submissions refused over budget since `since`.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_channel_pressure_per_org")
        ]
