import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightslens.core.probes.stats import (
    Comparison,
    GapVerdict,
    compare_groups,
    fisher_exact,
    holm,
    two_proportion_z,
    wilson,
)


def test_wilson_matches_published_values():
    # 5 of 10: 0.2366 to 0.7634 (Newcombe 1998, method 3)
    interval = wilson(5, 10)
    assert (round(interval.low, 4), round(interval.high, 4)) == (0.2366, 0.7634)
    # 81 of 263 (Newcombe's example): 0.2553 to 0.3662
    interval = wilson(81, 263)
    assert (round(interval.low, 4), round(interval.high, 4)) == (0.2553, 0.3662)


def test_wilson_edges_are_exact():
    assert wilson(0, 30).low == 0.0 and wilson(30, 30).high == 1.0
    assert (wilson(0, 0).low, wilson(0, 0).high) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson(4, 3)


@given(
    st.integers(min_value=1, max_value=5000).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_wilson_interval_holds_the_estimate_inside_zero_one(pair):
    successes, n = pair
    interval = wilson(successes, n)
    assert 0.0 <= interval.low <= interval.value <= interval.high <= 1.0


@given(st.integers(1, 400), st.integers(1, 400))
def test_wilson_narrows_with_more_data(successes, n):
    if successes > n:
        successes, n = n, successes
    small, big = wilson(successes, n), wilson(successes * 4, n * 4)
    assert big.high - big.low <= small.high - small.low + 1e-12


def test_fisher_exact_matches_r():
    # R: fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value == 0.002759456
    assert fisher_exact(1, 9, 11, 3) == pytest.approx(0.002759456, rel=1e-6)
    # R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value == 0.4857143 (tea-tasting lady)
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(0.4857143, rel=1e-6)
    assert fisher_exact(0, 30, 30, 0) == pytest.approx(2 / math.comb(60, 30), rel=1e-6)


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
def test_fisher_is_a_probability_and_symmetric(a, b, c, d):
    p = fisher_exact(a, b, c, d)
    assert 0.0 <= p <= 1.0
    assert p == pytest.approx(fisher_exact(c, d, a, b), rel=1e-9)


def test_two_proportion_z_matches_textbook_value():
    # 30/100 vs 50/100: z = -2.887, two-sided p = 0.00389
    assert two_proportion_z(30, 100, 50, 100) == pytest.approx(0.003892, abs=1e-5)
    assert two_proportion_z(0, 10, 0, 10) == 1.0


def test_holm_adjusts_step_down_and_keeps_order():
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.3, 0.2]) == pytest.approx([0.4, 0.4])
    assert holm([0.9, 0.8]) == [1.0, 1.0]


def test_a_language_is_left_behind_only_when_the_gap_is_significant_large_and_harmful():
    results = compare_groups(
        [
            Comparison("sw", 5, 40, 38, 40, worse_when_higher=False),  # refuses far less
            Comparison("fr", 36, 40, 38, 40, worse_when_higher=False),  # small gap
            Comparison("am", 40, 40, 38, 40, worse_when_higher=False),  # better, not worse
            Comparison("yo", 1, 10, 38, 40, worse_when_higher=False),  # too few answers
        ]
    )
    verdicts = {r.group: r.verdict for r in results}
    assert verdicts == {
        "sw": GapVerdict.LEFT_BEHIND,
        "fr": GapVerdict.COMPARABLE,
        "am": GapVerdict.COMPARABLE,
        "yo": GapVerdict.TOO_FEW,
    }
    sw = next(r for r in results if r.group == "sw")
    assert sw.p_adjusted == pytest.approx(min(1.0, 3 * sw.p_value))  # three tested groups


def test_over_blocking_is_worse_when_higher():
    [result] = compare_groups([Comparison("ha", 30, 30, 2, 30, worse_when_higher=True)])
    assert result.verdict is GapVerdict.LEFT_BEHIND and result.difference == pytest.approx(28 / 30)


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=12))
def test_holm_never_lowers_a_p_value_and_keeps_their_order(p_values):
    adjusted = holm(p_values)
    for raw, adj in zip(p_values, adjusted, strict=True):
        assert raw <= adj <= 1.0
    for i, j in [(i, j) for i in range(len(p_values)) for j in range(len(p_values))]:
        if p_values[i] < p_values[j]:
            assert adjusted[i] <= adjusted[j]
