"""Red-line screening of a use-case description against the knowledge base's red lines.

A red line is usually a combination of elements: what data (faces, voices, gait), what is
inferred (identity, emotion, ethnicity, future offending), in what context (work, school, public
space, in real time) and who acts (police). The library describes each element with wordings in
English, French, Spanish, Portuguese and German. Screening reads the description sentence by
sentence, finds which elements are present and which are missing, and raises a hit when every
element the red line needs is there, or when all but one are and the sentence means what the red
line's typical wordings mean (compared with the offline encoder). A name of the practice itself
("emotion recognition", "social scoring") supplies every element at once. Where neither rule
fires, a learned layer (one logistic regression per red line over the encoder's sentence vectors,
trained offline on the development cases) may raise a "possible" hit for a person to confirm, but
only on a sentence that states one of the red line's elements and denies nothing.

Denials are read ("the vendor confirms it does not identify anyone"): a denied element is not
evidence. An exception the library records (medical or safety reasons; one-to-one verification)
sets the red line aside and is reported as such, never silently.

Legal status is kept exactly as the source gives it. A use prohibited by law somewhere and a use
that UN experts or civil society call to ban are different claims; `legal_status_summary` never
presents one as the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rightslens.core.knowledge.model import Item
from rightslens.core.redline_model import RedLineModel
from rightslens.core.screening_engine import (
    CONFIRMED,
    POSSIBLE,
    SHIPPED,
    Screener,
    Screening,
    screener_for,
)
from rightslens.core.semantic import Encoder
from rightslens.core.textcues import words


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
    #: The sentence that triggered the hit, as written.
    evidence: str = ""
    confidence: float = 1.0
    #: Element titles found, and the kinds of element ("context: …") that were not.
    elements_found: tuple[str, ...] = ()
    elements_missing: tuple[str, ...] = ()
    method: str = ""
    #: Where the hit came from a questionnaire answer rather than a description.
    origin: str = field(default="description")
    #: "confirmed", or "possible": most elements found, the rest missing; a person must confirm
    #: or dismiss it, and until then it blocks like any hit.
    status: str = CONFIRMED

    @property
    def possible(self) -> bool:
        return self.status == POSSIBLE

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
            "evidence": self.evidence,
            "confidence": self.confidence,
            "elements_found": list(self.elements_found),
            "elements_missing": list(self.elements_missing),
            "method": self.method,
            "origin": self.origin,
            "status": self.status,
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
            evidence=str(raw.get("evidence", "")),
            confidence=float(raw.get("confidence", 1.0)),
            elements_found=tuple(str(e) for e in raw.get("elements_found", [])),
            elements_missing=tuple(str(e) for e in raw.get("elements_missing", [])),
            method=str(raw.get("method", "")),
            origin=str(raw.get("origin", "description")),
            status=POSSIBLE if raw.get("status") == POSSIBLE else CONFIRMED,
        )


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces, padded for whole-word tests."""
    return " " + " ".join(words(text)) + " "


def _statuses(raw: Iterable[Any]) -> tuple[LegalStatus, ...]:
    return tuple(
        LegalStatus(
            str(s.get("status", "")), str(s.get("authority", "")), str(s.get("locator", ""))
        )
        for s in raw
        if isinstance(s, Mapping)
    )


def hit_from(red_line: Item, **found: Any) -> RedLineHit:
    """A hit on `red_line` carrying its statuses, sources and exceptions from the library."""
    return RedLineHit(
        red_line_id=red_line.id,
        title=red_line.title,
        statuses=_statuses(red_line.get("statuses", [])),
        sources=tuple((c.label(), c.url) for c in red_line.citations),
        exceptions=str(red_line.get("exceptions", "") or ""),
        **found,
    )


def screen(
    text: str,
    items: Sequence[Item],
    *,
    lang: str = "",
    encoder: Encoder | None = None,
    model: RedLineModel | str | None = SHIPPED,
) -> Screening:
    """The full screen: hits, red lines set aside by an exception, the method and the language.

    `items` are the red lines and their elements (items of type red_line_element); red lines
    without elements are screened by their names alone. `model` is the learned layer: the
    shipped one when it was trained for the encoder (the default), another, or None for none.
    """
    return screener_for(items, encoder, model).screen(text, lang=lang)


def screen_use_case(
    text: str,
    red_lines: Sequence[Item],
    *,
    lang: str = "",
    encoder: Encoder | None = None,
    model: RedLineModel | str | None = SHIPPED,
) -> list[RedLineHit]:
    """Every red line the description falls under, in the library's order."""
    found = screen(text, red_lines, lang=lang, encoder=encoder, model=model)
    by_id = {item.id: item for item in red_lines}
    return [hit_from(by_id[h.red_line_id], **h.fields()) for h in found.hits]


def hit_for_answer(red_line: Item, question: str, answer: str) -> RedLineHit:
    """A hit put on the screen by a questionnaire answer (a 'Yes' to a red-line question)."""
    return hit_from(
        red_line,
        matched_terms=(),
        evidence=f"{question} — answered: {answer}",
        confidence=1.0,
        method="questionnaire-answer",
        origin="questionnaire",
    )


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


__all__ = [
    "CONFIRMED",
    "POSSIBLE",
    "LegalStatus",
    "LegalStatusKind",
    "RedLineHit",
    "STATUS_LABELS",
    "Screener",
    "Screening",
    "hit_for_answer",
    "legal_status_summary",
    "normalise",
    "screen",
    "screen_use_case",
]
