"""Facts for the approval gates of an assessment (rules in core.gates): every category decided in a
full or periodic assessment, and the people affected by severe impacts heard."""

from __future__ import annotations

from rightslens.core import gates
from rightslens.core.severity import SeverityBand

from . import cycle_catalogue, cycle_selectors
from .cycle_models import CategoryReview, Outcome
from .models import Assessment, Impact
from .register import lineage_ids


def category_facts(assessment: Assessment) -> gates.CategoryFacts:
    reviews = CategoryReview.objects.filter(assessment=assessment)
    dismissed = {r.category_ref for r in reviews if r.outcome == Outcome.NOT_RELEVANT}
    return gates.CategoryFacts(
        titles=cycle_catalogue.category_titles(),
        decided=frozenset(cycle_selectors.considered_categories(assessment)),
        dismissed=frozenset(dismissed),
        open_suggestions=tuple(
            (s.category_ref, s.title) for s in cycle_selectors.open_suggestions(assessment)
        )
        if dismissed
        else (),
    )


def severe_engagement(assessment: Assessment) -> tuple[gates.SevereImpactEngagement, ...]:
    return tuple(facts for _impact, facts in _severe_engagement(assessment))


def unheard_severe_impacts(assessment: Assessment) -> list[Impact]:
    """Severe impacts whose affected groups are not all heard and that have no recorded reason."""
    return [
        impact
        for impact, facts in _severe_engagement(assessment)
        if facts.unheard_groups and not facts.gap_reason.strip()
    ]


def _severe_engagement(
    assessment: Assessment,
) -> list[tuple[Impact, gates.SevereImpactEngagement]]:
    severe = list(
        assessment.impacts.filter(severity_band=SeverityBand.SEVERE).prefetch_related(
            "affected_groups"
        )
    )
    return [(impact, _engagement_facts(impact)) for impact in severe]


def _engagement_facts(impact: Impact) -> gates.SevereImpactEngagement:
    """Groups heard in engagement recorded about this impact (or an earlier version of it)."""
    from rightslens.engagement.selectors import groups_heard  # engagement builds on impacts

    groups = list(impact.affected_groups.all())
    heard = groups_heard(
        organisation=impact.organisation,
        group_ids={g.pk for g in groups},
        impact_ids=lineage_ids(impact),
    )
    return gates.SevereImpactEngagement(
        title=impact.title,
        affected_groups=tuple(g.name for g in groups),
        unheard_groups=tuple(g.name for g in groups if g.pk not in heard),
        gap_reason=impact.engagement_gap_reason,
    )


def approval_gate_problems(assessment: Assessment) -> list[str]:
    """What the approval gates refuse, in plain words (empty when they open)."""
    return gates.category_problems(
        assessment.kind, category_facts(assessment)
    ) + gates.severe_engagement_problems(severe_engagement(assessment))
