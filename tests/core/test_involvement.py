"""What each involvement requires (GP 19 and 22)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rightslens.core.involvement import (
    ActionType,
    Involvement,
    required_response,
    unmet_requirements,
)

action_sets = st.sets(st.sampled_from(list(ActionType)))


def codes(involvement, actual):
    return [r.code for r in required_response(involvement, actual=actual).requirements]


def test_causing_requires_stopping_and_remedy_once_harm_happened():
    assert codes(Involvement.CAUSE, False) == ["stop"]
    assert codes(Involvement.CAUSE, True) == ["stop", "remedy"]
    assert required_response(Involvement.CAUSE, actual=True).remedy_duty


def test_contributing_requires_stopping_the_contribution_and_leverage_and_a_share_of_remedy():
    assert codes(Involvement.CONTRIBUTE, False) == ["stop_contribution", "leverage"]
    assert codes(Involvement.CONTRIBUTE, True) == ["stop_contribution", "leverage", "remedy"]


@given(st.booleans())
def test_a_direct_link_requires_leverage_and_no_duty_to_remedy(actual):
    response = required_response(Involvement.DIRECTLY_LINKED, actual=actual)
    assert codes(Involvement.DIRECTLY_LINKED, actual) == ["leverage"]
    assert not response.remedy_duty
    assert "ending the relationship" in response.guidance


@given(st.sampled_from(list(Involvement)), st.booleans(), action_sets, action_sets)
def test_more_actions_never_leave_more_requirements_unmet(involvement, actual, some, more):
    response = required_response(involvement, actual=actual)
    assert len(unmet_requirements(response, some | more)) <= len(unmet_requirements(response, some))


@given(st.sampled_from(list(Involvement)), st.booleans())
def test_mitigation_alone_never_meets_a_requirement(involvement, actual):
    response = required_response(involvement, actual=actual)
    assert unmet_requirements(response, {ActionType.MITIGATE}) == list(response.requirements)


@given(st.sampled_from(list(Involvement)), st.booleans())
def test_every_action_type_together_meets_every_requirement(involvement, actual):
    assert unmet_requirements(required_response(involvement, actual=actual), set(ActionType)) == []


@given(st.sampled_from(list(Involvement)), st.booleans())
def test_severity_makes_the_response_more_urgent_but_never_changes_what_it_requires(
    involvement, actual
):
    ordinary = required_response(involvement, actual=actual)
    severe = required_response(involvement, actual=actual, severe=True)
    assert severe.requirements == ordinary.requirements
    assert severe.remedy_duty == ordinary.remedy_duty
    assert severe.guidance.startswith(ordinary.guidance) and severe.guidance != ordinary.guidance


def test_a_severe_direct_link_needs_change_sooner_before_deciding_on_the_relationship():
    guidance = required_response(Involvement.DIRECTLY_LINKED, actual=True, severe=True).guidance
    assert "more quickly" in guidance and "end the relationship" in guidance
