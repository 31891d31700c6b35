"""The severity and priority rules (GP 14 and 24), as properties that must hold for every rating."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightslens.core.severity import (
    ImpactRating,
    Irremediability,
    Likelihood,
    Scale,
    Scope,
    Severity,
    SeverityBand,
    prioritise,
    priority_key,
    rating_errors,
)

levels = st.integers(min_value=1, max_value=4)
likelihoods = st.sampled_from(list(Likelihood))
severities = st.builds(
    lambda a, b, c: Severity(Scale(a), Scope(b), Irremediability(c)), levels, levels, levels
)
ratings = st.one_of(
    st.builds(lambda s: ImpactRating(s, actual=True), severities),
    st.builds(lambda s, lk: ImpactRating(s, actual=False, likelihood=lk), severities, likelihoods),
)
DIMENSIONS = ("scale", "scope", "irremediability")
ENUMS = {"scale": Scale, "scope": Scope, "irremediability": Irremediability}


def raised(rating: ImpactRating, dimension: str) -> ImpactRating:
    values = {d: int(getattr(rating.severity, d)) for d in DIMENSIONS}
    values[dimension] = min(values[dimension] + 1, 4)
    severity = Severity(*(ENUMS[d](values[d]) for d in DIMENSIONS))
    return ImpactRating(severity, rating.actual, rating.likelihood)


@given(ratings, st.sampled_from(DIMENSIONS))
def test_raising_any_dimension_never_lowers_priority(rating, dimension):
    assert priority_key(raised(rating, dimension)) >= priority_key(rating)


@given(severities, likelihoods, likelihoods)
def test_raising_likelihood_never_lowers_priority(severity, low, high):
    low, high = sorted((low, high))
    assert priority_key(ImpactRating(severity, False, high)) >= priority_key(
        ImpactRating(severity, False, low)
    )


@given(severities, severities, likelihoods, likelihoods)
def test_no_likelihood_lifts_a_less_severe_potential_impact_above_a_more_severe_one(a, b, la, lb):
    if a.band == b.band:
        return
    more, less = (a, b) if a.band > b.band else (b, a)
    ranked = prioritise([ImpactRating(less, False, la), ImpactRating(more, False, lb)])
    assert ranked[0].severity == more


@given(severities, severities, likelihoods)
def test_any_likelihood_only_breaks_ties_of_severity(a, b, likelihood):
    if a.key() > b.key():
        assert priority_key(ImpactRating(a, False, Likelihood.RARE)) > priority_key(
            ImpactRating(b, False, likelihood)
        )


@given(severities, likelihoods)
def test_an_actual_impact_never_ranks_below_a_potential_one_of_equal_severity(severity, likelihood):
    assert priority_key(ImpactRating(severity, True)) > priority_key(
        ImpactRating(severity, False, likelihood)
    )


@given(severities)
def test_any_dimension_at_its_extreme_makes_the_impact_severe(severity):
    extreme = 4 in (severity.scale, severity.scope, severity.irremediability)
    assert severity.is_severe == extreme
    assert severity.band == SeverityBand(
        max(severity.scale, severity.scope, severity.irremediability)
    )


def test_irremediable_impacts_come_first_within_a_band():
    irreversible = Severity(Scale.MINOR, Scope.INDIVIDUALS, Irremediability.IRREVERSIBLE)
    widespread = Severity(Scale.SERIOUS, Scope.WIDESPREAD, Irremediability.REMEDIABLE_WITH_EFFORT)
    assert irreversible.band == widespread.band == SeverityBand.SEVERE
    assert priority_key(ImpactRating(irreversible, False, Likelihood.RARE)) > priority_key(
        ImpactRating(widespread, False, Likelihood.ALMOST_CERTAIN)
    )


def test_many_small_ratings_never_add_up_to_one_extreme():
    many_moderate = Severity(Scale.SERIOUS, Scope.LARGE_GROUP, Irremediability.HARD_TO_REMEDY)
    one_extreme = Severity(Scale.MINOR, Scope.INDIVIDUALS, Irremediability.IRREVERSIBLE)
    assert one_extreme.key() > many_moderate.key()


def test_a_rating_must_be_consistent_with_actual_or_potential():
    severity = Severity(Scale.MINOR, Scope.INDIVIDUALS, Irremediability.READILY_REMEDIABLE)
    with pytest.raises(ValueError, match="actual"):
        ImpactRating(severity, True, Likelihood.LIKELY)
    with pytest.raises(ValueError, match="likelihood"):
        ImpactRating(severity, False, None)


@given(st.integers(min_value=-5, max_value=9), st.booleans())
def test_rating_errors_name_each_bad_field(value, actual):
    errors = rating_errors(
        {"scale": value, "scope": 2, "irremediability": 2},
        actual=actual,
        likelihood=None if actual else 3,
    )
    if 1 <= value <= 4:
        assert ("scale" in errors) is False
        assert ("scale_rationale" in errors) == (value >= 3)
    else:
        assert "scale" in errors
    assert set(errors) <= {"scale", "scale_rationale"}


def test_rating_errors_refuse_likelihood_on_actual_and_require_it_on_potential():
    base = {"scale": 1, "scope": 1, "irremediability": 1}
    assert "likelihood" in rating_errors(base, actual=True, likelihood=2)
    assert "likelihood" in rating_errors(base, actual=False, likelihood=None)
    assert "likelihood" in rating_errors(base, actual=False, likelihood=6)
    assert rating_errors(base, actual=False, likelihood=5) == {}


def test_the_declared_dimensions_are_exactly_the_fields_of_severity():
    from dataclasses import fields

    from rightslens.core.impact_fields import IMPACT_FIELDS, RATING_FIELDS
    from rightslens.core.severity import SEVERITY_DIMENSIONS, Severity

    assert [d.name for d in SEVERITY_DIMENSIONS] == [f.name for f in fields(Severity)]
    assert set(RATING_FIELDS) <= set(IMPACT_FIELDS)
    assert rating_errors({}, actual=True, likelihood=None).keys() == {
        d.name for d in SEVERITY_DIMENSIONS
    }
