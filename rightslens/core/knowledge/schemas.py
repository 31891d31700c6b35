"""Per-type schemas for knowledge items (pydantic). Unknown types are refused.

Each model lists the type-specific fields of one item type in docs/KNOWLEDGE-TYPES.md; the base
fields (id, title, citations, unverified, deprecated) are checked by the loader. Fields named
*_ref / *_refs are cross-references: the loader checks that they exist and, through REF_TARGETS,
that they point at the right type of item.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from rightslens.core.vocabulary import LifecycleStage, ValueChainRole

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ref = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Audience = Literal["developer", "deployer", "buyer", "state"]
SystemKindName = Literal["foundation_model", "generative_application", "other_ai"]
# These mirror rightslens.assessments.models.Trigger / AssessmentKind (the core may not import
# Django); tests/kb/test_vocabularies.py proves they stay equal.
TriggerCode = Literal[
    "new_activity",
    "launch",
    "market_entry",
    "policy_change",
    "context_change",
    "periodic",
    "grievance",
]
AssessmentKindCode = Literal["full", "rapid", "pre_procurement", "periodic", "grievance"]


class _Fields(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PrincipleFields(_Fields):
    number: int = Field(ge=1, le=31)
    pillar: Literal["state_duty", "corporate_responsibility", "access_to_remedy"]
    principle_kind: Literal["foundational", "operational"]
    summary: Text
    explanation: Text
    asks_of: list[Audience] = Field(min_length=1)
    right_refs: list[Ref] = []
    #: Whole instruments a principle points to (GP 12: the International Bill of Human Rights and
    #: the ILO Declaration), where listing single articles would say less.
    instrument_refs: list[Ref] = []


class InstrumentFields(_Fields):
    short_name: Text
    adopted: Text
    binding: bool


class RightFields(_Fields):
    instrument_ref: Ref
    article: Text
    summary: Text
    related_refs: list[Ref] = []


class RiskCategoryFields(_Fields):
    number: int = Field(ge=1, le=10)
    summary: Text
    right_refs: list[Ref] = Field(min_length=1)
    principle_refs: list[Ref] = []


class RiskExampleFields(_Fields):
    category_ref: Ref
    description: Text
    system_kinds: list[SystemKindName] = Field(min_length=1)
    affected_group_refs: list[Ref] = []
    triggers_on: list[Text] = []


class ImpactPatternFields(_Fields):
    """A way a system can affect people: who, which rights, how; found by cues and meaning."""

    category_ref: Ref
    also_category_refs: list[Ref] = []
    right_refs: list[Ref] = Field(min_length=1)
    affected: Text
    impact: Text
    cues: dict[Literal["en", "fr", "es", "pt", "de"], list[Text]] = Field(min_length=1)
    examples: list[Text] = []


class RedLineStatus(_Fields):
    status: Literal["prohibited_by_law", "called_for_by_un_experts", "called_for_by_civil_society"]
    authority: Text
    locator: Text


ScreeningLanguage = Literal["en", "fr", "es", "pt", "de"]
ElementKind = Literal["data", "inference", "context", "actor", "action", "purpose", "consequence"]


class ElementGroup(_Fields):
    """One thing a red line needs: any one of these elements supplies it."""

    kind: ElementKind
    element_refs: list[Ref] = Field(min_length=1)
    #: Weak elements count fully here (inferring a person's gender from any image of them is
    #: reading biometric data, whereas "identifies … on camera" may be about objects).
    weak_counts: bool = False
    #: In a red line of two elements, meaning may supply this one when the sentence states a
    #: judgement about people ("sorting people by ethnicity" reads as categorisation from their
    #: appearance). Never set on the data of emotion red lines: "sentiment of reviews" is text.
    meaning_may_supply: bool = False


class RedLineFields(_Fields):
    description: Text
    statuses: list[RedLineStatus] = Field(min_length=1)
    exceptions: str = ""
    #: English names of the practice; `names` holds them in other languages.
    screening_terms: list[Text] = Field(min_length=4)
    names: dict[ScreeningLanguage, list[Text]] = {}
    #: Every group must be found (by one of its elements) for the red line to be hit.
    requires: list[ElementGroup] = []
    #: Elements that take a description out of this red line (a legal exception, or a context
    #: that a separate red line covers); screening reports them instead of a hit.
    exception_refs: list[Ref] = []
    #: Whole sentences as buyers and vendors write them, compared by meaning.
    typical_wordings: dict[ScreeningLanguage, list[Text]] = {}
    right_refs: list[Ref] = Field(min_length=1)


class RedLineElementFields(_Fields):
    #: "judgement" marks the verbs by which a system concludes something about people; they let
    #: a red line's inference be read from meaning (see the screening engine).
    kind: ElementKind | Literal["exception", "judgement"]
    summary: Text
    #: For an exception: elements whose presence stops it applying (a physical state is no
    #: exception once an emotion is named too).
    overridden_by_refs: list[Ref] = []
    #: A weak element suggests but does not show (a camera may film parts, not people): alone
    #: it supplies its group only when the sentence's meaning is close to the red line.
    weak: bool = False
    #: A sentence stating this element gives no "possible" red-line hit: it says plainly what
    #: the system does (one-to-one verification; people saying things of themselves).
    no_possible_hit: bool = False
    #: Something done to people that tools also look for: named as what a tool detects or flags
    #: ("a scanner that flags fake countdown timers"), it is not done.
    not_when_detected: bool = False
    #: Word beginnings, lower case, without accents; one ending in a space must end a word.
    wordings: dict[ScreeningLanguage, list[Text]] = Field(min_length=5)


class InvolvementTypeFields(_Fields):
    code: Literal["cause", "contribute", "directly_linked"]
    summary: Text
    expected_response: Text


class ExamplesFields(_Fields):
    """Leverage kinds, remedy forms and remedy routes: a summary and concrete examples."""

    summary: Text
    examples: list[Text] = Field(min_length=1)


class EffectivenessCriterionFields(_Fields):
    number: int = Field(ge=1, le=8)
    summary: Text
    indicators: list[Text] = Field(min_length=2)


class DdTriggerFields(_Fields):
    code: TriggerCode
    summary: Text
    assessment_kind: AssessmentKindCode


class LifecycleStageFields(_Fields):
    code: LifecycleStage
    summary: Text


class ValueChainRoleFields(_Fields):
    code: ValueChainRole
    segment: Literal["suppliers", "lifecycle_actors", "users_operators"]
    summary: Text


class SummaryFields(_Fields):
    summary: Text


class VulnerableGroupFields(_Fields):
    summary: Text
    right_refs: list[Ref] = []


class SideRisk(_Fields):
    risk: Text
    right_refs: list[Ref] = Field(min_length=1)


class MitigationTypeFields(_Fields):
    summary: Text
    side_risks: list[SideRisk] = Field(min_length=1)


class DdStepFields(_Fields):
    summary: Text
    principle_refs: list[Ref] = Field(min_length=1)


class FrameworkFields(_Fields):
    short_name: Text
    kind: Literal["law", "guidance", "standard", "disclosure"]


class FrameworkElementFields(_Fields):
    framework_ref: Ref
    code: Text
    summary: Text


class CrosswalkLinkFields(_Fields):
    from_ref: Ref
    to_ref: Ref
    relationship: Literal["equal", "subset", "superset", "intersects"]
    rationale: Text


class AlignmentCriterionFields(_Fields):
    code: Annotated[str, StringConstraints(pattern=r"^C[0-9]+$")]
    summary: Text
    principle_refs: list[Ref] = Field(min_length=1)
    addressed: Text
    partial: Text
    absent: Text
    contrary: Text
    recommendation: Text
    signals: dict[str, list[Text]]


class QuestionnaireFields(_Fields):
    audience: Literal["buyer", "developer"]
    summary: Text


class ShowIf(_Fields):
    question_ref: Ref
    equals: str | bool


class RedLineIf(_Fields):
    equals: str | bool
    red_line_ref: Ref


class QuestionFields(_Fields):
    questionnaire_ref: Ref
    section: Text
    text: Text
    answer_kind: Literal["yes_no", "choice", "text", "evidence"]
    choices: list[Text] = []
    show_if: ShowIf | None = None
    essential: bool = False
    red_line_if: RedLineIf | None = None
    weight: int = Field(default=1, ge=0)


class ClauseTemplateFields(_Fields):
    purpose: Text
    text: Text
    leverage_ref: Ref | None = None


# The blocks of facts the FRIA assembly computes from records (rightslens.core.disclosure.fria).
# A template item names the blocks that fill it, so another template can regroup them without code.
FriaBlock = Literal[
    "process",
    "period",
    "people",
    "risks",
    "provider_information",
    "oversight",
    "governance",
    "complaints",
    "remedy",
]


class FriaTemplateFields(_Fields):
    """A fundamental rights impact assessment template (EU AI Act Art. 27): its items follow."""

    summary: Text
    element_ref: Ref
    notification: Text


class FriaItemFields(_Fields):
    template_ref: Ref
    key: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    order: int = Field(ge=1)
    question: Text
    guidance: Text
    blocks: list[FriaBlock] = Field(min_length=1)


# The measures the ESRS S4 draft computes from records (rightslens.core.disclosure.esrs). A datapoint
# in the library names its measure, so the library can relabel, regroup or drop datapoints.
EsrsMeasure = Literal[
    "systems",
    "approved_assessments",
    "engagement_events",
    "stakeholders_heard",
    "engagement_with_change",
    "channel",
    "gp31_rated",
    "grievances_received",
    "grievances_acknowledged_on_time",
    "grievances_closed",
    "remedies",
    "complainants_helped",
    "actions",
    "actions_done",
    "severe_impacts",
    "severe_impacts_with_action",
    "indicators_measured",
    "targets",
]


class EsrsRequirementFields(_Fields):
    """An ESRS S4 disclosure requirement (S4-1 … S4-5): its datapoints follow."""

    code: Annotated[str, StringConstraints(pattern=r"^S4-[0-9]+$")]
    order: int = Field(ge=1)
    summary: Text


class EsrsDatapointFields(_Fields):
    requirement_ref: Ref
    code: Annotated[str, StringConstraints(pattern=r"^S4-[0-9]+\.[a-z0-9_]+$")]
    order: int = Field(ge=1)
    measure: EsrsMeasure
    description: Text


SCHEMAS: dict[str, type[_Fields]] = {
    "principle": PrincipleFields,
    "instrument": InstrumentFields,
    "right": RightFields,
    "risk_category": RiskCategoryFields,
    "risk_example": RiskExampleFields,
    "red_line": RedLineFields,
    "red_line_element": RedLineElementFields,
    "impact_pattern": ImpactPatternFields,
    "involvement_type": InvolvementTypeFields,
    "leverage_kind": ExamplesFields,
    "remedy_form": ExamplesFields,
    "remedy_route": ExamplesFields,
    "effectiveness_criterion": EffectivenessCriterionFields,
    "dd_trigger": DdTriggerFields,
    "lifecycle_stage": LifecycleStageFields,
    "value_chain_role": ValueChainRoleFields,
    "stakeholder_type": SummaryFields,
    "vulnerable_group": VulnerableGroupFields,
    "mitigation_type": MitigationTypeFields,
    "dd_step": DdStepFields,
    "framework": FrameworkFields,
    "framework_element": FrameworkElementFields,
    "crosswalk_link": CrosswalkLinkFields,
    "alignment_criterion": AlignmentCriterionFields,
    "questionnaire": QuestionnaireFields,
    "question": QuestionFields,
    "clause_template": ClauseTemplateFields,
    "fria_template": FriaTemplateFields,
    "fria_item": FriaItemFields,
    "esrs_requirement": EsrsRequirementFields,
    "esrs_datapoint": EsrsDatapointFields,
}

# (item type, reference field name) -> the item types that reference may point at. A reference
# field not listed here only has to exist.
REF_TARGETS: dict[tuple[str, str], frozenset[str]] = {
    ("principle", "right_refs"): frozenset({"right"}),
    ("principle", "instrument_refs"): frozenset({"instrument"}),
    ("right", "instrument_ref"): frozenset({"instrument"}),
    ("right", "related_refs"): frozenset({"right"}),
    ("risk_category", "right_refs"): frozenset({"right"}),
    ("risk_category", "principle_refs"): frozenset({"principle"}),
    ("risk_example", "category_ref"): frozenset({"risk_category"}),
    ("risk_example", "affected_group_refs"): frozenset({"vulnerable_group"}),
    ("red_line", "right_refs"): frozenset({"right"}),
    ("red_line", "element_refs"): frozenset({"red_line_element"}),
    ("impact_pattern", "category_ref"): frozenset({"risk_category"}),
    ("impact_pattern", "also_category_refs"): frozenset({"risk_category"}),
    ("impact_pattern", "right_refs"): frozenset({"right"}),
    ("red_line", "exception_refs"): frozenset({"red_line_element"}),
    ("red_line_element", "overridden_by_refs"): frozenset({"red_line_element"}),
    ("vulnerable_group", "right_refs"): frozenset({"right"}),
    ("mitigation_type", "right_refs"): frozenset({"right"}),
    ("dd_step", "principle_refs"): frozenset({"principle"}),
    ("framework_element", "framework_ref"): frozenset({"framework"}),
    ("crosswalk_link", "from_ref"): frozenset({"dd_step", "principle"}),
    ("crosswalk_link", "to_ref"): frozenset({"framework_element"}),
    ("alignment_criterion", "principle_refs"): frozenset({"principle"}),
    ("question", "questionnaire_ref"): frozenset({"questionnaire"}),
    ("question", "question_ref"): frozenset({"question"}),
    ("question", "red_line_ref"): frozenset({"red_line"}),
    ("clause_template", "leverage_ref"): frozenset({"leverage_kind"}),
    ("fria_template", "element_ref"): frozenset({"framework_element"}),
    ("fria_item", "template_ref"): frozenset({"fria_template"}),
    ("esrs_datapoint", "requirement_ref"): frozenset({"esrs_requirement"}),
}


def validate_item_fields(item_type: str, fields: dict[str, Any]) -> str:
    """An error message, or '' when the fields fit the type's schema."""
    return field_problem(item_type, fields)[0]


