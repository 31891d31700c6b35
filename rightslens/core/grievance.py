"""Rules of the grievance mechanism: states, published target times, receipt codes, small counts.

Pure Python. The Django app persists grievances and presents them; the rules live here so they can
be tested without a database and published exactly as they are applied.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class GrievanceState(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    UNDER_REVIEW = "under_review"
    REMEDY_PROPOSED = "remedy_proposed"
    CLOSED = "closed"
    APPEALED = "appealed"


# Which state may follow which. An appeal re-opens a closed case or contests a proposed remedy.
# A received case is acknowledged before anything else (UNGP 31: predictable, respectful of the
# complainant): it cannot be closed unseen, so closing needs at least an acknowledgement.
TRANSITIONS: Mapping[GrievanceState, frozenset[GrievanceState]] = {
    GrievanceState.RECEIVED: frozenset({GrievanceState.ACKNOWLEDGED}),
    GrievanceState.ACKNOWLEDGED: frozenset({GrievanceState.UNDER_REVIEW, GrievanceState.CLOSED}),
    GrievanceState.UNDER_REVIEW: frozenset({GrievanceState.REMEDY_PROPOSED, GrievanceState.CLOSED}),
    GrievanceState.REMEDY_PROPOSED: frozenset(
        {GrievanceState.CLOSED, GrievanceState.APPEALED, GrievanceState.UNDER_REVIEW}
    ),
    GrievanceState.CLOSED: frozenset({GrievanceState.APPEALED}),
    GrievanceState.APPEALED: frozenset({GrievanceState.UNDER_REVIEW, GrievanceState.CLOSED}),
}


def can_transition(current: GrievanceState, target: GrievanceState) -> bool:
    return target in TRANSITIONS[current]


def moves_from(current: GrievanceState) -> tuple[GrievanceState, ...]:
    """The states a case in `current` may move to, in the published order (what a form offers)."""
    return tuple(state for state in GrievanceState if state in TRANSITIONS[current])


# Recording remedy on a case being dealt with proposes it to the complainant. An acknowledged case
# passes through "under review" on the way (recording remedy shows the review has happened), so the
# trail never skips a published state and no new move is needed. Other states keep their state:
# a received case must be acknowledged first; a proposed, closed or appealed case moves by hand.
_STEPS_TO_REMEDY_PROPOSED: Mapping[GrievanceState, tuple[GrievanceState, ...]] = {
    GrievanceState.ACKNOWLEDGED: (GrievanceState.UNDER_REVIEW, GrievanceState.REMEDY_PROPOSED),
    GrievanceState.UNDER_REVIEW: (GrievanceState.REMEDY_PROPOSED,),
}


def steps_when_remedy_recorded(current: GrievanceState) -> tuple[GrievanceState, ...]:
    """The allowed moves, in order, that recording a remedy makes on a case in `current`."""
    return _STEPS_TO_REMEDY_PROPOSED.get(current, ())


@dataclass(frozen=True)
class TargetTimes:
    """Published target times, in days counted from receipt (appeal: from the appeal)."""

    acknowledge_days: int = 5
    review_days: int = 20
    remedy_days: int = 45
    appeal_days: int = 30

    def days_for(self, state: GrievanceState) -> int | None:
        """Days allowed to reach `state` (None for states that have no target)."""
        return {
            GrievanceState.ACKNOWLEDGED: self.acknowledge_days,
            GrievanceState.UNDER_REVIEW: self.review_days,
            GrievanceState.REMEDY_PROPOSED: self.remedy_days,
        }.get(state)


def next_target(state: GrievanceState) -> GrievanceState | None:
    """The milestone a case in `state` is working towards."""
    return {
        GrievanceState.RECEIVED: GrievanceState.ACKNOWLEDGED,
        GrievanceState.ACKNOWLEDGED: GrievanceState.UNDER_REVIEW,
        GrievanceState.UNDER_REVIEW: GrievanceState.REMEDY_PROPOSED,
    }.get(state)


def due_at(received_at: datetime, state: GrievanceState, targets: TargetTimes) -> datetime | None:
    days = targets.days_for(state)
    return None if days is None else received_at + timedelta(days=days)


@dataclass(frozen=True)
class Deadline:
    """The next milestone a case is working towards and when it falls due."""

    milestone: GrievanceState | None  # None: the answer to an appeal (any move out of "appealed")
    due: datetime

    @property
    def is_appeal(self) -> bool:
        return self.milestone is None

    def overdue(self, now: datetime) -> bool:
        return now > self.due


def deadline_for(
    state: GrievanceState,
    *,
    received_at: datetime,
    appealed_at: datetime | None,
    targets: TargetTimes,
) -> Deadline | None:
    """The case's next deadline: stages count from receipt, the answer to an appeal from the appeal.

    An appealed case recorded before appeal dates were kept (`appealed_at` None) has no deadline.
    """
    if state == GrievanceState.APPEALED:
        if appealed_at is None:
            return None
        return Deadline(None, appealed_at + timedelta(days=targets.appeal_days))
    milestone = next_target(state)
    due = None if milestone is None else due_at(received_at, milestone, targets)
    return None if milestone is None or due is None else Deadline(milestone, due)


def within_target(elapsed: timedelta, target_days: int) -> bool:
    return elapsed <= timedelta(days=target_days)


# ---- Receipt codes: the only link between an anonymous complainant and the case ----

# RFC 4648 base32: no 0, 1, 8 or 9, so people cannot confuse O/0, I/1 or B/8 when typing.
RECEIPT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
RECEIPT_LENGTH = 25  # 25 symbols x 5 bits = 125 bits: guessing one code is hopeless.
RECEIPT_GROUP = 5
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def receipt_code_new() -> str:
    """A fresh receipt code, grouped for reading aloud: ABCDE-FGHIJ-KLMNO-PQRST-UVWXY."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i : i + RECEIPT_GROUP] for i in range(0, RECEIPT_LENGTH, RECEIPT_GROUP))


