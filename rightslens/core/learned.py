"""What the shipped learned models (red lines, suggestion categories, the policy checker's reading)
share: the digests that tie a model file to its parameters and to the training data it was fitted
on, the checks a file passes before its parameters are read, reading the shipped file once per
process, and the logistic function they are fitted with."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np


def payload_digest(payload: Mapping[str, object]) -> str:
    """The digest of a model's parameters, as written in its file (`model_sha256`)."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def data_digest(records: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The digest of training data: each text with its sorted labels, in order."""
    lines = [json.dumps([text, sorted(labels)], ensure_ascii=False) for text, labels in records]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def checked_payload(
    text: str, format_version: int, error: type[ValueError]
) -> tuple[dict[str, Any], dict[str, object]]:
    """A model file's parameters and meta, once its format and digest are checked; `error` (a
    ValueError) when either differs. Malformed JSON raises ValueError; a missing key KeyError."""
    document = json.loads(text)
    if document.get("format") != format_version:
        raise error(f"unknown model format {document.get('format')!r}")
    payload = document["model"]
    if payload_digest(payload) != document.get("model_sha256"):
        raise error("model parameters do not match their digest (file altered?)")
    return payload, dict(document.get("meta", {}))


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, written with tanh so that large logits do not overflow."""
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


def model_text(path: Path, error: type[ValueError]) -> str:
    """A model file's text; `error` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from exc


class _ForEncoder(Protocol):
    @property
    def encoder(self) -> str: ...


ModelT = TypeVar("ModelT", bound=_ForEncoder)
_SHIPPED: dict[str, Any] = {}


def shipped_for(
    encoder_name: str,
    path: Path,
    loads: Callable[[str], ModelT],
    error: type[ValueError],
) -> ModelT | None:
    """The model in `path`, read once per process, when it was trained for this encoder; None
    when it was trained for another one, or the file is missing or refused (`error`): the
    learned layer is then skipped and the rules stand alone."""
    key = str(path)
    if key not in _SHIPPED:
        try:
            _SHIPPED[key] = loads(model_text(path, error))
        except error:
            _SHIPPED[key] = None
    model: ModelT | None = _SHIPPED[key]
    return model if model is not None and model.encoder == encoder_name else None
