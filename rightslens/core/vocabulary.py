"""Closed vocabularies the inventory and register use. Their meanings are cited in the knowledge base."""

from __future__ import annotations

from enum import StrEnum


class ValueChainRole(StrEnum):
    CONTENT_CREATOR = "content_creator"
    DATA_PROVIDER = "data_provider"
    DATA_ANNOTATOR = "data_annotator"
    INVESTOR = "investor"
    INFRASTRUCTURE_PROVIDER = "infrastructure_provider"
    DEVELOPER = "developer"
    DEPLOYER = "deployer"
    PROCURER = "procurer"
    DISTRIBUTOR = "distributor"
    BUSINESS_USER = "business_user"
    STATE_USER = "state_user"


class LifecycleStage(StrEnum):
    PLAN_AND_DESIGN = "plan_and_design"
    COLLECT_AND_PROCESS_DATA = "collect_and_process_data"
    BUILD_AND_USE_MODEL = "build_and_use_model"
    VERIFY_AND_VALIDATE = "verify_and_validate"
    DEPLOY = "deploy"
    OPERATE_AND_MONITOR = "operate_and_monitor"
    RETIRED = "retired"


class SystemKind(StrEnum):
    FOUNDATION_MODEL = "foundation_model"
    GENERATIVE_APPLICATION = "generative_application"
    OTHER_AI = "other_ai"


class Weights(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    NOT_APPLICABLE = "not_applicable"


# Words a plain capitalize() would spoil: acronyms and parts of place names.
_WORDS = {
    "ai": "AI",
    "api": "API",
    "apis": "APIs",
    "cv": "CV",
    "eu": "EU",
    "ilo": "ILO",
    "llm": "LLM",
    "ngo": "NGO",
    "oecd": "OECD",
    "un": "UN",
    **{w: w.capitalize() for w in ("africa", "america", "asia", "caribbean", "europe", "latin")},
    **{w: w.capitalize() for w in ("pacific", "middle", "east", "north", "central", "western")},
    "eastern": "Eastern",
}
_PHRASES = {
    "latin_america_caribbean": "Latin America and the Caribbean",
    "middle_east_north_africa": "Middle East and North Africa",
    "eastern_europe_central_asia": "Eastern Europe and Central Asia",
    "asia_pacific": "Asia-Pacific",
}


def label(value: str) -> str:
    """A readable label for a vocabulary value: 'other_ai' reads 'Other AI', not 'Other ai'."""
    if value in _PHRASES:
        return _PHRASES[value]
    words = value.replace("-", "_").split("_")
    readable = [_WORDS.get(w, w) for w in words]
    if readable and readable[0] == words[0]:
        readable[0] = readable[0].capitalize()
    return " ".join(readable)
