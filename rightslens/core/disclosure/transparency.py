"""The public transparency summary of a system's latest approved assessment, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ApprovedSummary:
    approved_on: str
    severities: Sequence[str]  # one severity label per impact, most severe first
    rights: Sequence[str]  # labels of the rights the impacts touch
    actions_done: int
    actions_open: int


def summary_text(summary: ApprovedSummary | None) -> str:
    """One paragraph for the public page; says so plainly when nothing is approved yet."""
    if summary is None:
        return "No human rights impact assessment of this system has been approved yet."
    n = len(summary.severities)
    parts = [f"Assessment approved on {summary.approved_on}."]
    if n == 0:
        parts.append("It found no impact on human rights.")
    else:
        counts: dict[str, int] = {}
        for band in summary.severities:
            counts[band] = counts.get(band, 0) + 1
        bands = ", ".join(f"{c} {band.lower()}" for band, c in counts.items())
        noun = "impact" if n == 1 else "impacts"
        parts.append(f"It identified {n} {noun} on human rights ({bands}).")
    if summary.rights:
        parts.append("Rights concerned: " + ", ".join(dict.fromkeys(summary.rights)) + ".")
    parts.append(
        f"Actions taken: {summary.actions_done} completed, {summary.actions_open} under way."
    )
    return " ".join(parts)
