"""FRIA sign-off rules, pure: which gaps are still unanswered and why an approval is refused."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def gap_key(item: str, gap: str) -> str:
    """How a gap is named when a reason for leaving it open is recorded."""
    return f"{item}: {gap}"


def open_gaps(items: Iterable[tuple[str, Sequence[str]]]) -> list[str]:
    return [gap_key(item, gap) for item, gaps in items for gap in gaps]


def unanswered_gaps(gaps: Sequence[str], reasons: Mapping[str, str]) -> list[str]:
    """The gaps with no recorded reason for leaving them open."""
    return [gap for gap in gaps if not str(reasons.get(gap, "")).strip()]


def fria_approval_problems(
    *,
    in_review: bool,
    approver_is_senior: bool,
    unanswered: Sequence[str],
    independence: str | None,
) -> list[str]:
    """Every reason the approval is refused; empty when it may go ahead."""
    problems: list[str] = []
    if not in_review:
        problems.append("Only a FRIA in review can be approved: send it for review first.")
    if not approver_is_senior:
        problems.append("Approving a FRIA needs the senior (owner) role.")
    if independence:
        problems.append(independence)
    problems.extend(
        f"Gap not answered: {gap} (fill it in, or record why it stays open)." for gap in unanswered
    )
    return problems
