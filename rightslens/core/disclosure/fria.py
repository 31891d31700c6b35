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


def process_block(facts: FriaFacts) -> Block:
    s = facts.system
    lines = [f"{s.name} is used for: {s.purpose}."]
    if s.description:
        lines.append(s.description)
    if s.intended_users:
        lines.append(f"Operated by or for: {s.intended_users}.")
    where = "; ".join(
        f"{name} {', '.join(values)}"
        for name, values in (
            ("countries", s.countries),
            ("languages", s.languages),
            ("sectors", s.sectors),
        )
        if values
    )
    if where:
        lines.append(f"Deployed in {where}.")
    sources = [_system_ref(facts)]
    gaps: list[str] = []
    a = facts.assessment
    if a is None:
        gaps.append("no assessment of this system recorded")
    elif a.context_of_use:
        lines.append(f"Context of use: {a.context_of_use}")
        sources.append(SourceRef("assessment", a.id))
    else:
        gaps.append("no context of use recorded in the latest assessment")
    return Block(text="\n".join(lines), sources=tuple(sources), gaps=tuple(gaps))


def period_block(facts: FriaFacts) -> Block:
    lines, gaps = [], []
    if facts.system.stage:
        lines.append(f"Lifecycle stage: {facts.system.stage}.")
    if facts.period_of_use:
        lines.append(f"Period of use: {facts.period_of_use}")
    else:
        gaps.append("no period of use recorded")
    if facts.frequency_of_use:
        lines.append(f"Frequency of use: {facts.frequency_of_use}")
    else:
        gaps.append("no frequency of use recorded")
    sources = [_system_ref(facts)]
    if facts.fria_id is not None and (facts.period_of_use or facts.frequency_of_use):
        sources.append(SourceRef("fria", facts.fria_id))
    return Block(text="\n".join(lines), sources=tuple(sources), gaps=tuple(gaps))


def people_block(facts: FriaFacts) -> Block:
    groups = block_from(
        facts.affected_groups,
        heading="Groups of people affected:",
        gap="no affected group recorded",
    )
    parts = [groups]
    if facts.assessment is not None and facts.assessment.users:
        ref = SourceRef("assessment", facts.assessment.id)
        parts.append(Block(text=f"Users: {facts.assessment.users}", sources=(ref,)))
    if facts.affected_groups and not facts.vulnerable_groups:
        parts.append(Block(text="", gaps=("no group at heightened risk (vulnerable) recorded",)))
    parts.append(
        block_from(
            facts.engagement,
            heading="What affected people and their representatives said:",
            gap="no engagement with affected people recorded",
        )
    )
    return merge(parts)


def _impact_line(impact: ImpactFacts) -> str:
    kind = "actual" if impact.actual else "potential"
    detail = [f"{impact.severity} severity, {kind}"]
    if impact.rights:
        detail.append("rights: " + ", ".join(impact.rights))
    if impact.groups:
        detail.append("affects: " + ", ".join(impact.groups))
    return f"{impact.title} ({'; '.join(detail)})"


def risks_block(facts: FriaFacts) -> Block:
    impact_facts = [Fact(_impact_line(i), SourceRef("impact", i.id)) for i in facts.impacts]
    a = facts.assessment
    source = f" (from '{a.title}' v{a.version}, {a.status.lower()})" if a is not None else ""
    return block_from(
        impact_facts,
        heading=f"Impacts on human rights, most severe first{source}:",
        gap="no impact recorded in the latest assessment",
    )


def provider_block(facts: FriaFacts) -> Block:
    return block_from(
        facts.provider_information,
        heading="From the provider's information (Art. 13):",
        gap="no provider information (instructions for use, Art. 13) recorded",
    )


def oversight_block(facts: FriaFacts) -> Block:
    measures = block_from(
        facts.oversight,
        heading="Human oversight measures:",
        gap="no human oversight measure recorded",
    )
    tracking = block_from(
        facts.tracking,
        heading="Tracked by (GP 20):",
        gap="no indicator tracks whether the measures work for each group (GP 20)",
    )
    return merge([measures, tracking])


def governance_block(facts: FriaFacts) -> Block:
    block = block_from(
        facts.governance, heading="Governance:", gap="no reviewer or approver recorded"
    )
    a = facts.assessment
    if a is not None and not a.approved_on:
        block = merge([block, Block(text="", gaps=("the latest assessment is not approved",))])
    return block


def complaints_block(facts: FriaFacts) -> Block:
    block = block_from(
        facts.complaints, heading="Complaints:", gap="no complaint mechanism recorded"
    )
    if facts.complaints and not facts.complaint_mechanism_rated:
        gap = "the grievance mechanism has not been assessed against the GP 31 criteria"
        block = merge([block, Block(text="", gaps=(gap,))])
    return block


def remedy_block(facts: FriaFacts) -> Block:
    block = block_from(
        facts.remedy,
        heading="Responses when harm occurs (cease, prevent, remedy):",
        gap="no action records how harm would be stopped or remedied",
    )
    missing = tuple(
        f"actual impact '{i.title}' has no remedy action"
        for i in facts.impacts
        if i.actual and not i.has_remedy_action
    )
    return merge([block, Block(text="", gaps=missing)])


BLOCKS: dict[str, Callable[[FriaFacts], Block]] = {
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
    template: FriaTemplate, facts: FriaFacts, narratives: Mapping[str, str] | None = None
) -> tuple[FriaSection, ...]:
    """Every template item filled from the facts; an edited narrative replaces the computed text."""
    edited = narratives or {}
    sections = []
    for spec in template.items:
        block = merge([BLOCKS[name](facts) for name in spec.blocks])
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
