"""Reads for the policy alignment checker: scorecards, passages in context, comparisons, smart-mix map."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from rightslens.accounts.models import Organisation

from .models import (
    Agency,
    Analysis,
    AnalysisState,
    CriterionFinding,
    CriterionReview,
    Instrument,
    InstrumentVersion,
)

PRESENT = ("addressed", "partial")
PORTFOLIO = "*"  # the whole government's portfolio, every jurisdiction and level
LEVEL_ORDER = ("national", "regional", "international")
CONTEXT_CHARS = 1500


def instruments_for(*, organisation: Organisation) -> QuerySet[Instrument]:
    return Instrument.objects.filter(organisation=organisation).prefetch_related("versions")


def findings_for(analysis: Analysis) -> list[CriterionFinding]:
    reviews = Prefetch(
        "reviews", queryset=CriterionReview.objects.select_related("reviewer").order_by("pk")
    )
    return list(analysis.findings.prefetch_related(reviews).order_by("position"))


def latest_done_analysis(version: InstrumentVersion) -> Analysis | None:
    return version.analyses.filter(state=AnalysisState.DONE).order_by("-pk").first()


@dataclass(frozen=True)
class Passage:
    ref: str
    page: int
    before: str
    passage: str
    after: str
    clipped_before: bool
    clipped_after: bool


def passage_in_context(version: InstrumentVersion, start: int, end: int) -> Passage | None:
    """The passage with its provision around it (or up to CONTEXT_CHARS either side in long ones)."""
    text = version.text
    if not 0 <= start < end <= len(text):
        return None
    provision = next((p for p in version.provisions if p["start"] <= start < p["end"]), None)
    low, high = (provision["start"], provision["end"]) if provision else (0, len(text))
    low, high = max(low, start - CONTEXT_CHARS), min(high, end + CONTEXT_CHARS)
    return Passage(
        ref=provision["ref"] if provision else "",
        page=provision["page"] if provision else 1,
        before=text[low:start],
        passage=text[start:end],
        after=text[end:high],
        clipped_before=low > (provision["start"] if provision else 0),
        clipped_after=high < (provision["end"] if provision else len(text)),
    )


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Comparison:
    status_changes: list[dict[str, Any]] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)


def version_compare(old: InstrumentVersion, new: InstrumentVersion) -> Comparison:
    result = Comparison()
    old_findings = {f.code: f for f in _findings_or_empty(old)}
    for finding in _findings_or_empty(new):
        before = old_findings.get(finding.code)
        result.status_changes.append(
            {
                "code": finding.code,
                "title": finding.title,
                "before": before.final_status if before else "",
                "after": finding.final_status,
                "changed": (before.final_status if before else "") != finding.final_status,
            }
        )
    old_by_ref = {p["ref"]: _collapse(old.text[p["start"] : p["end"]]) for p in old.provisions}
    new_by_ref = {p["ref"]: _collapse(new.text[p["start"] : p["end"]]) for p in new.provisions}
    old_texts, new_texts = set(old_by_ref.values()), set(new_by_ref.values())
    for ref, text in new_by_ref.items():
        if ref in old_by_ref and old_by_ref[ref] != text and text not in old_texts:
            result.changed.append({"ref": ref, "before": old_by_ref[ref], "after": text})
        elif ref not in old_by_ref and text not in old_texts:
            result.added.append({"ref": ref, "text": text})
    for ref, text in old_by_ref.items():
        if ref not in new_by_ref and text not in new_texts:
            result.removed.append({"ref": ref, "text": text})
    return result


def _findings_or_empty(version: InstrumentVersion) -> list[CriterionFinding]:
    analysis = latest_done_analysis(version)
    return findings_for(analysis) if analysis else []


@dataclass
class SmartMixMap:
    jurisdiction: str
    codes: list[str]
    titles: dict[str, str]
    rows: list[dict[str, Any]]
    gaps: list[str]
    voluntary_only: list[str]


def agencies_for(*, organisation: Organisation) -> QuerySet[Agency]:
    return Agency.objects.filter(organisation=organisation).annotate(count=Count("instruments"))


def smart_mix_map(*, organisation: Organisation, jurisdiction: str) -> SmartMixMap:
    """One jurisdiction's instruments, or (PORTFOLIO) every instrument the government tracks,
    grouped by level (national, regional, international) and lead agency."""
    rows: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    instruments = Instrument.objects.filter(organisation=organisation).select_related("agency")
    if jurisdiction != PORTFOLIO:
        instruments = instruments.filter(jurisdiction__iexact=jurisdiction)
    ordered = sorted(
        instruments,
        key=lambda i: (
            LEVEL_ORDER.index(i.level) if i.level in LEVEL_ORDER else 9,
            i.agency.name if i.agency else "~",
            i.title,
        ),
    )
    for instrument in ordered:
        version = instrument.latest_version()
        analysis = latest_done_analysis(version) if version else None
        if analysis is None:
            continue
        statuses = {}
        for finding in findings_for(analysis):
            statuses[finding.code] = finding.final_status
            titles[finding.code] = finding.title
        rows.append(
            {
                "instrument": instrument,
                "version": version,
                "statuses": statuses,
                "level": instrument.get_level_display().split(" (")[0],
                "agency": instrument.agency.name if instrument.agency else "",
            }
        )
    codes = sorted(titles, key=lambda c: int(c.lstrip("C")))
    for row in rows:
        row["cells"] = [(code, row["statuses"].get(code, "")) for code in codes]
    gaps = [c for c in codes if not any(r["statuses"].get(c) in PRESENT for r in rows)]
    voluntary_only = [
        c
        for c in codes
        if c not in gaps
        and not any(r["instrument"].binding and r["statuses"].get(c) in PRESENT for r in rows)
    ]
    return SmartMixMap(jurisdiction, codes, titles, rows, gaps, voluntary_only)


def jurisdictions_for(*, organisation: Organisation) -> list[str]:
    values = Instrument.objects.filter(organisation=organisation).values_list(
        "jurisdiction", flat=True
    )
    return sorted(set(values), key=str.casefold)
