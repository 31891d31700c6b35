"""How knowledge items are shown to people: type names, readable field labels, links between items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language, gettext, gettext_noop

from rightslens.core.knowledge import Item, KnowledgeBase

# type -> (singular, plural, one-line description shown on the browse page)
TYPE_NAMES: dict[str, tuple[str, str, str]] = {
    "principle": (
        gettext_noop("Guiding Principle"),
        gettext_noop("Guiding Principles"),
        gettext_noop("The 31 UN Guiding Principles on Business and Human Rights."),
    ),
    "instrument": (
        gettext_noop("Instrument"),
        gettext_noop("Human rights instruments"),
        gettext_noop("The declarations and treaties the rights come from."),
    ),
    "right": (
        gettext_noop("Right"),
        gettext_noop("Rights"),
        gettext_noop("Articles of human rights instruments that impacts can cite."),
    ),
    "risk_category": (
        gettext_noop("Risk category"),
        gettext_noop("GenAI risk categories"),
        gettext_noop("Groups of human rights risks from generative AI."),
    ),
    "risk_example": (
        gettext_noop("Risk example"),
        gettext_noop("GenAI risk examples"),
        gettext_noop("Concrete ways generative AI can harm people's rights."),
    ),
    "red_line": (
        gettext_noop("Red line"),
        gettext_noop("Red lines"),
        gettext_noop(
            "Uses that cannot be operated in line with human rights, with their legal status."
        ),
    ),
    "red_line_element": (
        gettext_noop("Red-line element"),
        gettext_noop("Red-line elements"),
        gettext_noop(
            "What data, inference, context and actor make up a red line, with wordings in five languages."
        ),
    ),
    "impact_pattern": (
        gettext_noop("Impact pattern"),
        gettext_noop("Impact patterns"),
        gettext_noop(
            "How a system can affect people: who, which rights, how; used to suggest impacts."
        ),
    ),
    "involvement_type": (
        gettext_noop("Involvement type"),
        gettext_noop("Involvement types"),
        gettext_noop("Cause, contribute, directly linked: and what each asks of a company."),
    ),
    "leverage_kind": (
        gettext_noop("Kind of leverage"),
        gettext_noop("Kinds of leverage"),
        gettext_noop("Ways to influence others who cause or contribute to harm."),
    ),
    "remedy_form": (
        gettext_noop("Form of remedy"),
        gettext_noop("Forms of remedy"),
        gettext_noop("What putting a harm right can look like."),
    ),
    "remedy_route": (
        gettext_noop("Route to remedy"),
        gettext_noop("Routes to remedy"),
        gettext_noop("Where people can seek remedy."),
    ),
    "effectiveness_criterion": (
        gettext_noop("Effectiveness criterion"),
        gettext_noop("Effectiveness criteria (GP 31)"),
        gettext_noop("How to judge a grievance mechanism."),
    ),
    "dd_trigger": (
        gettext_noop("Trigger"),
        gettext_noop("When to assess"),
        gettext_noop("Moments that call for a human rights impact assessment."),
    ),
    "lifecycle_stage": (
        gettext_noop("Lifecycle stage"),
        gettext_noop("Lifecycle stages"),
        gettext_noop("The stages of an AI system's life."),
    ),
    "value_chain_role": (
        gettext_noop("Value-chain role"),
        gettext_noop("Value-chain roles"),
        gettext_noop("Roles an organisation can hold in the AI value chain."),
    ),
    "stakeholder_type": (
        gettext_noop("Stakeholder type"),
        gettext_noop("Stakeholder types"),
        gettext_noop("Whom to engage."),
    ),
    "vulnerable_group": (
        gettext_noop("Group at heightened risk"),
        gettext_noop("Groups at heightened risk"),
        gettext_noop("People more exposed to harm, whose outcomes need separate tracking."),
    ),
    "mitigation_type": (
        gettext_noop("Technical mitigation"),
        gettext_noop("Technical mitigations"),
        gettext_noop("Technical safeguards and the human rights risks they bring themselves."),
    ),
    "dd_step": (
        gettext_noop("Due-diligence step"),
        gettext_noop("Due-diligence steps"),
        gettext_noop("The steps of human rights due diligence under the UNGPs."),
    ),
    "framework": (
        gettext_noop("Framework"),
        gettext_noop("Frameworks"),
        gettext_noop("Other laws, standards and guidance mapped to the UNGPs."),
    ),
    "framework_element": (
        gettext_noop("Framework element"),
        gettext_noop("Framework elements"),
        gettext_noop("Articles, clauses and subcategories of those frameworks."),
    ),
    "crosswalk_link": (
        gettext_noop("Crosswalk link"),
        gettext_noop("Crosswalk links"),
        gettext_noop("How a UNGP step relates to an element of another framework."),
    ),
    "alignment_criterion": (
        gettext_noop("Policy alignment criterion"),
        gettext_noop("Policy alignment criteria"),
        gettext_noop("What a UNGP-aligned AI law or policy looks like."),
    ),
    "questionnaire": (
        gettext_noop("Questionnaire"),
        gettext_noop("Procurement questionnaires"),
        gettext_noop("Due diligence questions for buyers and vendors of AI."),
    ),
    "question": (
        gettext_noop("Question"),
        gettext_noop("Procurement questions"),
        gettext_noop("Individual questions of the procurement questionnaires."),
    ),
    "clause_template": (
        gettext_noop("Contract clause"),
        gettext_noop("Contract clauses"),
        gettext_noop("Contract terms that act as leverage."),
    ),
}

FIELD_LABELS: dict[str, str] = {
    "asks_of": gettext_noop("Asks this of"),
    "principle_kind": gettext_noop("Kind"),
    "right_refs": gettext_noop("Rights"),
    "principle_refs": gettext_noop("Guiding Principles"),
    "related_refs": gettext_noop("Related rights"),
    "instrument_ref": gettext_noop("Instrument"),
    "instrument_refs": gettext_noop("Instruments"),
    "category_ref": gettext_noop("Risk category"),
    "affected_group_refs": gettext_noop("Groups especially affected"),
    "triggers_on": gettext_noop("Suggested when a system involves"),
    "system_kinds": gettext_noop("Kinds of system"),
    "screening_terms": gettext_noop("Screening terms"),
    "element_refs": gettext_noop("Elements"),
    "exception_refs": gettext_noop("Taken out by"),
    "typical_wordings": gettext_noop("Typical wordings"),
    "also_category_refs": gettext_noop("Also in categories"),
    "side_risks": gettext_noop("Human rights risks of the mitigation itself"),
    "framework_ref": gettext_noop("Framework"),
    "from_ref": gettext_noop("From"),
    "to_ref": gettext_noop("To"),
    "expected_response": gettext_noop("Expected response"),
    "assessment_kind": gettext_noop("Kind of assessment"),
    "questionnaire_ref": gettext_noop("Questionnaire"),
    "leverage_ref": gettext_noop("Kind of leverage"),
    "red_line_ref": gettext_noop("Red line"),
    "question_ref": gettext_noop("Question"),
    "relationship": gettext_noop("Relationship"),
    "rationale": gettext_noop("Rationale"),
    "summary": gettext_noop("Summary"),
    "code": gettext_noop("Code"),
    "short_name": gettext_noop("Short name"),
    "kind": gettext_noop("Kind"),
}

# Values of closed vocabularies shown as words.
VALUE_LABELS: dict[str, str] = {
    "state_duty": gettext_noop("The State duty to protect"),
    "corporate_responsibility": gettext_noop("The corporate responsibility to respect"),
    "access_to_remedy": gettext_noop("Access to remedy"),
    "prohibited_by_law": gettext_noop("Prohibited by law"),
    "called_for_by_un_experts": gettext_noop("Called for by UN experts"),
    "called_for_by_civil_society": gettext_noop("Called for by civil society"),
    "directly_linked": gettext_noop("Directly linked"),
    # A risk example's system kinds and the profile keywords it is suggested on (`triggers_on`):
    # matching data, stored as codes, shown as words in the reader's language.
    "foundation_model": gettext_noop("Foundation model"),
    "generative_application": gettext_noop("Generative application"),
    "other_ai": gettext_noop("Other AI"),
    "biometric": gettext_noop("Biometrics"),
    "chatbot": gettext_noop("Chatbot"),
    "children": gettext_noop("Children"),
    "content_moderation": gettext_noop("Content moderation"),
    "creative": gettext_noop("Creative work"),
    "data_annotation": gettext_noop("Data annotation"),
    "education": gettext_noop("Education"),
    "elections": gettext_noop("Elections"),
    "finance": gettext_noop("Finance"),
    "health": gettext_noop("Health"),
    "hiring": gettext_noop("Hiring"),
    "image_generation": gettext_noop("Image generation"),
    "law_enforcement": gettext_noop("Law enforcement"),
    "low_resource_languages": gettext_noop("Low-resource languages"),
    "migration": gettext_noop("Migration"),
    "multilingual": gettext_noop("Multilingual use"),
    "open_weights": gettext_noop("Open weights"),
    "public_sector": gettext_noop("Public sector"),
    "voice": gettext_noop("Voice"),
    "welfare": gettext_noop("Welfare"),
    "workplace": gettext_noop("Workplace"),
}

# What kind of document a framework is (the `kind` of a framework).
FRAMEWORK_KINDS: dict[str, str] = {
    "law": gettext_noop("Law"),
    "guidance": gettext_noop("Guidance"),
    "standard": gettext_noop("Standard"),
    "disclosure": gettext_noop("Reporting standard"),
}


def type_name(item_type: str, *, plural: bool = False) -> str:
    names = TYPE_NAMES.get(item_type)
    if names is None:
        return item_type.replace("_", " ").capitalize()
    return gettext(names[1] if plural else names[0])


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return gettext(label) if label else name.replace("_", " ").capitalize()


AUDIENCE_LABELS = {
    "developer": gettext_noop("Developers"),
    "deployer": gettext_noop("Deployers"),
    "buyer": gettext_noop("Buyers"),
    "state": gettext_noop("States"),
}


def value_label(value: Any, field_name: str = "") -> str:
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    text = str(value)
    if field_name == "asks_of":
        return gettext(AUDIENCE_LABELS[text]) if text in AUDIENCE_LABELS else text
    if field_name == "relationship" and text in RELATIONSHIP_WORDS:
        return gettext(RELATIONSHIP_WORDS[text])
    if field_name == "kind" and text in FRAMEWORK_KINDS:
        return gettext(FRAMEWORK_KINDS[text])
    if text in VALUE_LABELS:
        return gettext(VALUE_LABELS[text])
    if text.replace("_", "").isalpha() and text.islower() and " " not in text:
        return text.replace(
            "_", " "
        ).capitalize()  # a closed-vocabulary value such as "operational"
    return text


@dataclass
class Shown:
    """One field as shown: plain text, a list of texts, links to items, or nested groups of fields."""

    label: str
    text: str = ""
    texts: list[str] = field(default_factory=list)
    links: list[Item | str] = field(default_factory=list)
    groups: list[list[Shown]] = field(default_factory=list)


def present(kb: KnowledgeBase, fields: Any) -> list[Shown]:
    """The fields of an item (or of a nested mapping) in the order they were written."""
    return [_present_one(kb, name, value) for name, value in fields.items()]


def _present_one(kb: KnowledgeBase, name: str, value: Any) -> Shown:
    shown = Shown(label=field_label(name))
    if name.endswith("_ref") and isinstance(value, str):
        shown.links = [kb.get(value) or value]
    elif name.endswith("_refs") and isinstance(value, list | tuple):
        shown.links = [kb.get(str(v)) or str(v) for v in value]
    elif isinstance(value, dict) and name == "signals":  # language code -> phrases
        shown.groups = [
            [
                Shown(label=gettext("Language: %(code)s") % {"code": k}, texts=[str(p) for p in v])
                for k, v in value.items()
            ]
        ]
    elif isinstance(value, dict):
        shown.groups = [[_present_one(kb, str(k), v) for k, v in value.items()]]
    elif isinstance(value, list | tuple) and value and all(isinstance(v, dict) for v in value):
        shown.groups = [present(kb, v) for v in value]
    elif isinstance(value, list | tuple):
        shown.texts = [value_label(v, name) for v in value]
    else:
        shown.text = value_label(value, name)
    return shown


def sort_key(item: Item) -> tuple[Any, ...]:
    """Numbered items in number order, others by title with numbers read as numbers (Art. 2 < Art. 12)."""
    number = item.get("number")
    numbered = isinstance(number, int)
    return (0 if numbered else 1, number if numbered else 0, _natural(item.title))


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    parts = re.split(r"(\d+)", text.lower())
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def group_by_type(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """[(plural type name, items sorted)] in the order of TYPE_NAMES, for 'linked' sections."""
    order = {name: i for i, name in enumerate(TYPE_NAMES)}
    types = sorted({i.type for i in items}, key=lambda t: (order.get(t, len(order)), t))
    return [
        (type_name(t, plural=True), sorted((i for i in items if i.type == t), key=sort_key))
        for t in types
    ]


RELATIONSHIP_WORDS = {
    "equal": gettext_noop("Equal"),
    "subset": gettext_noop("Narrower (subset)"),
    "superset": gettext_noop("Broader (superset)"),
    "intersects": gettext_noop("Overlaps"),
}


def gist(item: Item) -> str:
    """One line that tells a reader what an item says, for lists of items."""
    if item.type == "crosswalk_link":
        word = str(item.get("relationship"))
        relationship = gettext(RELATIONSHIP_WORDS[word]) if word in RELATIONSHIP_WORDS else word
        return f"{relationship}: {item.text_in('rationale', get_language()) or ''}"
    for name in ("summary", "description", "explanation", "text", "purpose"):
        value = item.text_in(name, get_language())
        if isinstance(value, str) and value.strip():
            return value
    return ""


# Long lists are easier to read in groups: type -> the field that groups them.
GROUP_BY: dict[str, str] = {
    "principle": "pillar",
    "right": "instrument_ref",
    "risk_example": "category_ref",
    "framework_element": "framework_ref",
    "crosswalk_link": "from_ref",
    "question": "questionnaire_ref",
    "value_chain_role": "segment",
}

SEGMENT_LABELS = {
    "suppliers": gettext_noop("Suppliers of AI knowledge and resources"),
    "lifecycle_actors": gettext_noop("Actors in the AI lifecycle"),
    "users_operators": gettext_noop("Users and operators of AI systems"),
}


def group_items(
    kb: KnowledgeBase, item_type: str, items: list[Item]
) -> list[tuple[str, list[Item]]]:
    """[(group heading, items)] in first-seen order of the sorted items; one untitled group if ungrouped."""
    key = GROUP_BY.get(item_type)
    if key is None:
        return [("", items)]
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(str(item.get(key, "")), []).append(item)
    return [(_group_heading(kb, key, value), members) for value, members in groups.items()]


def _group_heading(kb: KnowledgeBase, key: str, value: str) -> str:
    if key.endswith("_ref"):
        target = kb.get(value)
        return target.title_in(get_language()) if target else value
    return gettext(SEGMENT_LABELS[value]) if value in SEGMENT_LABELS else value_label(value)


def further_links(kb: KnowledgeBase, item: Item) -> list[tuple[str, list[Item]]]:
    """Two-step connections a learner follows: a principle's crosswalks (also through due-diligence
    steps that cite it), and a right's risk examples (through the risk categories that cite it)."""
    if item.type == "principle":
        steps = [i.id for i in kb.linked_from(item.id) if i.type == "dd_step"]
        links = {
            link.id: link
            for source in (item.id, *steps)
            for link in kb.linked_from(source)
            if link.type == "crosswalk_link"
        }
        return (
            [
                (
                    gettext("How other frameworks match this principle"),
                    sorted(links.values(), key=sort_key),
                )
            ]
            if links
            else []
        )
    if item.type == "right":
        categories = [i.id for i in kb.linked_from(item.id) if i.type == "risk_category"]
        examples = [e for c in categories for e in kb.linked_from(c) if e.type == "risk_example"]
        return (
            [
                (
                    gettext("GenAI risk examples that put this right at stake"),
                    sorted(examples, key=sort_key),
                )
            ]
            if examples
            else []
        )
    return []
