"""Demo content: three AI systems across the value chain, each assessed, whose register order a
human rights practitioner could defend.

Loaded by `manage.py load_demo` through the services, so the demo obeys every rule the app does.
Knowledge-base ids (rights, categories, vulnerable groups) are the fixed ids in
docs/KNOWLEDGE-TYPES.md; any the loaded knowledge base lacks are left out with a warning.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.common import knowledge as knowledge_access
from rightslens.inventory import services as inventory
from rightslens.inventory.models import AISystem

from . import services

log = logging.getLogger("rightslens.demo")

CHATBOT: dict[str, Any] = {
    "system": {
        "name": "Lumen Chat",
        "purpose": "Multilingual general-purpose assistant built on Lumen's own foundation model",
        "description": "A chat assistant for the public, launching in Kenya, Brazil and Indonesia next "
        "quarter. Safety filters and refusal behaviour have so far been tested in English only.",
        "value_chain_roles": ["developer", "deployer"],
        "lifecycle_stage": "verify_and_validate",
        "kind": "foundation_model",
        "weights": "closed",
        "countries": ["KE", "BR", "ID"],
        "sectors": ["consumer technology", "education"],
        "languages": ["en", "sw", "pt", "id"],
        "intended_users": "Adults and teenagers (13+) using the free app and web chat.",
    },
    "groups": [
        ("Children and teenagers using the chat", "vg-children"),
        ("Speakers of Swahili and Bahasa Indonesia", "vg-low-resource-languages"),
        ("Journalists and human rights defenders", ""),
        ("Voters in Kenya and Brazil", ""),
    ],
    "components": [
        ("Content-safety classifier", "In-house", "classifier"),
        ("Data annotation and RLHF rating", "Annotate Co (outsourced)", "data service"),
    ],
    "assessment": {
        "title": "Market entry: Kenya, Brazil, Indonesia",
        "kind": "rapid",
        "trigger": "market_entry",
        "trigger_note": "Launch planned for next quarter in three new markets and languages.",
    },
    "impacts": [
        {
            "title": "Children exposed to self-harm and grooming content",
            "rights": ["udhr-3", "crc-16"],
            "risk_category": "cat-child",
            "groups": [0],
            "scale": 4,
            "scale_rationale": "Self-harm or sexual exploitation is among the gravest harms to a child.",
            "scope": 3,
            "scope_rationale": "Teenagers are a large share of expected users in all three markets.",
            "irremediability": 4,
            "irremediability_rationale": "Loss of life or lasting trauma cannot be undone.",
            "likelihood": 2,
            "involvement": "cause",
            "involvement_rationale": "Our model generates the content directly.",
            "business_risk": 4,
            "business_risk_note": "Regulatory and reputational exposure.",
            "actions": [
                (
                    "prevent",
                    "Age assurance and child-safety classifiers evaluated in sw, pt and id before launch",
                    "Trust & Safety lead",
                )
            ],
        },
        {
            "title": "Chats holding sensitive personal data reused for training",
            "rights": ["iccpr-17", "udhr-12"],
            "risk_category": "cat-privacy",
            "groups": [],
            "scale": 3,
            "scale_rationale": "Health, sexuality and political views are shared in chats.",
            "scope": 3,
            "scope_rationale": "Every user whose chats are retained.",
            "irremediability": 4,
            "irremediability_rationale": "Data memorised by a model cannot be reliably removed.",
            "likelihood": 3,
            "involvement": "cause",
            "involvement_rationale": "We decide retention and training use.",
            "business_risk": 3,
            "actions": [],
        },
        {
            "title": "Safety filters over-block legitimate speech in Swahili and Bahasa Indonesia",
            "rights": ["udhr-19"],
            "risk_category": "cat-expression",
            "groups": [1, 2],
            "scale": 3,
            "scale_rationale": "Blocks health, legal and political information people need.",
            "scope": 4,
            "scope_rationale": "Affects every user in two languages: tens of millions of people.",
            "irremediability": 2,
            "irremediability_rationale": "Filters can be retuned; missed information is harder to recover.",
            "likelihood": 4,
            "involvement": "cause",
            "involvement_rationale": "Our own filters, tested only in English.",
            "business_risk": 2,
            "actions": [
                (
                    "mitigate",
                    "Measure refusal and over-blocking rates per language, broken down by group",
                    "Responsible AI team",
                )
            ],
        },
        {
            "title": "Fabricated election information shared at scale",
            "rights": ["udhr-21", "udhr-19"],
            "risk_category": "cat-public-affairs",
            "groups": [3],
            "scale": 3,
            "scale_rationale": "Misleads voters about when and how to vote.",
            "scope": 3,
            "scope_rationale": "Elections in two launch markets within the year.",
            "irremediability": 3,
            "irremediability_rationale": "An election cannot be re-run.",
            "likelihood": 3,
            "involvement": "contribute",
            "involvement_rationale": "Users spread the content; our outputs contribute to it.",
            "business_risk": 4,
            "business_risk_note": "High media attention: severe for us, yet ranked by harm to people.",
            "actions": [
                (
                    "prevent",
                    "Route election queries to electoral commission sources",
                    "Product lead",
                )
            ],
        },
    ],
}

CV_SCREENING: dict[str, Any] = {
    "system": {
        "name": "TalentSift CV screening",
        "purpose": "Ranks job applications for Lumen AI's own recruiters",
        "description": "Bought from TalentSift Ltd and configured by our people team. The vendor also "
        "offers an emotion-analysis add-on for video interviews, which is not enabled.",
        "value_chain_roles": ["procurer", "deployer"],
        "lifecycle_stage": "operate_and_monitor",
        "kind": "other_ai",
        "weights": "not_applicable",
        "countries": ["GB", "KE"],
        "sectors": ["hiring"],
        "languages": ["en"],
        "intended_users": "Lumen AI recruiters and hiring managers.",
    },
    "groups": [
        ("Job applicants", ""),
        ("Applicants with disabilities", "vg-disabilities"),
        ("Women applicants returning from career breaks", "vg-women-girls"),
    ],
    "components": [
        ("Screening model", "TalentSift Ltd", "SaaS model"),
        ("Video emotion-analysis add-on (not enabled)", "TalentSift Ltd", "optional module"),
    ],
    "assessment": {
        "title": "Deployment review of the CV screening tool",
        "kind": "full",
        "trigger": "new_activity",
        "trigger_note": "New vendor relationship.",
    },
    "impacts": [
        {
            "title": "Career gaps ranked down, excluding disabled applicants and carers",
            "rights": ["udhr-23", "udhr-7", "ilo-discrimination"],
            "risk_category": "cat-equality",
            "groups": [1, 2],
            "scale": 3,
            "scale_rationale": "Denies access to work on a protected ground.",
            "scope": 3,
            "scope_rationale": "Every applicant with a gap in employment history.",
            "irremediability": 3,
            "irremediability_rationale": "A lost job opportunity is rarely restored.",
            "likelihood": 4,
            "involvement": "contribute",
            "involvement_rationale": "The vendor's model ranks; our configuration and reliance contribute.",
            "business_risk": 2,
            "actions": [
                (
                    "use_leverage",
                    "Contract clause: annual independent bias audit shared with us",
                    "Procurement",
                )
            ],
        },
        {
            "title": "Emotion analysis of video interviews, if the add-on were enabled",
            "rights": ["udhr-12", "udhr-7"],
            "risk_category": "cat-privacy",
            "groups": [0],
            "scale": 3,
            "scale_rationale": "Infers inner states without a scientific basis to judge people.",
            "scope": 2,
            "scope_rationale": "Applicants invited to video interviews.",
            "irremediability": 3,
            "irremediability_rationale": "Inferences stored in hiring records are hard to undo.",
            "likelihood": 1,
            "involvement": "cause",
            "involvement_rationale": "We would switch it on.",
            "actions": [
                (
                    "prevent",
                    "Keep the add-on disabled; written decision by the people team",
                    "Head of People",
                )
            ],
        },
        {
            "title": "Rejected applicants get no explanation or human review",
            "rights": ["udhr-8", "udhr-23"],
            "risk_category": "cat-work",
            "groups": [0],
            "scale": 2,
            "scale_rationale": "Hampers challenge of an unfair decision.",
            "scope": 3,
            "scope_rationale": "All rejected applicants.",
            "irremediability": 2,
            "irremediability_rationale": "A review can be offered later.",
            "likelihood": 4,
            "involvement": "cause",
            "involvement_rationale": "Our process has no review step.",
            "actions": [],
        },
        {
            "title": "Vendor's data annotators work without fair pay",
            "rights": ["udhr-23"],
            "risk_category": "cat-work",
            "groups": [],
            "scale": 2,
            "scale_rationale": "Low pay and precarious terms.",
            "scope": 2,
            "scope_rationale": "A few hundred workers.",
            "irremediability": 2,
            "irremediability_rationale": "Back pay and better terms are possible.",
            "likelihood": 3,
            "involvement": "directly_linked",
            "involvement_rationale": "Linked to our use of the vendor's product; we neither cause nor contribute.",
            "business_risk": 1,
            "actions": [
                (
                    "build_leverage",
                    "Join an industry initiative on data-worker conditions",
                    "Procurement",
                )
            ],
        },
    ],
}

BENEFITS_MODEL: dict[str, Any] = {
    "system": {
        "name": "Benefits eligibility risk model (public-sector client project)",
        "purpose": "Scores benefit claims for fraud risk for a national social welfare agency",
        "description": "Lumen AI builds and maintains this model for a public agency, which deploys it "
        "(the State is the deployer). The agency suspends payments to high-scoring claimants pending "
        "review. Lumen's role is developer and supplier.",
        "value_chain_roles": ["developer"],
        "lifecycle_stage": "operate_and_monitor",
        "kind": "other_ai",
        "weights": "closed",
        "countries": ["BR"],
        "sectors": ["public sector", "social protection"],
        "languages": ["pt"],
        "intended_users": "Caseworkers of the social welfare agency (State deployer).",
    },
    "groups": [
        ("Benefit claimants", ""),
        ("Claimants of migrant origin", "vg-migrants"),
        ("Children in claimant households", "vg-children"),
        ("Claimants with low digital literacy", "vg-low-digital-literacy"),
    ],
    "components": [("Agency case-management system", "Social welfare agency", "client system")],
    "assessment": {
        "title": "Review after claimant complaints",
        "kind": "grievance",
        "trigger": "grievance",
        "trigger_note": "Complaints from claimants whose payments were suspended.",
    },
    "impacts": [
        {
            "title": "Claimants of migrant origin wrongly flagged and payments suspended",
            "rights": ["udhr-7", "cerd-5", "udhr-22"],
            "risk_category": "cat-equality",
            "groups": [1, 3],
            "actual": True,
            "scale": 4,
            "scale_rationale": "Loss of subsistence income for people with no other support.",
            "scope": 3,
            "scope_rationale": "Thousands of households; migrants flagged far more often.",
            "irremediability": 4,
            "irremediability_rationale": "Families fell into debt and some were evicted; back pay cannot undo that.",
            "involvement": "contribute",
            "involvement_rationale": "Our model's features act as proxies for origin; the agency decides to suspend.",
            "business_risk": 3,
            "actions": [
                (
                    "cease",
                    "Stop supplying scores used for automatic suspension until re-validated",
                    "CTO",
                ),
                (
                    "use_leverage",
                    "Require the agency to reinstate payments pending human review",
                    "Account lead",
                ),
                (
                    "remedy",
                    "Fund and cooperate in back pay and debt relief for flagged families",
                    "General counsel",
                ),
            ],
        },
        {
            "title": "Children in flagged households lose food and housing security",
            "rights": ["udhr-25", "crc-16"],
            "risk_category": "cat-child",
            "groups": [2],
            "scale": 4,
            "scale_rationale": "Hunger and homelessness in childhood.",
            "scope": 3,
            "scope_rationale": "Households with children are a large share of claimants.",
            "irremediability": 4,
            "irremediability_rationale": "Effects on children's development are lasting.",
            "likelihood": 3,
            "involvement": "contribute",
            "involvement_rationale": "Follows from suspensions our scores inform.",
            "actions": [],
        },
        {
            "title": "Claimants' data shared across agencies without a legal basis",
            "rights": ["iccpr-17"],
            "risk_category": "cat-privacy",
            "groups": [0],
            "scale": 2,
            "scale_rationale": "Intrusion without direct material loss.",
            "scope": 4,
            "scope_rationale": "All claimants nationally.",
            "irremediability": 2,
            "irremediability_rationale": "Sharing can be stopped and data deleted.",
            "likelihood": 3,
            "involvement": "contribute",
            "involvement_rationale": "Our pipeline enables the data joins the agency requests.",
            "actions": [],
        },
        {
            "title": "No meaningful human review before suspension",
            "rights": ["udhr-8"],
            "risk_category": "cat-equality",
            "groups": [0, 3],
            "scale": 3,
            "scale_rationale": "People cannot contest a decision that cuts their income.",
            "scope": 3,
            "scope_rationale": "Every flagged claimant.",
            "irremediability": 3,
            "irremediability_rationale": "Harm accrues before any appeal is heard.",
            "likelihood": 4,
            "involvement": "contribute",
            "involvement_rationale": "Our interface presents scores as decisions.",
            "actions": [
                (
                    "prevent",
                    "Redesign the caseworker interface to require a documented human review",
                    "Product lead",
                )
            ],
        },
    ],
}

DEMO_SYSTEMS = (CHATBOT, CV_SCREENING, BENEFITS_MODEL)


def _known(ids: list[str], item_type: str) -> list[str]:
    kb = knowledge_access.knowledge()
    kept = [i for i in ids if (item := kb.get(i)) is not None and item.type == item_type]
    if missing := sorted(set(ids) - set(kept)):
        log.warning("demo: knowledge base lacks %s ids %s; left out", item_type, missing)
    return kept


def _load_system(organisation: Organisation, user: Any, spec: dict[str, Any]) -> AISystem:
    system = inventory.system_create(organisation=organisation, actor=user, **spec["system"])
    groups = []
    for name, vulnerable_group in spec["groups"]:
        known = _known([vulnerable_group], "vulnerable_group") if vulnerable_group else []
        groups.append(
            inventory.affected_group_create(
                system=system,
                actor=user,
                name=name,
                vulnerable=bool(vulnerable_group),
                vulnerability=known[0] if known else "",
            )
        )
    for name, vendor, kind in spec["components"]:
        inventory.component_create(system=system, actor=user, name=name, vendor=vendor, kind=kind)
    assessment = services.assessment_create(
        organisation=organisation, actor=user, system_id=system.pk, **spec["assessment"]
    )
    for n, raw in enumerate(spec["impacts"]):
        fields = {k: v for k, v in raw.items() if k not in ("groups", "actions")}
        fields["rights"] = _known(fields["rights"], "right")
        fields["risk_category"] = (_known([fields["risk_category"]], "risk_category") or [""])[0]
        fields["affected_group_ids"] = [groups[i].pk for i in raw["groups"]]
        impact = services.impact_create(assessment=assessment, actor=user, **fields)
        for action_type, description, owner in raw["actions"]:
            services.action_create(
                impact=impact,
                actor=user,
                action_type=action_type,
                description=description,
                owner=owner,
                due_date=date.today() + timedelta(days=30 * (n + 1)),
            )
    return system


def load_assessments(organisation: Organisation, user: Any) -> None:
    """The three systems with their assessments, impacts and actions."""
    for spec in DEMO_SYSTEMS:
        _load_system(organisation, user, spec)


def load(organisation: Organisation, user: Any) -> None:
    """The app's whole demo: assessments, then the cycle around them (scoping, tracking, review)."""
    from . import cycle_demo

    load_assessments(organisation, user)
    cycle_demo.load(organisation, user)
