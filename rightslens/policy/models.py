"""Policy instruments, their versions, machine analyses, per-criterion findings and human reviews.

instrument -> versions -> analyses -> criterion findings -> reviews. Nothing is overwritten: a new
draft is a new version, a re-run is a new analysis, a changed opinion is a new review.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from rightslens.accounts.models import OrgScoped
from rightslens.core.policy.criteria import BASIS_LABELS

# The words of rightslens.core.policy.criteria.BASIS_LABELS, marked for translation (the core is
# pure Python, so it cannot mark them itself).
BASIS_WORDS = (
    gettext_noop("UNGP requirement"),
    gettext_noop("UN body guidance"),
    gettext_noop("intergovernmental standard"),
    gettext_noop("research finding"),
    gettext_noop("civil-society demand"),
    gettext_noop("unverified"),
)


class InstrumentKind(models.TextChoices):
    LAW = "law", _("Law")
    REGULATION = "regulation", _("Regulation")
    GUIDANCE = "guidance", _("Guidance")
    CODE_OF_CONDUCT = "code_of_conduct", _("Code of conduct")
    INCENTIVE = "incentive", _("Incentive")
    PROCUREMENT_RULE = "procurement_rule", _("Procurement rule")
    NATIONAL_ACTION_PLAN = "national_action_plan", _("National action plan")


class FindingStatus(models.TextChoices):
    ADDRESSED = "addressed", _("Addressed")
    PARTIAL = "partial", _("Partial")
    ABSENT = "absent", _("Absent")
    CONTRARY = "contrary", _("Contrary")


class AnalysisState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class InstrumentLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional (e.g. EU, Council of Europe, African Union)")
    INTERNATIONAL = "international", _("International (e.g. UN, OECD, UNESCO)")


class Agency(OrgScoped):
    """A ministry or agency of the government that owns this workspace; instruments are filed under one."""

    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="policy_agency_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Instrument(OrgScoped):
    title = models.CharField(max_length=300)
    jurisdiction = models.CharField(
        max_length=120, help_text=_("Country, region or organisation, e.g. 'Brazil' or 'EU'.")
    )
    kind = models.CharField(max_length=30, choices=InstrumentKind)
    binding = models.BooleanField(
        help_text=_("Binding (law, regulation) or voluntary (guidance, code).")
    )
    level = models.CharField(
        max_length=20, choices=InstrumentLevel, default=InstrumentLevel.NATIONAL
    )
    issuing_body = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Who adopted it, e.g. 'Parliament', 'European Union'."),
    )
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="instruments",
        help_text=_("The ministry or agency of this government that leads on it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["jurisdiction", "title"]

    def __str__(self) -> str:
        return self.title

    def latest_version(self) -> InstrumentVersion | None:
        return self.versions.order_by("-number").first()


class InstrumentVersion(OrgScoped):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    label = models.CharField(max_length=120, blank=True, help_text=_("e.g. 'Draft of March 2025'."))
    dated = models.DateField(null=True, blank=True)
    language = models.CharField(
        max_length=8, blank=True, help_text=_("Blank: detected from the text.")
    )
    source_kind = models.CharField(max_length=10)  # paste | pdf | docx | html | txt
    filename = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    pages = models.PositiveIntegerField(default=1)
    provisions = models.JSONField(default=list)  # [{ref, kind, start, end, page}]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["instrument", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="policy_one_number_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} v{self.number}"

    def latest_analysis(self) -> Analysis | None:
        return self.analyses.order_by("-pk").first()


class Analysis(OrgScoped):
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="analyses"
    )
    state = models.CharField(max_length=10, choices=AnalysisState, default=AnalysisState.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    method = models.CharField(max_length=80, blank=True)
    criteria_version = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=8, blank=True)
    language_confidence = models.FloatField(default=0)
    binding = models.BooleanField(default=False)
    notes = models.JSONField(default=list)
    error = models.CharField(max_length=300, blank=True)
    seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"Analysis {self.pk} of {self.version}"

    @property
    def is_finished(self) -> bool:
        return self.state in (AnalysisState.DONE, AnalysisState.FAILED)

    @property
    def failure_kind(self) -> str:
        """What went wrong (the exception's name), also from rows that stored the whole English
        sentence "The analysis failed (ValueError).", so the page can say it in any language."""
        found = re.fullmatch(r"The analysis failed \((\w+)\)\.", self.error)
        return found.group(1) if found else self.error


class CriterionFinding(OrgScoped):
    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=FindingStatus)
    confidence = models.FloatField()
    explanation = models.TextField()
    recommendation = models.TextField(blank=True)
    evidence = models.JSONField(default=list)  # [{ref, text, start, end, page, phrase}]
    # Where the criterion comes from: [{label, kind}] with kind ungp | un | intergovernmental |
    # research | civil_society, so a reader can tell a UNGP requirement from a civil-society demand.
    sources = models.JSONField(default=list, blank=True)
    basis = models.CharField(max_length=20, blank=True)
    closest = models.JSONField(
        default=list, blank=True
    )  # provision refs retrieved for it, best first
    # The optional model's opinion: {status, quotes: [{text, start, end}], dropped_quotes, reason}.
    second_opinion = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["analysis", "position"]

    def __str__(self) -> str:
        return f"{self.code} {self.status}"

    def latest_review(self) -> CriterionReview | None:
        reviews = list(self.reviews.all())
        return reviews[-1] if reviews else None

    @property
    def basis_label(self) -> str:
        label = BASIS_LABELS.get(self.basis, "")
        return gettext(label) if label else ""

    @property
    def sources_shown(self) -> list[dict[str, str]]:
        """Each source with the kind of text it is, in words."""
        return [
            {"label": s["label"], "kind_label": gettext(BASIS_LABELS.get(s["kind"], s["kind"]))}
            for s in self.sources
        ]

    @property
    def final_status(self) -> str:
        review = self.latest_review()
        return review.status if review else self.status


class CriterionReview(OrgScoped):
    finding = models.ForeignKey(CriterionFinding, on_delete=models.CASCADE, related_name="reviews")
    status = models.CharField(max_length=10, choices=FindingStatus)
    note = models.TextField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding", "pk"]

    def __str__(self) -> str:
        return f"Review of {self.finding}: {self.status}"

    @property
    def confirms(self) -> bool:
        return self.status == self.finding.status
