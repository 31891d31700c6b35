"""'What this asks of you' pages: the principles and knowledge that matter most to each role."""

from __future__ import annotations

from dataclasses import dataclass

from rightslens.core.knowledge import Item, KnowledgeBase

from .presentation import sort_key


@dataclass(frozen=True)
class Role:
    slug: str
    name: str
    intro: str
    # (heading, why it matters to this role, item type) for the sections after the principles
    sections: tuple[tuple[str, str, str], ...]


ROLES: dict[str, Role] = {
    "developer": Role(
        "developer",
        "AI developers",
        "Companies that build, train or adapt AI models and systems. They must respect human rights across "
        "everything they make, assess impacts before release, and act on harms they cause, contribute to or are linked to.",
        (
            (
                "How you are involved in a harm",
                "Your response depends on whether you cause, contribute or are linked.",
                "involvement_type",
            ),
            (
                "Risks to look for",
                "The GenAI risk categories and the rights behind them.",
                "risk_category",
            ),
            (
                "Technical mitigations and their own risks",
                "Safeguards are activities with their own human rights impacts.",
                "mitigation_type",
            ),
            (
                "Leverage over customers and partners",
                "Use it where harm remains after mitigation.",
                "leverage_kind",
            ),
            ("Red lines", "Uses you should not build or enable.", "red_line"),
            ("When to assess", "The moments that call for an assessment.", "dd_trigger"),
        ),
    ),
    "deployer": Role(
        "deployer",
        "AI deployers",
        "Organisations that put AI systems into use in their products, services or operations. Using a third party's "
        "system does not move the responsibility to respect human rights onto the vendor.",
        (
            (
                "How you are involved in a harm",
                "Deploying a system can cause or contribute to harm, not only link you to it.",
                "involvement_type",
            ),
            ("When to assess", "The moments that call for an assessment.", "dd_trigger"),
            (
                "Whom to engage",
                "Engage the people affected, or credible proxies and experts.",
                "stakeholder_type",
            ),
            (
                "Groups at heightened risk",
                "Track outcomes for these groups separately.",
                "vulnerable_group",
            ),
            (
                "Grievance mechanisms that work",
                "The eight effectiveness criteria of Guiding Principle 31.",
                "effectiveness_criterion",
            ),
            ("Forms of remedy", "What putting harm right can look like.", "remedy_form"),
        ),
    ),
    "buyer": Role(
        "buyer",
        "Buyers and procurers of AI",
        "Companies and public bodies that buy AI systems. Due diligence on vendors, red-line screening and contract "
        "terms are how a buyer meets its own responsibility and builds leverage.",
        (
            ("Red lines to screen for", "Uses a purchase must not involve.", "red_line"),
            (
                "Leverage you hold",
                "Contracts and the buying relationship are leverage.",
                "leverage_kind",
            ),
            (
                "How you are involved in a harm",
                "A buyer is often directly linked, and sometimes contributes.",
                "involvement_type",
            ),
            ("Due diligence questionnaires", "Questions to ask vendors.", "questionnaire"),
            (
                "Contract clauses",
                "Terms that turn expectations into obligations.",
                "clause_template",
            ),
        ),
    ),
    "state": Role(
        "state",
        "States",
        "Governments, legislators and regulators. States have a legal duty to protect people from business-related "
        "abuse, including through the mix of laws, guidance and incentives they adopt, and through their own use and "
        "procurement of AI.",
        (
            (
                "What an aligned AI policy contains",
                "Criteria for checking a law, guidance or procurement rule.",
                "alignment_criterion",
            ),
            (
                "Red lines",
                "Uses that cannot be operated in line with human rights, and their legal status.",
                "red_line",
            ),
            (
                "Routes to remedy",
                "Judicial and non-judicial routes the State must make effective.",
                "remedy_route",
            ),
            (
                "Grievance mechanisms that work",
                "The criteria also apply to State-based non-judicial mechanisms.",
                "effectiveness_criterion",
            ),
        ),
    ),
}


def principles_for(kb: KnowledgeBase, role: str) -> list[Item]:
    """Principles whose `asks_of` names the role, in number order."""
    return sorted(
        (p for p in kb.by_type("principle") if role in (p.get("asks_of") or [])), key=sort_key
    )


def role_sections(kb: KnowledgeBase, role: Role) -> list[tuple[str, str, list[Item]]]:
    """The role's sections with their items; empty sections are left out."""
    sections = []
    for heading, why, item_type in role.sections:
        items = sorted((i for i in kb.by_type(item_type) if not i.deprecated), key=sort_key)
        if items:
            sections.append((heading, why, items))
    return sections
