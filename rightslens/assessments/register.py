"""The human rights impact register: every impact of an organisation, in the order to address them.

Order comes from the core rules (stored as `Impact.priority`): severity to people dominates,
irremediable impacts come first within a band, actual impacts rank as if certain, and likelihood
only breaks ties. Risk to the business is shown beside, never merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import Concat
from django.utils.translation import pgettext, pgettext_lazy

from rightslens.accounts.models import Organisation
from rightslens.core.involvement import Requirement, Response
from rightslens.core.severity import Likelihood, SeverityBand
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.ux.wording import core_label, sentence

from .models import Impact
from .rules import impact_plan_gaps, impact_response
from .selectors import current_impacts

SORTS: dict[str, tuple[Any, list[Any]]] = {
    "priority": (pgettext_lazy("staff", "Priority (severity first)"), ["-priority", "id"]),
    "system": (pgettext_lazy("staff", "System"), ["assessment__system__name", "-priority"]),
    "involvement": (pgettext_lazy("staff", "Involvement"), ["involvement", "-priority"]),
    "status": (pgettext_lazy("staff", "Status"), ["status", "-priority"]),
    # Unrated business risk sorts last on every database (PostgreSQL puts NULLs first by default).
    "business_risk": (
        pgettext_lazy("staff", "Risk to the business (shown separately)"),
        [F("business_risk").desc(nulls_last=True), "-priority"],
    ),
    "newest": (pgettext_lazy("staff", "Newest first"), ["-created_at"]),
}


@dataclass(frozen=True)
class RegisterFilters:
    band: int | None = None
    right: str = ""
    group: int | None = None
    system: int | None = None
    group_name: str = ""  # typed text: the group whose label it is, else names containing it
    system_name: str = ""  # typed text: the system so named, else names containing it
    involvement: str = ""
    status: str = ""
    sort: str = "priority"


@dataclass
class RegisterRow:
    rank: int  # position in the priority order of the whole register, 1 = address first
    impact: Impact
    response: Response
    unmet: list[Requirement] = field(default_factory=list)
    right_titles: list[str] = field(default_factory=list)  # filled once per page by the view

    @property
    def covered(self) -> bool:
        return not self.unmet


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


def note_grievance_remedies(organisation: Organisation, impacts: list[Impact]) -> None:
    """Note on each impact whether a linked grievance (of it or an earlier version) recorded a
    remedy, in a few queries for the whole list (one per version depth, then two)."""
    from rightslens.grievances.selectors import remedies_for_impacts  # grievances build on impacts

    owners: dict[int, set[int]] = {i.pk: {i.pk} for i in impacts}  # impact id -> page impacts
    frontier = {i.previous_version_id: {i.pk} for i in impacts if i.previous_version_id}
    while frontier:
        for pk, who in frontier.items():
            owners.setdefault(pk, set()).update(who)
        earlier = Impact.objects.filter(pk__in=frontier, previous_version__isnull=False)
        frontier = {
            prev: frontier[pk]
            for pk, prev in earlier.values_list("pk", "previous_version_id")
            if not frontier[pk] <= owners.get(prev, set())
        }
    found = remedies_for_impacts(organisation=organisation, impact_ids=set(owners))
    remedied = {who for pk, remedies in found.items() if remedies for who in owners[pk]}
    for impact in impacts:
        impact.grievance_remedied = impact.pk in remedied  # type: ignore[attr-defined]  # noted per page


def _filtered(organisation: Organisation, filters: RegisterFilters) -> Any:
    """The current impacts that pass the filters, all filtering in SQL."""
    impacts = current_impacts(organisation=organisation)
    if filters.band:
        impacts = impacts.filter(severity_band=filters.band)
    if filters.right:
        impacts = impacts.filter(_has_right(filters.right))
    if filters.group:
        through = Impact.affected_groups.through.objects.filter(affectedgroup_id=filters.group)
        impacts = impacts.filter(pk__in=through.values("impact_id"))
    if filters.system:
        impacts = impacts.filter(assessment__system__pk=filters.system)
    if filters.group_name:
        groups = matching_groups(organisation, filters.group_name).values("pk")
        through = Impact.affected_groups.through.objects.filter(affectedgroup_id__in=groups)
        impacts = impacts.filter(pk__in=through.values("impact_id"))
    if filters.system_name:
        systems = matching_systems(organisation, filters.system_name).values("pk")
        impacts = impacts.filter(assessment__system_id__in=systems)
    if filters.involvement:
        impacts = impacts.filter(involvement=filters.involvement)
    if filters.status:
        impacts = impacts.filter(status=filters.status)
    return impacts


def group_labels(organisation: Organisation) -> Any:
    """The organisation's affected groups, each with `label`: "name (system)"."""
    return AffectedGroup.objects.filter(organisation=organisation).annotate(
        label=Concat("name", Value(" ("), "system__name", Value(")"), output_field=CharField())
    )


