"""What an assessment report and the board brief say, gathered once for HTML and PDF alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from textwrap import shorten
from typing import Any

from django.db.models import Q
from django.utils.translation import pgettext

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import ActionStatus, Assessment, AssessmentStatus, Impact
from rightslens.assessments.rules import impact_plan_gaps, impact_response
from rightslens.assessments.selectors import current_impacts
from rightslens.core.severity import SeverityBand
from rightslens.ux.templatetags.readable import day
from rightslens.ux.wording import core_label, report_text

from .. import cycle_catalogue, cycle_selectors
from ..cycle_models import Scoping
from ..register import note_grievance_remedies

METHOD = (
    "Impacts were identified through a guided pass over every GenAI human-rights risk category and the "
    "rights behind it, helped by suggestions from the system's profile that a person accepted or dismissed. "
    "Severity to people is rated on scale, scope and irremediability (UNGP 14 and 24): an impact is severe "
    "when any one dimension is at its extreme. Likelihood only orders potential impacts of equal severity. "
    "Risk to the business is shown beside risk to people and never changes the priority. The response "
    "follows the organisation's involvement (cause, contribute, directly linked; UNGP 19), and effectiveness "
    "is tracked by group (UNGP 20)."
)


@dataclass
class ImpactEntry:
    impact: Impact
    response: Any
    unmet: list[Any]
    actions: list[Any]
    indicators: list[Any]
    side_risk_of: list[str] = field(default_factory=list)


def _impact_entry(impact: Impact) -> ImpactEntry:
    response = impact_response(impact)
    actions = list(impact.actions.all())
    unmet = impact_plan_gaps(impact)
    side_of = [
        shorten(p.action.description, 140, placeholder="…")
        for p in impact.created_by_plans.select_related("action")
    ]
    return ImpactEntry(
        impact, response, unmet, actions, cycle_selectors.impact_indicator_views(impact), side_of
    )


def engagement_events(assessment: Assessment) -> list[str]:
    """Engagement linked to this assessment's impacts, if the engagement area records any."""
    try:
        from rightslens.engagement.models import EngagementEvent
    except ImportError:
        return []
    events = EngagementEvent.objects.filter(
        organisation=assessment.organisation, impacts__assessment=assessment
    ).distinct()[:20]
    return [
        f"{e.title} ({day(e.held_on)}, {e.get_method_display().lower()})"
        + (report_text(". What changed: ") + e.changed if e.changed else "")
        for e in events
    ]


def report_context(assessment: Assessment) -> dict[str, Any]:
    impacts = list(assessment.impacts.prefetch_related("affected_groups", "actions"))
    findings = cycle_selectors.quality_findings(assessment)
    return {
        "assessment": assessment,
        "system": assessment.system,
        "scoping": cycle_selectors.scoping_of(assessment),
        "coverage": cycle_selectors.coverage(assessment),
        "rows": cycle_selectors.identification_rows(assessment),
        "entries": [_impact_entry(i) for i in impacts],
        "method": report_text(METHOD),
        "findings": findings,
        "flags": cycle_selectors.flags_for(assessment),
        "engagement": engagement_events(assessment),
        "screening": cycle_selectors.red_line_screening(assessment),
        "reviewers": list(assessment.reviewers.select_related("user")),
        "vulnerable_titles": [
            cycle_catalogue.title_of(v)
            for v in cycle_selectors.scoping_of(assessment).vulnerable_groups
        ],
    }


# ---- Board brief -----------------------------------------------------------------------------


BRIEF_ITEMS = 10  # a board reads a short list; the rest is counted, not listed


def _listed(items: list[str], total: int, more_text: str) -> list[str]:
    """The first items, and a count of the others when there are more than a board can read
    (`more_text` says how many with %(n)s)."""
    more = total - len(items)
    return items + ([more_text % {"n": more}] if more > 0 else [])


def board_brief(*, organisation: Organisation) -> dict[str, Any]:
    live = current_impacts(organisation=organisation)
    severe = list(live.order_by("-priority", "id")[:5])
    in_review = Assessment.objects.filter(
        organisation=organisation, status=AssessmentStatus.IN_REVIEW
    )
    decisions = _listed(
        [
            pgettext("staff", "Sign off “%(title)s” (version %(version)s)")
            % {"title": a.title, "version": a.version}
            for a in in_review[:BRIEF_ITEMS]
        ],
        in_review.count(),
        pgettext(
            "staff", "… and %(n)s more assessments waiting for sign-off (see the quality page)"
        ),
    )
    blocked = cycle_selectors.red_line_blocked_titles(organisation=organisation)
    decisions += _listed(
        [
            pgettext("staff", "Decide the red-line hit in “%(title)s”") % {"title": title}
            for title in blocked[:BRIEF_ITEMS]
        ],
        len(blocked),
        pgettext("staff", "… and %(n)s more red-line hits to decide (see the quality page)"),
    )
    left_behind: list[str] = []
    for view in cycle_selectors.serious_indicator_views(organisation=organisation):
        impact = view.indicator.action.impact
        left_behind += [
            pgettext("staff", "%(impact)s: %(group)s (%(dimension)s) left behind on %(indicator)s")
            % {
                "impact": impact.title,
                "group": r.group,
                "dimension": r.dimension,
                "indicator": view.indicator.name,
            }
            for r in view.left_behind
        ]
    if left_behind:
        decisions.append(pgettext("staff", "Decide how to close the gaps for groups left behind"))
    decisions += _more_decisions(organisation, live)
    return {
        "severe": severe,
        "business_model": _business_model(organisation),
        "decisions": decisions,
        "left_behind": _listed(
            left_behind[:BRIEF_ITEMS],
            len(left_behind),
            pgettext("staff", "… and %(n)s more groups left behind (see the quality page)"),
        ),
    }


