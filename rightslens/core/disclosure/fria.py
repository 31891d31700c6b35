"""The fundamental rights impact assessment (EU AI Act Art. 27) assembled from the register.

Each template item names blocks; each block is computed from facts with the records it rests on
and the gaps it finds. People edit the text before sign-off; sources and gaps stay computed, so an
edited narrative never hides that a record is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .records import Block, Fact, SourceRef, block_from, merge
from .template import FriaTemplate
from .words import Say, english


@dataclass(frozen=True)
class SystemFacts:
    id: int
    name: str
    purpose: str
    description: str = ""
    intended_users: str = ""
    stage: str = ""
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentFacts:
    id: int
    title: str
    version: int
    status: str
    context_of_use: str = ""
    users: str = ""
    approved_on: str = ""


@dataclass(frozen=True)
class ImpactFacts:
    id: int
    title: str
    severity: str
    actual: bool
    rights: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    has_remedy_action: bool = False


@dataclass(frozen=True)
class FriaFacts:
    system: SystemFacts
    assessment: AssessmentFacts | None = None
    fria_id: int | None = None
    period_of_use: str = ""
    frequency_of_use: str = ""
    affected_groups: tuple[Fact, ...] = ()
    vulnerable_groups: int = 0
    engagement: tuple[Fact, ...] = ()
    impacts: tuple[ImpactFacts, ...] = ()
    provider_information: tuple[Fact, ...] = ()
    oversight: tuple[Fact, ...] = ()
    tracking: tuple[Fact, ...] = ()
    governance: tuple[Fact, ...] = ()
    complaints: tuple[Fact, ...] = ()
    complaint_mechanism_rated: bool = False
    remedy: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class FriaSection:
    key: str
    title: str
    question: str
    text: str
    computed_text: str
    sources: tuple[SourceRef, ...]
    gaps: tuple[str, ...]
    citations: tuple[str, ...] = field(default=())

    @property
    def edited(self) -> bool:
        return self.text != self.computed_text

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "text": self.text,
            "sources": [s.as_dict() for s in self.sources],
            "gaps": list(self.gaps),
        }


def _system_ref(facts: FriaFacts) -> SourceRef:
    return SourceRef("system", facts.system.id)


def process_block(facts: FriaFacts, say: Say = english) -> Block:
    s = facts.system
    lines = [say("fria.used_for", name=s.name, purpose=s.purpose.rstrip(". "))]
    if s.description:
        lines.append(s.description)
    if s.intended_users:
        lines.append(say("fria.operated_by", users=s.intended_users.rstrip(". ")))
    for key, values in (
        ("fria.countries", s.countries),
        ("fria.languages", s.languages),
        ("fria.sectors", s.sectors),
    ):
        if values:
            lines.append(say(key, values=", ".join(values)))
    sources = [_system_ref(facts)]
    gaps: list[str] = []
    a = facts.assessment
    if a is None:
        gaps.append(say("fria.gap_no_assessment"))
    elif a.context_of_use:
        lines.append(say("fria.context_of_use", context=a.context_of_use))
        sources.append(SourceRef("assessment", a.id))
    else:
        gaps.append(say("fria.gap_no_context"))
    return Block(text="\n".join(lines), sources=tuple(sources), gaps=tuple(gaps))


def period_block(facts: FriaFacts, say: Say = english) -> Block:
    lines, gaps = [], []
    if facts.system.stage:
        lines.append(say("fria.stage", stage=facts.system.stage))
    if facts.period_of_use:
        lines.append(say("fria.period", period=facts.period_of_use))
    else:
        gaps.append(say("fria.gap_no_period"))
    if facts.frequency_of_use:
        lines.append(say("fria.frequency", frequency=facts.frequency_of_use))
    else:
        gaps.append(say("fria.gap_no_frequency"))
    sources = [_system_ref(facts)]
    if facts.fria_id is not None and (facts.period_of_use or facts.frequency_of_use):
        sources.append(SourceRef("fria", facts.fria_id))
    return Block(text="\n".join(lines), sources=tuple(sources), gaps=tuple(gaps))


def people_block(facts: FriaFacts, say: Say = english) -> Block:
    groups = block_from(
        facts.affected_groups,
        heading=say("fria.heading_groups"),
        gap=say("fria.gap_no_group"),
    )
    parts = [groups]
    if facts.assessment is not None and facts.assessment.users:
        ref = SourceRef("assessment", facts.assessment.id)
        parts.append(Block(text=say("fria.users", users=facts.assessment.users), sources=(ref,)))
    if facts.affected_groups and not facts.vulnerable_groups:
        parts.append(Block(text="", gaps=(say("fria.gap_no_vulnerable"),)))
    parts.append(
        block_from(
            facts.engagement,
            heading=say("fria.heading_engagement"),
            gap=say("fria.gap_no_engagement"),
        )
    )
    return merge(parts)


def _impact_line(impact: ImpactFacts, say: Say = english) -> str:
    """One impact: "Title (severity: High, potential). Rights: A; B. Affects: C, D." """
    kind = say("fria.actual") if impact.actual else say("fria.potential")
    parts = [say("fria.impact", title=impact.title, severity=impact.severity, kind=kind)]
    if impact.rights:
        parts.append(say("fria.impact_rights", rights="; ".join(impact.rights)))
    if impact.groups:
        parts.append(say("fria.impact_groups", groups=", ".join(impact.groups)))
    return " ".join(parts)


def risks_block(facts: FriaFacts, say: Say = english) -> Block:
    impact_facts = [Fact(_impact_line(i, say), SourceRef("impact", i.id)) for i in facts.impacts]
    a = facts.assessment
    heading = (
        say("fria.heading_impacts_from", title=a.title, version=a.version, status=a.status.lower())
        if a is not None
        else say("fria.heading_impacts")
    )
    return block_from(impact_facts, heading=heading, gap=say("fria.gap_no_impact"))


def provider_block(facts: FriaFacts, say: Say = english) -> Block:
    return block_from(
        facts.provider_information,
        heading=say("fria.heading_provider"),
        gap=say("fria.gap_no_provider"),
    )


def oversight_block(facts: FriaFacts, say: Say = english) -> Block:
    measures = block_from(
        facts.oversight,
        heading=say("fria.heading_oversight"),
        gap=say("fria.gap_no_oversight"),
    )
    tracking = block_from(
        facts.tracking,
        heading=say("fria.heading_tracking"),
        gap=say("fria.gap_no_tracking"),
    )
    return merge([measures, tracking])


def governance_block(facts: FriaFacts, say: Say = english) -> Block:
    block = block_from(
        facts.governance, heading=say("fria.heading_governance"), gap=say("fria.gap_no_governance")
    )
    a = facts.assessment
    if a is not None and not a.approved_on:
        block = merge([block, Block(text="", gaps=(say("fria.gap_not_approved"),))])
    return block


def complaints_block(facts: FriaFacts, say: Say = english) -> Block:
    block = block_from(
        facts.complaints, heading=say("fria.heading_complaints"), gap=say("fria.gap_no_complaints")
    )
    if facts.complaints and not facts.complaint_mechanism_rated:
        block = merge([block, Block(text="", gaps=(say("fria.gap_gp31"),))])
    return block


def remedy_block(facts: FriaFacts, say: Say = english) -> Block:
    block = block_from(
        facts.remedy,
        heading=say("fria.heading_remedy"),
        gap=say("fria.gap_no_response"),
    )
    missing = tuple(
        say("fria.gap_no_remedy", title=i.title)
        for i in facts.impacts
        if i.actual and not i.has_remedy_action
    )
    return merge([block, Block(text="", gaps=missing)])


BLOCKS: dict[str, Callable[[FriaFacts, Say], Block]] = {
    "process": process_block,
    "period": period_block,
    "people": people_block,
    "risks": risks_block,
    "provider_information": provider_block,
    "oversight": oversight_block,
    "governance": governance_block,
    "complaints": complaints_block,
    "remedy": remedy_block,
}


def fria_sections(
    template: FriaTemplate,
    facts: FriaFacts,
    narratives: Mapping[str, str] | None = None,
    say: Say = english,
) -> tuple[FriaSection, ...]:
    """Every template item filled from the facts; an edited narrative replaces the computed text.
    `say` writes the computed sentences (English by default; the reader's language in the app)."""
    edited = narratives or {}
    sections = []
    for spec in template.items:
        block = merge([BLOCKS[name](facts, say) for name in spec.blocks])
        text = edited.get(spec.key, "").strip() or block.text
        sections.append(
            FriaSection(
                key=spec.key,
                title=spec.title,
                question=spec.question,
                text=text,
                computed_text=block.text,
                sources=block.sources,
                gaps=block.gaps,
                citations=spec.citations,
            )
        )
    return tuple(sections)


def fria_document(
    template: FriaTemplate, sections: tuple[FriaSection, ...], meta: Mapping[str, Any]
) -> dict[str, Any]:
    """The FRIA as JSON: one key per template item (`a` … `f`) and `meta` about the record."""
    document: dict[str, Any] = {s.key: s.as_dict() for s in sections}
    document["meta"] = {
        "template": template.id,
        "template_version": template.library_version,
        **meta,
    }
    return document


def starting_narratives(template: FriaTemplate, texts: Mapping[str, Any]) -> dict[str, str]:
    """Narratives to start a FRIA from another one's item texts: only the keys this template has,
    accepting both `{key: text}` and an exported FRIA `{key: {"text": ...}}`."""
    result: dict[str, str] = {}
    for key in template.keys():
        value = texts.get(key)
        if isinstance(value, Mapping):
            value = value.get("text")
        if isinstance(value, str) and value.strip():
            result[key] = value.strip()
    return result


def gap_count(sections: tuple[FriaSection, ...]) -> int:
    return sum(len(s.gaps) for s in sections)


OVERSIGHT_MITIGATION = "mit-human-review"
OVERSIGHT_WORDS = ("human review", "human oversight", "human-in-the-loop", "human in the loop")


def is_oversight_measure(mitigation_type: str, description: str) -> bool:
    """An action counts as human oversight when planned as human review or when it says so."""
    text = description.lower()
    return mitigation_type == OVERSIGHT_MITIGATION or any(w in text for w in OVERSIGHT_WORDS)
