"""Demo content: a draft AI bill in two versions and a voluntary code for one jurisdiction."""

from __future__ import annotations

import logging
from typing import Any

from rightslens.accounts.models import Organisation

from . import services
from .models import Instrument

log = logging.getLogger("rightslens.demo")
JURISDICTION = "Demoland"

BILL_V1 = """Artificial Intelligence (Accountability) Bill — first reading draft

Article 1 Purpose
This Act lays down rules for the development and use of artificial intelligence systems.

Article 2 Scope
This Act shall not apply to AI systems developed or used for military, defence or national security purposes.

Article 3 Duties of providers
Providers of high-risk AI systems shall carry out a risk assessment before placing the system on the market.

Article 4 Supervision
The Digital Authority is the competent authority and may impose administrative fines for breaches of this Act.
"""

BILL_V2 = """Artificial Intelligence (Accountability) Bill — committee draft

Article 1 Purpose
This Act gives effect to the State's obligations under international human rights law and expects businesses to act in line with the UN Guiding Principles on Business and Human Rights.

Article 2 Scope
Exceptions for national security shall apply only where strictly necessary and proportionate and subject to prior judicial authorisation.

Article 3 Duties of providers and deployers
Providers and deployers of high-risk AI systems shall carry out a human rights impact assessment before deployment, in consultation with affected communities, and shall monitor the system throughout its lifecycle.

Article 4 Supervision
The Digital Authority is the competent authority and may impose administrative fines for breaches of this Act.

Article 5 Remedy
Any person affected by a decision taken with an AI system may lodge a complaint with the Digital Authority and has the right to an explanation and to human review.
"""

CODE = """Demoland Code of Conduct for Responsible AI

1. Signatories should publish transparency reports on the capabilities and limitations of their AI systems.
2. Signatories should pay particular attention to risks to children and persons with disabilities.
3. The Ministry will issue guidance and provide capacity building for small and medium-sized enterprises.
"""


def load(organisation: Organisation, user: Any) -> None:
    if Instrument.objects.filter(organisation=organisation, jurisdiction=JURISDICTION).exists():
        return
    first = services.instrument_create(
        organisation=organisation,
        actor=user,
        title="Artificial Intelligence (Accountability) Bill",
        jurisdiction=JURISDICTION,
        kind="law",
        binding=True,
        text=BILL_V1,
        label="First reading draft",
    )
    services.analysis_request(version=first)
    second = services.version_add(
        instrument=first.instrument, actor=user, text=BILL_V2, label="Committee draft"
    )
    services.analysis_request(version=second)
    code = services.instrument_create(
        organisation=organisation,
        actor=user,
        title="Code of Conduct for Responsible AI",
        jurisdiction=JURISDICTION,
        kind="code_of_conduct",
        binding=False,
        text=CODE,
        label="2025 edition",
    )
    services.analysis_request(version=code)
    log.info("policy demo loaded for organisation %s", organisation.pk)
