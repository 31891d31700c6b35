"""'What this asks of you' pages: the principles and knowledge that matter most to each role."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

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
        gettext_noop("AI developers"),
        gettext_noop(
            "Companies that build, train or adapt AI models and systems. They must respect human rights across "
            "everything they make, assess impacts before release, and act on harms they cause, contribute to or are linked to."
        ),
        (
            (
                gettext_noop("How you are involved in a harm"),
                gettext_noop(
                    "Your response depends on whether you cause, contribute or are linked."
                ),
                "involvement_type",
            ),
            (
                gettext_noop("Risks to look for"),
                gettext_noop("The GenAI risk categories and the rights behind them."),
                "risk_category",
            ),
            (
                gettext_noop("Technical mitigations and their own risks"),
                gettext_noop("Safeguards are activities with their own human rights impacts."),
                "mitigation_type",
            ),
            (
                gettext_noop("Leverage over customers and partners"),
                gettext_noop("Use it where harm remains after mitigation."),
                "leverage_kind",
            ),
            (
                gettext_noop("Red lines"),
                gettext_noop("Uses you should not build or enable."),
                "red_line",
            ),
            (
                gettext_noop("When to assess"),
                gettext_noop("The moments that call for an assessment."),
                "dd_trigger",
            ),
        ),
    ),
    "deployer": Role(
        "deployer",
        gettext_noop("AI deployers"),
        gettext_noop(
            "Organisations that put AI systems into use in their products, services or operations. Using a third party's "
            "system does not move the responsibility to respect human rights onto the vendor."
        ),
        (
            (
                gettext_noop("How you are involved in a harm"),
                gettext_noop(
                    "Deploying a system can cause or contribute to harm, not only link you to it."
                ),
                "involvement_type",
            ),
            (
                gettext_noop("When to assess"),
                gettext_noop("The moments that call for an assessment."),
                "dd_trigger",
            ),
            (
                gettext_noop("Whom to engage"),
                gettext_noop("Engage the people affected, or credible proxies and experts."),
                "stakeholder_type",
            ),
            (
                gettext_noop("Groups at heightened risk"),
                gettext_noop("Track outcomes for these groups separately."),
                "vulnerable_group",
            ),
            (
                gettext_noop("Grievance mechanisms that work"),
                gettext_noop("The eight effectiveness criteria of Guiding Principle 31."),
                "effectiveness_criterion",
            ),
            (
                gettext_noop("Forms of remedy"),
                gettext_noop("What putting harm right can look like."),
                "remedy_form",
            ),
        ),
    ),
    "buyer": Role(
        "buyer",
        gettext_noop("Buyers and procurers of AI"),
        gettext_noop(
            "Companies and public bodies that buy AI systems. Due diligence on vendors, red-line screening and contract "
            "terms are how a buyer meets its own responsibility and builds leverage."
        ),
        (
            (
                gettext_noop("Red lines to screen for"),
                gettext_noop("Uses a purchase must not involve."),
                "red_line",
            ),
            (
                gettext_noop("Leverage you hold"),
                gettext_noop("Contracts and the buying relationship are leverage."),
                "leverage_kind",
            ),
            (
                gettext_noop("How you are involved in a harm"),
                gettext_noop("A buyer is often directly linked, and sometimes contributes."),
                "involvement_type",
            ),
            (
                gettext_noop("Due diligence questionnaires"),
                gettext_noop("Questions to ask vendors."),
                "questionnaire",
            ),
            (
                gettext_noop("Contract clauses"),
                gettext_noop("Terms that turn expectations into obligations."),
                "clause_template",
            ),
        ),
    ),
    "state": Role(
        "state",
        gettext_noop("States"),
        gettext_noop(
            "Governments, legislators and regulators. States have a legal duty to protect people from business-related "
            "abuse, including through the mix of laws, guidance and incentives they adopt, and through their own use and "
            "procurement of AI."
        ),
        (
            (
                gettext_noop("What an aligned AI policy contains"),
                gettext_noop("Criteria for checking a law, guidance or procurement rule."),
                "alignment_criterion",
            ),
            (
                gettext_noop("Red lines"),
                gettext_noop(
                    "Uses that cannot be operated in line with human rights, and their legal status."
                ),
                "red_line",
            ),
            (
                gettext_noop("Routes to remedy"),
                gettext_noop("Judicial and non-judicial routes the State must make effective."),
                "remedy_route",
            ),
            (
                gettext_noop("Grievance mechanisms that work"),
                gettext_noop("The criteria also apply to State-based non-judicial mechanisms."),
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
            sections.append((gettext(heading), gettext(why), items))
    return sections
