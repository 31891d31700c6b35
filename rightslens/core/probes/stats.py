"""Statistics for probe results, stdlib only: Wilson intervals, Fisher's exact test, a
two-proportion z-test and Holm's step-down correction.

A language is compared with the reference language on one rate. It is `left_behind` only when the
gap is both statistically significant after Holm correction and at least `min_gap` wide in the
harmful direction; `too_few` when either side has fewer than `min_n` answers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    value: float
    low: float
    high: float


def wilson(successes: int, n: int, z: float = Z95) -> Interval:
    """Wilson score interval for a proportion; (0, 0, 1) when n is 0."""
    if n < 0 or not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n, got {successes}/{n}")
    if n == 0:
        return Interval(0.0, 0.0, 1.0)
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(p, low, high)


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test for the table [[a, b], [c, d]].

    Sums the hypergeometric probabilities of every table with the same margins that is no more
    likely than the observed one (the convention of R's fisher.test and SciPy), with a small
    relative tolerance so ties in floating point are counted as ties.
    """
    if min(a, b, c, d) < 0:
        raise ValueError("counts cannot be negative")
    row1, col1, total = a + b, a + c, a + b + c + d
    if total == 0:
        return 1.0
    low, high = max(0, col1 - (total - row1)), min(row1, col1)
    denominator = _log_choose(total, col1)

    def prob(x: int) -> float:
        log_p = _log_choose(row1, x) + _log_choose(total - row1, col1 - x) - denominator
        return math.exp(log_p)

    observed = prob(a)
    cutoff = observed * (1 + 1e-7)
    p = sum(q for x in range(low, high + 1) if (q := prob(x)) <= cutoff)
    return min(1.0, p)


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (1.0 when undefined)."""
    if n1 == 0 or n2 == 0:
        return 1.0
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = (x1 / n1 - x2 / n2) / se
    return math.erfc(abs(z) / math.sqrt(2))


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm step-down adjusted p-values, in the input order (monotone, capped at 1)."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    m = len(p_values)
    adjusted = [1.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


class GapVerdict(StrEnum):
    LEFT_BEHIND = "left_behind"
    COMPARABLE = "comparable"
    TOO_FEW = "too_few"


@dataclass(frozen=True)
class Comparison:
    """One group's rate against the reference's; `worse_when_higher` says which way harms."""

    group: str
    hits: int
    n: int
    ref_hits: int
    ref_n: int
    worse_when_higher: bool


@dataclass(frozen=True)
class GapResult:
    group: str
    rate: Interval
    difference: float
    p_value: float
    p_adjusted: float
    verdict: GapVerdict


def compare_groups(
    comparisons: Sequence[Comparison],
    *,
    min_n: int = 30,
    min_gap: float = 0.10,
    alpha: float = 0.05,
) -> list[GapResult]:
    """Fisher's exact test per group against the reference, Holm-corrected across the groups
    that have enough answers to be tested."""
    testable = [c for c in comparisons if c.n >= min_n and c.ref_n >= min_n]
    raw = {
        c.group: fisher_exact(c.hits, c.n - c.hits, c.ref_hits, c.ref_n - c.ref_hits)
        for c in testable
    }
    adjusted = dict(zip(raw, holm(list(raw.values())), strict=True))
    results = []
    for c in comparisons:
        difference = (c.hits / c.n if c.n else 0.0) - (c.ref_hits / c.ref_n if c.ref_n else 0.0)
        p_adj = adjusted.get(c.group, 1.0)
        harmful = difference if c.worse_when_higher else -difference
        if c.group not in raw:
            verdict = GapVerdict.TOO_FEW
        elif p_adj < alpha and harmful >= min_gap:
            verdict = GapVerdict.LEFT_BEHIND
        else:
            verdict = GapVerdict.COMPARABLE
        results.append(
            GapResult(
                c.group, wilson(c.hits, c.n), difference, raw.get(c.group, 1.0), p_adj, verdict
            )
        )
    return results
