"""Invariants of the per-group verdicts, over many generated series."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from rightslens.core.effectiveness import IndicatorRule, Point, Verdict, group_result

values = st.floats(min_value=0, max_value=100, allow_nan=False)


def _series(vals, n):
    return [Point(date(2026, 1, 1) + timedelta(days=30 * i), v, n) for i, v in enumerate(vals)]


@given(
    st.lists(values, min_size=1, max_size=5),
    st.lists(values, min_size=1, max_size=5),
    st.floats(min_value=0, max_value=20),
    st.booleans(),
)
def test_left_behind_exactly_when_the_gap_exceeds_the_tolerance(
    group_vals, overall_vals, tolerance, lower
):
    rule = IndicatorRule(lower_is_better=lower, tolerance=tolerance, min_group_size=10)
    result = group_result(
        rule, "language", "x", _series(group_vals, 50), _series(overall_vals, 500)
    )
    # Both series share dates; the group is compared with the overall value of its latest date
    # (or the last overall value before it).
    reference = overall_vals[min(len(group_vals), len(overall_vals)) - 1]
    gap = group_vals[-1] - reference if lower else reference - group_vals[-1]
    assert (result.verdict is Verdict.LEFT_BEHIND) == (gap > tolerance)


@given(st.lists(values, min_size=1, max_size=5), st.integers(min_value=0, max_value=9))
def test_groups_below_the_minimum_size_are_never_judged(group_vals, n):
    rule = IndicatorRule(lower_is_better=True, tolerance=0, min_group_size=10)
    result = group_result(rule, "gender", "x", _series(group_vals, n), _series([0.0], 500))
    assert result.verdict is Verdict.TOO_FEW
