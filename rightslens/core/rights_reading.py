"""A second reading of a description: its sentences against what the rights themselves say.

The impact patterns' examples recognise harms worded like harms already seen. This reading
compares each sentence with the definitions of the risk categories and of the rights they rest
on (their title and summary in the knowledge base), so a harm worded in a new way can still
bring its category into view. Definitions are written in legal language, and some are close to
almost any sentence; so a sentence's likeness to each definition is measured against how alike
that definition is to the library's general example sentences of harms (a standard score), and
a category counts only when it leads every other category by a clear margin.

A category found this way becomes an impact on people through the library's impact pattern of
that category that the sentence is closest to, preferring a pattern whose rights include the
right whose definition the sentence is closest to; its reason quotes the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rightslens.core.knowledge.model import Item
from rightslens.core.semantic import Encoder
from rightslens.core.semantic.cache import encode_knowledge

#: A category counts for a sentence from this standard score (its definition's, plus
#: RIGHT_WEIGHT times its closest right's), and only when it leads the next category by
#: CATEGORY_MARGIN.
CATEGORY_FROM = 2.0
CATEGORY_MARGIN = 1.0
RIGHT_WEIGHT = 0.5


@dataclass(frozen=True)
class RightsFinding:
    """A category one sentence reads as, the right within it the sentence is closest to."""

    category_ref: str
    right_ref: str
    sentence: int
    strength: float


def definition(item: Item) -> str:
    """The wording a category or right is compared by: its title and summary."""
    summary = " ".join(str(item.get("summary") or "").split())
    return f"{item.get('title')}: {summary}" if summary else str(item.get("title"))


class RightsReading:
    """Category and right definitions encoded once, with their standard scores' reference."""

    def __init__(self, items: Sequence[Item], encoder: Encoder, reference: np.ndarray) -> None:
        categories = [i for i in items if i.type == "risk_category" and not i.deprecated]
        known = {i.id for i in items if i.type == "right" and not i.deprecated}
        rights = {i.id: i for i in items if i.type == "right" and not i.deprecated}
        self.categories = [c.id for c in categories]
        self.category_titles = {c.id: str(c.get("title")) for c in categories}
        self.rights = list(rights)
        self.right_titles = {r: str(rights[r].get("title")) for r in self.rights}
        self._members = [
            [self.rights.index(str(r)) for r in c.get("right_refs", []) or [] if str(r) in known]
            for c in categories
        ]
        self._categories = _matrix(
            encoder, [definition(c) for c in categories], "impact-categories"
        )
        self._rights = _matrix(
            encoder, [definition(rights[r]) for r in self.rights], "impact-rights"
        )
        self._category_norm = _norm(reference, self._categories)
        self._right_norm = _norm(reference, self._rights)

    def read(self, vectors: np.ndarray) -> list[RightsFinding]:
        """For each sentence (rows of `vectors`), the category it clearly reads as, if any."""
        if not len(vectors) or not self.categories:
            return []
        by_category = _standard(vectors @ self._categories.T, self._category_norm)
        by_right = _standard(vectors @ self._rights.T, self._right_norm)
        closest_right = np.stack(
            [
                by_right[:, m].max(axis=1) if m else np.zeros(len(vectors), dtype=np.float32)
                for m in self._members
            ],
            axis=1,
        )
        scores = by_category + RIGHT_WEIGHT * closest_right
        found = []
        for sentence, row in enumerate(scores):
            order = np.argsort(-row)
            top = int(order[0])
            lead = row[top] - (row[int(order[1])] if len(order) > 1 else 0.0)
            if row[top] < CATEGORY_FROM or lead < CATEGORY_MARGIN or not self._members[top]:
                continue
            members = self._members[top]
            right = members[int(np.argmax(by_right[sentence, members]))]
            found.append(
                RightsFinding(self.categories[top], self.rights[right], sentence, float(row[top]))
            )
        return sorted(found, key=lambda f: -f.strength)


def _matrix(encoder: Encoder, texts: Sequence[str], label: str) -> np.ndarray:
    vectors = encode_knowledge(encoder, list(texts), label)
    return np.array(vectors, dtype=np.float32).reshape(len(texts), encoder.dim)


def _norm(reference: np.ndarray, definitions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and spread of each definition's likeness to the reference sentences."""
    if not len(reference) or not len(definitions):
        width = len(definitions)
        return np.zeros(width, dtype=np.float32), np.ones(width, dtype=np.float32)
    likeness = reference @ definitions.T
    spread = likeness.std(axis=0)
    return likeness.mean(axis=0), np.where(spread > 1e-6, spread, 1.0)


def _standard(likeness: np.ndarray, norm: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean, spread = norm
    standard: np.ndarray = ((likeness - mean) / spread).astype(np.float32)
    return standard
