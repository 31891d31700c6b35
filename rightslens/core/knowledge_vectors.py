"""Which knowledge wordings the semantic readers encode, and shipping their vectors.

Each reader (impact suggestions, red-line screening, the policy checker) encodes its library
wordings through `semantic.cache.encode_knowledge` under a label. `knowledge_wordings` builds
each reader with the hashing fake and records what it asked for, so the list is always the one
the readers really use. `embed` encodes those wordings with the real encoder and writes them
into the package (`rightslens kb embed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rightslens.core.knowledge.model import Item
from rightslens.core.semantic import Encoder, HashingEncoder
from rightslens.core.semantic.cache import recording
from rightslens.core.semantic.shipped import write_shipped


def knowledge_wordings(items: Sequence[Item]) -> dict[str, list[str]]:
    """{label: the distinct wordings, in the order the reader encodes them}."""
    from rightslens.core.impact_reading import ImpactReader
    from rightslens.core.policy.criteria import criteria_from_items
    from rightslens.core.policy.retrieval import criterion_query
    from rightslens.core.screening_engine import Screener
    from rightslens.core.semantic.cache import encode_knowledge

    fake = HashingEncoder()
    with recording() as asked:
        ImpactReader(items, fake)
        Screener(items, fake)
        # The policy checker encodes its criteria inside `analyse`, with these wordings.
        encode_knowledge(
            fake, [criterion_query(c) for c in criteria_from_items(items)], "policy-criteria"
        )
    return {label: texts for label, texts in asked.items() if texts}


def embed(items: Sequence[Item], encoder: Encoder, directory: Path | None = None) -> list[Path]:
    """Encodes every label's wordings and writes them (float16) with their digest."""
    written = []
    for label, texts in knowledge_wordings(items).items():
        written.append(write_shipped(encoder.name, texts, encoder.encode(texts), label, directory))
    return written
