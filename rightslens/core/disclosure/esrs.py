"""The ESRS S4 / UNGP 21 disclosure draft: each datapoint computed from records, with links.

Grievance figures are aggregate counts only; on the public page counts of 1-4 are suppressed, as
the public grievance statistics do, so no complainant can be singled out.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace

from rightslens.core.grievance import suppress_small
from rightslens.core.knowledge import Item, KnowledgeBase

from .records import Fact, SourceRef, unique_sources


class LibraryError(ValueError):
    """The knowledge base has no usable ESRS S4 datapoint library."""


@dataclass(frozen=True)
class DatapointSpec:
    code: str
    label: str
    measure: str
    citation: str


@dataclass(frozen=True)
class Requirement:
    code: str
    title: str
    citation: str
    datapoints: tuple[DatapointSpec, ...] = ()


def esrs_requirements(kb: KnowledgeBase, language: str | None = None) -> tuple[Requirement, ...]:
    """The disclosure requirements and their datapoints, in order, from the esrs-s4 library; titles
    and labels in `language` where the library translates them (else English)."""
    items = [i for i in kb.items.values() if not i.deprecated]
    heads = sorted(
        (i for i in items if i.type == "esrs_requirement"), key=lambda i: int(i.get("order"))
    )
    if not heads:
        raise LibraryError("No ESRS S4 disclosure requirement in the knowledge base.")
    return tuple(_requirement(head, items, language) for head in heads)


def _requirement(head: Item, items: list[Item], language: str | None = None) -> Requirement:
    points = sorted(
        (i for i in items if i.type == "esrs_datapoint" and i.get("requirement_ref") == head.id),
        key=lambda i: int(i.get("order")),
    )
    unknown = [p.id for p in points if p.get("measure") not in MEASURES]
    if unknown:
        raise LibraryError(f"ESRS datapoints with a measure the core lacks: {unknown}.")
    return Requirement(
        code=str(head.get("code")),
        title=head.title_in(language),
        citation="; ".join(c.locator for c in head.citations),
        datapoints=tuple(
            DatapointSpec(
                code=str(p.get("code")),
                label=p.title_in(language),
                measure=str(p.get("measure")),
                citation="; ".join(c.locator for c in p.citations),
            )
            for p in points
        ),
    )


@dataclass(frozen=True)
class Datapoint:
    code: str
    label: str
    value: int | str | None
    sources: tuple[SourceRef, ...] = ()
    # Counts of grievances: aggregate only, and suppressed when small on anything public.
    about_complainants: bool = False
    citation: str = ""


@dataclass(frozen=True)
class EsrsSection:
    requirement: Requirement
    datapoints: tuple[Datapoint, ...]
    gaps: tuple[str, ...] = ()
    narrative: str = ""


@dataclass(frozen=True)
class GrievanceFigures:
    received: int = 0
    acknowledged_on_time: int = 0
    closed: int = 0
    remedies: int = 0
    helped: int = 0


@dataclass(frozen=True)
class EsrsFacts:
    systems: tuple[SourceRef, ...] = ()
    approved_assessments: tuple[Fact, ...] = ()
    engagement_events: tuple[Fact, ...] = ()
    events_with_change: tuple[SourceRef, ...] = ()
    stakeholders_heard: int = 0
    channel: Fact | None = None
    gp31_rated: tuple[SourceRef, ...] = ()
    grievances: GrievanceFigures = field(default_factory=GrievanceFigures)
    actions: tuple[Fact, ...] = ()
    actions_done: tuple[SourceRef, ...] = ()
    severe_impacts: tuple[SourceRef, ...] = ()
    severe_impacts_with_action: tuple[SourceRef, ...] = ()
    indicators_measured: tuple[SourceRef, ...] = ()
    targets: tuple[Fact, ...] = ()


Value = tuple[int | str | None, tuple[SourceRef, ...]]


def _count(refs: tuple[SourceRef, ...]) -> Value:
    return len(refs), unique_sources(refs)


def _listing(facts: tuple[Fact, ...]) -> Value:
    return "; ".join(f.text for f in facts) or None, unique_sources(f.source for f in facts)


def _channel(facts: EsrsFacts) -> Value:
    c = facts.channel
    return (c.text, (c.source,)) if c is not None else (None, ())


# What each measure named in the library computes. Grievance figures: aggregate counts, no links.
MEASURES: dict[str, Callable[[EsrsFacts], Value]] = {
    "systems": lambda f: _count(f.systems),
    "approved_assessments": lambda f: _listing(f.approved_assessments),
    "engagement_events": lambda f: _count(tuple(e.source for e in f.engagement_events)),
    "stakeholders_heard": lambda f: (f.stakeholders_heard, ()),
    "engagement_with_change": lambda f: _count(f.events_with_change),
    "channel": _channel,
    "gp31_rated": lambda f: _count(f.gp31_rated),
    "grievances_received": lambda f: (f.grievances.received, ()),
    "grievances_acknowledged_on_time": lambda f: (f.grievances.acknowledged_on_time, ()),
    "grievances_closed": lambda f: (f.grievances.closed, ()),
    "remedies": lambda f: (f.grievances.remedies, ()),
    "complainants_helped": lambda f: (f.grievances.helped, ()),
    "actions": lambda f: _listing(f.actions),
    "actions_done": lambda f: _count(f.actions_done),
    "severe_impacts": lambda f: _count(f.severe_impacts),
    "severe_impacts_with_action": lambda f: _count(f.severe_impacts_with_action),
    "indicators_measured": lambda f: _count(f.indicators_measured),
    "targets": lambda f: _listing(f.targets),
}
# Counts about complainants: suppressed when small wherever exact counts are not needed.
ABOUT_COMPLAINANTS = frozenset(
    {
        "grievances_received",
        "grievances_acknowledged_on_time",
        "grievances_closed",
        "remedies",
        "complainants_helped",
    }
)


def _datapoint(spec: DatapointSpec, facts: EsrsFacts) -> Datapoint:
    value, sources = MEASURES[spec.measure](facts)
    return Datapoint(
        spec.code,
        spec.label,
        value,
        sources,
        about_complainants=spec.measure in ABOUT_COMPLAINANTS,
        citation=spec.citation,
    )


def _gaps(code: str, facts: EsrsFacts) -> list[str]:
    """What is missing for a requirement, whatever datapoints the library shows for it."""
    rules: dict[str, list[tuple[bool, str]]] = {
        "S4-1": [(not facts.approved_assessments, "no system has an approved assessment")],
        "S4-2": [(not facts.engagement_events, "no engagement recorded in the period")],
        "S4-3": [
            (facts.channel is None, "no channel for raising concerns recorded"),
            (
                not facts.gp31_rated,
                "the grievance mechanism has not been assessed against the GP 31 criteria",
            ),
        ],
        "S4-4": [
            (
                len(facts.severe_impacts_with_action) < len(facts.severe_impacts),
                "a severe impact has no action",
            ),
            (
                bool(facts.actions) and not facts.indicators_measured,
                "no action's effectiveness has been measured",
            ),
        ],
        "S4-5": [(not facts.targets, "no indicator has a target")],
    }
    return [gap for missing, gap in rules.get(code, []) if missing]


def esrs_sections(
    facts: EsrsFacts,
    requirements: tuple[Requirement, ...],
    narratives: Mapping[str, str] | None = None,
) -> tuple[EsrsSection, ...]:
    """One section per requirement of the library, its datapoints computed from the facts."""
    texts = narratives or {}
    sections = []
    for requirement in requirements:
        points = tuple(_datapoint(spec, facts) for spec in requirement.datapoints)
        gaps = _gaps(requirement.code, facts)
        narrative = texts.get(requirement.code, "").strip()
        if not narrative:
            gaps.append("no narrative written")
        sections.append(EsrsSection(requirement, points, tuple(gaps), narrative))
    return tuple(sections)


def public_sections(
    sections: tuple[EsrsSection, ...], published: Collection[str]
) -> tuple[EsrsSection, ...]:
    """Only the opted-in requirements, without record links, small grievance counts suppressed."""
    return tuple(
        replace(s, datapoints=tuple(_public(p) for p in s.datapoints), gaps=())
        for s in sections
        if s.requirement.code in published
    )


def suppressed_counts(sections: tuple[EsrsSection, ...]) -> tuple[EsrsSection, ...]:
    """For members without need-to-know (not grievance officers or owners): small grievance
    counts suppressed as on the public page; everything else, links included, as it is."""
    return tuple(replace(s, datapoints=tuple(_suppress(p) for p in s.datapoints)) for s in sections)


def _suppress(point: Datapoint) -> Datapoint:
    value = point.value
    if point.about_complainants and isinstance(value, int):
        value = suppress_small({"n": value})["n"]
    return replace(point, value=value)


def _public(point: Datapoint) -> Datapoint:
    return replace(_suppress(point), sources=())
