"""Severity to people, as the UNGPs define it (GP 14 and 24), and the priority order it implies.

Severity has three dimensions: scale (how grave), scope (how many people, how widespread) and
irremediability (how hard it is to put right). An impact is *severe* when any one dimension is at
its extreme: a single irreversible harm to one person is severe even if nothing else is.

Likelihood matters only for potential impacts and never outweighs severity (GP 24 commentary):
it breaks ties between impacts of equal severity, nothing more. Actual impacts are not discounted
by likelihood: they rank as if certain. Risk to the business is never an input here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any


class Scale(IntEnum):
    """How grave the harm is to the people affected."""

    MINOR = 1
    MODERATE = 2
    SERIOUS = 3
    GRAVE = 4


class Scope(IntEnum):
    """How many people are, or could be, affected."""

    INDIVIDUALS = 1
    GROUP = 2
    LARGE_GROUP = 3
    WIDESPREAD = 4


class Irremediability(IntEnum):
    """How hard it is to restore those affected to their situation before the harm."""

    READILY_REMEDIABLE = 1
    REMEDIABLE_WITH_EFFORT = 2
    HARD_TO_REMEDY = 3
    IRREVERSIBLE = 4


class Likelihood(IntEnum):
    """Likelihood of a potential impact. Actual impacts carry none."""

    RARE = 1
    UNLIKELY = 2
    POSSIBLE = 3
    LIKELY = 4
    ALMOST_CERTAIN = 5


class SeverityBand(IntEnum):
    """The band set by the gravest dimension: any extreme dimension makes an impact severe."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    SEVERE = 4


@dataclass(frozen=True)
class SeverityDimension:
    """One dimension of severity as an impact records it: a rating from 1 to 4 and its rationale.

    Declared once here; forms, API schemas, validation, exports, reports, snapshots and the JSON
    import are all built from `SEVERITY_DIMENSIONS`.
    """

    name: str
    label: str
    question: str
    levels: type[IntEnum]

    @property
    def rationale(self) -> str:
        return f"{self.name}_rationale"


SEVERITY_DIMENSIONS: tuple[SeverityDimension, ...] = (
    SeverityDimension("scale", "Scale", "How grave the harm is for the people affected.", Scale),
    SeverityDimension("scope", "Scope", "How many people are or could be affected.", Scope),
    SeverityDimension(
        "irremediability",
        "Irremediability",
        "How hard it is to restore those affected to their situation before the harm.",
        Irremediability,
    ),
)

#: Ratings at or above this need a written rationale (a severe or high rating must be argued).
RATIONALE_REQUIRED_FROM = 3

#: An actual impact ranks above any potential one of the same severity, as if certain.
_ACTUAL = max(Likelihood) + 1


@dataclass(frozen=True)
class Severity:
    scale: Scale
    scope: Scope
    irremediability: Irremediability

    @property
    def band(self) -> SeverityBand:
        return SeverityBand(max(self.scale, self.scope, self.irremediability))

    @property
    def is_severe(self) -> bool:
        return self.band is SeverityBand.SEVERE

    def key(self) -> tuple[int, int, int]:
        """Ordering of severity alone: band, then irremediability, then the other two together.

        Irremediable impacts come first within a band because delay makes them worse.
        """
        return (int(self.band), int(self.irremediability), int(self.scale) + int(self.scope))


@dataclass(frozen=True)
class ImpactRating:
    severity: Severity
    actual: bool
    likelihood: Likelihood | None = None

    def __post_init__(self) -> None:
        if self.actual and self.likelihood is not None:
            raise ValueError("An actual impact has happened: it takes no likelihood.")
        if not self.actual and self.likelihood is None:
            raise ValueError("A potential impact needs a likelihood.")


def priority_key(rating: ImpactRating) -> tuple[int, int, int, int]:
    """Sort key, larger first. Severity dominates; likelihood only breaks ties."""
    likelihood = _ACTUAL if rating.actual else int(rating.likelihood or 0)
    return (*rating.severity.key(), likelihood)


def priority_number(rating: ImpactRating) -> int:
    """The priority key packed into one integer, larger first, so SQL can sort by it.

    Orders exactly like `priority_key`: each part of the key gets its own decimal places (the
    band, then irremediability, then scale plus scope in two places, then likelihood). After a
    change to these rules, stored numbers are refreshed with `manage.py recompute_priorities`.
    """
    band, irremediability, scale_plus_scope, likelihood = priority_key(rating)
    return band * 10000 + irremediability * 1000 + scale_plus_scope * 10 + likelihood


def prioritise(ratings: list[ImpactRating]) -> list[ImpactRating]:
    """The ratings in the order they should be addressed (GP 24)."""
    return sorted(ratings, key=priority_key, reverse=True)


def rating_errors(
    ratings: Mapping[str, Any], *, actual: bool, likelihood: int | None
) -> dict[str, str]:
    """Field errors for a proposed rating, keyed by field name. Empty when the rating is valid.

    `ratings` holds each dimension's rating under its name and its rationale under
    `<name>_rationale` (missing entries count as empty).
    """
    errors: dict[str, str] = {}
    for dimension in SEVERITY_DIMENSIONS:
        name, value = dimension.name, ratings.get(dimension.name)
        if value is None or value not in {int(m) for m in dimension.levels}:
            errors[name] = f"{dimension.label} must be a whole number from 1 to 4."
        elif (
            value >= RATIONALE_REQUIRED_FROM
            and not str(ratings.get(dimension.rationale) or "").strip()
        ):
            errors[dimension.rationale] = (
                f"A {name} rating of {value} or more needs a written rationale."
            )
    if actual and likelihood is not None:
        errors["likelihood"] = "An actual impact has happened: leave likelihood empty."
    if not actual and (likelihood is None or likelihood not in {int(m) for m in Likelihood}):
        errors["likelihood"] = "A potential impact needs a likelihood from 1 (rare) to 5."
    return errors
