"""Red-line screening of a use-case description against the knowledge base's red lines.

The rule is deliberately simple so a person can check it: a red line is hit when one of its
`screening_terms` appears in the description as a whole phrase, after both are normalised (lower
case, punctuation and repeated spaces removed). Negations are not interpreted: "we will not use
emotion recognition" still raises the hit, and a senior person records that it does not apply.
A screen that a clever sentence could silence would not be a screen.

Legal status is kept exactly as the source gives it. A use prohibited by law somewhere and a use
that UN experts or civil society call to ban are different claims; `legal_status_summary` never
presents one as the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rightslens.core.knowledge.model import Item


class LegalStatusKind(StrEnum):
    PROHIBITED_BY_LAW = "prohibited_by_law"
    CALLED_FOR_BY_UN_EXPERTS = "called_for_by_un_experts"
    CALLED_FOR_BY_CIVIL_SOCIETY = "called_for_by_civil_society"


STATUS_LABELS: Mapping[str, str] = {
    LegalStatusKind.PROHIBITED_BY_LAW: "Prohibited by law",
    LegalStatusKind.CALLED_FOR_BY_UN_EXPERTS: "Red line called for by UN experts (not itself law)",
    LegalStatusKind.CALLED_FOR_BY_CIVIL_SOCIETY: "Red line called for by civil society (not itself law)",
}


@dataclass(frozen=True)
class LegalStatus:
    status: str
    authority: str
    locator: str

    @property
    def is_law(self) -> bool:
        return self.status == LegalStatusKind.PROHIBITED_BY_LAW

    def label(self) -> str:
        kind = STATUS_LABELS.get(self.status, self.status)
        where = f"{self.authority}, {self.locator}" if self.locator else self.authority
        return f"{kind}: {where}"


@dataclass(frozen=True)
class RedLineHit:
    red_line_id: str
    title: str
    matched_terms: tuple[str, ...]
    statuses: tuple[LegalStatus, ...]
    sources: tuple[tuple[str, str], ...] = ()  # (citation label, url)
    exceptions: str = ""

    @property
    def prohibited_by_law(self) -> bool:
        return any(s.is_law for s in self.statuses)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-safe form, for storing a screening's hits."""
        return {
            "red_line_id": self.red_line_id,
            "title": self.title,
            "matched_terms": list(self.matched_terms),
            "statuses": [
                {"status": s.status, "authority": s.authority, "locator": s.locator}
                for s in self.statuses
            ],
            "sources": [{"label": label, "url": url} for label, url in self.sources],
            "exceptions": self.exceptions,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> RedLineHit:
        return cls(
            red_line_id=str(raw["red_line_id"]),
            title=str(raw["title"]),
            matched_terms=tuple(str(t) for t in raw.get("matched_terms", [])),
            statuses=_statuses(raw.get("statuses", [])),
            sources=tuple((str(s["label"]), str(s["url"])) for s in raw.get("sources", [])),
            exceptions=str(raw.get("exceptions", "")),
        )


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces, padded so phrases match whole words."""
    return " " + " ".join(_NON_WORD.sub(" ", text.casefold()).split()) + " "


def _statuses(raw: Iterable[Any]) -> tuple[LegalStatus, ...]:
    return tuple(
        LegalStatus(
            str(s.get("status", "")), str(s.get("authority", "")), str(s.get("locator", ""))
        )
        for s in raw
        if isinstance(s, Mapping)
    )


def matched_terms(text: str, terms: Iterable[str]) -> tuple[str, ...]:
    haystack = normalise(text)
    found = [t for t in terms if normalise(t).strip() and normalise(t) in haystack]
    return tuple(dict.fromkeys(found))


def hit_for(text: str, red_line: Item) -> RedLineHit | None:
    terms = matched_terms(text, [str(t) for t in red_line.get("screening_terms", [])])
    if not terms:
        return None
    return RedLineHit(
        red_line_id=red_line.id,
        title=red_line.title,
        matched_terms=terms,
        statuses=_statuses(red_line.get("statuses", [])),
        sources=tuple((c.label(), c.url) for c in red_line.citations),
        exceptions=str(red_line.get("exceptions", "") or ""),
    )


def screen_use_case(text: str, red_lines: Sequence[Item]) -> list[RedLineHit]:
    """Every red line whose screening terms occur in the text, in the library's order."""
    hits = (hit_for(text, item) for item in red_lines if item.type == "red_line")
    return [hit for hit in hits if hit is not None]


def legal_status_summary(hit: RedLineHit) -> str:
    """One sentence that keeps law and calls for law apart."""
    law = [s for s in hit.statuses if s.is_law]
    calls = [s for s in hit.statuses if not s.is_law]
    parts: list[str] = []
    if law:
        where = "; ".join(f"{s.authority} ({s.locator})" if s.locator else s.authority for s in law)
        # The law's exceptions belong to the claim: without them "prohibited" says too much.
        caveat = ", subject to the exceptions recorded for this red line" if hit.exceptions else ""
        parts.append(f"Prohibited by law in: {where}{caveat}.")
    if calls:
        who = "; ".join(f"{s.authority} ({s.locator})" if s.locator else s.authority for s in calls)
        prefix = "Also called" if law else "Not prohibited by any law recorded here; called"
        parts.append(f"{prefix} a red line by: {who}.")
    if not parts:
        return "No legal status recorded for this red line."
    return " ".join(parts)
