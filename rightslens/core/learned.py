"""What the shipped learned models (red lines, suggestion categories, the policy checker's reading)
share: the digests that tie a model file to its parameters and to the training data it was fitted
on, and the checks a file passes before its parameters are read."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any


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
