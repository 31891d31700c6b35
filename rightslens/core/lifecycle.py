"""The life of an assessment: draft -> in review -> approved -> superseded.

An approved assessment is frozen. It is replaced only by a newer version, which supersedes it when
that version is itself approved. Approval of an assessment with a severe impact needs the senior
role; failing error-level quality checks and undecided red-line hits refuse approval outright.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


ALLOWED: dict[State, frozenset[State]] = {
    State.DRAFT: frozenset({State.IN_REVIEW}),
    State.IN_REVIEW: frozenset({State.DRAFT, State.APPROVED}),
    State.APPROVED: frozenset({State.SUPERSEDED}),
    State.SUPERSEDED: frozenset(),
}


def can_move(current: State, target: State) -> bool:
    return target in ALLOWED[current]


def is_frozen(state: State) -> bool:
    """Approved and superseded assessments are a record: their content no longer changes."""
    return state in {State.APPROVED, State.SUPERSEDED}


@dataclass(frozen=True)
class ApprovalContext:
    current: State
    has_severe_impact: bool
    approver_is_senior: bool
    failing_errors: tuple[str, ...] = ()
    undecided_red_lines: int = 0


def approval_refusals(ctx: ApprovalContext) -> list[str]:
    """Why this approval cannot happen; empty when it may."""
    reasons: list[str] = []
    if not can_move(ctx.current, State.APPROVED):
        reasons.append("Only an assessment in review can be approved: send it for review first.")
    if ctx.has_severe_impact and not ctx.approver_is_senior:
        reasons.append(
            "This assessment has a severe impact: approval needs the senior (owner) role."
        )
    if ctx.undecided_red_lines:
        reasons.append("A red-line hit has not been decided at the top level.")
    reasons.extend(f"Quality check fails: {message}" for message in ctx.failing_errors)
    return reasons


class ReviewFlag(StrEnum):
    OVERDUE = "overdue"
    SYSTEM_CHANGED = "system_changed"


def review_flags(
    *,
    state: State,
    approved_at: datetime | None,
    created_at: datetime,
    system_changed_at: datetime | None,
    now: datetime,
    review_period_days: int,
) -> list[ReviewFlag]:
    """Flags that an assessment needs attention: past its review period, or its system changed.

    The review period runs from approval (or creation while never approved). A superseded
    assessment has been replaced, so it raises no flags of its own.
    """
    if state is State.SUPERSEDED:
        return []
    flags: list[ReviewFlag] = []
    start = approved_at or created_at
    if now - start > timedelta(days=review_period_days):
        flags.append(ReviewFlag.OVERDUE)
    if (
        approved_at is not None
        and system_changed_at is not None
        and system_changed_at > approved_at
    ):
        flags.append(ReviewFlag.SYSTEM_CHANGED)
    return flags


FLAG_TEXT: dict[ReviewFlag, str] = {
    ReviewFlag.OVERDUE: "Past the organisation's review period",
    ReviewFlag.SYSTEM_CHANGED: "System changed after sign-off",
}
