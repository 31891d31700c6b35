"""Reads for the register and dashboards. Every selector takes the organisation explicitly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max, Q
from django.utils import formats, timezone

from rightslens.accounts.models import Organisation
from rightslens.core.impact_fields import RATING_FIELDS
from rightslens.core.severity import SEVERITY_DIMENSIONS
from rightslens.inventory.models import AISystem

from .models import Assessment, Impact


def impacts_for(*, organisation: Organisation) -> Any:
    return (
        Impact.objects.filter(organisation=organisation)
        .select_related("assessment", "assessment__system")
        .prefetch_related("actions", "affected_groups")
    )


def current_impacts(*, organisation: Organisation) -> Any:
    """Each impact once, in its current version: impacts of a superseded assessment, or of one
    that a newer version (draft or approved) has replaced, are history, not register entries.
    `Impact.replaced_at` records that (kept by the models' save), so this reads one table."""
    return impacts_for(organisation=organisation).filter(replaced_at__isnull=True)


def assessments_for(*, organisation: Organisation) -> Any:
    return Assessment.objects.filter(organisation=organisation).select_related(
        "system", "organisation"
    )


def month_ends(months: int = 6, today: datetime | None = None) -> list[tuple[str, datetime]]:
    """(label, end) for each of the last `months` months, oldest first; this month ends now."""
    today = today or timezone.now()
    midnight = today.replace(hour=0, minute=0, second=0, microsecond=0)
    ends = []
    for back in range(months - 1, -1, -1):
        # Whole calendar months back: 31 days before 1 December is 31 October, not November.
        index = midnight.year * 12 + midnight.month - 1 - back
        first = midnight.replace(year=index // 12, month=index % 12 + 1, day=1)
        end = min(today, (first + timedelta(days=32)).replace(day=1))
        ends.append((formats.date_format(first, "M Y"), end))  # "Dec 2026", « déc. 2026 »
    return ends


STAMPED_FOR = 24 * 3600  # seconds a stamped figure is kept (a new stamp makes a new entry)


def register_stamp(organisation: Organisation) -> str:
    """What any change to the organisation's impacts changes, in one index-only query: the latest
    `updated_at` (every save stamps it; `refresh_replaced` too) and the number of rows (a delete).
    Figures cached under it are exact: they are recomputed whenever the register changes."""
    found = Impact.objects.filter(organisation=organisation).aggregate(
        last=Max("updated_at"), rows=Count("*")
    )
    last = found["last"].isoformat() if found["last"] else "-"
    return f"{organisation.pk}:{last}:{found['rows']}"


def _stamped(key: str, stamp: str, compute: Callable[[], Any]) -> Any:
    name = f"register-figures:{key}:{stamp}"
    found = cache.get(name)
    if found is None:
        found = compute()
        cache.set(name, found, STAMPED_FOR)
    return found


def dashboard_figures_stamped(
    *, organisation: Organisation, trend_ends: Sequence[datetime] = ()
) -> dict[str, Any]:
    """`dashboard_figures`, with the impact figures and the rights most affected (`top_rights`)
    cached under the register's stamp (one query for both when nothing changed). The trend's last moment is "now": no
    impact dates are later than the stamp, so its count holds until the stamp changes."""
    stamp = register_stamp(organisation)
    moments = ",".join(e.isoformat() for e in trend_ends[:-1])
    figures = _other_figures(organisation) | _stamped(
        f"impacts:{moments}:{len(trend_ends)}",
        stamp,
        lambda: impact_figures(organisation, trend_ends),
    )
    figures["top_rights"] = _stamped(
        "rights", stamp, lambda: impact_counts_by_right(organisation=organisation, top=10)
    )
    return dict(figures)


def dashboard_figures(
    *, organisation: Organisation, trend_ends: Sequence[datetime] = ()
) -> dict[str, Any]:
    """The dashboard's counts: systems and assessments, then `impact_figures`."""
    return {**_other_figures(organisation), **impact_figures(organisation, trend_ends)}


def _other_figures(organisation: Organisation) -> dict[str, int]:
    return {
        "systems": AISystem.objects.filter(
            organisation=organisation, archived_at__isnull=True
        ).count(),
        "assessments": Assessment.objects.filter(organisation=organisation).count(),
    }


def impact_figures(
    organisation: Organisation, trend_ends: Sequence[datetime] = ()
) -> dict[str, Any]:
    """In one pass over the organisation's impacts: current impacts, the severe ones, current
    impacts per (band, actual) under `by_severity`, and, for each moment in `trend_ends`, the
    severe impacts open then under `open_severe` (see `open_severe_filter`)."""
    current = Q(replaced_at__isnull=True)
    sums: dict[str, Any] = {
        "impacts": Count("pk", filter=current),
        "severe": Count("pk", filter=current & Q(severity_band=4)),
    }
    cells = [(band, actual) for band in (4, 3, 2, 1) for actual in (True, False)]
    for band, actual in cells:
        sums[f"band{band}{actual}"] = Count(
            "pk", filter=current & Q(severity_band=band, actual=actual)
        )
    for n, end in enumerate(trend_ends):
        sums[f"open{n}"] = Count("pk", filter=open_severe_filter(end))
    found = Impact.objects.filter(organisation=organisation).aggregate(**sums)
    return {
        "impacts": found["impacts"],
        "severe": found["severe"],
        "by_severity": {(b, a): found[f"band{b}{a}"] for b, a in cells},
        "open_severe": [found[f"open{n}"] for n in range(len(trend_ends))],
    }


def open_severe_filter(moment: datetime) -> Q:
    """Severe impacts open at `moment`: one version of an impact is open from its creation until
    it was addressed or closed (`closed_at`) or a newer version of its assessment took its place
    (`replaced_at`); the newer version's copy then counts in its stead."""
    return (
        Q(severity_band=4, created_at__lte=moment)
        & (Q(closed_at__isnull=True) | Q(closed_at__gt=moment))
        & (Q(replaced_at__isnull=True) | Q(replaced_at__gt=moment))
    )


def impact_counts_by_severity(*, organisation: Organisation) -> dict[tuple[int, bool], int]:
    """Current impacts per (severity band, actual), in one aggregate query."""
    rows = (
        Impact.objects.filter(organisation=organisation, replaced_at__isnull=True)
        .order_by()
        .values_list("severity_band", "actual")
        .annotate(n=Count("pk"))
    )
    return {(band, actual): n for band, actual, n in rows}


def impact_counts_by_right(*, organisation: Organisation, top: int = 10) -> list[tuple[str, int]]:
    """The rights most often affected by current impacts, with counts, in one query: the JSON
    list of rights is unnested in SQL (jsonb_array_elements_text on PostgreSQL, json_each on
    SQLite)."""
    table = Impact._meta.db_table
    if connection.vendor == "postgresql":
        unnest = f"{table} i CROSS JOIN LATERAL jsonb_array_elements_text(i.rights) AS r(value)"
    else:
        unnest = f"{table} i, json_each(i.rights) AS r"
    sql = (
        f"SELECT r.value, COUNT(*) AS n FROM {unnest} "  # noqa: S608  (fixed names, no user text)
        "WHERE i.organisation_id = %s AND i.replaced_at IS NULL "
        "GROUP BY r.value ORDER BY n DESC, r.value LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation.pk, top])
        return [(str(right), int(n)) for right, n in cursor.fetchall()]


def assessment_record(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.pk,
        "system_id": assessment.system_id,
        "title": assessment.title,
        "kind": assessment.kind,
        "trigger": assessment.trigger,
        "trigger_note": assessment.trigger_note,
        "status": assessment.status,
        "version": assessment.version,
        "created_at": assessment.created_at.isoformat(),
        "approved_at": assessment.approved_at.isoformat() if assessment.approved_at else None,
        "frozen": assessment.is_frozen,
        "lock_version": assessment.lock_version,
    }


def impact_record(impact: Impact) -> dict[str, Any]:
    from .rules import impact_response

    response = impact_response(impact)
    return {
        "id": impact.pk,
        "assessment_id": impact.assessment_id,
        "title": impact.title,
        "description": impact.description,
        "rights": list(impact.rights),
        "risk_category": impact.risk_category,
        "affected_group_ids": [g.pk for g in impact.affected_groups.all()],
        "actual": impact.actual,
        **{name: getattr(impact, name) for name in RATING_FIELDS},
        "likelihood": impact.likelihood,
        "involvement": impact.involvement,
        "involvement_rationale": impact.involvement_rationale,
        "business_risk": impact.business_risk,
        "business_risk_note": impact.business_risk_note,
        "status": impact.status,
        "severity_band": impact.severity_band,
        "priority": impact.priority,
        "required_response": [r.label for r in response.requirements],
        "lock_version": impact.lock_version,
    }


def action_record(action: Any) -> dict[str, Any]:
    return {
        "id": action.pk,
        "impact_id": action.impact_id,
        "action_type": action.action_type,
        "description": action.description,
        "owner": action.owner,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "status": action.status,
    }


@dataclass(frozen=True)
class Rating:
    name: str
    label: str
    value: int | None
    display: str
    rationale: str


def impact_ratings(impact: Any) -> list[Rating]:
    """Each severity dimension of an impact, as the core declares them: for pages and the PDF."""
    return [
        Rating(
            d.name,
            d.label,
            getattr(impact, d.name),
            getattr(impact, f"get_{d.name}_display")(),
            getattr(impact, d.rationale),
        )
        for d in SEVERITY_DIMENSIONS
    ]