def receipt_code_normalise(typed: str) -> str | None:
    """The canonical form of a typed code (case, spaces, dashes and look-alikes forgiven), or None."""
    cleaned = "".join(ch for ch in typed.upper() if ch not in " -\t").translate(_LOOKALIKES)
    if len(cleaned) != RECEIPT_LENGTH or any(ch not in RECEIPT_ALPHABET for ch in cleaned):
        return None
    return cleaned


def receipt_code_digest(normalised: str, key: bytes) -> str:
    """Keyed hash stored instead of the code: without the key (kept outside the DB) it reveals nothing."""
    return hmac.new(key, normalised.encode(), hashlib.sha256).hexdigest()


# ---- Aggregate statistics: counts small enough to single someone out are hidden ----

SMALL_COUNT_THRESHOLD = 5


def suppress_small(
    counts: Mapping[str, int], threshold: int = SMALL_COUNT_THRESHOLD
) -> dict[str, int | None]:
    """Each count, or None where it is above zero and below the threshold."""
    return {key: (None if 0 < n < threshold else n) for key, n in counts.items()}


def share(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


# ---- Remedy and the mechanism's effectiveness (ids match the knowledge base) ----


class RemedyForm(StrEnum):
    RESTITUTION = "remedy-restitution"
    COMPENSATION = "remedy-compensation"
    REHABILITATION = "remedy-rehabilitation"
    SATISFACTION = "remedy-satisfaction"
    NON_REPETITION = "remedy-non-repetition"


class RemedyRoute(StrEnum):
    JUDICIAL = "route-judicial"
    STATE_NON_JUDICIAL = "route-state-non-judicial"
    NON_STATE = "route-non-state"


class Gp31Criterion(StrEnum):
    LEGITIMATE = "gp31-legitimate"
    ACCESSIBLE = "gp31-accessible"
    PREDICTABLE = "gp31-predictable"
    EQUITABLE = "gp31-equitable"
    TRANSPARENT = "gp31-transparent"
    RIGHTS_COMPATIBLE = "gp31-rights-compatible"
    LEARNING = "gp31-learning"
    ENGAGEMENT = "gp31-engagement"


class Gp31Rating(StrEnum):
    NOT_MET = "not_met"
    PARTLY_MET = "partly_met"
    MET = "met"


def gp31_gaps(ratings: Mapping[Gp31Criterion, Gp31Rating | None]) -> list[Gp31Criterion]:
    """Criteria not yet rated as met (unrated counts as a gap), in the UNGP order."""
    return [c for c in Gp31Criterion if ratings.get(c) != Gp31Rating.MET]


# ---- Attachments: trust the bytes, not the name or the browser's claim ----

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def sniff_attachment_type(head: bytes) -> str | None:
    """The accepted type whose signature starts `head` (PDF, PNG or JPEG), else None."""
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