def matching_groups(organisation: Organisation, text: str) -> Any:
    """Groups for typed text, as a query: the group labelled exactly so (as the suggestions
    offer them), else every group whose name or label contains the text."""
    text = text.strip()
    labelled = group_labels(organisation)
    exact = labelled.filter(label__iexact=text)
    return exact if exact.exists() else labelled.filter(label__icontains=text)


def matching_systems(organisation: Organisation, text: str) -> Any:
    """Systems for typed text, as a query: the system of exactly that name, else every system
    whose name contains the text."""
    text = text.strip()
    systems = AISystem.objects.filter(organisation=organisation)
    exact = systems.filter(name__iexact=text)
    return exact if exact.exists() else systems.filter(name__icontains=text)


def _unfiltered(filters: RegisterFilters) -> bool:
    return not (
        filters.band
        or filters.right
        or filters.group
        or filters.system
        or filters.group_name
        or filters.system_name
        or filters.involvement
        or filters.status
    )


def _has_right(right: str) -> Q:
    """JSON containment where the database has it (PostgreSQL); elsewhere (SQLite) a match on the
    quoted id in the stored JSON text, which is exact because ids are whole JSON strings."""
    if connection.features.supports_json_field_contains:
        return Q(rights__contains=[right])
    return Q(rights__icontains=f'"{right}"')


def priority_ranks(organisation: Organisation) -> dict[int, int]:
    """Impact id -> its rank in the priority order of the whole register (loads every id: for
    exports; pages use `ranks_of`)."""
    ordered = (
        current_impacts(organisation=organisation)
        .order_by("-priority", "id")
        .values_list("pk", flat=True)
    )
    return {pk: n for n, pk in enumerate(ordered, start=1)}


def _ahead_of(impact: Impact) -> Q:
    return Q(priority__gt=impact.priority) | Q(priority=impact.priority, pk__lt=impact.pk)


def ranks_of(organisation: Organisation, impacts: list[Impact]) -> dict[int, int]:
    """Each impact's rank in the whole register, in two queries that load no impact: the count
    of current impacts per priority (an index-only pass), then, among those sharing a page row's
    priority, how many come before it by id."""
    if not impacts:
        return {}
    current = Impact.objects.filter(organisation=organisation, replaced_at__isnull=True).order_by()
    per_priority = dict(
        current.values_list("priority").annotate(n=Count("*")).values_list("priority", "n")
    )
    ties = current.filter(priority__in={i.priority for i in impacts}).aggregate(
        **{
            f"t{i.pk}": Count("priority", filter=Q(priority=i.priority, pk__lt=i.pk))
            for i in impacts
        }
    )
    return {
        i.pk: 1
        + sum(n for p, n in per_priority.items() if p > i.priority)
        + (ties[f"t{i.pk}"] or 0)
        for i in impacts
    }


def _first_rank(organisation: Organisation, first: Impact) -> int:
    """Rank of the first impact of a page in the unfiltered priority order (one count)."""
    ahead = current_impacts(organisation=organisation).order_by().filter(_ahead_of(first))
    return int(ahead.count()) + 1


def register_rows(
    *, organisation: Organisation, filters: RegisterFilters | None = None
) -> list[RegisterRow]:
    """Every matching row (for exports and small registers; pages use `register_page`)."""
    filters = filters or RegisterFilters()
    ranks = priority_ranks(organisation)
    order = SORTS.get(filters.sort, SORTS["priority"])[1]
    impacts = list(_filtered(organisation, filters).order_by(*order))
    note_grievance_remedies(organisation, impacts)
    return [
        RegisterRow(ranks[impact.pk], impact, impact_response(impact), impact_plan_gaps(impact))
        for impact in impacts
    ]


# ---- Pages: keyset on the priority order, offset for the other sorts -------------------------

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class BadCursor(ValueError):
    """A page cursor that this register did not hand out."""


@dataclass(frozen=True)
class RegisterPage:
    rows: list[RegisterRow]
    count: int  # impacts that match the filters, on every page
    next_cursor: str  # "" on the last page
    cursor: str  # the cursor this page was asked for ("" for the first)


def _after(impacts: Any, sort: str, cursor: str) -> Any:
    """Apply a cursor: `k<priority>.<id>` (keyset, priority order) or `o<offset>` (other sorts)."""
    if not cursor:
        return impacts, 0
    try:
        if sort == "priority" and cursor.startswith("k"):
            priority, pk = (int(x) for x in cursor[1:].split(".", 1))
            after = Q(priority__lt=priority) | Q(priority=priority, pk__gt=pk)
            return impacts.filter(after), 0
        if sort != "priority" and cursor.startswith("o"):
            offset = int(cursor[1:])
            if offset >= 0:
                return impacts, offset
    except ValueError:
        pass
    raise BadCursor(f"Unknown page cursor {cursor!r}: start again from the first page.")


