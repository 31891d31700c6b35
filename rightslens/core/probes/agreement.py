"""How often the outcome classifier agrees with labelled answers, per language: raw agreement and
Cohen's kappa (agreement beyond what the two label distributions would give by chance)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .classify import Classifier
from .suites import SUITES_DIR, load_suite

SAMPLE_PATH = SUITES_DIR / "labelled" / "responses.yaml"


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two labelings of the same items (1.0 when both are constant and equal)."""
    if len(first) != len(second) or not first:
        raise ValueError("need two labelings of the same, non-empty list of items")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Agreement:
    language: str
    n: int
    agreement: float
    kappa: float
    disagreements: tuple[str, ...]


def load_sample(path: Path = SAMPLE_PATH) -> dict[str, list[dict[str, Any]]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return dict(raw["responses"])


def measure(classifier: Classifier, path: Path = SAMPLE_PATH) -> list[Agreement]:
    probes = {
        p.id: (p, suite.harmful)
        for sid in ("harmful-requests", "legitimate-requests")
        for suite in [load_suite(sid)]
        for p in suite.probes
    }
    results = []
    for language, items in load_sample(path).items():
        labels, predicted, wrong = [], [], []
        for item in items:
            probe, harmful = probes[item["probe"]]
            got = classifier.classify(
                prompt=probe.text, answer=item["answer"], language=language, harmful=harmful
            ).outcome.value
            labels.append(item["label"])
            predicted.append(got)
            if got != item["label"]:
                wrong.append(f"{item['probe']}: labelled {item['label']}, classified {got}")
        agree = sum(a == b for a, b in zip(labels, predicted, strict=True)) / len(labels)
        results.append(
            Agreement(language, len(labels), agree, cohen_kappa(labels, predicted), tuple(wrong))
        )
    return results
