"""Rules for stakeholder engagement: who counts as heard, and how global the engagement is."""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from enum import StrEnum


class StakeholderKind(StrEnum):
    AFFECTED = "affected"
    PROXY = "proxy"  # credible proxy: a legitimate representative of affected people
    EXPERT = "expert"


class Region(StrEnum):
    AFRICA = "africa"
    ASIA_PACIFIC = "asia_pacific"
    EASTERN_EUROPE_CENTRAL_ASIA = "eastern_europe_central_asia"
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean"
    MIDDLE_EAST_NORTH_AFRICA = "middle_east_north_africa"
    NORTH_AMERICA = "north_america"
    WESTERN_EUROPE = "western_europe"
    GLOBAL = "global"


# Seed 001 (practice 5) asks for engagement beyond these regions, where many harms fall.
NORTH_AMERICA_AND_WESTERN_EUROPE = frozenset({Region.NORTH_AMERICA, Region.WESTERN_EUROPE})


class DueDiligencePhase(StrEnum):
    IDENTIFY = "identify"
    ASSESS = "assess"
    ACT = "act"
    TRACK = "track"
    COMMUNICATE = "communicate"
    REMEDY = "remedy"


def share_outside_na_we(regions: Iterable[str]) -> float | None:
    """Share of participations from outside North America and Western Europe (None if none).

    Seed 001 (practice 5) asks companies to hear people where risks are most severe, including
    outside these two regions. `global` participants (e.g. an international expert body) cannot
    show that: they are left out of the count entirely rather than counted as "outside".
    """
    listed = [r for r in regions if r != Region.GLOBAL]
    if not listed:
        return None
    outside = sum(1 for r in listed if r not in NORTH_AMERICA_AND_WESTERN_EUROPE)
    return outside / len(listed)


@dataclass(frozen=True)
class GroupCoverage:
    heard: frozenset[int]  # heard in an engagement about this impact
    heard_elsewhere: frozenset[int]  # heard, but never about this impact
    unheard: frozenset[int]


def impact_coverage(
    affected: Set[int], heard_on_impact: Set[int], heard_anywhere: Set[int]
) -> GroupCoverage:
    """Which of an impact's affected groups were heard about it, only on other matters, or not at all."""
    heard = frozenset(affected & heard_on_impact)
    elsewhere = frozenset((affected & heard_anywhere) - heard)
    return GroupCoverage(
        heard=heard, heard_elsewhere=elsewhere, unheard=frozenset(affected - heard - elsewhere)
    )
