"""Demo data: one grievance about the CV-screening tool, acknowledged and triaged."""

from __future__ import annotations

import logging
from typing import Any

from rightslens.accounts.models import Membership, Organisation
from rightslens.inventory.models import AISystem

from .services import (
    grievance_message_send,
    grievance_submit,
    grievance_transition,
    grievance_triage,
)

log = logging.getLogger(__name__)


def _cv_screening(organisation: Organisation) -> AISystem | None:
    systems = AISystem.objects.filter(organisation=organisation)
    return (
        systems.filter(name__icontains="cv").first()
        or systems.filter(purpose__icontains="hiring").first()
        or systems.filter(name__icontains="screen").first()
    )


def load(organisation: Organisation, user: Any) -> None:
    membership = Membership.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        return
    if not membership.is_grievance_officer:
        membership.is_grievance_officer = True
        membership.save(update_fields=["is_grievance_officer"])
    grievance, _code = grievance_submit(
        organisation=organisation,
        language="es",
        content=(
            "Solicité un puesto de atención al cliente y me rechazaron en minutos, sin entrevista. "
            "Tengo una discapacidad auditiva y creo que la herramienta de selección de CV penalizó "
            "los años sin empleo que pasé en rehabilitación. Pido que una persona revise mi solicitud."
        ),
    )
    grievance_transition(membership=membership, grievance=grievance, to_state="acknowledged")
    system = _cv_screening(organisation)
    if system is not None:
        grievance_triage(
            membership=membership,
            grievance=grievance,
            system_ids=[system.pk],
            rights=["udhr-7", "udhr-23"],
        )
    grievance_message_send(
        membership=membership,
        grievance=grievance,
        body="Gracias por escribirnos. Hemos recibido su queja y una persona revisará su solicitud esta semana.",
    )
    log.info("demo grievance %s loaded", grievance.pk)
