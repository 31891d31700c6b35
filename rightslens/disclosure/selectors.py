"""Reads: FRIAs as documents (live while a draft, frozen once approved), lists for the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language, gettext_lazy

from rightslens.accounts.models import Membership, Organisation
from rightslens.assessments.models import ActionStatus
from rightslens.common.knowledge import knowledge
from rightslens.core.disclosure.esrs import (
    EsrsSection,
    Requirement,
    esrs_requirements,
    esrs_sections,
    public_sections,
    suppressed_counts,
)
from rightslens.core.disclosure.fria import FriaSection, fria_document, fria_sections
from rightslens.core.disclosure.records import SourceRef
from rightslens.core.disclosure.template import FriaTemplate, TemplateError, fria_template
from rightslens.core.disclosure.transparency import ApprovedSummary, summary_text
from rightslens.core.disclosure.words import Say, english
from rightslens.inventory.models import AISystem

from .esrs_facts import esrs_facts
from .fria_facts import fria_facts
from .models import EsrsDraft, Fria, ProviderDocument, TransparencyPage
from .register import latest_approved, right_label, severity_label, source_url


def current_template(template_id: str = "", language: str | None = None) -> FriaTemplate:
    """The FRIA template; with a language, its texts in that language where translated."""
    return fria_template(knowledge(), template_id, language)


def localised_items(
    document: dict[str, Any], language: str | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """The document's items with each title in the reader's language where the template translates
    it (a stored FRIA keeps its English titles; only what is shown changes)."""
    language = language if language is not None else get_language()
    template_id = str(document.get("meta", {}).get("template") or "")
    try:
        shown = current_template(template_id, language)
        english = current_template(template_id)
    except TemplateError:
        return document_items(document)
    titles = {s.key: s.title for s in shown.items}
    english_titles = {s.key: s.title for s in english.items}
    return [
        (key, entry | {"title": titles[key]})
        if key in titles and titles[key] != english_titles[key]
        else (key, entry)
        for key, entry in document_items(document)
    ]


def _meta(system: AISystem, fria: Fria | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "organisation": system.organisation.slug,
        "system": {"id": system.pk, "name": system.name},
        "fria": None,
    }
    if fria is not None:
        meta["fria"] = {
            "id": fria.pk,
            "version": fria.version,
            "status": fria.status,
            "approved_at": fria.approved_at.isoformat() if fria.approved_at else None,
            "approved_by": fria.approved_by.get_username() if fria.approved_by else None,
            "starting_point": fria.starting_point,
        }
    return meta


def live_sections(
    *, system: AISystem, fria: Fria | None, say: Say = english
) -> tuple[FriaTemplate, tuple[FriaSection, ...]]:
    """The FRIA's items computed now. Its computed sentences are in English (the record: gaps are
    named by their English text) unless `say` writes them in the reader's language, for display."""
    template = current_template(fria.template_id if fria is not None else "")
    facts = fria_facts(system=system, fria=fria)
    narratives = fria.narratives if fria is not None else {}
    return template, fria_sections(template, facts, narratives, say)


def fria_json(*, system: AISystem, fria: Fria | None, say: Say = english) -> dict[str, Any]:
    """The FRIA document: the frozen snapshot once approved, otherwise computed now."""
    if fria is not None and fria.is_frozen and fria.snapshot:
        return dict(fria.snapshot)
    template, sections = live_sections(system=system, fria=fria, say=say)
    return fria_document(template, sections, _meta(system, fria))


def frias_for(*, system: AISystem) -> QuerySet[Fria]:
    return Fria.objects.filter(organisation=system.organisation, system=system).select_related(
        "approved_by"
    )


def latest_fria(*, system: AISystem) -> Fria | None:
    return frias_for(system=system).order_by("-version", "-id").first()


def reusable_frias(*, organisation: Organisation) -> QuerySet[Fria]:
    """FRIAs another one can start from: any of the organisation's, newest first."""
    return Fria.objects.filter(organisation=organisation).select_related("system")


