from datetime import date

from rightslens.core.effectiveness import (
    IndicatorRule,
    Point,
    Verdict,
    assess_groups,
    left_behind,
    series_verdict,
)

RATE = IndicatorRule(lower_is_better=True, tolerance=3.0, min_group_size=50)


def _series(*values: float, n: int = 500) -> list[Point]:
    return [Point(date(2026, month + 1, 1), v, n) for month, v in enumerate(values)]


def test_a_group_far_worse_than_overall_is_left_behind_even_if_it_improves():
    results = assess_groups(RATE, _series(10, 6), {("language", "sw"): _series(20, 15)})
    assert [r.verdict for r in results] == [Verdict.LEFT_BEHIND]
    assert results[0].gap == 9


def test_a_group_close_to_overall_that_improves_is_working():
    results = assess_groups(RATE, _series(10, 6), {("language", "en"): _series(9, 5)})
    assert results[0].verdict is Verdict.WORKING


def test_a_small_group_is_not_judged():
    results = assess_groups(
        RATE, _series(10, 6), {("language", "yo"): [Point(date(2026, 2, 1), 40, 12)]}
    )
    assert results[0].verdict is Verdict.TOO_FEW
    assert "12" in results[0].reason


def test_higher_is_better_indicators_compare_the_other_way():
    rule = IndicatorRule(lower_is_better=False, tolerance=5, min_group_size=1)
    results = assess_groups(rule, _series(80, 90), {("gender", "women"): _series(70, 80)})
    assert results[0].verdict is Verdict.LEFT_BEHIND


def test_a_target_met_counts_as_working_without_history():
    rule = IndicatorRule(lower_is_better=True, tolerance=5, min_group_size=1, target=5)
    results = assess_groups(rule, _series(4), {("region", "north"): _series(4)})
    assert results[0].verdict is Verdict.WORKING


def test_left_behind_groups_come_first():
    results = assess_groups(
        RATE,
        _series(10, 6),
        {("language", "en"): _series(9, 5), ("language", "id"): _series(15, 14)},
    )
    assert [r.group for r in left_behind(results)] == ["id"]
    assert results[0].group == "id"


def test_a_group_is_compared_with_the_overall_value_of_its_own_measurement_date():
    # In January the group was far behind (15 against 5). The February round was not broken down
    # by group and the overall figure got worse; that later figure must not hide the January gap.
    overall = [Point(date(2026, 1, 1), 5, 500), Point(date(2026, 2, 1), 14, 500)]
    group = [Point(date(2026, 1, 1), 15, 80)]
    results = assess_groups(RATE, overall, {("language", "am"): group})
    assert results[0].verdict is Verdict.LEFT_BEHIND
    assert results[0].gap == 10


# ---- A trend needs at least two measurement rounds ----


def test_one_measurement_is_not_judged_as_a_trend():
    verdict, reason = series_verdict(RATE, _series(3))
    assert verdict is Verdict.ONE_ROUND
    assert "then" not in reason


def test_two_measurements_on_the_same_day_are_one_round():
    same_day = [Point(date(2026, 1, 1), 3, 500), Point(date(2026, 1, 1), 3, 500)]
    assert series_verdict(RATE, same_day)[0] is Verdict.ONE_ROUND


def test_two_rounds_without_improvement_are_not_improving():
    verdict, reason = series_verdict(RATE, _series(3, 3))
    assert verdict is Verdict.NOT_IMPROVING
    assert reason == "No improvement: 3 then 3."


def test_a_single_group_measurement_close_to_overall_is_one_round():
    results = assess_groups(RATE, _series(10, 6), {("language", "en"): _series(5)})
    assert results[0].verdict is Verdict.ONE_ROUND
