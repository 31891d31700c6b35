"""Demo data: the provider's information and a draft FRIA for the CV-screening tool, an ESRS S4
draft for 2026 with one item published, and the public transparency page switched on."""

from __future__ import annotations

import datetime
from typing import Any

from rightslens.accounts.models import Membership, Organisation
from rightslens.inventory.models import AISystem

from .services import (
    esrs_create,
    esrs_update,
    fria_edit,
    fria_start,
    provider_document_add,
    transparency_update,
)


def load(organisation: Organisation, user: Any) -> None:
    membership = Membership.objects.filter(organisation=organisation, user=user).first()
    if membership is None or not membership.can_write:
        return
    systems = list(AISystem.objects.filter(organisation=organisation, archived_at__isnull=True))
    hiring = next((s for s in systems if "cv" in s.name.lower()), None)
    if hiring is not None:
        provider_document_add(
            system=hiring,
            actor=user,
            kind="instructions",
            provider=hiring.components.values_list("vendor", flat=True).first() or "The vendor",
            summary="Ranking accuracy was tested on applications in English and Spanish only; the "
            "vendor advises a human review of every rejection and does not support inferring "
            "emotions from video interviews.",
        )
        fria = fria_start(system=hiring, actor=user)
        fria_edit(
            fria=fria,
            actor=user,
            period_of_use="From the 2026 hiring season, reviewed every twelve months.",
            frequency_of_use="Every application to store roles, about 400 a week.",
            narratives={},
        )
    draft = esrs_create(
        organisation=organisation,
        actor=user,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    esrs_update(
        draft=draft,
        actor=user,
        narratives={
            "S4-3": "Anyone affected by our AI systems can raise a grievance without an account, "
            "in English, French or Spanish, and follow it with a receipt code."
        },
        published_items=["S4-3"],
    )
    transparency_update(
        organisation=organisation,
        actor=user,
        enabled=True,
        introduction="The AI systems we build and use, what we found when we assessed their "
        "effects on people, and how to tell us about harm.",
        systems=systems,
    )
