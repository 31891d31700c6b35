"""The semantic layer: texts become unit vectors behind one small interface.

Screening, impact suggestions, the policy checker and probe classification all read meaning
through `Encoder`. Unit tests use `HashingEncoder`, a deterministic fake that needs no model;
the real offline multilingual model is returned by `default_encoder()` once it is installed.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from typing import Protocol

Vector = tuple[float, ...]


class Encoder(Protocol):
    """Turns texts into unit-length vectors; similar meanings give a high dot product."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> list[Vector]: ...


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors (their cosine similarity)."""
    return sum(x * y for x, y in zip(a, b, strict=True))


def _unit(values: list[float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in values))
    return tuple(v / norm for v in values) if norm else tuple(values)


class HashingEncoder:
    """A deterministic stand-in: hashed word and character-trigram counts. No meaning, no model.

    It exists so the core's logic can be tested without the model; it is never reported as the
    method behind a product verdict.
    """

    name = "hashing-fake"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def _features(self, text: str) -> list[str]:
        words = re.findall(r"\w+", text.lower())
        grams = [w[i : i + 3] for w in words for i in range(max(1, len(w) - 2))]
        return words + grams

    def encode(self, texts: Sequence[str]) -> list[Vector]:
        out: list[Vector] = []
        for text in texts:
            values = [0.0] * self.dim
            for feature in self._features(text):
                digest = hashlib.blake2b(feature.encode(), digest_size=4).digest()
                values[int.from_bytes(digest, "big") % self.dim] += 1.0
            out.append(_unit(values))
        return out


def default_encoder() -> Encoder:
    """The encoder the product uses. Until the offline model lands this is the fake."""
    return HashingEncoder()
