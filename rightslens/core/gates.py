"""Gates: where the UNGPs say "before", a step is required, not a warning.

Each gate is a pure function that returns the specific problems in the way, in plain words; an
empty list means the gate is open. The apps gather the facts, call the gate, refuse the step and
show the list. The table "this green light means …" in docs/gates.md lists every gate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rightslens.core import lifecycle

# ---- Is a system cleared? (CI check, system API) ----------------------------------------------


class Clearance(StrEnum):
    CLEARED = "cleared"
    IN_PROGRESS = "in_progress"
    ASSESSMENT_NEEDED = "assessment_needed"


#: Exit codes of `rightslens ci check`, one per clearance (2 is kept for usage and server errors).
EXIT_CODES: dict[Clearance, int] = {
    Clearance.CLEARED: 0,
    Clearance.ASSESSMENT_NEEDED: 3,
    Clearance.IN_PROGRESS: 4,
}

CLEARANCE_TEXT: dict[Clearance, str] = {
    Clearance.CLEARED: "Cleared: a current approved assessment covers the system as it is now.",
    Clearance.IN_PROGRESS: "In progress, not cleared: an assessment is open but not approved.",
    Clearance.ASSESSMENT_NEEDED: "Assessment needed: nothing current covers the system.",
}


@dataclass(frozen=True)
class OpenAssessment:
    id: int
    created_at: datetime


@dataclass(frozen=True)
class ClearanceResult:
    status: Clearance
    reasons: tuple[str, ...]
    suggested_kind: str
    covering_open_ids: tuple[int, ...]

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]


def system_clearance(
    *,
    approved_at: datetime | None,
    system_changed_at: datetime | None,
    open_assessments: tuple[OpenAssessment, ...],
    now: datetime,
    review_period_days: int,
) -> ClearanceResult:
    """Cleared only when the latest approval came after the system's last material change and is
    within the review period. An open assessment counts as "in progress" only if it was started
    after that change: an old draft does not cover a system that has changed since."""
    reasons: list[str] = []
    if approved_at is None:
        reasons.append("No approved assessment of this system.")
    else:
        flags = lifecycle.review_flags(
            state=lifecycle.State.APPROVED,
            approved_at=approved_at,
            created_at=approved_at,
            system_changed_at=system_changed_at,
            now=now,
            review_period_days=review_period_days,
        )
        reasons += [lifecycle.FLAG_TEXT[f] for f in flags]
    suggested = "full" if approved_at is None else "rapid"
    if not reasons:
        return ClearanceResult(Clearance.CLEARED, (), suggested, ())
    covering = tuple(
        a.id
        for a in open_assessments
        if system_changed_at is None or a.created_at >= system_changed_at
    )
    stale = [a.id for a in open_assessments if a.id not in covering]
    reasons += [
        f"Open assessment #{i} was started before the system's last change: it does not cover "
        "the system as it is now."
        for i in stale
    ]
    if covering:
        reasons += [f"Assessment #{i} is open: in progress, not approved." for i in covering]
        return ClearanceResult(Clearance.IN_PROGRESS, tuple(reasons), suggested, covering)
    return ClearanceResult(Clearance.ASSESSMENT_NEEDED, tuple(reasons), suggested, ())


# ---- Award of a procurement --------------------------------------------------------------------


@dataclass(frozen=True)
class NamedClause:
    title: str
    agreed: bool


@dataclass(frozen=True)
class AwardFacts:
    screened: bool
    red_line_hits_undecided: bool
    use_stopped: bool
    vendor_conclusion: str  # "" when the vendor review is not concluded
    vendor_conclusion_label: str
    assessment_state: str | None  # None when no pre-procurement assessment is open
    named_clauses: tuple[NamedClause, ...]
    affected_groups: tuple[str, ...]
    unengaged_groups: tuple[str, ...]


_NO_GO_CONCLUSIONS = frozenset({"escalate", "do_not_proceed"})


def _award_diligence_problems(facts: AwardFacts) -> list[str]:
    problems: list[str] = []
    if not facts.screened:
        problems.append("Screen the use case against red lines.")
    elif facts.red_line_hits_undecided:
        problems.append("A red-line hit awaits a decision by the senior role.")
    elif facts.use_stopped:
        problems.append("The senior role decided to stop this use: it cannot be awarded.")
    if not facts.vendor_conclusion:
        problems.append("Conclude the vendor questionnaire.")
    elif facts.vendor_conclusion in _NO_GO_CONCLUSIONS:
        problems.append(f"The vendor review concluded '{facts.vendor_conclusion_label}'.")
    if facts.assessment_state is None:
        problems.append("Open the pre-procurement human rights assessment.")
    elif facts.assessment_state != lifecycle.State.APPROVED:
        problems.append(
            "The pre-procurement human rights assessment is not approved yet "
            f"(it is {facts.assessment_state.replace('_', ' ')})."
        )
    return problems


def award_problems(facts: AwardFacts) -> list[str]:
    """What stands between a procurement and its award (UNGP 17-19: due diligence before the deal)."""
    problems = _award_diligence_problems(facts)
    problems += [
        f"The clause '{c.title}' is named in the award conditions but not agreed in the contract."
        for c in facts.named_clauses
        if not c.agreed
    ]
    if not facts.affected_groups:
        problems.append(
            "No affected groups are recorded for the system: record who is affected and engage them."
        )
    problems += [
        f"'{group}' has not been engaged (directly or through a credible proxy)."
        for group in facts.unengaged_groups
    ]
    return problems


# ---- A customer (or vendor) relationship concluded as high risk --------------------------------


def high_risk_conclusion_problems(
    *, conclusion: str, supply_conditions: str, leverage_actions: int
) -> list[str]:
    """ "Escalate" or "do not proceed" for a customer needs a leverage plan (UNGP 19): the conditions
    to be met before supply, and at least one leverage action recorded with the counterparty."""
    if conclusion not in _NO_GO_CONCLUSIONS:
        return []
    problems: list[str] = []
    if not supply_conditions.strip():
        problems.append("State the conditions that must be met before anything is supplied.")
    if leverage_actions == 0:
        problems.append(
            "Record at least one leverage action with this customer (what you will do to change "
            "the practice) before concluding."
        )
    return problems


# ---- Approval of an assessment -------------------------------------------------------------------

#: Kinds that claim to have looked at every risk category (a rapid or targeted review does not).
COMPLETE_COVERAGE_KINDS = frozenset({"full", "periodic"})


@dataclass(frozen=True)
class CategoryFacts:
    titles: dict[str, str]  # every risk category id -> title, in catalogue order
    decided: frozenset[str]  # an impact recorded, or "not relevant" with a reason
    dismissed: frozenset[str]  # marked "not relevant"
    open_suggestions: tuple[tuple[str, str], ...]  # (category id, suggestion title), undecided


def category_problems(kind: str, facts: CategoryFacts) -> list[str]:
    """A full or periodic assessment is approved only with every risk category decided (UNGP 18:
    identify across all rights), and no suggestion left open in a category called not relevant."""
    if kind not in COMPLETE_COVERAGE_KINDS:
        return []
    problems = [
        f"Risk category “{title}” is not decided: record an impact, or mark it not relevant "
        "with a reason."
        for ref, title in facts.titles.items()
        if ref not in facts.decided
    ]
    problems += [
        f"“{facts.titles.get(ref, ref)}” was marked not relevant, but the suggestion “{title}” "
        "in it is still open: accept or dismiss it."
        for ref, title in facts.open_suggestions
        if ref in facts.dismissed
    ]
    return problems


@dataclass(frozen=True)
class SevereImpactEngagement:
    title: str
    affected_groups: tuple[str, ...]
    unheard_groups: tuple[str, ...]  # neither heard themselves nor through a credible proxy
    gap_reason: str  # why they could not be engaged, if recorded


def severe_engagement_problems(impacts: tuple[SevereImpactEngagement, ...]) -> list[str]:
    """Approving severe impacts needs the people affected heard (UNGP 18(b)), directly or through
    credible proxies, or a recorded reason why that was not possible."""
    problems: list[str] = []
    for impact in impacts:
        if impact.gap_reason.strip():
            continue
        problems += [
            f"Severe impact “{impact.title}”: “{group}” has not been engaged (directly or "
            "through a credible proxy); record the engagement, or the reason it was not possible."
            for group in impact.unheard_groups
        ]
    return problems
