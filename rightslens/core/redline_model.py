"""A learned layer for red-line screening: one logistic regression per red line over the
encoder's sentence vectors.

Word lists miss wordings nobody listed; a small linear model over the sentence's meaning
generalises a little further. It is trained offline (`benchmarks/redline_train.py`) on the
labelled development cases and the library's typical wordings only, never on held-out sets, and
shipped as a small JSON file beside the knowledge (`knowledge/models/redline_clf.json`) that names
the encoder it was trained for, the training data's digest and the date. The screener uses it
only with that same encoder: with any other (the hashing fake in unit tests) the layer is
skipped, unless a caller passes a model trained for that encoder.

The model never decides alone: `screening_engine` turns a high probability into a "possible" hit
only where the sentence states an element of the red line (unless the probability reaches the
model's optional free_threshold), denies nothing, and no recorded exception applies (see its
module docstring).

Pure numpy; no Django, no other dependency.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .learned import checked_payload, model_text, shipped_for
from .learned import data_digest as data_digest
from .learned import payload_digest as _digest
from .learned import sigmoid as _sigmoid

FORMAT_VERSION = 1
UNIT = "unit"
UNIT_TEXT = "unit+text"
FEATURES = (UNIT, UNIT_TEXT)
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "knowledge" / "models" / "redline_clf.json"


class ModelError(ValueError):
    """A model file that cannot be used: unreadable, altered, or of another format."""


@dataclass(frozen=True)
class RedLineModel:
    """Per red line, a weight vector and a bias over standardised encoder vectors."""

    encoder: str
    red_line_ids: tuple[str, ...]
    mean: np.ndarray  # (dim,)
    scale: np.ndarray  # (dim,)
    weights: np.ndarray  # (red lines, dim)
    bias: np.ndarray  # (red lines,)
    threshold: float
    meta: Mapping[str, object]
    #: "unit": each sentence or window's vector alone; "unit+text": that vector followed by the
    #: mean of the text's sentence vectors (what the whole text is about).
    features: str = UNIT
    #: Per red line, a threshold replacing `threshold` (None: the one threshold for all).
    thresholds: tuple[float, ...] | None = None
    #: A probability at or above which a hit needs no element stated in words (None: never).
    free_threshold: float | None = None

    @property
    def dim(self) -> int:
        """The encoder's vector size the model reads."""
        size = int(self.mean.shape[0])
        return size // 2 if self.features == UNIT_TEXT else size

    def threshold_for(self, red_line_id: str) -> float:
        if self.thresholds is None:
            return self.threshold
        return self.thresholds[self.red_line_ids.index(red_line_id)]

    def probabilities(
        self,
        vectors: np.ndarray | Sequence[Sequence[float]],
        context: np.ndarray | Sequence[float] | None = None,
    ) -> np.ndarray:
        """(texts, red lines) probabilities for a batch of encoder vectors.

        `context`: the mean of the text's sentence vectors, needed by a "unit+text" model (when
        None, the mean of `vectors` stands in).
        """
        matrix = np.asarray(vectors, dtype=np.float64)
        if matrix.size == 0:
            return np.zeros((0, len(self.red_line_ids)))
        matrix = features_of(matrix.reshape(-1, self.dim), self.features, context)
        logits = ((matrix - self.mean) / self.scale) @ self.weights.T + self.bias
        return _sigmoid(logits)

    def index(self) -> dict[str, int]:
        return {rl: i for i, rl in enumerate(self.red_line_ids)}


