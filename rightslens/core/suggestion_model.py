"""A learned per-category scorer for impact suggestions: one logistic regression per risk category
over the encoder's vectors of a description (its sentences max- and mean-pooled, and the whole
text).

The impact patterns' cues and likeness say *which* impacts a description supports and *why*; the
model says how likely each risk category is for the description as a whole, from labelled
development cases and the library's own wordings (pattern examples, risk examples). It decides
which of the suggestions the patterns already found (each with its reasons quoted from the
description) are shown, and, for a category it finds likely where the patterns found nothing,
lets the category's impact pattern closest in meaning be shown with the sentence it is closest
to quoted as its ground (see `impact_reading.display`).

A second model of the same kind (`knowledge/models/suggestion_rights_clf.json`) scores rights
instead of categories: which right labellers named as mainly at stake. It lets the right it puts
first be shown when no suggestion names it (`Combination.right_from`).

Trained offline (`benchmarks/suggest_train.py`) on dev splits only, shipped as JSON beside the
knowledge (`knowledge/models/suggestion_clf.json`) with the encoder it was trained for, the
training data's digest and its parameters' digest. With any other encoder (the hashing fake in
unit tests) the layer is skipped, unless a caller passes a model trained for that encoder.

Pure numpy; no Django, no other dependency.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .learned import checked_payload, model_text, shipped_for
from .learned import data_digest as data_digest
from .learned import payload_digest as _digest
from .learned import sigmoid as _sigmoid

FORMAT_VERSION = 1
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "knowledge" / "models" / "suggestion_clf.json"
#: The same kind of model over rights instead of categories: which right is mainly at stake.
RIGHTS_MODEL = SHIPPED_MODEL.with_name("suggestion_rights_clf.json")
#: Feature layouts: pooled sentence vectors, with or without the whole text's own vector.
POOLINGS = ("max+mean", "max+mean+text")


class ModelError(ValueError):
    """A model file that cannot be used: unreadable, altered, or of another format."""


@dataclass(frozen=True)
class Combination:
    """How the learned probabilities change what is shown (all None: nothing changes).

    drop_below: a shown suggestion whose main category the model puts below this is left out
        (the leading suggestion too, unless keep_lead).
    also_from: the lead's other categories are named only where the model gives them this much.
    add_from: a category the model gives this much, and which no shown suggestion names, gets
        the best suggestion the patterns found for it (any score, so it has quoted reasons).
    write_from: a category the model gives this much, which no shown suggestion names and for
        which the patterns found nothing, gets a suggestion written from its impact pattern
        closest in meaning to the description, quoting the sentence closest to it.
    right_from: likewise for the one right the rights model finds most likely to be mainly at
        stake, when no shown suggestion names it.
    """

    drop_below: float | None = None
    also_from: float | None = None
    add_from: float | None = None
    keep_lead: bool = True
    write_from: float | None = None
    #: The right the rights model (`RIGHTS_MODEL`) puts first, from this probability, when no
    #: shown suggestion names it, gets the suggestion written from its closest pattern that names
    #: it.
    right_from: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "drop_below": self.drop_below,
            "also_from": self.also_from,
            "add_from": self.add_from,
            "keep_lead": self.keep_lead,
            "write_from": self.write_from,
            "right_from": self.right_from,
        }


@dataclass(frozen=True)
class CategoryModel:
    """Per risk category, a weight vector and a bias over standardised pooled vectors."""

    encoder: str
    category_ids: tuple[str, ...]
    pooling: str
    mean: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)
    weights: np.ndarray  # (categories, features)
    bias: np.ndarray  # (categories,)
    combination: Combination = field(default_factory=Combination)
    meta: Mapping[str, object] = field(default_factory=dict)

    @property
    def uses_text_vector(self) -> bool:
        return self.pooling.endswith("+text")

    def probabilities(self, features: np.ndarray) -> dict[str, float]:
        """Category id -> probability for one description's feature vector."""
        row = np.asarray(features, dtype=np.float64).reshape(-1)
        if row.shape[0] != self.mean.shape[0]:
            raise ModelError(f"expected {self.mean.shape[0]} features, got {row.shape[0]}")
        logits = ((row - self.mean) / self.scale) @ self.weights.T + self.bias
        return {c: float(p) for c, p in zip(self.category_ids, _sigmoid(logits), strict=True)}


def features(
    sentence_vectors: np.ndarray | Sequence[Sequence[float]],
    text_vector: Sequence[float] | np.ndarray | None,
    pooling: str,
) -> np.ndarray:
    """One description's features: its sentences' vectors max- and mean-pooled, then (for
    "max+mean+text") the whole text's vector. A one-sentence text is its own whole text."""
    if pooling not in POOLINGS:
        raise ModelError(f"unknown pooling {pooling!r}")
    matrix = np.asarray(sentence_vectors, dtype=np.float64)
    if matrix.ndim != 2 or not len(matrix):
        raise ModelError("no sentence vectors")
    parts = [matrix.max(axis=0), matrix.mean(axis=0)]
    if pooling.endswith("+text"):
        whole = matrix[0] if text_vector is None else np.asarray(text_vector, dtype=np.float64)
        parts.append(whole.reshape(-1))
    return np.concatenate(parts)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray, l2: float, iterations: int = 30
) -> tuple[np.ndarray, float]:
    """Weighted L2-regularised logistic regression by Newton's method (bias not penalised).

    Solved in the dual-sized space when there are fewer rows than features."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 1e-6
    for _ in range(iterations):
        p = _sigmoid(design @ beta)
        gradient = design.T @ (sample_weight * (p - y)) + penalty * beta
        curvature = sample_weight * p * (1.0 - p) + 1e-9
        if n < d:
            # (D + X^T C X)^-1 g by the Woodbury identity: an (n, n) solve instead of (d, d).
            inverse_penalty = 1.0 / penalty
            scaled = design * inverse_penalty
            inner = np.diag(1.0 / curvature) + scaled @ design.T
            step = inverse_penalty * gradient - scaled.T @ np.linalg.solve(inner, scaled @ gradient)
        else:
            hessian = (design * curvature[:, None]).T @ design + np.diag(penalty)
            step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.max(np.abs(step))) < 1e-6:
            break
    return beta[:-1], float(beta[-1])


@dataclass(frozen=True)
class Example:
    """One training description's features and its risk categories; `weight` scales it."""

    features: np.ndarray
    categories: frozenset[str]
    weight: float = 1.0
    #: Knowledge wordings are positives for their own category only, never negatives for others.
    positive_only: bool = False


