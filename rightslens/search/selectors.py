"""Search one organisation's records: PostgreSQL full-text search, `icontains` elsewhere.

Need-to-know: grievances are searched only for members who may read each case (designated
officers, or a member with an approved disclosure), and results never show what was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse

from rightslens.accounts.models import Membership

LIMIT = 20


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    detail: str = ""


def _matching(queryset: QuerySet[Any], fields: tuple[str, ...], query: str) -> QuerySet[Any]:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        found: QuerySet[Any] = queryset.annotate(_search=SearchVector(*fields)).filter(
            _search=SearchQuery(query, search_type="websearch")
        )
        return found
    match = Q()
    for word in query.split():
        match &= _any_field(fields, word)
    return queryset.filter(match)


def _any_field(fields: tuple[str, ...], word: str) -> Q:
    found = Q()
    for field in fields:
        found |= Q(**{f"{field}__icontains": word})
    return found


def _model(name: str) -> Any:
    app, model = name.split(".")
    return apps.get_model(app, model)


def _records(org: Any, query: str) -> list[Hit]:
    slug = org.slug
    hits: list[Hit] = []
    systems = _model("inventory.AISystem").objects.filter(organisation=org)
    for s in _matching(systems, ("name", "purpose"), query)[:LIMIT]:
        hits.append(
            Hit("AI system", s.name, reverse("system_detail", args=[slug, s.pk]), s.purpose)
        )
    assessments = _model("assessments.Assessment").objects.filter(organisation=org)
    for a in _matching(assessments, ("title", "trigger_note"), query)[:LIMIT]:
        hits.append(
            Hit(
                "Assessment",
                a.title,
                reverse("assessment_detail", args=[slug, a.pk]),
                a.get_status_display(),
            )
        )
    impacts = _model("assessments.Impact").objects.filter(organisation=org)
    for i in _matching(impacts, ("title", "description"), query)[:LIMIT]:
        hits.append(
            Hit(
                "Impact",
                i.title,
                reverse("impact_detail", args=[slug, i.pk]),
                i.get_severity_band_display(),
            )
        )
    instruments = _model("policy.Instrument").objects.filter(organisation=org)
    for p in _matching(instruments, ("title",), query)[:LIMIT]:
        hits.append(
            Hit("Policy instrument", p.title, reverse("policy_instrument", args=[slug, p.pk]))
        )
    return hits


def _grievances(membership: Membership, query: str) -> list[Hit]:
    """Grievance text is encrypted, so it is matched here, only in cases this member may read."""
    from rightslens.grievances.models import Grievance
    from rightslens.grievances.services import can_read_identity

    words = [w.casefold() for w in query.split()]
    hits = []
    cases = Grievance.objects.filter(organisation=membership.organisation).order_by("-received_at")
    for g in cases[:500]:
        if not can_read_identity(membership, g):
            continue
        text = (g.content or "").casefold()
        if all(w in text for w in words):
            hits.append(
                Hit(
                    "Grievance",
                    f"Grievance {g.pk}",
                    reverse("grievance_detail", args=[membership.organisation.slug, g.pk]),
                    g.get_state_display(),
                )
            )
        if len(hits) >= LIMIT:
            break
    return hits


def records_search(*, membership: Membership, query: str) -> list[Hit]:
    query = " ".join(query.split())[:200]
    if len(query) < 2:
        return []
    return _records(membership.organisation, query) + _grievances(membership, query)
