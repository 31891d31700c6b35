"""Knowledge vectors shipped inside the package, so a fresh install skips the first encoding.

`rightslens kb embed` writes, for each label ("impact-patterns", "red-lines", ...), the vectors
of the library wordings as a float16 matrix (`<label>.npy`) beside an index (`<label>.json`)
naming the encoder and a digest of the exact texts, in order. They are read only when that
encoder is in use and the digest matches the wordings asked for; otherwise the caller encodes
as before. A stale file can cost time, never change a result beyond float16 rounding.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rightslens.core.semantic import Vector

_PACKAGE_DIR = Path(__file__).resolve().parent / "vectors"


def shipped_dir() -> Path:
    configured = os.environ.get("RIGHTSLENS_SHIPPED_VECTORS")
    return Path(configured) if configured else _PACKAGE_DIR


def texts_digest(encoder_name: str, texts: Sequence[str]) -> str:
    """The digest of one encoder's view of an ordered list of wordings."""
    return hashlib.sha256("\n".join([encoder_name, *texts]).encode()).hexdigest()


def read_shipped(
    encoder_name: str, texts: Sequence[str], label: str, directory: Path | None = None
) -> dict[str, Vector]:
    """The shipped vectors of these exact texts for this encoder, or {} when there are none
    or they were made for other wordings or another encoder."""
    folder = directory or shipped_dir()
    try:
        index = json.loads((folder / f"{label}.json").read_text(encoding="utf-8"))
        if index.get("encoder") != encoder_name or index.get("digest") != texts_digest(
            encoder_name, texts
        ):
            return {}
        matrix = np.load(folder / f"{label}.npy", allow_pickle=False)
    except (OSError, ValueError, AttributeError):
        return {}
    if matrix.shape[0] != len(texts):
        return {}
    return {
        text: tuple(float(x) for x in row / (np.linalg.norm(row) or 1.0))
        for text, row in zip(texts, matrix.astype(np.float32), strict=True)
    }


def write_shipped(
    encoder_name: str,
    texts: Sequence[str],
    vectors: Sequence[Vector],
    label: str,
    directory: Path | None = None,
) -> Path:
    """Writes one label's vectors (float16) and index; returns the matrix file."""
    folder = directory or shipped_dir()
    folder.mkdir(parents=True, exist_ok=True)
    matrix = np.asarray(vectors, dtype=np.float16).reshape(len(texts), -1)
    np.save(folder / f"{label}.npy", matrix, allow_pickle=False)
    index = {
        "label": label,
        "encoder": encoder_name,
        "digest": texts_digest(encoder_name, texts),
        "count": len(texts),
        "dim": int(matrix.shape[1]) if len(texts) else 0,
    }
    (folder / f"{label}.json").write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    return folder / f"{label}.npy"


def shipped_index(label: str, directory: Path | None = None) -> dict[str, object]:
    """The index of one label's shipped vectors, or {} when there is none."""
    try:
        raw = json.loads(((directory or shipped_dir()) / f"{label}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}
