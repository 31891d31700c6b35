"""C13: policy coherence, read as links to other law, coordination mechanisms, or an aim."""

from __future__ import annotations

from collections.abc import Sequence

from .criteria import Criterion, Strength, find_phrase
from .decision import (
    MAX_EVIDENCE,
    Decision,
    absent_text,
    addressed_confidence,
    partial,
    phrases,
    refs,
    unique,
)
from .hits import Hit
from .reading import sets_scope, without_self_reference


def decide_coherence(criterion: Criterion, hits: Sequence[Hit], language: str) -> Decision:
    """C13: addressed when an operative sentence links the instrument to other law (a relation
    phrase and a body of law together: "without prejudice to data protection law", "bleibt
    unberührt"), or sets up coordination, cooperation or interoperability; partial when coherence
    is only named as an aim; absent when other law is cited only to define terms or set scope,
    or named only as a value."""
    operative = [
        h
        for h in hits
        if not h.sentence.definition
        and not h.sentence.narrow
        and not sets_scope(h.sentence.normalised)
    ]
    mechanisms = [h for h in operative if h.signal.strength is Strength.CORE]
    links: list[Hit] = []
    by_sentence: dict[int, list[Hit]] = {}
    for hit in operative:
        by_sentence.setdefault(id(hit.sentence), []).append(hit)
    for group in by_sentence.values():
        relation = [h for h in group if h.signal.facet == "link"]
        law = [
            h
            for h in group
            if h.signal.facet == "law"
            and find_phrase(h.signal.pattern, without_self_reference(h.sentence.normalised)) >= 0
        ]
        if relation and law:
            links.extend([*relation[:1], *law[:1]])
    if mechanisms or links:
        chosen = unique([*links, *mechanisms])
        kinds = []
        if links:
            kinds.append(f"links itself to other law ({phrases(links)})")
        if mechanisms:
            kinds.append(f"sets up coordination or cooperation ({phrases(mechanisms)})")
        return Decision(
            "addressed",
            addressed_confidence(chosen),
            chosen[:MAX_EVIDENCE],
            f"Addressed: {refs(chosen)} {' and '.join(kinds)}.",
        )
    aims = [h for h in operative if h.signal.strength is Strength.TOUCH and not h.signal.facet]
    if aims:
        return partial(
            aims,
            [],
            "coherence is named as an aim, with no link to other law and no mechanism",
        )
    cited = [h for h in hits if h.signal.facet == "law" and h not in operative]
    if cited:
        return Decision(
            "absent",
            0.6,
            (),
            f"Absent: {refs(cited)} cite{'s' if len(unique(cited)) == 1 else ''} other law only "
            "to define terms or set the scope; nothing links the measure to neighbouring law, "
            "sets up coordination or commits to cooperation.",
        )
    return Decision("absent", 0.7, (), absent_text(criterion, language))
