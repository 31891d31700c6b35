"""A learned second reading of each criterion's status, trained on instruments people labelled.

The rules (`rules.decide`) read wording they can quote. On laws they were not tuned on they call
too little (a criterion labelled partial comes back absent because its usual words are missing)
and sometimes too much. This module reads what the rules found (their status and confidence, how
many sentences and articles the wording touched, in what modality, how close the nearest
articles are by meaning) and the criterion itself, and gives the probability of each status as
human labellers would have set it: a multinomial logistic regression fitted by
`benchmarks/policy_calibration_train.py` on the labelled corpora (`benchmarks/policy_corpus`,
`benchmarks/policy_fresh2`).

What it may change (`calibrate`), so that no verdict is unearned:
- it may lower a status (addressed to partial or absent, partial to absent): a call more
  cautious than the wording;
- it may raise an absent to partial, never further, and only with an article to point at (the
  closest by meaning), which the finding then quotes and asks the reader to confirm;
- it may raise a partial to addressed only when it gives "addressed" at least ADDRESSED_FROM, and
  then on the wording the rules quoted (a partial always has some), which the reader is asked to
  confirm; leaving one collection round out, such raises were right about as often as the rules'
  own "addressed" calls on unseen splits (9 of 12, against about 3 in 4);
- it never makes or removes a "contrary" (that needs a quoted carve-out).

The model is tied to the encoder it was trained with (meaning scores differ between encoders);
with another encoder, or with no shipped file, the rules' status stands alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rightslens.core.learned import checked_payload, payload_digest, shipped_for

from .criteria import Strength
from .hits import Hit
from .lexicon import Modality
from .retrieval import Retrieval

SHIPPED_MODEL = (
    Path(__file__).resolve().parents[2] / "knowledge" / "models" / "policy_calibration.json"
)
FORMAT_VERSION = 1
CLASSES = ("absent", "partial", "addressed")
ORDER = {status: rank for rank, status in enumerate(CLASSES)}
#: The learned probability of "addressed" from which a partial is raised to addressed (chosen
#: leaving one collection round out at a time: benchmarks/policy_calibration_train.py cv).
ADDRESSED_FROM = 0.6
#: Criteria the model knows by code (one indicator each): C1 to C21.
CODES = tuple(f"C{i}" for i in range(1, 22))
BASE_FEATURES = (
    "rules_absent",
    "rules_partial",
    "rules_addressed",
    "rules_contrary",
    "rules_confidence",
    "sentences",
    "core_sentences",
    "touch_sentences",
    "contrary_hits",
    "obligation_sentences",
    "articles",
    "article_share",
    "hedged_share",
    "narrow_share",
    "best_similarity",
    "top3_similarity",
    "best_above_mean",
    "binding",
    "length",
)
#: The rules' status for each criterion on its own: how far the rules' absent, partial or
#: addressed is to be trusted differs by criterion (C14's "addressed" on soft tools named in
#: binding texts is often too much, C19's "absent" often too little). Leaving one collection round
#: out (2026-12-07, 131 instruments), these raised agreement off the dev split from 0.713 to 0.717
#: (kappa 0.569 -> 0.577) and on the 20 labelled AI instruments from 0.740 to 0.760 (0.603 ->
#: 0.634).
RULES_BY_CODE = tuple(
    f"{code}_rules_{status}" for code in CODES for status in ("absent", "partial", "addressed")
)
FEATURES = BASE_FEATURES + tuple(f"is_{code}" for code in CODES) + RULES_BY_CODE


class CalibrationError(ValueError):
    """A model file that cannot be used."""


@dataclass(frozen=True)
class Reading:
    """The model's reading of one criterion: the status it lets stand and why."""

    status: str
    rules_status: str
    probability: float  # the model's probability of the status it gives
    changed: bool


@dataclass(frozen=True)
class Calibrator:
    encoder: str
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    meta: Mapping[str, object] = field(default_factory=dict)

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        row = (np.asarray(features, dtype=np.float64) - self.mean) / self.scale
        logits = row @ self.weights + self.bias
        logits -= logits.max()
        odds = np.exp(logits)
        shares = odds / odds.sum()
        return {status: float(p) for status, p in zip(CLASSES, shares, strict=True)}


