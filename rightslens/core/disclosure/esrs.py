"""The ESRS S4 / UNGP 21 disclosure draft: each datapoint computed from records, with links.

Grievance figures are aggregate counts only; on the public page counts of 1-4 are suppressed, as
the public grievance statistics do, so no complainant can be singled out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from rightslens.core.grievance import suppress_small

from .records import Fact, SourceRef, unique_sources


@dataclass(frozen=True)
class Requirement:
    code: str
    title: str
    citation: str


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "S4-1",
        "Policies on impacts on consumers and end-users",
        "ESRS S4 Disclosure Requirement S4-1; UNGP 16 and 21",
    ),
    Requirement(
        "S4-2",
        "Engaging with consumers, end-users and their representatives about impacts",
        "ESRS S4 Disclosure Requirement S4-2; UNGP 18(b) and 21",
    ),
    Requirement(
        "S4-3",
        "Remedy and channels to raise concerns",
        "ESRS S4 Disclosure Requirement S4-3; UNGP 22, 29 and 31",
    ),
    Requirement(
        "S4-4",
        "Actions on material impacts and how effective they are",
        "ESRS S4 Disclosure Requirement S4-4; UNGP 19 and 20",
    ),
    Requirement(
        "S4-5",
        "Targets for managing impacts",
        "ESRS S4 Disclosure Requirement S4-5; UNGP 20",
    ),
)
REQUIREMENT_CODES = tuple(r.code for r in REQUIREMENTS)


@dataclass(frozen=True)
class Datapoint:
    code: str
    label: str
    value: int | str | None
    sources: tuple[SourceRef, ...] = ()
    # Counts of grievances: aggregate only, and suppressed when small on anything public.
    about_complainants: bool = False


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


def _count(code: str, label: str, refs: tuple[SourceRef, ...]) -> Datapoint:
    return Datapoint(code, label, len(refs), unique_sources(refs))


def _listing(code: str, label: str, facts: tuple[Fact, ...]) -> Datapoint:
    text = "; ".join(f.text for f in facts) or None
    return Datapoint(code, label, text, unique_sources(f.source for f in facts))


def _s4_1(facts: EsrsFacts) -> tuple[tuple[Datapoint, ...], tuple[str, ...]]:
    points = (
        _count("S4-1.systems", "AI systems in the inventory", facts.systems),
        _listing(
            "S4-1.assessed",
            "Systems covered by an approved human rights impact assessment",
            facts.approved_assessments,
        ),
    )
    gaps = () if facts.approved_assessments else ("no system has an approved assessment",)
    return points, gaps


def _s4_2(facts: EsrsFacts) -> tuple[tuple[Datapoint, ...], tuple[str, ...]]:
    points = (
        _count(
            "S4-2.events",
            "Engagement events in the period",
            tuple(f.source for f in facts.engagement_events),
        ),
        Datapoint("S4-2.heard", "Stakeholders heard", facts.stakeholders_heard),
        _count(
            "S4-2.changed",
            "Engagements that changed what the organisation does",
            facts.events_with_change,
        ),
    )
    gaps = () if facts.engagement_events else ("no engagement recorded in the period",)
    return points, gaps


def _s4_3(facts: EsrsFacts) -> tuple[tuple[Datapoint, ...], tuple[str, ...]]:
    g = facts.grievances
    channel = facts.channel
    points = (
        Datapoint(
            "S4-3.channel",
            "Channel for raising concerns",
            channel.text if channel else None,
            (channel.source,) if channel else (),
        ),
        _count("S4-3.gp31", "GP 31 effectiveness criteria self-assessed", facts.gp31_rated),
        Datapoint("S4-3.received", "Grievances received", g.received, about_complainants=True),
        Datapoint(
            "S4-3.acknowledged_on_time",
            "Acknowledged within the published time",
            g.acknowledged_on_time,
            about_complainants=True,
        ),
        Datapoint("S4-3.closed", "Grievances closed", g.closed, about_complainants=True),
        Datapoint("S4-3.remedies", "Remedies provided", g.remedies, about_complainants=True),
        Datapoint(
            "S4-3.helped",
            "Complainants who said the outcome helped",
            g.helped,
            about_complainants=True,
        ),
    )
    gaps = []
    if channel is None:
        gaps.append("no channel for raising concerns recorded")
    if not facts.gp31_rated:
        gaps.append("the grievance mechanism has not been assessed against the GP 31 criteria")
    return points, tuple(gaps)


def _s4_4(facts: EsrsFacts) -> tuple[tuple[Datapoint, ...], tuple[str, ...]]:
    points = (
        _listing("S4-4.actions", "Actions on impacts", facts.actions),
        _count("S4-4.done", "Actions completed", facts.actions_done),
        _count("S4-4.severe", "Severe impacts", facts.severe_impacts),
        _count(
            "S4-4.severe_with_action",
            "Severe impacts with at least one action",
            facts.severe_impacts_with_action,
        ),
        _count(
            "S4-4.effectiveness",
            "Indicators with measurements of effectiveness (GP 20)",
            facts.indicators_measured,
        ),
    )
    gaps = []
    if len(facts.severe_impacts_with_action) < len(facts.severe_impacts):
        gaps.append("a severe impact has no action")
    if facts.actions and not facts.indicators_measured:
        gaps.append("no action's effectiveness has been measured")
    return points, tuple(gaps)


def _s4_5(facts: EsrsFacts) -> tuple[tuple[Datapoint, ...], tuple[str, ...]]:
    points = (_listing("S4-5.targets", "Targets set on indicators", facts.targets),)
    return points, () if facts.targets else ("no indicator has a target",)


_BUILDERS = {"S4-1": _s4_1, "S4-2": _s4_2, "S4-3": _s4_3, "S4-4": _s4_4, "S4-5": _s4_5}


def esrs_sections(
    facts: EsrsFacts, narratives: Mapping[str, str] | None = None
) -> tuple[EsrsSection, ...]:
    texts = narratives or {}
    sections = []
    for requirement in REQUIREMENTS:
        points, gaps = _BUILDERS[requirement.code](facts)
        narrative = texts.get(requirement.code, "").strip()
        if not narrative:
            gaps = (*gaps, "no narrative written")
        sections.append(EsrsSection(requirement, points, gaps, narrative))
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