def train(
    examples: Sequence[Example],
    category_ids: Sequence[str],
    *,
    encoder: str,
    pooling: str,
    l2: float = 10.0,
    combination: Combination | None = None,
    meta: Mapping[str, object] | None = None,
) -> CategoryModel:
    """One-vs-rest logistic regressions with positives and negatives balanced per category."""
    if not examples:
        raise ModelError("no training examples")
    x = np.asarray([e.features for e in examples], dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    base = np.asarray([e.weight for e in examples], dtype=np.float64)
    weights = np.zeros((len(category_ids), x.shape[1]))
    bias = np.zeros(len(category_ids))
    for row, category in enumerate(category_ids):
        y = np.asarray([1.0 if category in e.categories else 0.0 for e in examples])
        usable = np.asarray([y[i] > 0 or not e.positive_only for i, e in enumerate(examples)])
        w = np.where(usable, base, 0.0)
        positives, negatives = float((w * y).sum()), float((w * (1 - y)).sum())
        if positives == 0 or negatives == 0:
            bias[row] = -20.0 if positives == 0 else 20.0
            continue
        w = np.where(y > 0, w * (negatives / positives), w)
        w = w * (float(usable.sum()) / float(w.sum()))
        keep = w > 0
        weights[row], bias[row] = fit_logistic(z[keep], y[keep], w[keep], l2)
    return CategoryModel(
        encoder=encoder,
        category_ids=tuple(category_ids),
        pooling=pooling,
        mean=mean,
        scale=scale,
        weights=weights,
        bias=bias,
        combination=combination or Combination(),
        meta=dict(meta or {}),
    )


def _payload(model: CategoryModel) -> dict[str, object]:
    return {
        "encoder": model.encoder,
        "category_ids": list(model.category_ids),
        "pooling": model.pooling,
        "combination": model.combination.as_dict(),
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "bias": [round(float(v), 6) for v in model.bias],
        "weights": [[round(float(v), 6) for v in row] for row in model.weights],
    }


def dumps(model: CategoryModel) -> str:
    payload = _payload(model)
    document = {
        "format": FORMAT_VERSION,
        "meta": dict(model.meta),
        "model": payload,
        "model_sha256": _digest(payload),
    }
    return json.dumps(document, indent=1) + "\n"


def save(model: CategoryModel, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(model), encoding="utf-8")
    return path


def _optional(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def loads(text: str) -> CategoryModel:
    """A model from JSON text; ModelError when the format is unknown or the digest differs."""
    try:
        payload, meta = checked_payload(text, FORMAT_VERSION, ModelError)
        ids = tuple(str(i) for i in payload["category_ids"])
        mean = np.asarray(payload["mean"], dtype=np.float64)
        scale = np.asarray(payload["scale"], dtype=np.float64)
        weights = np.asarray(payload["weights"], dtype=np.float64).reshape(len(ids), -1)
        bias = np.asarray(payload["bias"], dtype=np.float64)
        combo = payload["combination"]
        combination = Combination(
            drop_below=_optional(combo.get("drop_below")),
            also_from=_optional(combo.get("also_from")),
            add_from=_optional(combo.get("add_from")),
            keep_lead=bool(combo.get("keep_lead", True)),
            write_from=_optional(combo.get("write_from")),
            right_from=_optional(combo.get("right_from")),
        )
        pooling = str(payload["pooling"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, ModelError):
            raise
        raise ModelError(f"not a suggestion model: {exc}") from exc
    if pooling not in POOLINGS:
        raise ModelError(f"unknown pooling {pooling!r}")
    if not (mean.shape == scale.shape == weights.shape[1:]) or bias.shape != (len(ids),):
        raise ModelError("model parameters have inconsistent shapes")
    return CategoryModel(
        encoder=str(payload["encoder"]),
        category_ids=ids,
        pooling=pooling,
        mean=mean,
        scale=scale,
        weights=weights,
        bias=bias,
        combination=combination,
        meta=meta,
    )


def load(path: Path) -> CategoryModel:
    return loads(model_text(path, ModelError))


def shipped_model(encoder_name: str, path: Path | None = None) -> CategoryModel | None:
    """The shipped model when it was trained for this encoder, else None (layer skipped).

    A missing or altered file also gives None: suggestions then come from the patterns alone."""
    return shipped_for(encoder_name, path or SHIPPED_MODEL, loads, ModelError)