def _more_decisions(organisation: Organisation, live: Any) -> list[str]:
    found = [
        pgettext("staff", "Agree a response to “%(title)s” (severe to people, %(gap)s)")
        % {"title": impact.title, "gap": gap}
        for impact, gap in _severe_gaps(organisation, live)
    ]
    flagged = cycle_selectors.flagged_assessments(organisation=organisation)
    found += _listed(
        [
            pgettext("staff", "Re-assess “%(title)s”: %(flags)s")
            % {"title": a.title, "flags": ", ".join(core_label(f) for f in flags).lower()}
            for a, flags in flagged[:BRIEF_ITEMS]
        ],
        len(flagged),
        pgettext("staff", "… and %(n)s more assessments to re-assess (see the quality page)"),
    )
    for record in _unreviewed_business_models(organisation):
        found.append(
            pgettext("staff", "Review the business model “%(title)s” at board level")
            % {"title": record.title}
        )
    return found


def _severe_gaps(
    organisation: Organisation, live: Any, wanted: int = 3, batch: int = 50
) -> list[tuple[Impact, str]]:
    """The first `wanted` severe impacts whose plan leaves a required response uncovered, most
    urgent first; read a batch at a time, so a large register costs no more than a small one."""
    found: list[tuple[Impact, str]] = []
    severe = live.filter(severity_band=SeverityBand.SEVERE).order_by("-priority", "id")
    start = 0
    while len(found) < wanted:
        impacts = list(severe[start : start + batch])
        note_grievance_remedies(organisation, impacts)
        for impact in impacts:
            if gaps := impact_plan_gaps(impact):
                live_actions = any(a.status != ActionStatus.CANCELLED for a in impact.actions.all())
                found.append(
                    (
                        impact,
                        _gap_words(gaps) if live_actions else pgettext("staff", "no action yet"),
                    )
                )
        if len(impacts) < batch:
            break
        start += batch
    return found[:wanted]


def _gap_words(gaps: list[Any]) -> str:
    covered = "; ".join(core_label(g.label).lower() for g in gaps)
    return pgettext("staff", "not yet covered: %(gaps)s") % {"gaps": covered}


def _unreviewed_business_models(organisation: Organisation) -> list[Any]:
    try:
        from rightslens.procurement.models import BusinessModelRecord
    except ImportError:
        return []
    return list(
        BusinessModelRecord.objects.filter(
            organisation=organisation, board_reviewed_at__isnull=True
        )[:5]
    )


def _business_model(organisation: Organisation) -> list[str]:
    lines = []
    said = (
        Q(general_purpose=True)
        | ~Q(who_pays="")
        | ~Q(release_style="")
        | Q(weights="open")
        | ~Q(business_model_note="")
    )
    scopings = (
        Scoping.objects.filter(organisation=organisation)
        .filter(said)
        .exclude(assessment__status=AssessmentStatus.SUPERSEDED)
        .select_related("assessment__system")
        .order_by("assessment__system__name", "assessment__system_id", "-assessment__created_at")
    )
    seen: set[int] = set()
    for s in scopings.iterator(chunk_size=200):
        system = s.assessment.system
        if system.pk in seen:
            continue
        if len(seen) == BRIEF_ITEMS:  # a board reads a short list: the others are counted
            more = scopings.values("assessment__system_id").distinct().count() - len(seen)
            lines.append(
                pgettext("staff", "… and %(n)s more systems (see each system's scoping)")
                % {"n": more}
            )
            break
        seen.add(system.pk)
        parts = []
        if s.general_purpose:
            parts.append(pgettext("staff", "general-purpose capability: uses are open-ended"))
        if s.who_pays:
            parts.append(pgettext("staff", "paid for by %(who)s") % {"who": s.who_pays})
        if s.release_style:
            release = s.get_release_style_display().lower()
            parts.append(pgettext("staff", "release: %(style)s") % {"style": release})
        if s.weights == "open":
            parts.append(pgettext("staff", "open weights: safeguards can be removed downstream"))
        if s.business_model_note:
            parts.append(s.business_model_note.rstrip("."))
        if parts:
            lines.append(f"{system.name}: " + "; ".join(parts) + ".")
    lines += [
        f"{r.title}: {r.notes}".rstrip(": ") for r in _unreviewed_business_models(organisation)
    ]
    return lines
