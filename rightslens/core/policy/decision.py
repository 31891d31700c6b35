"""A criterion's decision, and the shared wording of its explanation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .criteria import Criterion, Strength
from .hits import Hit, Sentence, surface

MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Decision:
    status: str
    confidence: float
    evidence: tuple[Hit, ...]
    explanation: str


def pick(first: Sequence[Hit], then: Sequence[Hit]) -> tuple[Hit, ...]:
    """Evidence in order of strength: the sentences that decided the status come first."""
    return unique([*first, *then])[:MAX_EVIDENCE]


def unique(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    seen: set[int] = set()
    result = []
    for hit in hits:
        if id(hit.sentence) not in seen:
            seen.add(id(hit.sentence))
            result.append(hit)
    return tuple(result)


def refs(hits: Sequence[Hit]) -> str:
    refs = list(dict.fromkeys(h.sentence.provision.ref for h in hits))
    return ", ".join(refs[:3]) + (f" and {len(refs) - 3} more" if len(refs) > 3 else "")


def phrases(hits: Sequence[Hit]) -> str:
    """The first three distinct phrases as written (surface words are costly: stop at three)."""
    seen: list[str] = []
    tried: set[str] = set()
    for hit in hits:
        if len(seen) == 3:
            break
        if hit.signal.pattern in tried:
            continue  # one signal gives one phrase: a long law repeats it hundreds of times
        tried.add(hit.signal.pattern)
        words = surface(hit)
        if words not in seen:
            seen.append(words)
    return ", ".join(f"'{p}'" for p in seen)


def partial(positive: list[Hit], core: list[Hit], reason: str) -> Decision:
    chosen = pick(core, positive)
    sentences = len({id(h.sentence) for h in positive})
    confidence = round(min(0.7, 0.45 + 0.05 * sentences), 2)
    verb = "touches" if len({h.sentence.provision.ref for h in chosen}) == 1 else "touch"
    return Decision(
        "partial",
        confidence,
        chosen,
        f"Partial: {refs(chosen)} {verb} the criterion ({phrases(chosen)}); {reason}.",
    )


def addressed_confidence(qualifying: Sequence[Hit]) -> float:
    sentences = len({id(h.sentence) for h in qualifying})
    return round(min(0.9, 0.6 + 0.1 * (sentences - 1)), 2)


def absent_text(criterion: Criterion, language: str) -> str:
    searched = list(
        dict.fromkeys(
            s.phrase for s in criterion.signals_for(language) if s.strength is not Strength.CONTRARY
        )
    )
    return f"Absent: no provision uses any of the terms searched for, such as {', '.join(searched[:6])}."


def sentence_refs(sentences: Sequence[Sentence]) -> str:
    refs = list(dict.fromkeys(s.provision.ref for s in sentences))
    return ", ".join(refs[:3]) + (f" and {len(refs) - 3} more" if len(refs) > 3 else "")
