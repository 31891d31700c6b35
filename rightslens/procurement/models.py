"""Value-chain due diligence: red-line screenings, counterparties, questionnaires sent through
single-purpose links, contract clauses, leverage, business-model risk and public procurement."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from rightslens.accounts.models import OrgScoped
from rightslens.assessments.models import Assessment, Impact
from rightslens.inventory.models import AISystem


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


# ---- Red-line screening (used by procurement, customer checks and the cycle's scoping step) ----


class ScreeningSubject(models.TextChoices):
    SYSTEM = "system", _("One of our AI systems")
    ASSESSMENT = "assessment", _("An assessment's scope")
    PROCUREMENT = "procurement", _("A procurement")
    CUSTOMER = "customer", _("A customer's intended use")
    USE_CASE = "use_case", _("A use case")


class ScreeningDecision(models.TextChoices):
    STOP = "stop", _("Stop: we will not build, buy, sell or deploy this use")
    PROCEED_WITH_SAFEGUARDS = (
        "proceed_with_safeguards",
        _("Proceed only with safeguards that keep it outside the red line"),
    )
    NOT_APPLICABLE = "not_applicable", _("Not applicable: the match does not describe this use")


class RedLineScreening(OrgScoped):
    subject_type = models.CharField(max_length=20, choices=ScreeningSubject)
    subject_id = models.PositiveIntegerField(null=True, blank=True)
    use_case_text = models.TextField()
    hits = models.JSONField(default=list, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    screened_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(max_length=30, choices=ScreeningDecision, blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-screened_at", "-id"]
        indexes = [models.Index(fields=["organisation", "subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"Red-line screening #{self.pk} ({self.get_subject_type_display()})"

    @property
    def blocks(self) -> bool:
        """A hit without a recorded senior decision stops the work it screens."""
        return bool(self.hits) and not self.decision

    @property
    def stopped(self) -> bool:
        return self.decision == ScreeningDecision.STOP


# ---- Counterparties ----


class CounterpartyKind(models.TextChoices):
    VENDOR = "vendor", _("Vendor (we buy from them)")
    CUSTOMER = "customer", _("Customer (they use what we build)")


class Counterparty(OrgScoped):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=CounterpartyKind)
    country = models.CharField(max_length=2, blank=True, help_text=_("ISO 3166 alpha-2 code."))
    sector = models.CharField(max_length=120, blank=True)
    systems = models.ManyToManyField(AISystem, blank=True, related_name="counterparties")
    relationship_owner = models.CharField(max_length=200, blank=True)
    contract_start = models.DateField(null=True, blank=True)
    contract_end = models.DateField(null=True, blank=True)
    reassessment_date = models.DateField(null=True, blank=True)
    reassessment_months = models.PositiveSmallIntegerField(
        default=12, help_text=_("How often the relationship is reassessed.")
    )
    # Impacts to which this relationship is the link (directly linked involvement).
    linked_impacts = models.ManyToManyField(Impact, blank=True, related_name="counterparties")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "counterparties"

    def __str__(self) -> str:
        return self.name


# ---- Questionnaires sent through single-purpose links ----


class RequestStatus(models.TextChoices):
    SENT = "sent", _("Sent, awaiting answers")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    CLARIFICATION = "clarification", _("Clarification requested")
    CONCLUDED = "concluded", _("Concluded")


class Conclusion(models.TextChoices):
    PROCEED = "proceed", _("Proceed")
    PROCEED_WITH_CONDITIONS = "proceed_with_conditions", _("Proceed with conditions")
    ESCALATE = "escalate", _("Escalate")
    DO_NOT_PROCEED = "do_not_proceed", _("Do not proceed")


class QuestionnaireRequest(OrgScoped):
    counterparty = models.ForeignKey(
        Counterparty, on_delete=models.CASCADE, related_name="requests"
    )
    questionnaire_id = models.CharField(
        max_length=80, help_text=_("Knowledge-base id of the questionnaire.")
    )
    # Only the hash of the link's token is stored; the link is shown once to the sender.
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    token_used_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=RequestStatus, default=RequestStatus.SENT)
    answers = models.JSONField(default=dict, blank=True)
    # When clarification is asked, only these question ids may be answered again.
    reopened = models.JSONField(default=list, blank=True)
    reviews = models.JSONField(
        default=dict, blank=True, help_text=_("question id -> {status, note}")
    )
    outcome = models.JSONField(
        default=dict, blank=True, help_text=_("Scoring computed on the server.")
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    conclusion = models.CharField(max_length=30, choices=Conclusion, blank=True)
    conclusion_reasons = models.TextField(blank=True)
    supply_conditions = models.TextField(
        blank=True, help_text=_("Conditions to be met before supply (leverage plan, UNGP 19).")
    )
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    concluded_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.questionnaire_id} for {self.counterparty}"


class Evidence(OrgScoped):
    request = models.ForeignKey(
        QuestionnaireRequest, on_delete=models.CASCADE, related_name="evidence"
    )
    question_id = models.CharField(max_length=80)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()  # encrypted (procurement.evidence), like grievance attachments
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question_id", "id"]

    def __str__(self) -> str:
        return self.filename


# ---- Contract clauses and leverage ----


class ClauseStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed in the contract")
    REFUSED = "refused", _("Refused by the counterparty")


class ClauseAttachment(OrgScoped):
    counterparty = models.ForeignKey(Counterparty, on_delete=models.CASCADE, related_name="clauses")
    clause_id = models.CharField(
        max_length=80, help_text=_("Knowledge-base id of the clause template.")
    )
    status = models.CharField(max_length=20, choices=ClauseStatus, default=ClauseStatus.PROPOSED)
    note = models.TextField(blank=True)
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    attached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attached_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["counterparty", "clause_id"], name="one_clause_per_relationship"
            )
        ]

    def __str__(self) -> str:
        return self.clause_id


class LeverageKind(models.TextChoices):
    BILATERAL = "lev-bilateral", _("Bilateral (contracts, incentives, capacity building)")
    PEERS = "lev-peers", _("With peers")
    PARTNERSHIPS = "lev-partnerships", _("Through partnerships")
    MULTISTAKEHOLDER = "lev-multistakeholder", _("Through multistakeholder action")


class LeverageOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    EFFECTIVE = "effective", _("Changed the counterparty's practice")
    PARTLY = "partly", _("Partly effective")
    INEFFECTIVE = "ineffective", _("No change")


class LeverageAction(OrgScoped):
    counterparty = models.ForeignKey(
        Counterparty, on_delete=models.CASCADE, related_name="leverage_actions"
    )
    kind = models.CharField(max_length=30, choices=LeverageKind)
    description = models.TextField()
    taken_on = models.DateField()
    outcome = models.CharField(
        max_length=20, choices=LeverageOutcome, default=LeverageOutcome.PENDING
    )
    outcome_note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-taken_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"


# ---- Business-model risk (board level) ----


# The feature names of rightslens.core.business_model, marked for translation (the core is pure Python).
BUSINESS_MODEL_FEATURES = (
    gettext_noop("General-purpose capability"),
    gettext_noop("Revenue from advertising or data"),
    gettext_noop("Public-sector or security customers"),
    gettext_noop("Consumer reach"),
    gettext_noop("Release timed to competitors"),
    gettext_noop("Open weights or downloadable model"),
)


class BusinessModelRecord(OrgScoped):
    title = models.CharField(max_length=200)
    system = models.ForeignKey(
        AISystem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    general_purpose = models.BooleanField(default=False)
    revenue_model = models.CharField(max_length=30)
    target_customers = models.JSONField(default=list)
    release_speed = models.CharField(max_length=30)
    release_style = models.CharField(max_length=30)
    weights = models.CharField(max_length=20)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    board_reviewed_at = models.DateTimeField(null=True, blank=True)
    board_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    board_minutes = models.TextField(
        blank=True, help_text=_("What the board decided, in its words.")
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


# ---- Public-sector procurement process ----


class ProcurementStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    DUE_DILIGENCE = "due_diligence", _("Due diligence")
    AWARDED = "awarded", _("Awarded")
    MONITORING = "monitoring", _("Post-award monitoring")
    CANCELLED = "cancelled", _("Cancelled")


class Procurement(OrgScoped):
    title = models.CharField(max_length=200)
    public_buyer = models.BooleanField(
        default=False, help_text=_("Bought by a State body (public-sector mode).")
    )
    needs_statement = models.TextField()
    use_case_text = models.TextField(
        help_text=_("What the system will be used for, by whom, on whom.")
    )
    vendor = models.ForeignKey(
        Counterparty, null=True, blank=True, on_delete=models.SET_NULL, related_name="procurements"
    )
    system = models.ForeignKey(
        AISystem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    screening = models.ForeignKey(
        RedLineScreening, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    questionnaire = models.ForeignKey(
        QuestionnaireRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessment = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    award_conditions = models.TextField(blank=True)
    award_clauses = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Knowledge-base ids of the clauses the award relies on."),
    )
    # An award despite open due diligence: only the senior role, with reasons, audited and shown.
    award_exception_reasons = models.TextField(blank=True)
    award_exception_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    award_exception_at = models.DateTimeField(null=True, blank=True)
    monitoring_dates = models.JSONField(
        default=list, blank=True, help_text=_("ISO dates of post-award reviews.")
    )
    status = models.CharField(
        max_length=20, choices=ProcurementStatus, default=ProcurementStatus.PLANNING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title
