"""What the company's involvement in an impact requires it to do (GP 19 and 22).

- Causes (or may cause): cease or prevent; remedy any actual harm.
- Contributes: cease or prevent its contribution; use leverage on the remaining impact;
  remedy its share of actual harm.
- Directly linked through a business relationship: use, and if needed build, leverage; consider
  ending the relationship, weighing how crucial it is, the severity, and the harm ending it may do.
  No duty to remedy, though it may enable remedy.

Severity shapes the response too (GP 19 and 24 commentary): a severe impact is addressed first and
urgently, and where it is directly linked, the more severe it is the more quickly the company must
see change before deciding whether to end the relationship.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Involvement(StrEnum):
    CAUSE = "cause"
    CONTRIBUTE = "contribute"
    DIRECTLY_LINKED = "directly_linked"


class ActionType(StrEnum):
    CEASE = "cease"
    PREVENT = "prevent"
    MITIGATE = "mitigate"
    USE_LEVERAGE = "use_leverage"
    BUILD_LEVERAGE = "build_leverage"
    REMEDY = "remedy"


@dataclass(frozen=True)
class Requirement:
    """One thing the response must include, met by any of the listed action types."""

    code: str
    label: str
    met_by: frozenset[ActionType]


_STOP = Requirement(
    "stop",
    "Cease the activity or prevent it from happening",
    frozenset({ActionType.CEASE, ActionType.PREVENT}),
)
_STOP_SHARE = Requirement(
    "stop_contribution",
    "Cease or prevent your contribution",
    frozenset({ActionType.CEASE, ActionType.PREVENT}),
)
_LEVERAGE = Requirement(
    "leverage",
    "Use leverage to mitigate the remaining impact",
    frozenset({ActionType.USE_LEVERAGE, ActionType.BUILD_LEVERAGE}),
)
_LINKED_LEVERAGE = Requirement(
    "leverage",
    "Use or build leverage over the business relationship",
    frozenset({ActionType.USE_LEVERAGE, ActionType.BUILD_LEVERAGE}),
)
_REMEDY = Requirement("remedy", "Provide remedy for the harm", frozenset({ActionType.REMEDY}))
_REMEDY_SHARE = Requirement(
    "remedy", "Provide or cooperate in remedy for your share", frozenset({ActionType.REMEDY})
)


@dataclass(frozen=True)
class Response:
    involvement: Involvement
    requirements: tuple[Requirement, ...]
    guidance: str
    remedy_duty: bool


_SEVERE_OWN = (
    " The impact is severe: address it first and without delay, since delay can make it harder "
    "or impossible to put right."
)
_SEVERE_LINKED = (
    " The impact is severe: the more severe it is, the more quickly you need to see change "
    "before deciding whether to end the relationship; while you stay, be able to show your "
    "ongoing efforts to mitigate it."
)


def required_response(involvement: Involvement, *, actual: bool, severe: bool = False) -> Response:
    """The response the UNGPs call for, given involvement, whether harm has happened, and severity.

    Severity never removes a requirement; it makes the guidance more urgent (GP 19 commentary).
    """
    response = _response_by_involvement(involvement, actual=actual)
    if not severe:
        return response
    extra = _SEVERE_LINKED if involvement is Involvement.DIRECTLY_LINKED else _SEVERE_OWN
    return Response(
        response.involvement, response.requirements, response.guidance + extra, response.remedy_duty
    )


def _response_by_involvement(involvement: Involvement, *, actual: bool) -> Response:
    reqs: tuple[Requirement, ...]
    if involvement is Involvement.CAUSE:
        reqs = (_STOP, _REMEDY) if actual else (_STOP,)
        return Response(
            involvement,
            reqs,
            "You cause (or may cause) this impact: cease or prevent it"
            + (", and provide remedy to those harmed." if actual else "."),
            remedy_duty=actual,
        )
    if involvement is Involvement.CONTRIBUTE:
        reqs = (_STOP_SHARE, _LEVERAGE, _REMEDY_SHARE) if actual else (_STOP_SHARE, _LEVERAGE)
        return Response(
            involvement,
            reqs,
            "You contribute to this impact: cease or prevent your contribution and use leverage "
            "on the rest" + (", and remedy your share." if actual else "."),
            remedy_duty=actual,
        )
    return Response(
        involvement,
        (_LINKED_LEVERAGE,),
        "The impact is directly linked to your products or services through a business "
        "relationship: use or build leverage. If leverage fails, consider ending the "
        "relationship, weighing how crucial it is, the severity, and the harm ending it could "
        "cause. You have no duty to remedy, but you may help enable it.",
        remedy_duty=False,
    )


def unmet_requirements(response: Response, action_types: set[ActionType]) -> list[Requirement]:
    """Requirements of the response that no planned action covers yet."""
    return [r for r in response.requirements if not (r.met_by & action_types)]
