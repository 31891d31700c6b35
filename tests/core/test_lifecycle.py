from datetime import UTC, datetime, timedelta

from rightslens.core.lifecycle import (
    ApprovalContext,
    ReviewFlag,
    State,
    approval_refusals,
    can_move,
    review_flags,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_states_move_only_forward_or_back_to_draft_from_review():
    assert can_move(State.DRAFT, State.IN_REVIEW)
    assert not can_move(State.DRAFT, State.APPROVED)
    assert not can_move(State.APPROVED, State.DRAFT)
    assert can_move(State.APPROVED, State.SUPERSEDED)


def test_severe_needs_senior_and_errors_are_listed():
    ctx = ApprovalContext(State.IN_REVIEW, True, False, ("Severe impact has no action",), 1)
    refusals = approval_refusals(ctx)
    assert len(refusals) == 3
    assert approval_refusals(ApprovalContext(State.IN_REVIEW, True, True)) == []


def test_review_flags_overdue_and_system_changed():
    approved = NOW - timedelta(days=400)
    flags = review_flags(
        state=State.APPROVED,
        approved_at=approved,
        created_at=approved,
        system_changed_at=NOW - timedelta(days=1),
        now=NOW,
        review_period_days=365,
    )
    assert flags == [ReviewFlag.OVERDUE, ReviewFlag.SYSTEM_CHANGED]
    assert (
        review_flags(
            state=State.SUPERSEDED,
            approved_at=approved,
            created_at=approved,
            system_changed_at=NOW,
            now=NOW,
            review_period_days=365,
        )
        == []
    )
