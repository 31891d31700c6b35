"""Knowledge-base wordings encoded once per encoder and library content, kept on disk.

The file name carries the encoder's name and a digest of the exact texts, so a new library
version (whose wordings differ) or another encoder never reads stale vectors. A cache that
cannot be read or written is simply skipped: it saves time, never changes a result.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from rightslens.core.semantic import CachedEncoder, Encoder, HashingEncoder, Vector
from rightslens.core.semantic.shipped import read_shipped

_REPO_VAR = Path(__file__).resolve().parents[3] / "var"


def cache_dir() -> Path:
    configured = os.environ.get("RIGHTSLENS_CACHE_DIR")
    return Path(configured) if configured else _REPO_VAR / "semantic-cache"


def cache_path(encoder: Encoder, texts: Sequence[str], label: str) -> Path:
    digest = hashlib.sha256("\n".join([encoder.name, *texts]).encode()).hexdigest()[:16]
    slug = re.sub(r"[^a-z0-9.-]+", "-", encoder.name.lower()).strip("-")
    return cache_dir() / f"{label}-{slug}-{digest}.json"


_RECORDING: list[dict[str, list[str]]] = []


@contextlib.contextmanager
def recording() -> Iterator[dict[str, list[str]]]:
    """Collects {label: distinct texts} of every knowledge encoding asked for inside it."""
    asked: dict[str, list[str]] = {}
    _RECORDING.append(asked)
    try:
        yield asked
    finally:
        _RECORDING.remove(asked)


def encode_knowledge(encoder: Encoder, texts: Sequence[str], label: str) -> list[Vector]:
    """Vectors for knowledge-base texts, from memory, the vectors shipped in the package, the
    disk cache, or the encoder."""
    unique = list(dict.fromkeys(texts))
    for asked in _RECORDING:
        asked[label] = list(dict.fromkeys([*asked.get(label, []), *unique]))
    if not unique:
        return []
    if encoder.name == HashingEncoder.name:  # the fake is instant; never cache it
        return encoder.encode(texts)
    known = encoder.known(unique) if isinstance(encoder, CachedEncoder) else {}
    if len(known) < len(unique):
        known.update(read_shipped(encoder.name, unique, label))  # shipped in the package
    if len(known) < len(unique):
        known.update(_read(cache_path(encoder, unique, label)))
    if len(known) < len(unique):
        vectors = dict(zip(unique, encoder.encode(unique), strict=True))
        _write(cache_path(encoder, unique, label), vectors)
        known = vectors
    if isinstance(encoder, CachedEncoder):
        encoder.preload(known)
    return [known[t] for t in texts]


def _read(path: Path) -> dict[str, Vector]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): tuple(float(x) for x in v) for k, v in raw["vectors"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write(path: Path, vectors: dict[str, Vector]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        rounded = {k: [round(x, 6) for x in v] for k, v in vectors.items()}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"vectors": rounded}), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
