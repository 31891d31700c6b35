"""The human rights impact register: every impact of an organisation, in the order to address them.

Order comes from the core rules (stored as `Impact.priority`): severity to people dominates,
irremediable impacts come first within a band, actual impacts rank as if certain, and likelihood
only breaks ties. Risk to the business is shown beside, never merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import F

from rightslens.accounts.models import Organisation
from rightslens.core.involvement import ActionType, Requirement, Response
from rightslens.core.severity import Likelihood, SeverityBand
from rightslens.core.vocabulary import label

from .models import Impact
from .rules import impact_plan_gaps, impact_response, live_action_types
from .selectors import current_impacts

SORTS: dict[str, tuple[str, list[Any]]] = {
    "priority": ("Priority (severity first)", ["-priority", "id"]),
    "system": ("System", ["assessment__system__name", "-priority"]),
    "involvement": ("Involvement", ["involvement", "-priority"]),
    "status": ("Status", ["status", "-priority"]),
    # Unrated business risk sorts last on every database (PostgreSQL puts NULLs first by default).
    "business_risk": (
        "Risk to the business (shown separately)",
        [F("business_risk").desc(nulls_last=True), "-priority"],
    ),
    "newest": ("Newest first", ["-created_at"]),
}


@dataclass(frozen=True)
class RegisterFilters:
    band: int | None = None
    right: str = ""
    group: int | None = None
    system: int | None = None
    involvement: str = ""
    status: str = ""
    sort: str = "priority"


@dataclass
class RegisterRow:
    rank: int  # position in the priority order of the whole register, 1 = address first
    impact: Impact
    response: Response
    unmet: list[Requirement] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return not self.unmet


def lineage_ids(impact: Impact) -> set[int]:
    """This impact and the same impact in earlier versions of its assessment."""
    ids, current = set(), impact
    while current is not None and current.pk not in ids:
        ids.add(current.pk)
        current = current.previous_version
    return ids


def impact_history(impact: Impact) -> list[Impact]:
    """The same impact across the versions of its assessment, oldest first (one entry each)."""
    root = impact
    while root.previous_version_id and root.previous_version is not None:
        root = root.previous_version
    chain, frontier = [root], [root]
    while frontier:
        frontier = list(
            Impact.objects.filter(previous_version__in=frontier).select_related("assessment")
        )
        chain += frontier
    return sorted(chain, key=lambda i: (i.assessment.version, i.pk))


def grievance_remedies(impact: Impact) -> list[Any]:
    """Remedies recorded on grievances linked to this impact (or an earlier version of it)."""
    from rightslens.grievances.selectors import remedies_for_impacts  # grievances build on impacts

    by_impact = remedies_for_impacts(
        organisation=impact.organisation, impact_ids=lineage_ids(impact)
    )
    return sorted(
        {r.pk: r for found in by_impact.values() for r in found}.values(), key=lambda r: r.pk
    )


def planned_action_types(impact: Impact) -> set[ActionType]:
    """Action types that answer the impact's required response (see `rules.live_action_types`)."""
    return live_action_types(impact)


def _filtered(organisation: Organisation, filters: RegisterFilters) -> Any:
    impacts = current_impacts(organisation=organisation)
    if filters.band:
        impacts = impacts.filter(severity_band=filters.band)
    if filters.group:
        impacts = impacts.filter(affected_groups__pk=filters.group)
    if filters.system:
        impacts = impacts.filter(assessment__system__pk=filters.system)
    if filters.involvement:
        impacts = impacts.filter(involvement=filters.involvement)
    if filters.status:
        impacts = impacts.filter(status=filters.status)
    return impacts.distinct()


def priority_ranks(organisation: Organisation) -> dict[int, int]:
    """Impact id -> its rank in the priority order of the whole register."""
    ordered = (
        current_impacts(organisation=organisation)
        .order_by("-priority", "id")
        .values_list("pk", flat=True)
    )
    return {pk: n for n, pk in enumerate(ordered, start=1)}


def register_rows(
    *, organisation: Organisation, filters: RegisterFilters | None = None
) -> list[RegisterRow]:
    filters = filters or RegisterFilters()
    ranks = priority_ranks(organisation)
    order = SORTS.get(filters.sort, SORTS["priority"])[1]
    rows = []
    for impact in _filtered(organisation, filters).order_by(*order):
        if filters.right and filters.right not in (impact.rights or []):
            continue  # JSON containment is not portable to SQLite
        rows.append(
            RegisterRow(ranks[impact.pk], impact, impact_response(impact), impact_plan_gaps(impact))
        )
    return rows


# ---- The severity-first picture -------------------------------------------------------------


@dataclass(frozen=True)
class PictureColumn:
    band: SeverityBand
    label: str
    count: int


@dataclass(frozen=True)
class PictureRow:
    label: str
    actual: bool
    cells: list[tuple[SeverityBand, list[RegisterRow]]]


@dataclass(frozen=True)
class SeverityPicture:
    """Columns per severity band, most severe first: every impact in a column to the left comes
    before every impact to its right, whatever its likelihood. Actual impacts sit on top, apart.
    Not a symmetric heat map: likelihood never moves an impact to another column."""

    columns: list[PictureColumn]
    rows: list[PictureRow]


def severity_picture(rows: list[RegisterRow]) -> SeverityPicture:
    bands = sorted(SeverityBand, reverse=True)
    by_rank = sorted(rows, key=lambda r: r.rank)

    def cell(band: SeverityBand, actual: bool, likelihood: int | None) -> list[RegisterRow]:
        return [
            r
            for r in by_rank
            if r.impact.severity_band == band
            and r.impact.actual == actual
            and (actual or r.impact.likelihood == likelihood)
        ]

    columns = [
        PictureColumn(b, label(b.name.lower()), sum(1 for r in rows if r.impact.severity_band == b))
        for b in bands
    ]
    picture_rows = [
        PictureRow("Happened (actual)", True, [(b, cell(b, True, None)) for b in bands])
    ]
    for likelihood in sorted(Likelihood, reverse=True):
        text = f"Potential, likelihood {int(likelihood)} ({label(likelihood.name.lower()).lower()})"
        picture_rows.append(
            PictureRow(text, False, [(b, cell(b, False, int(likelihood))) for b in bands])
        )
    return SeverityPicture(columns, picture_rows)
