"""Writes for the policy alignment checker. Each service checks all input before writing anything."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Organisation
from rightslens.common.uploads import UploadPolicy, upload_check
from rightslens.core.policy import ingest
from rightslens.core.policy.analysis import (
    InstrumentMeta,
    Report,
    analyse,
    report_json,
    with_second_opinions,
)
from rightslens.core.policy.criteria import (
    LIBRARY_ID,
    Criterion,
    criteria_from_items,
    load_criteria,
    source_kind,
)
from rightslens.core.policy.provisions import split_provisions
from rightslens.core.policy.second_opinion import SecondOpinionUnavailable
from rightslens.core.policy.second_opinion import ask as ask_second_opinion
from rightslens.errors import FieldErrors
from rightslens.jobs import enqueue, job

from .models import (
    Agency,
    Analysis,
    AnalysisState,
    CriterionFinding,
    CriterionReview,
    FindingStatus,
    Instrument,
    InstrumentKind,
    InstrumentLevel,
    InstrumentVersion,
)

log = logging.getLogger("rightslens.policy")


def _upload_policy() -> UploadPolicy:
    """What the checker reads (its reader tells the kinds apart); the limit is read when used."""
    return UploadPolicy(
        kinds=("pdf", "docx", "html", "txt", "md"),
        max_bytes=ingest.MAX_BYTES,
        trusts_name=False,
        text_fallback=True,
    )


def _source_text(text: str, upload: Any | None) -> tuple[str, str, str, int]:
    """(text, source kind, filename, pages) from pasted text or an upload; FieldErrors otherwise."""
    if upload is not None and text.strip():
        raise FieldErrors({"file": _("Give either a file or pasted text, not both.")})
    if upload is None:
        if not text.strip():
            raise FieldErrors({"text": _("Paste the instrument's text or upload a file.")})
        try:
            ingest.check_text_size(text, field="text")
        except ingest.IngestError as exc:
            raise FieldErrors({exc.field: exc.message}) from exc
        return text.replace("\r\n", "\n"), "paste", "", max(1, len(text) // 3000)
    checked = upload_check(upload, policy=_upload_policy())
    try:
        extracted = ingest.extract(checked.name, checked.data)
    except ingest.IngestError as exc:
        raise FieldErrors({"file": exc.message}) from exc
    return extracted.text, extracted.kind, (upload.name or "")[:255], extracted.pages


def _check_metadata(title: str, jurisdiction: str, kind: str) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the instrument's title.")
    if not jurisdiction.strip():
        errors["jurisdiction"] = _("Say which jurisdiction the instrument belongs to.")
    if kind not in InstrumentKind.values:
        errors["kind"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(InstrumentKind.values)
        }
    if errors:
        raise FieldErrors(errors)


@transaction.atomic
def instrument_create(
    *,
    organisation: Organisation,
    actor: Any,
    title: str,
    jurisdiction: str,
    kind: str,
    binding: bool,
    text: str = "",
    upload: Any | None = None,
    dated: date | None = None,
    language: str = "",
    label: str = "",
    level: str = InstrumentLevel.NATIONAL,
    issuing_body: str = "",
    agency: Agency | None = None,
) -> InstrumentVersion:
    _check_metadata(title, jurisdiction, kind)
    if level not in InstrumentLevel.values:
        raise FieldErrors(
            {
                "level": _("Choose one of: %(choices)s.")
                % {"choices": ", ".join(InstrumentLevel.values)}
            }
        )
    if agency is not None and agency.organisation_id != organisation.pk:
        raise FieldErrors({"agency": _("Choose one of this government's agencies.")})
    source = _source_text(text, upload)
    instrument = Instrument.objects.create(
        organisation=organisation,
        title=title.strip(),
        jurisdiction=jurisdiction.strip(),
        kind=kind,
        binding=binding,
        level=level,
        issuing_body=issuing_body.strip(),
        agency=agency,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    version = _version_save(
        instrument, actor, source, dated=dated, language=language, label=label or "First version"
    )
    audit_record(
        organisation=organisation,
        actor=actor,
        verb="policy.instrument_create",
        obj=instrument,
        summary=instrument.title,
    )
    return version


@transaction.atomic
def agency_create(*, organisation: Organisation, actor: Any, name: str) -> Agency:
    name = " ".join(name.split())
    if not name:
        raise FieldErrors({"name": _("Give the ministry's or agency's name.")})
    if Agency.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise FieldErrors(
            {"name": _("'%(name)s' is already one of this government's agencies.") % {"name": name}}
        )
    agency = Agency.objects.create(organisation=organisation, name=name)
    audit_record(
        organisation=organisation,
        actor=actor,
        verb="policy.agency_create",
        obj=agency,
        summary=name,
    )
    return agency


@transaction.atomic
def version_add(
    *,
    instrument: Instrument,
    actor: Any,
    text: str = "",
    upload: Any | None = None,
    dated: date | None = None,
    language: str = "",
    label: str = "",
) -> InstrumentVersion:
    source = _source_text(text, upload)
    version = _version_save(instrument, actor, source, dated=dated, language=language, label=label)
    audit_record(
        organisation=instrument.organisation,
        actor=actor,
        verb="policy.version_add",
        obj=version,
        summary=str(version),
    )
    return version


def _version_save(
    instrument: Instrument,
    actor: Any,
    source: tuple[str, str, str, int],
    *,
    dated: date | None,
    language: str,
    label: str,
) -> InstrumentVersion:
    text, source_kind, filename, pages = source
    number = (instrument.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    provisions = [
        {"ref": p.ref, "kind": p.kind, "start": p.start, "end": p.end, "page": p.page}
        for p in split_provisions(text)
    ]
    return InstrumentVersion.objects.create(
        organisation=instrument.organisation,
        instrument=instrument,
        number=number,
        label=label or f"Version {number}",
        dated=dated,
        language=language.strip().lower()[:8],
        source_kind=source_kind,
        filename=filename,
        text=text,
        pages=pages,
        provisions=provisions,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def analysis_request(*, version: InstrumentVersion) -> Analysis:
    """Create a queued analysis and start it (in this process, or on the broker when one is set)."""
    analysis = Analysis.objects.create(organisation=version.organisation, version=version)
    enqueue("policy.analyse", analysis_id=analysis.pk)
    analysis.refresh_from_db()
    return analysis


@job("policy.analyse")
def analysis_run(analysis_id: int) -> None:
    analysis = Analysis.objects.select_related("version__instrument").get(pk=analysis_id)
    Analysis.objects.filter(pk=analysis_id).update(state=AnalysisState.RUNNING, progress=1)
    try:
        report = _analyse_version(analysis)
        _store_report(analysis, report)
    except Exception as exc:  # the analysis must end in a visible state, whatever went wrong
        log.exception("policy analysis %s failed", analysis_id)
        Analysis.objects.filter(pk=analysis_id).update(
            state=AnalysisState.FAILED,
            error=type(exc).__name__,  # shown in the reader's language (Analysis.failure_kind)
            finished_at=timezone.now(),
        )


def criteria_in_use() -> tuple[tuple[Criterion, ...], str]:
    """The criteria from the running knowledge base (so library upgrades apply), else from the file."""
    from rightslens.common.knowledge import knowledge

    kb = knowledge()
    library = kb.libraries.get(LIBRARY_ID)
    items = kb.by_type("alignment_criterion")
    if library is not None and items:
        return criteria_from_items(items), f"{LIBRARY_ID} v{library.version}"
    return load_criteria(), f"{LIBRARY_ID} (file)"


def _analyse_version(analysis: Analysis) -> Report:
    version = analysis.version
    instrument = version.instrument
    meta = InstrumentMeta(
        title=instrument.title,
        jurisdiction=instrument.jurisdiction,
        kind=instrument.kind,
        binding=instrument.binding,
        date=version.dated.isoformat() if version.dated else "",
        language=version.language,
    )

    def progress(percent: int) -> None:
        Analysis.objects.filter(pk=analysis.pk).update(progress=min(99, percent))

    criteria, label = criteria_in_use()
    Analysis.objects.filter(pk=analysis.pk).update(criteria_version=label)
    report = analyse(version.text, criteria, meta, on_progress=progress)
    return _with_model_opinion(report, version.text, criteria)


def _with_model_opinion(report: Report, text: str, criteria: Sequence[Criterion]) -> Report:
    """The optional endpoint's second opinion beside the rules' findings; never in their place."""
    endpoint = getattr(settings, "RIGHTSLENS_LLM_ENDPOINT", "")
    if not endpoint:
        return report
    try:
        opinions = ask_second_opinion(
            text, criteria, endpoint, getattr(settings, "RIGHTSLENS_LLM_MODEL", "")
        )
    except SecondOpinionUnavailable:
        log.warning("Model endpoint unavailable; no second opinion")
        return report
    return with_second_opinions(report, opinions)


@transaction.atomic
def _store_report(analysis: Analysis, report: Report) -> None:
    payload = report_json(report)
    criteria = payload["criteria"]
    assert isinstance(criteria, list)
    for position, finding in enumerate(report.findings):
        CriterionFinding.objects.create(
            organisation=analysis.organisation,
            analysis=analysis,
            code=finding.code,
            title=finding.title,
            status=str(finding.status),
            confidence=finding.confidence,
            explanation=finding.explanation,
            recommendation=finding.recommendation,
            evidence=[
                {
                    "ref": e.ref,
                    "text": e.text,
                    "start": e.start,
                    "end": e.end,
                    "page": e.page,
                    "phrase": e.phrase,
                }
                for e in finding.evidence
            ],
            position=position,
            sources=[{"label": c, "kind": source_kind(c)} for c in finding.sources],
            basis=finding.basis,
            closest=list(finding.closest),
            second_opinion=criteria[position]["second_opinion"] or {},
        )
    Analysis.objects.filter(pk=analysis.pk).update(
        state=AnalysisState.DONE,
        progress=100,
        method=report.method,
        language=report.language,
        language_confidence=report.language_confidence,
        binding=report.binding,
        notes=list(report.notes),
        seconds=report.seconds,
        finished_at=timezone.now(),
    )


@transaction.atomic
def review_record(
    *, finding: CriterionFinding, actor: Any, status: str, note: str
) -> CriterionReview:
    errors = {}
    if status not in FindingStatus.values:
        errors["status"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(FindingStatus.values)
        }
    if not note.strip():
        errors["note"] = _(
            "Say why you confirm or change this status: the note is kept with the review."
        )
    if errors:
        raise FieldErrors(errors)
    before = finding.final_status
    review = CriterionReview.objects.create(
        organisation=finding.organisation,
        finding=finding,
        status=status,
        note=note.strip(),
        reviewer=actor if getattr(actor, "is_authenticated", False) else None,
    )
    verb = "policy.finding_confirm" if status == finding.status else "policy.finding_override"
    audit_record(
        organisation=finding.organisation,
        actor=actor,
        verb=verb,
        obj=finding,
        summary=f"{finding.code}: {before} -> {status}",
        before={"status": before},
        after={"status": status, "note": note.strip()},
    )
    return review