def provider_documents(*, system: AISystem) -> QuerySet[ProviderDocument]:
    return ProviderDocument.objects.filter(organisation=system.organisation, system=system)


def esrs_drafts(*, organisation: Organisation) -> QuerySet[EsrsDraft]:
    return EsrsDraft.objects.filter(organisation=organisation)


def linked_sources(
    organisation: Organisation, sources: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each {type, id} source with the URL of its page (where it has one)."""
    return [
        {
            **s,
            "url": source_url(organisation, SourceRef(str(s["type"]), int(s["id"]))),
            "label": SOURCE_NAMES.get(str(s["type"]), str(s["type"])),
        }
        for s in sources
    ]


#: The kinds of record a FRIA or ESRS text rests on, as a reader names them ("impact #3").
SOURCE_NAMES = {
    "system": gettext_lazy("system"),
    "assessment": gettext_lazy("assessment"),
    "impact": gettext_lazy("impact"),
    "action": gettext_lazy("action"),
    "indicator": gettext_lazy("indicator"),
    "engagement_event": gettext_lazy("engagement event"),
    "grievance_channel": gettext_lazy("grievance channel"),
    "provider_document": gettext_lazy("provider document"),
    "fria": gettext_lazy("FRIA"),
}


def document_items(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The item entries of a FRIA document, in template order (everything but `meta`)."""
    return [(k, v) for k, v in document.items() if k != "meta"]


def esrs_view(*, draft: EsrsDraft) -> tuple[EsrsSection, ...]:
    facts = esrs_facts(
        organisation=draft.organisation, start=draft.period_start, end=draft.period_end
    )
    return esrs_sections(facts, esrs_library(), draft.narratives)


def esrs_library() -> tuple[Requirement, ...]:
    """The ESRS S4 requirements and datapoints, from the esrs-s4 knowledge library, titled in the
    reader's language where the library translates them."""
    return esrs_requirements(knowledge(), get_language())


def esrs_for_member(*, draft: EsrsDraft, membership: Membership) -> tuple[EsrsSection, ...]:
    """Exact grievance counts are need-to-know: grievance officers and owners see them; other
    members see small counts suppressed, as the public page shows them."""
    sections = esrs_view(draft=draft)
    if membership.is_grievance_officer or membership.is_senior:
        return sections
    return suppressed_counts(sections)


def esrs_public(*, draft: EsrsDraft) -> tuple[EsrsSection, ...]:
    return public_sections(esrs_view(draft=draft), draft.published_items)


def published_esrs(*, organisation: Organisation) -> QuerySet[EsrsDraft]:
    return EsrsDraft.objects.filter(organisation=organisation).exclude(published_items=[])


def transparency_page(*, organisation: Organisation) -> TransparencyPage | None:
    return TransparencyPage.objects.filter(organisation=organisation).first()


def _approved_summary(system: AISystem) -> ApprovedSummary | None:
    assessment = latest_approved(system)
    if assessment is None or assessment.approved_at is None:
        return None
    impacts = list(assessment.impacts.order_by("-priority").prefetch_related("actions"))
    actions = [a for i in impacts for a in i.actions.all() if a.status != ActionStatus.CANCELLED]
    return ApprovedSummary(
        approved_on=assessment.approved_at.date().isoformat(),
        severities=[severity_label(i.severity_band) for i in impacts],
        rights=[right_label(r) for i in impacts for r in i.rights],
        actions_done=sum(1 for a in actions if a.status == ActionStatus.DONE),
        actions_open=sum(1 for a in actions if a.status != ActionStatus.DONE),
    )


def public_systems(*, page: TransparencyPage) -> list[dict[str, Any]]:
    """The opted-in, active systems: name, purpose, and a summary of the latest approved assessment."""
    systems = page.systems.filter(organisation=page.organisation, archived_at__isnull=True)
    return [
        {"name": s.name, "purpose": s.purpose, "summary": summary_text(_approved_summary(s))}
        for s in systems.order_by("name")
    ]