def register_page(
    *,
    organisation: Organisation,
    filters: RegisterFilters | None = None,
    cursor: str = "",
    size: int = PAGE_SIZE,
    count: int | None = None,
) -> RegisterPage:
    """One page of the register and the count of all matches, in a fixed number of queries.
    `count`: the number of matches when the caller has it (the severity picture counts them)."""
    filters = filters or RegisterFilters()
    sort = filters.sort if filters.sort in SORTS else "priority"
    size = max(1, min(size, MAX_PAGE_SIZE))
    matching = _filtered(organisation, filters)
    after, offset = _after(matching, sort, cursor)
    page = list(after.order_by(*SORTS[sort][1])[offset : offset + size + 1])
    more, page = len(page) > size, page[:size]
    note_grievance_remedies(organisation, page)
    if sort == "priority" and _unfiltered(filters) and page:
        first = _first_rank(organisation, page[0])  # the page is a run of the whole register
        ranks = {i.pk: first + n for n, i in enumerate(page)}
    else:
        ranks = ranks_of(organisation, page)
    rows = [RegisterRow(ranks[i.pk], i, impact_response(i), impact_plan_gaps(i)) for i in page]
    if not more:
        next_cursor = ""
    elif sort == "priority":
        next_cursor = f"k{page[-1].priority}.{page[-1].pk}"
    else:
        next_cursor = f"o{offset + size}"
    if count is None:
        count = matching.order_by().count()
    return RegisterPage(rows, count, next_cursor, cursor)


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
        PictureColumn(
            b, core_label(b.name.lower()), sum(1 for r in rows if r.impact.severity_band == b)
        )
        for b in bands
    ]
    picture_rows = [
        PictureRow(
            pgettext("staff", "Happened (actual)"),
            True,
            [(b, cell(b, True, None)) for b in bands],
        )
    ]
    for likelihood in sorted(Likelihood, reverse=True):
        text = sentence(
            "register.potential_likelihood",
            n=int(likelihood),
            likelihood=core_label(likelihood.name.lower()).lower(),
        )
        picture_rows.append(
            PictureRow(text, False, [(b, cell(b, False, int(likelihood))) for b in bands])
        )
    return SeverityPicture(columns, picture_rows)


@dataclass(frozen=True)
class CountedRow:
    label: str
    actual: bool
    cells: list[tuple[SeverityBand, int, list[RegisterRow]]]  # band, count, rows on this page


@dataclass(frozen=True)
class CountedPicture:
    """The severity-first picture from one aggregate query: counts per cell, and the ranks of
    the impacts on the page being shown."""

    columns: list[PictureColumn]
    rows: list[CountedRow]


def picture_cells(
    *, organisation: Organisation, filters: RegisterFilters
) -> dict[tuple[int, bool, int | None], int]:
    """Matching impacts per (band, actual, likelihood; None when actual), in one aggregate query
    (an index-only pass over the current impacts on PostgreSQL)."""
    cells: dict[tuple[int, bool, int | None], int] = {}
    grouped = (
        _filtered(organisation, filters)
        .order_by()
        .values_list("severity_band", "actual", "likelihood")
        .annotate(n=Count("*"))
    )
    for band, actual, likelihood, n in grouped:
        key = (band, actual, None if actual else likelihood)
        cells[key] = cells.get(key, 0) + n
    return cells


def severity_picture_counts(
    *,
    organisation: Organisation,
    filters: RegisterFilters | None = None,
    page_rows: list[RegisterRow] | None = None,
    cells: dict[tuple[int, bool, int | None], int] | None = None,
) -> CountedPicture:
    """`cells`: `picture_cells` for these filters, when the caller has them."""
    filters = filters or RegisterFilters()
    if cells is None:
        cells = picture_cells(organisation=organisation, filters=filters)
    shown = sorted(page_rows or [], key=lambda r: r.rank)
    bands = sorted(SeverityBand, reverse=True)

    def cell(band: SeverityBand, actual: bool, likelihood: int | None) -> tuple[Any, ...]:
        on_page = [
            r
            for r in shown
            if r.impact.severity_band == band
            and r.impact.actual == actual
            and (actual or r.impact.likelihood == likelihood)
        ]
        return (band, cells.get((int(band), actual, likelihood), 0), on_page)

    columns = [
        PictureColumn(b, core_label(b.name.lower()), sum(n for k, n in cells.items() if k[0] == b))
        for b in bands
    ]
    rows = [
        CountedRow(
            pgettext("staff", "Happened (actual)"), True, [cell(b, True, None) for b in bands]
        )
    ]
    for likelihood in sorted(Likelihood, reverse=True):
        text = sentence(
            "register.potential_likelihood",
            n=int(likelihood),
            likelihood=core_label(likelihood.name.lower()).lower(),
        )
        rows.append(CountedRow(text, False, [cell(b, False, int(likelihood)) for b in bands]))
    return CountedPicture(columns, rows)
