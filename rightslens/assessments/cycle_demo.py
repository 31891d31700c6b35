"""Demo content for the cycle, on top of the assessments demo (looked up by name, defensively):
scoping of the chat assistant, an indicator measured by language (Swahili and Bahasa Indonesia left
behind), an approved review with a newer draft version, and assessments with quality problems."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from rightslens.accounts.models import Membership, Organisation
from rightslens.assessments.models import Assessment, AssessmentStatus, Impact
from rightslens.inventory.models import AISystem
from rightslens.inventory.services import system_update

from . import cycle_catalogue, cycle_selectors, cycle_services, signoff, tracking

log = logging.getLogger("rightslens.demo")
CHAT = "Lumen Chat"
MEASUREMENTS = (  # (months ago, overall, [(language, value, n)])
    (4, 14.0, [("en", 12.0, 9000), ("pt", 15.0, 4000), ("sw", 24.0, 1500), ("id", 22.0, 2500)]),
    (
        2,
        9.0,
        [
            ("en", 6.0, 9500),
            ("pt", 9.5, 4200),
            ("sw", 21.0, 1600),
            ("id", 18.0, 2600),
            ("yo", 30.0, 20),
        ],
    ),
    (0, 6.5, [("en", 4.0, 9800), ("pt", 7.0, 4300), ("sw", 17.5, 1700), ("id", 15.0, 2700)]),
)


def load(organisation: Organisation, user: Any) -> None:
    chat = AISystem.objects.filter(organisation=organisation, name=CHAT).first()
    if chat is None:
        log.warning("demo: no %s system; cycle demo skipped", CHAT)
        return
    market_entry = chat.assessments.order_by("created_at").first()
    if market_entry is not None:
        _scope_chat(market_entry, user)
        _track_over_blocking(market_entry, user)
    _approved_with_new_version(organisation, user, chat)
    _seed_quality_problems(organisation, user)


def _scope_chat(assessment: Assessment, user: Any) -> None:
    vulnerable = {c for c, _ in cycle_catalogue.vulnerable_choices()} & {
        "vg-children",
        "vg-low-resource-languages",
    }
    cycle_services.scoping_save(
        assessment=assessment,
        actor=user,
        context_of_use="Free consumer chat app and web chat, launched in Kenya, Brazil and Indonesia.",
        scope_countries=["KE", "BR", "ID"],
        scope_languages=["en", "sw", "pt", "id"],
        safety_tested_languages=["en"],
        users="Adults and teenagers (13+), students, small businesses.",
        affected_groups_note="People discussed in chats; voters exposed to generated political content.",
        vulnerable_groups=sorted(vulnerable),
        suppliers="Outsourced annotation and RLHF raters (Annotate Co); cloud compute provider.",
        customers="Consumers; small businesses using the API.",
        vendors="Content-safety classifier (in-house).",
        general_purpose=True,
        who_pays="Subscribers and API customers; free tier funded by them",
        release_style="fast",
        weights="closed",
        business_model_note="Growth targets reward fast launches in new languages before safety testing.",
    )
    cycle_services.category_not_relevant(
        assessment=assessment,
        actor=user,
        category_ref="cat-culture",
        reason="No creative or cultural-heritage use in scope; image generation is not yet offered.",
    )


def _track_over_blocking(assessment: Assessment, user: Any) -> None:
    impact = assessment.impacts.filter(risk_category="cat-expression").first()
    if impact is None:
        return
    action = cycle_services.action_plan(
        impact=impact,
        actor=user,
        action_type="prevent",
        preference="avoid",
        mitigation_type="mit-classifiers",
        description="Measure refusal and over-blocking rates per language; retune filters before launch",
        owner="Trust & Safety lead",
        due_date=(date.today() + timedelta(days=60)).isoformat(),
    )
    indicator = tracking.indicator_create(
        action=action,
        actor=user,
        name="Over-blocking rate of legitimate requests",
        unit="%",
        lower_is_better=True,
        target=5,
        tolerance=3,
        min_group_size=100,
    )
    _annotator_side_risk(assessment, user, action)
    for months_ago, overall, groups in MEASUREMENTS:
        tracking.measurement_record(
            indicator=indicator,
            actor=user,
            measured_on=date.today() - timedelta(days=30 * months_ago),
            value=overall,
            n=sum(n for _, _, n in groups),
            groups="\n".join(f"language, {lang}, {value}, {n}" for lang, value, n in groups),
        )


def _annotator_side_risk(assessment: Assessment, user: Any, action: Any) -> None:
    """Retuning the classifier needs more labelled harmful content: a new risk to data workers."""
    raters = assessment.system.components.filter(name__icontains="annotation").first()
    side = cycle_services.impact_record(
        assessment=assessment,
        actor=user,
        title="Outsourced raters label more harmful content to retune the classifier",
        rights=_known_rights(["udhr-23", "icescr-7"]),
        risk_category="cat-work",
        scale=3,
        scale_rationale="Repeated exposure to abusive material harms mental health.",
        scope=2,
        irremediability=3,
        irremediability_rationale="Psychological harm can be lasting.",
        likelihood=4,
        involvement="directly_linked",
        involvement_rationale=f"Work done by our vendor ({raters.vendor if raters else 'annotation vendor'}).",
        business_risk=2,
    )
    cycle_services.side_risk_link(action=action, actor=user, impact_id=side.pk)
    cycle_services.action_plan(
        impact=side,
        actor=user,
        action_type="use_leverage",
        preference="mitigate",
        leverage_kind="lev-bilateral",
        description="Contract terms: wellbeing support, exposure limits and fair pay for raters; audit rights",
        owner="Procurement lead",
    )


def _approved_with_new_version(organisation: Organisation, user: Any, chat: AISystem) -> None:
    from rightslens.assessments import services as assessment_services

    review = assessment_services.assessment_create(
        organisation=organisation,
        actor=user,
        system_id=chat.pk,
        title="Lumen Chat: annual review",
        kind="periodic",
        trigger="periodic",
        trigger_note="Yearly review set by the organisation.",
    )
    group = chat.affected_groups.first()
    impact = cycle_services.impact_record(
        assessment=review,
        actor=user,
        title="Conversation logs kept longer than users expect",
        rights=_known_rights(["iccpr-17", "udhr-12"]),
        risk_category="cat-privacy",
        affected_group_ids=[group.pk] if group else [],
        scale=2,
        scope=3,
        scope_rationale="All users with history on.",
        irremediability=2,
        likelihood=3,
        involvement="cause",
        involvement_rationale="We set retention.",
        business_risk=2,
    )
    cycle_services.action_plan(
        impact=impact,
        actor=user,
        action_type="prevent",
        preference="avoid",
        description="Default retention cut to 30 days; opt-in for longer",
        owner="Privacy lead",
    )
    _decide_other_categories(review, user)
    signoff.assessment_submit(assessment=review, actor=user)
    membership = Membership.objects.get(user=user, organisation=organisation)
    try:
        signoff.assessment_approve(assessment=review, membership=membership)
    except Exception:  # noqa: BLE001  (demo stays loadable if a rule changes)
        log.warning("demo: the annual review could not be approved; left in review")
        return
    # The trigger is real: the system record changes (a material change), so the approved review no
    # longer clears it; the new version is "in progress, not cleared" until approved.
    system_update(
        system=chat,
        actor=user,
        purpose=f"{chat.purpose}; now also generates images from prompts",
    )
    new = signoff.assessment_new_version(
        assessment=review,
        actor=user,
        trigger="context_change",
        trigger_note="Image generation added to the assistant.",
    )
    _image_generation_impact(new, user)


def _decide_other_categories(review: Assessment, user: Any) -> None:
    """Every category decided, truthfully (the approval gate): where suggestions point at risks the
    market-entry assessment already records and tracks, the review says so and answers each
    suggestion; the others were reviewed and found unchanged."""
    suggested: dict[str, list[str]] = {}
    for suggestion in cycle_selectors.open_suggestions(review):
        suggested.setdefault(suggestion.category_ref, []).append(suggestion.key)
    for category in cycle_catalogue.categories():
        if category.id == "cat-privacy":
            continue
        keys = suggested.get(category.id, [])
        reason = (
            "Covered by the market-entry assessment of this system, which records these risks "
            "and tracks their mitigation; nothing new found for this period."
            if keys
            else "Reviewed with the product team: no change since last year."
        )
        cycle_services.category_not_relevant(
            assessment=review, actor=user, category_ref=category.id, reason=reason
        )
        for key in keys:
            cycle_services.suggestion_dismiss(assessment=review, actor=user, key=key)


def _image_generation_impact(assessment: Assessment, user: Any) -> None:
    """What the new version adds after the trigger: image generation of real people."""
    groups = [g.pk for g in assessment.system.affected_groups.filter(vulnerable=True)]
    cycle_services.impact_record(
        assessment=assessment,
        actor=user,
        title="Sexualised or deceptive images of real people, including minors",
        rights=_known_rights(["iccpr-17", "crc-16"]),
        risk_category="cat-privacy",
        affected_group_ids=groups,
        scale=4,
        scale_rationale="Sexualised deepfakes devastate the people depicted, above all children.",
        scope=3,
        scope_rationale="Any person whose photo is online can be targeted.",
        irremediability=4,
        irremediability_rationale="Images spread and cannot be recalled.",
        likelihood=4,
        involvement="cause",
        involvement_rationale="Our model would generate the images.",
        business_risk=4,
    )


def _known_rights(ids: list[str]) -> list[str]:
    known = set(cycle_catalogue.right_ids())
    return [i for i in ids if i in known] if known else ids


def _seed_quality_problems(organisation: Organisation, user: Any) -> None:
    """Make quality checks fire: an overdue assessment, and an action closed without evidence."""
    live = Assessment.objects.filter(organisation=organisation, status=AssessmentStatus.DRAFT)
    overdue = live.exclude(system__name=CHAT).order_by("created_at").first()
    if overdue is not None:
        Assessment.objects.filter(pk=overdue.pk).update(
            created_at=timezone.now() - timedelta(days=500)
        )
    impact = (
        Impact.objects.filter(organisation=organisation, actions__isnull=False)
        .exclude(assessment__system__name=CHAT)
        .first()
    )
    first = impact.actions.first() if impact is not None else None
    if impact is not None and first is not None:
        impact.actions.filter(pk=first.pk).update(status="done")
