"""How knowledge items are shown to people: type names, readable field labels, links between items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rightslens.core.knowledge import Item, KnowledgeBase

# type -> (singular, plural, one-line description shown on the browse page)
TYPE_NAMES: dict[str, tuple[str, str, str]] = {
    "principle": (
        "Guiding Principle",
        "Guiding Principles",
        "The 31 UN Guiding Principles on Business and Human Rights.",
    ),
    "instrument": (
        "Instrument",
        "Human rights instruments",
        "The declarations and treaties the rights come from.",
    ),
    "right": ("Right", "Rights", "Articles of human rights instruments that impacts can cite."),
    "risk_category": (
        "Risk category",
        "GenAI risk categories",
        "Groups of human rights risks from generative AI.",
    ),
    "risk_example": (
        "Risk example",
        "GenAI risk examples",
        "Concrete ways generative AI can harm people's rights.",
    ),
    "red_line": (
        "Red line",
        "Red lines",
        "Uses that cannot be operated in line with human rights, with their legal status.",
    ),
    "red_line_element": (
        "Red-line element",
        "Red-line elements",
        "What data, inference, context and actor make up a red line, with wordings in five languages.",
    ),
    "impact_pattern": (
        "Impact pattern",
        "Impact patterns",
        "How a system can affect people: who, which rights, how; used to suggest impacts.",
    ),
    "involvement_type": (
        "Involvement type",
        "Involvement types",
        "Cause, contribute, directly linked: and what each asks of a company.",
    ),
    "leverage_kind": (
        "Kind of leverage",
        "Kinds of leverage",
        "Ways to influence others who cause or contribute to harm.",
    ),
    "remedy_form": (
        "Form of remedy",
        "Forms of remedy",
        "What putting a harm right can look like.",
    ),
    "remedy_route": ("Route to remedy", "Routes to remedy", "Where people can seek remedy."),
    "effectiveness_criterion": (
        "Effectiveness criterion",
        "Effectiveness criteria (GP 31)",
        "How to judge a grievance mechanism.",
    ),
    "dd_trigger": (
        "Trigger",
        "When to assess",
        "Moments that call for a human rights impact assessment.",
    ),
    "lifecycle_stage": (
        "Lifecycle stage",
        "Lifecycle stages",
        "The stages of an AI system's life.",
    ),
    "value_chain_role": (
        "Value-chain role",
        "Value-chain roles",
        "Roles an organisation can hold in the AI value chain.",
    ),
    "stakeholder_type": ("Stakeholder type", "Stakeholder types", "Whom to engage."),
    "vulnerable_group": (
        "Group at heightened risk",
        "Groups at heightened risk",
        "People more exposed to harm, whose outcomes need separate tracking.",
    ),
    "mitigation_type": (
        "Technical mitigation",
        "Technical mitigations",
        "Technical safeguards and the human rights risks they bring themselves.",
    ),
    "dd_step": (
        "Due-diligence step",
        "Due-diligence steps",
        "The steps of human rights due diligence under the UNGPs.",
    ),
    "framework": (
        "Framework",
        "Frameworks",
        "Other laws, standards and guidance mapped to the UNGPs.",
    ),
    "framework_element": (
        "Framework element",
        "Framework elements",
        "Articles, clauses and subcategories of those frameworks.",
    ),
    "crosswalk_link": (
        "Crosswalk link",
        "Crosswalk links",
        "How a UNGP step relates to an element of another framework.",
    ),
    "alignment_criterion": (
        "Policy alignment criterion",
        "Policy alignment criteria",
        "What a UNGP-aligned AI law or policy looks like.",
    ),
    "questionnaire": (
        "Questionnaire",
        "Procurement questionnaires",
        "Due diligence questions for buyers and vendors of AI.",
    ),
    "question": (
        "Question",
        "Procurement questions",
        "Individual questions of the procurement questionnaires.",
    ),
    "clause_template": (
        "Contract clause",
        "Contract clauses",
        "Contract terms that act as leverage.",
    ),
}

FIELD_LABELS: dict[str, str] = {
    "asks_of": "Asks this of",
    "principle_kind": "Kind",
    "right_refs": "Rights",
    "principle_refs": "Guiding Principles",
    "related_refs": "Related rights",
    "instrument_ref": "Instrument",
    "instrument_refs": "Instruments",
    "category_ref": "Risk category",
    "affected_group_refs": "Groups especially affected",
    "triggers_on": "Suggested when a system involves",
    "system_kinds": "Kinds of system",
    "screening_terms": "Screening terms",
    "element_refs": "Elements",
    "exception_refs": "Taken out by",
    "typical_wordings": "Typical wordings",
    "also_category_refs": "Also in categories",
    "side_risks": "Human rights risks of the mitigation itself",
    "framework_ref": "Framework",
    "from_ref": "From",
    "to_ref": "To",
    "expected_response": "Expected response",
    "assessment_kind": "Kind of assessment",
    "questionnaire_ref": "Questionnaire",
    "leverage_ref": "Kind of leverage",
    "red_line_ref": "Red line",
    "question_ref": "Question",
}

# Values of closed vocabularies shown as words.
VALUE_LABELS: dict[str, str] = {
    "state_duty": "The State duty to protect",
    "corporate_responsibility": "The corporate responsibility to respect",
    "access_to_remedy": "Access to remedy",
    "prohibited_by_law": "Prohibited by law",
    "called_for_by_un_experts": "Called for by UN experts",
    "called_for_by_civil_society": "Called for by civil society",
    "directly_linked": "Directly linked",
}


def type_name(item_type: str, *, plural: bool = False) -> str:
    names = TYPE_NAMES.get(item_type)
    if names is None:
        return item_type.replace("_", " ").capitalize()
    return names[1] if plural else names[0]


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()


AUDIENCE_LABELS = {
    "developer": "Developers",
    "deployer": "Deployers",
    "buyer": "Buyers",
    "state": "States",
}


def value_label(value: Any, field_name: str = "") -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = str(value)
    if field_name == "asks_of":
        return AUDIENCE_LABELS.get(text, text)
    if text in VALUE_LABELS:
        return VALUE_LABELS[text]
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
            [Shown(label=f"Language: {k}", texts=[str(p) for p in v]) for k, v in value.items()]
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
    "equal": "Equal",
    "subset": "Narrower (subset)",
    "superset": "Broader (superset)",
    "intersects": "Overlaps",
}


def gist(item: Item) -> str:
    """One line that tells a reader what an item says, for lists of items."""
    if item.type == "crosswalk_link":
        relationship = RELATIONSHIP_WORDS.get(
            str(item.get("relationship")), str(item.get("relationship"))
        )
        return f"{relationship}: {item.get('rationale', '')}"
    for name in ("summary", "description", "explanation", "text", "purpose"):
        value = item.get(name)
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
    "suppliers": "Suppliers of AI knowledge and resources",
    "lifecycle_actors": "Actors in the AI lifecycle",
    "users_operators": "Users and operators of AI systems",
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
        return target.title if target else value
    return SEGMENT_LABELS.get(value) or value_label(value)


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
            [("How other frameworks match this principle", sorted(links.values(), key=sort_key))]
            if links
            else []
        )
    if item.type == "right":
        categories = [i.id for i in kb.linked_from(item.id) if i.type == "risk_category"]
        examples = [e for c in categories for e in kb.linked_from(c) if e.type == "risk_example"]
        return (
            [("GenAI risk examples that put this right at stake", sorted(examples, key=sort_key))]
            if examples
            else []
        )
    return []
