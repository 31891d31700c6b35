"""The FRIA's computed sentences, with a stable id each, in English.

The core builds the FRIA's text through a `Say` function: `english` here, or the Django layer's
`rightslens.ux.wording.sentence`, which finds the same sentence in the reader's language (the ids
and English templates are registered with the ux wording)."""

from __future__ import annotations

from typing import Protocol

FRIA_WORDS: dict[str, str] = {
    "fria.used_for": "{name} is used for: {purpose}.",
    "fria.operated_by": "Operated by or for: {users}.",
    "fria.countries": "Countries of use: {values}.",
    "fria.languages": "Languages: {values}.",
    "fria.sectors": "Sectors: {values}.",
    "fria.context_of_use": "Context of use: {context}",
    "fria.stage": "Lifecycle stage: {stage}.",
    "fria.period": "Period of use: {period}",
    "fria.frequency": "Frequency of use: {frequency}",
    "fria.users": "Users: {users}",
    "fria.heading_groups": "Groups of people affected:",
    "fria.heading_engagement": "What affected people and their representatives said:",
    "fria.heading_impacts_from": (
        "Impacts on human rights, most severe first (from “{title}” v{version}, {status}):"
    ),
    "fria.heading_impacts": "Impacts on human rights, most severe first:",
    "fria.heading_provider": "From the provider's information (Art. 13):",
    "fria.heading_oversight": "Human oversight measures:",
    "fria.heading_tracking": "Tracked by (GP 20):",
    "fria.heading_governance": "Governance:",
    "fria.heading_complaints": "Complaints:",
    "fria.heading_remedy": "Responses when harm occurs (cease, prevent, remedy):",
    "fria.impact": "{title} (severity: {severity}, {kind}).",
    "fria.impact_rights": "Rights: {rights}.",
    "fria.impact_groups": "Affects: {groups}.",
    "fria.gap_no_assessment": "no assessment of this system recorded",
    "fria.gap_no_context": "no context of use recorded in the latest assessment",
    "fria.gap_no_period": "no period of use recorded",
    "fria.gap_no_frequency": "no frequency of use recorded",
    "fria.gap_no_group": "no affected group recorded",
    "fria.gap_no_vulnerable": "no group at heightened risk (vulnerable) recorded",
    "fria.gap_no_engagement": "no engagement with affected people recorded",
    "fria.gap_no_impact": "no impact recorded in the latest assessment",
    "fria.gap_no_provider": "no provider information (instructions for use, Art. 13) recorded",
    "fria.gap_no_oversight": "no human oversight measure recorded",
    "fria.gap_no_tracking": (
        "no indicator tracks whether the measures work for each group (GP 20)"
    ),
    "fria.gap_no_governance": "no reviewer or approver recorded",
    "fria.gap_not_approved": "the latest assessment is not approved",
    "fria.gap_no_complaints": "no complaint mechanism recorded",
    "fria.gap_gp31": "the grievance mechanism has not been assessed against the GP 31 criteria",
    "fria.gap_no_response": "no action records how harm would be stopped or remedied",
    "fria.gap_no_remedy": "actual impact “{title}” has no remedy action",
    # Labels inside the sentences above.
    "fria.actual": "actual",
    "fria.potential": "potential",
}


class Say(Protocol):
    def __call__(self, key: str, **parts: object) -> str: ...


def english(key: str, **parts: object) -> str:
    """The sentence `key` in English, with its parts filled in."""
    return FRIA_WORDS[key].format(**parts)