def features_of(
    matrix: np.ndarray, features: str, context: np.ndarray | Sequence[float] | None = None
) -> np.ndarray:
    """The model's input rows for encoder vectors `matrix` (units, dim) of one text."""
    if features == UNIT:
        return matrix
    if features != UNIT_TEXT:
        raise ModelError(f"unknown features {features!r}")
    mean = (
        matrix.mean(axis=0)
        if context is None
        else np.asarray(context, dtype=np.float64).reshape(matrix.shape[1])
    )
    return np.hstack([matrix, np.broadcast_to(mean, matrix.shape)])


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    sample_weight: np.ndarray | None = None,
    l2: float = 1.0,
    iterations: int = 25,
) -> tuple[np.ndarray, float]:
    """Weighted L2-regularised logistic regression by Newton's method (the bias is not penalised).

    `x` (n, d) standardised features, `y` (n,) in {0, 1}. Returns (weights, bias).
    """
    n, d = x.shape
    weight = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = _sigmoid(design @ beta)
        gradient = design.T @ (weight * (p - y)) + penalty * beta
        curvature = weight * p * (1.0 - p)
        hessian = (design * curvature[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.max(np.abs(step))) < 1e-6:
            break
    return beta[:-1], float(beta[-1])


@dataclass(frozen=True)
class Example:
    """One training text's vector and its red lines; `weight` scales its influence."""

    vector: Sequence[float]
    labels: frozenset[str]
    weight: float = 1.0


def train(
    examples: Sequence[Example],
    red_line_ids: Sequence[str],
    *,
    encoder: str,
    l2: float = 1.0,
    threshold: float = 0.5,
    other_weight: float = 0.5,
    meta: Mapping[str, object] | None = None,
    balanced: bool = True,
    features: str = UNIT,
) -> RedLineModel:
    """One-vs-rest logistic regressions, positives and negatives balanced per red line.

    An example labelled with another red line counts as a negative with `other_weight`
    (the labels name the main red lines, not every one a text could touch). With `balanced`
    False the positives keep their own weight. `features` names what the example vectors are
    (see RedLineModel.features); they must already be built that way.
    """
    if not examples:
        raise ModelError("no training examples")
    x = np.asarray([e.vector for e in examples], dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    base = np.asarray([e.weight for e in examples], dtype=np.float64)
    weights = np.zeros((len(red_line_ids), x.shape[1]))
    bias = np.zeros(len(red_line_ids))
    for row, red_line in enumerate(red_line_ids):
        y = np.asarray([1.0 if red_line in e.labels else 0.0 for e in examples])
        other = np.asarray([0.0 if red_line in e.labels or not e.labels else 1.0 for e in examples])
        w = base * np.where(other > 0, other_weight, 1.0)
        positives, negatives = float((w * y).sum()), float((w * (1 - y)).sum())
        if positives == 0 or negatives == 0:
            bias[row] = -20.0 if positives == 0 else 20.0
            continue
        if balanced:
            # Balanced: the positives weigh as much in total as the negatives.
            w = np.where(y > 0, w * (negatives / positives), w)
        w = w * (len(examples) / float(w.sum()))
        weights[row], bias[row] = fit_logistic(z, y, w, l2=l2)
    return RedLineModel(
        encoder=encoder,
        red_line_ids=tuple(red_line_ids),
        mean=mean,
        scale=scale,
        weights=weights,
        bias=bias,
        threshold=float(threshold),
        meta=dict(meta or {}),
        features=features,
    )


def _payload(model: RedLineModel) -> dict[str, object]:
    # The optional settings are written only when set, so older files keep their digest.
    extra: dict[str, object] = {}
    if model.features != UNIT:
        extra["features"] = model.features
    if model.thresholds is not None:
        extra["thresholds"] = [round(float(t), 4) for t in model.thresholds]
    if model.free_threshold is not None:
        extra["free_threshold"] = round(float(model.free_threshold), 4)
    return {
        **extra,
        "encoder": model.encoder,
        "red_line_ids": list(model.red_line_ids),
        "threshold": round(model.threshold, 4),
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "bias": [round(float(v), 6) for v in model.bias],
        "weights": [[round(float(v), 6) for v in row] for row in model.weights],
    }


def dumps(model: RedLineModel) -> str:
    """The model as JSON text: format version, metadata, parameters and their digest."""
    payload = _payload(model)
    document = {
        "format": FORMAT_VERSION,
        "meta": dict(model.meta),
        "model": payload,
        "model_sha256": _digest(payload),
    }
    return json.dumps(document, indent=1, sort_keys=False) + "\n"


def save(model: RedLineModel, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(model), encoding="utf-8")
    return path


def loads(text: str) -> RedLineModel:
    """A model from JSON text; ModelError when the format is unknown or the digest differs."""
    try:
        payload, meta = checked_payload(text, FORMAT_VERSION, ModelError)
        ids = tuple(str(i) for i in payload["red_line_ids"])
        mean = np.asarray(payload["mean"], dtype=np.float64)
        scale = np.asarray(payload["scale"], dtype=np.float64)
        weights = np.asarray(payload["weights"], dtype=np.float64).reshape(len(ids), -1)
        bias = np.asarray(payload["bias"], dtype=np.float64)
        features = str(payload.get("features", UNIT))
        raw = payload.get("thresholds")
        thresholds = None if raw is None else tuple(float(t) for t in raw)
        free = payload.get("free_threshold")
        free_threshold = None if free is None else float(free)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ModelError(f"not a red-line model: {exc}") from exc
    if not (mean.shape == scale.shape == weights.shape[1:]) or bias.shape != (len(ids),):
        raise ModelError("model parameters have inconsistent shapes")
    if features not in FEATURES:
        raise ModelError(f"unknown features {features!r}")
    if thresholds is not None and len(thresholds) != len(ids):
        raise ModelError("one threshold per red line expected")
    return RedLineModel(
        encoder=str(payload["encoder"]),
        red_line_ids=ids,
        mean=mean,
        scale=scale,
        weights=weights,
        bias=bias,
        threshold=float(payload["threshold"]),
        meta=meta,
        features=features,
        thresholds=thresholds,
        free_threshold=free_threshold,
    )


def load(path: Path) -> RedLineModel:
    return loads(model_text(path, ModelError))


def shipped_model(encoder_name: str, path: Path | None = None) -> RedLineModel | None:
    """The shipped model when it was trained for this encoder, else None (layer skipped).

    A missing or altered file also gives None: screening then runs on the rules alone, as before.
    """
    return shipped_for(encoder_name, path or SHIPPED_MODEL, loads, ModelError)
