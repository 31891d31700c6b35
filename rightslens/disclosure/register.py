"""Reads from the register that every output shares: the latest assessment, labels, and the links
to records. The only module here that knows where the cycle's models live."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import get_language

from rightslens.accounts.models import Organisation
from rightslens.assessments.cycle_models import Indicator, Reviewer
from rightslens.assessments.models import Assessment, AssessmentStatus
from rightslens.common.knowledge import knowledge
from rightslens.core.disclosure.records import SourceRef
from rightslens.core.severity import SeverityBand
from rightslens.inventory.models import AISystem
from rightslens.ux.wording import core_label

# Tracking and review models other modules here read through this one.
__all__ = ["Indicator", "Reviewer"]


def latest_assessment(system: AISystem) -> Assessment | None:
    """The assessment a FRIA draws on: the latest approved one; else the newest one that records
    impacts (an empty pre-procurement draft should not hide the work); else the newest."""
    current = system.assessments.exclude(status=AssessmentStatus.SUPERSEDED)
    return (
        latest_approved(system)
        or current.filter(impacts__isnull=False).order_by("-created_at", "-id").first()
        or current.order_by("-created_at", "-id").first()
    )


def latest_approved(system: AISystem) -> Assessment | None:
    return (
        system.assessments.filter(status=AssessmentStatus.APPROVED)
        .order_by("-approved_at", "-id")
        .first()
    )


def right_label(item_id: str) -> str:
    """A right's title in the reader's language (the active language) where the library has it."""
    item = knowledge().get(item_id)
    return item.title_in(get_language()) if item is not None else item_id


def severity_label(band: int) -> str:
    """A severity band's name ("High") in the reader's language."""
    return core_label(SeverityBand(band).name.lower())


def source_url(organisation: Organisation, ref: SourceRef) -> str:
    """The page of a source record in the organisation, or '' when it has none."""
    slug = organisation.slug
    routes = {
        "system": ("system_detail", {"system_id": ref.id}),
        "assessment": ("assessment_detail", {"assessment_id": ref.id}),
        "impact": ("impact_detail", {"impact_id": ref.id}),
        "action": ("action_edit", {"action_id": ref.id}),
        "engagement_event": ("engagement_event_detail", {"event_id": ref.id}),
        "fria": ("disclosure_fria", {"fria_id": ref.id}),
        "provider_document": ("disclosure_provider", {"document_id": ref.id}),
    }
    if ref.type == "indicator":
        impact_id = (
            Indicator.objects.filter(organisation=organisation, pk=ref.id)
            .values_list("action__impact_id", flat=True)
            .first()
        )
        if impact_id is None:
            return ""
        return reverse("cycle_tracking", kwargs={"org_slug": slug, "impact_id": impact_id})
    if ref.type in ("grievance_channel", "gp31"):
        name = "grievance_channel" if ref.type == "grievance_channel" else "grievance_gp31"
        return reverse(name, kwargs={"org_slug": slug})
    if ref.type not in routes:
        return ""
    name, kwargs = routes[ref.type]
    return reverse(name, kwargs={"org_slug": slug, **kwargs})
