"""Quality checks on an assessment, over plain facts (no database).

Each finding has a level: ``error`` findings refuse approval; ``warning`` findings are shown but do
not block. The Django side builds the facts from the models; these rules only decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class ImpactFacts:
    id: int
    title: str
    severe: bool
    affected_groups: int
    vulnerable_groups: int
    open_actions: int
    all_actions: int
    disaggregated_tracking: bool
    rationale_missing: tuple[str, ...] = ()
    #: Actual harm the organisation caused or contributed to: GP 22 calls for remedy.
    remedy_owed: bool = False
    has_remedy_action: bool = False
    #: Required responses the plan does not yet cover (labels), cancelled actions not counting.
    response_gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionFacts:
    id: int
    impact_id: int
    description: str
    closed: bool
    has_effectiveness_evidence: bool


@dataclass(frozen=True)
class AssessmentFacts:
    id: int
    title: str
    all_categories: tuple[str, ...]
    considered_categories: frozenset[str]
    impacts: tuple[ImpactFacts, ...] = ()
    actions: tuple[ActionFacts, ...] = ()
    undecided_red_lines: int = 0
    overdue: bool = False
    system_changed: bool = False
    untested_languages: tuple[str, ...] = ()
    category_titles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    code: str
    level: Level
    message: str
    subject: str


def _impact_findings(impact: ImpactFacts) -> list[Finding]:
    found: list[Finding] = []
    subject = f"impact:{impact.id}"
    if impact.severe and impact.affected_groups == 0:
        found.append(
            Finding(
                "severe_without_group",
                Level.ERROR,
                f"Severe impact “{impact.title}” names no affected group.",
                subject,
            )
        )
    if impact.severe and impact.all_actions == 0:
        found.append(
            Finding(
                "severe_without_action",
                Level.ERROR,
                f"Severe impact “{impact.title}” has no action.",
                subject,
            )
        )
    if impact.remedy_owed and not impact.has_remedy_action:
        found.append(
            Finding(
                "actual_harm_without_remedy",
                Level.ERROR,
                f"“{impact.title}” is actual harm you caused or contributed to, with no remedy action (GP 22).",
                subject,
            )
        )
    if impact.response_gaps and not (impact.severe and impact.all_actions == 0):
        found.append(
            Finding(
                "response_gap",
                Level.WARNING,
                f"“{impact.title}”: the plan does not yet cover: {'; '.join(impact.response_gaps)}.",
                subject,
            )
        )
    if impact.vulnerable_groups and not impact.disaggregated_tracking:
        found.append(
            Finding(
                "vulnerable_without_disaggregation",
                Level.WARNING,
                f"“{impact.title}” affects a vulnerable group but no measurement is broken down by group.",
                subject,
            )
        )
    for dimension in impact.rationale_missing:
        found.append(
            Finding(
                "rating_without_rationale",
                Level.ERROR,
                f"“{impact.title}”: the {dimension} rating of 3 or more has no rationale.",
                subject,
            )
        )
    return found


def _action_findings(action: ActionFacts) -> list[Finding]:
    if action.closed and not action.has_effectiveness_evidence:
        return [
            Finding(
                "closed_without_evidence",
                Level.WARNING,
                f"Action “{action.description[:60]}” is closed without evidence that it worked.",
                f"action:{action.id}",
            )
        ]
    return []


def _assessment_findings(facts: AssessmentFacts) -> list[Finding]:
    found: list[Finding] = []
    subject = f"assessment:{facts.id}"
    for category in facts.all_categories:
        if category not in facts.considered_categories:
            name = facts.category_titles.get(category, category)
            found.append(
                Finding(
                    "category_not_considered",
                    Level.WARNING,
                    f"Risk category “{name}” was never considered.",
                    subject,
                )
            )
    if facts.undecided_red_lines:
        found.append(
            Finding(
                "red_line_undecided",
                Level.ERROR,
                "A red-line hit has no decision at the top level.",
                subject,
            )
        )
    if facts.overdue:
        found.append(
            Finding("overdue", Level.WARNING, "The assessment is past its review period.", subject)
        )
    if facts.system_changed:
        found.append(
            Finding(
                "system_changed",
                Level.WARNING,
                "The system changed after this assessment was signed off.",
                subject,
            )
        )
    if facts.untested_languages:
        found.append(
            Finding(
                "safety_untested_languages",
                Level.WARNING,
                "Safety measures were not tested in: " + ", ".join(facts.untested_languages) + ".",
                subject,
            )
        )
    return found


def run_checks(facts: AssessmentFacts) -> list[Finding]:
    """All findings for one assessment, errors first."""
    found = _assessment_findings(facts)
    for impact in facts.impacts:
        found.extend(_impact_findings(impact))
    for action in facts.actions:
        found.extend(_action_findings(action))
    return sorted(found, key=lambda f: (f.level is not Level.ERROR, f.code))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level is Level.ERROR]