def features(
    code: str,
    rules_status: str,
    rules_confidence: float,
    hits: Sequence[Hit],
    retrieval: Retrieval,
    binding: bool,
    articles: int,
    characters: int,
) -> tuple[float, ...]:
    """The model's input for one criterion of one instrument (order: FEATURES)."""
    real = [h for h in hits if not h.sentence.heading and not h.sentence.definition]
    positive = [h for h in real if h.signal.strength is not Strength.CONTRARY]
    touched = {h.sentence.provision.article for h in real}
    sims = sorted((c.similarity for c in retrieval.ranked), reverse=True) or [0.0]
    mean = sum(sims) / len(sims)
    top3 = sims[:3]
    base = (
        rules_status == "absent",
        rules_status == "partial",
        rules_status == "addressed",
        rules_status == "contrary",
        rules_confidence,
        _log(_sentences(real)),
        _log(_sentences([h for h in real if h.signal.strength is Strength.CORE])),
        _log(_sentences([h for h in real if h.signal.strength is Strength.TOUCH])),
        _log(len([h for h in real if h.signal.strength is Strength.CONTRARY])),
        _log(_sentences([h for h in positive if h.sentence.modality is Modality.OBLIGATION])),
        _log(len(touched)),
        len(touched) / max(1, articles),
        sum(bool(h.sentence.hedge) for h in real) / max(1, len(real)),
        sum(h.sentence.narrow for h in real) / max(1, len(real)),
        sims[0],
        sum(top3) / len(top3),
        sims[0] - mean,
        binding,
        _log(characters) / 10,
    )
    per_code = tuple(
        float(code == c and rules_status == status)
        for c in CODES
        for status in ("absent", "partial", "addressed")
    )
    return tuple(float(x) for x in base) + tuple(float(code == c) for c in CODES) + per_code


def calibrate(
    model: Calibrator, rules_status: str, row: Sequence[float], can_point: bool
) -> Reading:
    """The status the finding shows: the rules' one unless the model reads it otherwise within the
    limits in the module docstring. `can_point`: an article exists to quote for a raised absent."""
    if rules_status not in ORDER:  # contrary, or anything the model was not trained to judge
        return Reading(rules_status, rules_status, 0.0, False)
    shares = model.probabilities(row)
    best = max(CLASSES, key=shares.__getitem__)
    status = best
    if ORDER[best] > ORDER[rules_status]:
        status = _raised(rules_status, shares, can_point)
    return Reading(status, rules_status, round(shares[status], 3), status != rules_status)


def _raised(rules_status: str, shares: Mapping[str, float], can_point: bool) -> str:
    """How far the model may raise the rules' status: absent to partial with an article to point
    at; partial to addressed from ADDRESSED_FROM; never further."""
    if rules_status == "absent":
        return "partial" if can_point else rules_status
    if rules_status == "partial" and shares["addressed"] >= ADDRESSED_FROM:
        return "addressed"
    return rules_status


def _sentences(hits: Sequence[Hit]) -> int:
    return len({id(h.sentence) for h in hits})


def _log(value: float) -> float:
    return math.log1p(value)


def dumps(model: Calibrator) -> str:
    payload = {
        "encoder": model.encoder,
        "classes": list(CLASSES),
        "features": list(FEATURES),
        "mean": model.mean.tolist(),
        "scale": model.scale.tolist(),
        "weights": model.weights.tolist(),
        "bias": model.bias.tolist(),
    }
    document = {
        "format": FORMAT_VERSION,
        "model": payload,
        "model_sha256": payload_digest(payload),
        "meta": dict(model.meta),
    }
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def loads(text: str) -> Calibrator:
    """A model from JSON text; CalibrationError when the format, features or digest differ."""
    try:
        payload, meta = checked_payload(text, FORMAT_VERSION, CalibrationError)
        if tuple(payload["features"]) != FEATURES or tuple(payload["classes"]) != CLASSES:
            raise CalibrationError("the model was trained on other features or statuses")
        mean = np.asarray(payload["mean"], dtype=np.float64)
        scale = np.asarray(payload["scale"], dtype=np.float64)
        weights = np.asarray(payload["weights"], dtype=np.float64)
        bias = np.asarray(payload["bias"], dtype=np.float64)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, CalibrationError):
            raise
        raise CalibrationError(f"not a calibration model: {exc}") from exc
    if mean.shape != (len(FEATURES),) or scale.shape != mean.shape:
        raise CalibrationError("model parameters have inconsistent shapes")
    if weights.shape != (len(FEATURES), len(CLASSES)) or bias.shape != (len(CLASSES),):
        raise CalibrationError("model parameters have inconsistent shapes")
    return Calibrator(str(payload["encoder"]), mean, scale, weights, bias, meta)


def shipped_calibrator(encoder_name: str, path: Path | None = None) -> Calibrator | None:
    """The shipped model when it was trained for this encoder, else None (rules alone)."""
    return shipped_for(encoder_name, path or SHIPPED_MODEL, loads, CalibrationError)


def fit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[str],
    encoder: str,
    l2: float,
    meta: Mapping[str, object] | None = None,
    iterations: int = 400,
) -> Calibrator:
    """Multinomial logistic regression by gradient descent on standardised features (the bias is
    not penalised). `labels` are statuses in CLASSES."""
    x = np.asarray(rows, dtype=np.float64)
    y = np.array([[label == c for c in CLASSES] for label in labels], dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    weights = np.zeros((z.shape[1], len(CLASSES)))
    bias = np.zeros(len(CLASSES))
    rate = 0.5
    for _ in range(iterations):
        logits = z @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        weights -= rate * (z.T @ (p - y) + l2 * weights) / len(z)
        bias -= rate * (p - y).mean(axis=0)
    return Calibrator(encoder, mean, scale, weights, bias, dict(meta or {}))
