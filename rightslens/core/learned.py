"""What the shipped learned models (red lines, suggestion categories) share: the digests that tie a
model file to its parameters and to the training data it was fitted on."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence


def payload_digest(payload: Mapping[str, object]) -> str:
    """The digest of a model's parameters, as written in its file (`model_sha256`)."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def data_digest(records: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The digest of training data: each text with its sorted labels, in order."""
    lines = [json.dumps([text, sorted(labels)], ensure_ascii=False) for text, labels in records]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
