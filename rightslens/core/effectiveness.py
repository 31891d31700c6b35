"""Is a mitigation working, and for whom? (UNGP 20: track effectiveness, disaggregated by group.)

An indicator is measured over time, overall and broken down by group (language, gender, age band,
disability, region). For each group we decide one verdict from its own series:

- ``too_few``: its latest measurement covers fewer people than the indicator's minimum group size,
  so no conclusion is drawn (small groups are reported, never silently merged away).
- ``left_behind``: its latest value is worse than the overall value measured at the same time by
  more than the indicator's tolerance (in the indicator's own units). This wins over improvement: a group that
  improves but stays far behind everyone else is still left behind.
- ``working``: it meets the target, or (without a target) its latest value is better than its
  first one.
- ``one_round``: measured in one round only (one date): a trend needs at least two rounds, so
  neither "working" by improvement nor "not improving" is claimed from a single measurement.
- ``not_improving``: none of the above.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Verdict(StrEnum):
    WORKING = "working"
    NOT_IMPROVING = "not_improving"
    LEFT_BEHIND = "left_behind"
    TOO_FEW = "too_few"
    ONE_ROUND = "one_round"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return VERDICT_TEXT[self]


VERDICT_TEXT: dict[Verdict, str] = {
    Verdict.WORKING: "Working",
    Verdict.NOT_IMPROVING: "Not improving",
    Verdict.LEFT_BEHIND: "Left behind",
    Verdict.TOO_FEW: "Too few people to judge",
    Verdict.ONE_ROUND: "One measurement round: too early to judge a trend",
    Verdict.NO_DATA: "No data yet",
}


@dataclass(frozen=True)
class IndicatorRule:
    lower_is_better: bool
    tolerance: float
    min_group_size: int
    target: float | None = None


@dataclass(frozen=True)
class Point:
    on: date
    value: float
    n: int | None = None


@dataclass(frozen=True)
class GroupResult:
    dimension: str
    group: str
    verdict: Verdict
    latest: float | None
    n: int | None
    gap: float | None
    reason: str


def _worse_by(rule: IndicatorRule, value: float, reference: float) -> float:
    """How much worse `value` is than `reference` (positive = worse), in indicator units."""
    return value - reference if rule.lower_is_better else reference - value


def _meets_target(rule: IndicatorRule, value: float) -> bool:
    if rule.target is None:
        return False
    return value <= rule.target if rule.lower_is_better else value >= rule.target


#: Measurement rounds (distinct dates) needed before a series is judged improving or not.
MIN_ROUNDS_FOR_TREND = 2


def series_verdict(rule: IndicatorRule, series: list[Point]) -> tuple[Verdict, str]:
    """Verdict for a series on its own (no comparison with others)."""
    if not series:
        return Verdict.NO_DATA, "No measurements yet."
    ordered = sorted(series, key=lambda p: p.on)
    first, latest = ordered[0], ordered[-1]
    if _meets_target(rule, latest.value):
        return Verdict.WORKING, f"Latest value {latest.value:g} meets the target {rule.target:g}."
    if len({p.on for p in ordered}) < MIN_ROUNDS_FOR_TREND:
        return (
            Verdict.ONE_ROUND,
            f"Measured once ({latest.value:g}); a trend needs at least {MIN_ROUNDS_FOR_TREND} rounds.",
        )
    if _worse_by(rule, latest.value, first.value) < 0:
        return Verdict.WORKING, f"Improved from {first.value:g} to {latest.value:g}."
    return Verdict.NOT_IMPROVING, f"No improvement: {first.value:g} then {latest.value:g}."


def _overall_when(overall: list[Point], on: date) -> Point:
    """The overall measurement to compare a group's value of `on` with: the latest one taken on or
    before that date (else the earliest). Comparing with a later overall value would measure the
    group against a different state of the system and could hide a group left behind."""
    earlier = [p for p in overall if p.on <= on]
    if earlier:
        return max(earlier, key=lambda p: p.on)
    return min(overall, key=lambda p: p.on)


def group_result(
    rule: IndicatorRule, dimension: str, group: str, series: list[Point], overall: list[Point]
) -> GroupResult:
    if not series:
        return GroupResult(
            dimension, group, Verdict.NO_DATA, None, None, None, "No measurements yet."
        )
    latest = max(series, key=lambda p: p.on)
    if latest.n is not None and latest.n < rule.min_group_size:
        return GroupResult(
            dimension,
            group,
            Verdict.TOO_FEW,
            latest.value,
            latest.n,
            None,
            f"Only {latest.n} people measured; at least {rule.min_group_size} are needed to judge.",
        )
    gap: float | None = None
    if overall:
        reference = _overall_when(overall, latest.on).value
        gap = _worse_by(rule, latest.value, reference)
        if gap > rule.tolerance:
            return GroupResult(
                dimension,
                group,
                Verdict.LEFT_BEHIND,
                latest.value,
                latest.n,
                gap,
                f"Worse than overall ({reference:g}) by {gap:g}, more than the tolerance {rule.tolerance:g}.",
            )
    verdict, reason = series_verdict(rule, series)
    return GroupResult(dimension, group, verdict, latest.value, latest.n, gap, reason)


def assess_groups(
    rule: IndicatorRule, overall: list[Point], groups: dict[tuple[str, str], list[Point]]
) -> list[GroupResult]:
    """One result per (dimension, group), worst first (left behind, then too few, ...)."""
    order = [
        Verdict.LEFT_BEHIND,
        Verdict.NOT_IMPROVING,
        Verdict.TOO_FEW,
        Verdict.ONE_ROUND,
        Verdict.NO_DATA,
        Verdict.WORKING,
    ]
    results = [group_result(rule, dim, grp, pts, overall) for (dim, grp), pts in groups.items()]
    return sorted(results, key=lambda r: (order.index(r.verdict), r.dimension, r.group))


def left_behind(results: list[GroupResult]) -> list[GroupResult]:
    return [r for r in results if r.verdict is Verdict.LEFT_BEHIND]
