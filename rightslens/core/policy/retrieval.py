"""Candidate provisions per criterion, by meaning and by wording together.

The semantic layer (`rightslens.core.semantic`) encodes each provision once per document (cached by
the text's hash and the encoder's name) and each criterion's description once. A provision's
retrieval score is its cosine with the criterion plus a bonus when the criterion's signal phrases
occur in it, so retrieval still works when the encoder is the deterministic fake.

Meaning alone never changes a status: a provision found only by meaning is offered to the reader as
"closest by meaning" on an absent finding, to be read, because the rules below decide on wording
they can quote.
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rightslens.core.semantic import Encoder, Vector, cosine

from .criteria import Criterion
from .provisions import Provision

# e5 (4-bit, one thread) costs about 40 ms of CPU for a 160-character opening (about 37 tokens),
# and on a shared 2-core machine wall time runs 1.5-2x that. An article's opening carries its
# subject; capping the articles read at 48 keeps the encoder near 2 s of CPU for a 150-page law
# (about 300 articles), so the whole check stays well under 10 s even on a loaded machine.
PROVISION_CHARS = 160
MAX_ENCODED_ARTICLES = 48
LEXICAL_BONUS = 0.5
_CACHE_SIZE = 8
_cache: OrderedDict[tuple[str, str], dict[str, Vector]] = OrderedDict()


@dataclass(frozen=True)
class Candidate:
    ref: str
    score: float  # cosine plus the lexical bonus
    similarity: float  # cosine alone
    lexical: bool


def criterion_query(criterion: Criterion) -> str:
    return f"{criterion.title}. {criterion.summary} {criterion.looks_addressed}"


def provision_vectors(
    encoder: Encoder,
    text: str,
    provisions: Sequence[Provision],
    wording_counts: Mapping[str, int] | None = None,
) -> dict[str, Vector]:
    """One vector per article (its paragraphs and points together, headings left out), computed
    once per document and encoder. Articles, not points, keep a long law to a few hundred texts.

    At most MAX_ENCODED_ARTICLES are encoded: first those that the most criteria's wordings point
    at (`wording_counts`), then the rest in text order. An article left out simply has no meaning
    score; its wording still counts."""
    counts = wording_counts or {}
    key = (encoder.name, hashlib.sha256(text.encode()).hexdigest())
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    articles: dict[str, list[str]] = {}
    for p in provisions:
        if not p.is_heading:
            articles.setdefault(p.article, []).append(text[p.start : p.end])
    order = {ref: i for i, ref in enumerate(articles)}
    chosen = sorted(articles, key=lambda r: (-counts.get(r, 0), order[r]))[:MAX_ENCODED_ARTICLES]
    refs = sorted(chosen, key=order.__getitem__)
    bodies = [" ".join(" ".join(articles[r]).split())[:PROVISION_CHARS] for r in refs]
    found = dict(zip(refs, encoder.encode(bodies), strict=True))
    _cache[key] = found
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return found


@dataclass(frozen=True)
class Retrieval:
    ranked: tuple[Candidate, ...]  # every provision, best first
    standout: Candidate | None  # a meaning-only candidate well clear of the rest, if any

    def score(self, ref: str) -> float:
        return next((c.score for c in self.ranked if c.ref == ref), 0.0)


def retrieve(query: Vector, vectors: dict[str, Vector], lexical_refs: set[str]) -> Retrieval:
    """Rank the provisions for one criterion by meaning plus wording."""
    scored = []
    for ref, vector in vectors.items():
        similarity = cosine(query, vector)
        lexical = ref in lexical_refs
        bonus = LEXICAL_BONUS if lexical else 0.0
        scored.append(Candidate(ref, round(similarity + bonus, 4), round(similarity, 4), lexical))
    scored.sort(key=lambda c: c.score, reverse=True)
    return Retrieval(tuple(scored), _standout(scored))


def _standout(scored: Sequence[Candidate]) -> Candidate | None:
    """The best meaning-only candidate when it stands 2.5 standard deviations above the text."""
    meaning_only = [c for c in scored if not c.lexical]
    if not meaning_only or len(scored) < 5:
        return None
    sims = [c.similarity for c in scored]
    mean = sum(sims) / len(sims)
    spread = math.sqrt(sum((s - mean) ** 2 for s in sims) / len(sims)) or 1.0
    best = max(meaning_only, key=lambda c: c.similarity)
    return best if (best.similarity - mean) / spread >= 2.5 else None
