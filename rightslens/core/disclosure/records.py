"""Plain facts the assembly works on, each pointing at the record it came from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SourceRef:
    """A record in the register: its type (`system`, `assessment`, `impact`, `action`, …) and id."""

    type: str
    id: int

    def as_dict(self) -> dict[str, str | int]:
        return {"type": self.type, "id": self.id}


@dataclass(frozen=True)
class Fact:
    """One sentence of evidence and the record it rests on."""

    text: str
    source: SourceRef


@dataclass(frozen=True)
class Block:
    """Text computed for one part of an output, the records behind it, and what is missing."""

    text: str
    sources: tuple[SourceRef, ...] = ()
    gaps: tuple[str, ...] = ()


def block_from(facts: Iterable[Fact], *, heading: str = "", gap: str = "") -> Block:
    """A block listing the facts under an optional heading; the gap when there are none."""
    facts = tuple(facts)
    if not facts:
        return Block(text="", gaps=(gap,) if gap else ())
    lines = [f"- {f.text}" for f in facts]
    text = "\n".join([heading, *lines] if heading else lines)
    return Block(text=text, sources=unique_sources(f.source for f in facts))


def unique_sources(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    """The sources in first-seen order, each once."""
    seen: dict[SourceRef, None] = {}
    for source in sources:
        seen.setdefault(source, None)
    return tuple(seen)


def merge(blocks: list[Block]) -> Block:
    """Several blocks as one: texts in order, sources once each, gaps in order."""
    return Block(
        text="\n\n".join(b.text for b in blocks if b.text),
        sources=unique_sources(s for b in blocks for s in b.sources),
        gaps=tuple(g for b in blocks for g in b.gaps),
    )