def field_problem(item_type: str, fields: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    """('' , ()) when the fields fit the type's schema, else the message and where it points."""
    model = SCHEMAS.get(item_type)
    if model is None:
        return f"unknown item type '{item_type}'", ("type",)
    try:
        model.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc) or item_type
        return f"field '{where}': {first['msg']}", loc
    return "", ()


_CITATION = {
    "type": "object",
    "required": ["source", "locator"],
    "properties": {
        "source": {"type": "string"},
        "locator": {"type": "string", "minLength": 1},
        "url": {"type": "string"},
    },
    "additionalProperties": False,
}
_BASE_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string", "pattern": ID_PATTERN},
    "title": {"type": "string", "minLength": 1},
    "citations": {"type": "array", "minItems": 1, "items": _CITATION},
    "unverified": {"type": "boolean"},
    "unverified_reason": {"type": "string"},
    "deprecated": {"type": "boolean"},
    "replaced_by": {"type": "string", "pattern": ID_PATTERN},
}
_HEADER = {
    "type": "object",
    "required": ["id", "version", "title", "publisher", "sources"],
    "properties": {
        "id": {"type": "string"},
        "version": {"type": "integer", "minimum": 1},
        "locale": {"type": "string"},
        "title": {"type": "string"},
        "publisher": {"type": "string"},
        "description": {"type": "string"},
        "sources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "title", "publisher", "url", "date"],
                "properties": {
                    k: {"type": "string"} for k in ("id", "title", "publisher", "url", "date")
                },
            },
        },
    },
}


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of a whole library file, one item schema per type under $defs."""
    defs: dict[str, Any] = {}
    for name, model in sorted(SCHEMAS.items()):
        fields = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(fields.pop("$defs", {}))
        defs[f"item_{name}"] = {
            "title": f"{name} item",
            "type": "object",
            "required": ["type", "id", "title", "citations", *fields.get("required", [])],
            "properties": {"type": {"const": name}, **_BASE_PROPERTIES, **fields["properties"]},
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "RightsLens knowledge library file",
        "type": "object",
        "required": ["library", "items"],
        "properties": {
            "library": _HEADER,
            "items": {
                "type": "array",
                "items": {"oneOf": [{"$ref": f"#/$defs/item_{n}"} for n in sorted(SCHEMAS)]},
            },
        },
        "$defs": defs,
    }
