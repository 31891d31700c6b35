from rightslens.core.engagement import impact_coverage, share_outside_na_we


def test_share_outside_north_america_and_western_europe():
    assert share_outside_na_we([]) is None
    assert share_outside_na_we(["africa", "western_europe", "north_america", "global"]) == 1 / 3
    assert share_outside_na_we(["global", "global"]) is None


def test_coverage_splits_groups_into_heard_elsewhere_and_unheard():
    result = impact_coverage({1, 2, 3}, heard_on_impact={1, 9}, heard_anywhere={1, 2, 9})
    assert result.heard == {1}
    assert result.heard_elsewhere == {2}
    assert result.unheard == {3}
