"""Impact suggestions read from what a system's description says (any of five languages).

Each impact pattern in the risk library says who may be affected, which rights and how. A
pattern is suggested when the description uses its cues (each cue found is quoted back as a
reason, in the description's own words) and, with the offline encoder, when a sentence means what
the pattern's example sentences mean. Suggestions are written as impacts on people, ranked by
score, and cut to those worth showing a person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rightslens.core.knowledge.model import Item
from rightslens.core.semantic import Encoder, Vector, cosine, default_encoder
from rightslens.core.semantic.cache import encode_knowledge
from rightslens.core.textcues import (
    LANGUAGES,
    cue_languages,
    find_cue,
    language_of,
    sentences,
    words,
)

#: Cosines (e5) between a sentence and a pattern's examples: below the floor means nothing,
#: above the ceiling counts fully.
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.82, 0.90
#: A suggestion is shown from this score; at most this many are shown.
SHOW_FROM = 0.25
SHOW_AT_MOST = 5
_QUOTE_WORDS = 14


@dataclass(frozen=True)
class Pattern:
    id: str
    category_ref: str
    also_category_refs: tuple[str, ...]
    right_refs: tuple[str, ...]
    affected: str
    impact: str
    cues: Mapping[str, tuple[str, ...]]
    examples: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.affected} {self.impact}."


@dataclass(frozen=True)
class ImpactSuggestion:
    pattern_id: str
    category_ref: str
    right_refs: tuple[str, ...]
    title: str
    reasons: tuple[str, ...]
    score: float
    method: str


def _pattern(item: Item) -> Pattern:
    cues = item.get("cues", {}) or {}
    return Pattern(
        item.id,
        str(item.get("category_ref")),
        tuple(str(c) for c in item.get("also_category_refs", []) or []),
        tuple(str(r) for r in item.get("right_refs", [])),
        str(item.get("affected")),
        str(item.get("impact")),
        {lang: tuple(str(c) for c in cues.get(lang, [])) for lang in LANGUAGES},
        tuple(str(e) for e in item.get("examples", []) or []),
    )


class ImpactReader:
    """Impact patterns prepared once (examples encoded) for reading many descriptions."""

    def __init__(self, items: Sequence[Item], encoder: Encoder) -> None:
        self.encoder = encoder
        self.patterns = [
            _pattern(i) for i in items if i.type == "impact_pattern" and not i.deprecated
        ]
        every = [e for p in self.patterns for e in p.examples]
        vectors = dict(zip(every, encode_knowledge(encoder, every, "impact-patterns"), strict=True))
        self._examples = {p.id: [vectors[e] for e in p.examples] for p in self.patterns}

    @property
    def method(self) -> str:
        return f"cues+semantic ({self.encoder.name})"

    def suggest(
        self, text: str, *, lang: str = "", show_all: bool = False
    ) -> list[ImpactSuggestion]:
        language = language_of(text, lang)
        parts = sentences(text)
        vectors = self.encoder.encode(parts) if parts else []
        found = [self._judge(p, parts, vectors, language) for p in self.patterns]
        ranked = sorted((s for s in found if s is not None), key=lambda s: -s.score)
        if show_all:
            return ranked
        return _diverse([s for s in ranked if s.score >= SHOW_FROM])[:SHOW_AT_MOST]

    def _judge(
        self, pattern: Pattern, parts: Sequence[str], vectors: Sequence[Vector], language: str
    ) -> ImpactSuggestion | None:
        cues_found, quotes = _quotes(pattern, parts, language)
        similarity, closest = self._closest(pattern, parts, vectors)
        scaled = max(
            0.0, min(1.0, (similarity - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR))
        )
        if not cues_found and scaled < 1.0:
            return None
        lexical = min(cues_found, 3) / 3
        score = round(0.65 * lexical + 0.35 * scaled, 3)
        reasons = [f"The description says “{q.rstrip('.;:,')}”." for q in quotes[:3]]
        if scaled > 0 and closest:
            reasons.append(f"“{_around(closest, 0)}” is close in meaning to: {pattern.examples[0]}")
        return ImpactSuggestion(
            pattern.id,
            pattern.category_ref,
            pattern.right_refs,
            pattern.title,
            tuple(reasons),
            score,
            self.method,
        )

    def _closest(
        self, pattern: Pattern, parts: Sequence[str], vectors: Sequence[Vector]
    ) -> tuple[float, str]:
        best, where = 0.0, ""
        for sentence, vector in zip(parts, vectors, strict=True):
            for example in self._examples.get(pattern.id, []):
                value = cosine(vector, example)
                if value > best:
                    best, where = value, sentence
        return best, where


def _diverse(ranked: Sequence[ImpactSuggestion]) -> list[ImpactSuggestion]:
    """Best first, leaving out a suggestion that adds neither a right nor a category to those
    already shown above it, so the few places shown cover as many rights as the text supports."""
    shown: list[ImpactSuggestion] = []
    rights: set[str] = set()
    categories: set[str] = set()
    for suggestion in ranked:
        if set(suggestion.right_refs) <= rights and suggestion.category_ref in categories:
            continue
        shown.append(suggestion)
        rights.update(suggestion.right_refs)
        categories.add(suggestion.category_ref)
    return shown


def _quotes(pattern: Pattern, parts: Sequence[str], language: str) -> tuple[int, list[str]]:
    """How many distinct cues the description uses, and its own words around them."""
    found = 0
    quotes: list[str] = []
    for cue in (c for lang in cue_languages(language) for c in pattern.cues.get(lang, ())):
        for sentence in parts:
            tokens = words(sentence)
            at = find_cue(tokens, cue)
            if at >= 0:
                found += 1
                quote = _around(sentence, at)
                if quote not in quotes:
                    quotes.append(quote)
                break
    return found, quotes


def _around(sentence: str, at: int) -> str:
    """Up to _QUOTE_WORDS words of the sentence around word `at`, as written."""
    raw = sentence.split()
    if len(raw) <= _QUOTE_WORDS:
        return sentence.strip()
    start = max(0, min(at - _QUOTE_WORDS // 2, len(raw) - _QUOTE_WORDS))
    piece = " ".join(raw[start : start + _QUOTE_WORDS])
    return ("… " if start else "") + piece + (" …" if start + _QUOTE_WORDS < len(raw) else "")


_READERS: dict[tuple[str, int, int], ImpactReader] = {}


def reader_for(items: Sequence[Item], encoder: Encoder | None = None) -> ImpactReader:
    chosen = encoder or default_encoder()
    key = (
        chosen.name,
        id(chosen),
        hash(tuple((i.id, repr(i.fields)) for i in items if i.type == "impact_pattern")),
    )
    if key not in _READERS:
        if len(_READERS) > 8:
            _READERS.clear()
        _READERS[key] = ImpactReader(items, chosen)
    return _READERS[key]


def suggest_impacts(
    text: str, items: Sequence[Item], *, lang: str = "", encoder: Encoder | None = None
) -> list[ImpactSuggestion]:
    """The impact suggestions worth showing for this description, best first."""
    return reader_for(items, encoder).suggest(text, lang=lang)
