"""Business-model risk for the board (OHCHR B-Tech GenAI paper, 2023, practice 1).

The paper names four features of a generative-AI business model that shape its human rights risks:
general-purpose capability, the revenue model and who it serves, the nature and speed of release,
and open versus closed weights. These rules turn a structured description of those features into
the inherent risks and the decisions the board is asked to take. The aim, as the paper says, is not
to label a model good or bad, but to show where operational teams cannot manage a risk alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

SOURCE = (
    "OHCHR B-Tech, Advancing Responsible Development and Deployment of Generative AI: "
    "The value proposition of the UNGPs (November 2023), practice 1 (business model)"
)


class RevenueModel(StrEnum):
    SUBSCRIPTION = "subscription"
    API_USAGE = "api_usage"
    ENTERPRISE_LICENCE = "enterprise_licence"
    ADVERTISING = "advertising"
    DATA_MONETISATION = "data_monetisation"
    FREE = "free"


class TargetCustomer(StrEnum):
    CONSUMERS = "consumers"
    DEVELOPERS = "developers"
    ENTERPRISES = "enterprises"
    PUBLIC_SECTOR = "public_sector"
    SECURITY_AND_DEFENCE = "security_and_defence"


class ReleaseSpeed(StrEnum):
    GATED = "gated"  # release waits for assessment sign-off
    ITERATIVE = "iterative"  # frequent incremental releases
    RACED = "raced"  # timed to competitors


class ReleaseStyle(StrEnum):
    STAGED_ACCESS = "staged_access"
    PUBLIC_API = "public_api"
    CONSUMER_APP = "consumer_app"
    DOWNLOADABLE = "downloadable"


class WeightsPolicy(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class BusinessModel:
    general_purpose: bool
    revenue_model: RevenueModel
    target_customers: tuple[TargetCustomer, ...]
    release_speed: ReleaseSpeed
    release_style: ReleaseStyle
    weights: WeightsPolicy


@dataclass(frozen=True)
class InherentRisk:
    code: str
    feature: str
    risk: str
    board_decision: str
    source: str = SOURCE


_RULES: Sequence[tuple[str, str, str, str]] = (
    (
        "general-purpose",
        "General-purpose capability",
        "It can be used, misused and abused in many ways nobody foresees at release, across every "
        "right, so harm can arise far from the team that built it.",
        "Which uses will we refuse, and what share of resources goes to watching and acting on "
        "downstream use?",
    ),
    (
        "attention-revenue",
        "Revenue from advertising or data",
        "Income grows with engagement and personal data, which pulls against privacy and freedom "
        "of thought and can reward harmful content.",
        "Do we accept revenue that grows with engagement or data use, and what limits do we set?",
    ),
    (
        "state-customers",
        "Public-sector or security customers",
        "State use can reach surveillance, policing and access to public services, where impacts "
        "on liberty, equality and public participation are grave and hard to remedy.",
        "Which State customers and uses will we serve, and what know-your-customer checks and "
        "contract terms are conditions of sale?",
    ),
    (
        "consumer-scale",
        "Consumer reach",
        "Direct consumer use reaches very many people, including children and people with low "
        "digital literacy, so even rare failures affect large numbers.",
        "What age, safety and redress measures must be in place before consumer launch?",
    ),
    (
        "release-pressure",
        "Release timed to competitors",
        "Racing releases leaves less time to assess and mitigate, so known risks ship unaddressed.",
        "Will release wait for the human rights assessment's sign-off even when competitors move "
        "first?",
    ),
    (
        "open-weights",
        "Open weights or downloadable model",
        "Once released, weights cannot be recalled; others can remove safeguards and the company "
        "loses most leverage over end use, though openness also helps outside scrutiny.",
        "Is a staged or precautionary release warranted given the severity of possible misuse, "
        "even if unlikely?",
    ),
)


def _applies(code: str, model: BusinessModel) -> bool:
    customers = set(model.target_customers)
    checks = {
        "general-purpose": model.general_purpose,
        "attention-revenue": model.revenue_model
        in (RevenueModel.ADVERTISING, RevenueModel.DATA_MONETISATION),
        "state-customers": bool(
            customers & {TargetCustomer.PUBLIC_SECTOR, TargetCustomer.SECURITY_AND_DEFENCE}
        ),
        "consumer-scale": TargetCustomer.CONSUMERS in customers
        or model.release_style == ReleaseStyle.CONSUMER_APP,
        "release-pressure": model.release_speed == ReleaseSpeed.RACED,
        "open-weights": model.weights == WeightsPolicy.OPEN
        or model.release_style == ReleaseStyle.DOWNLOADABLE,
    }
    return checks.get(code, False)


def inherent_risks(model: BusinessModel) -> list[InherentRisk]:
    """The business-model risks this combination of features carries, each with a board decision."""
    return [
        InherentRisk(code=code, feature=feature, risk=risk, board_decision=decision)
        for code, feature, risk, decision in _RULES
        if _applies(code, model)
    ]
