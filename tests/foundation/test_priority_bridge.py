"""The stored-impact bridge (assessments.rules) keeps the core's order, and ignores business risk."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rightslens.assessments.models import Impact
from rightslens.assessments.rules import impact_apply_rules, impact_rating, priority_number
from rightslens.core.severity import priority_key

levels = st.integers(min_value=1, max_value=4)
stored = st.builds(
    lambda scale, scope, irr, actual, likelihood, business: Impact(
        scale=scale,
        scope=scope,
        irremediability=irr,
        actual=actual,
        likelihood=None if actual else likelihood,
        business_risk=business,
        involvement="cause",
    ),
    levels,
    levels,
    levels,
    st.booleans(),
    st.integers(min_value=1, max_value=5),
    st.one_of(st.none(), levels),
)


@given(stored, stored)
def test_the_stored_number_sorts_exactly_like_the_core_key(a, b):
    ka, kb = priority_key(impact_rating(a)), priority_key(impact_rating(b))
    na, nb = priority_number(impact_rating(a)), priority_number(impact_rating(b))
    assert (ka > kb) == (na > nb) and (ka == kb) == (na == nb)


@given(stored, st.one_of(st.none(), levels))
def test_business_risk_never_changes_the_stored_priority(impact, other_business_risk):
    impact_apply_rules(impact)
    before = (impact.priority, impact.severity_band)
    impact.business_risk = other_business_risk
    impact_apply_rules(impact)
    assert (impact.priority, impact.severity_band) == before
