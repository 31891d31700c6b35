"""Trains, cross-validates and ships the learned red-line layer (`rightslens.core.redline_model`).

Run:
  .venv/bin/python benchmarks/redline_train.py cv      # cross-validation on the dev splits only
  .venv/bin/python benchmarks/redline_train.py train   # final model on all dev, written to
                                                        # rightslens/knowledge/models/redline_clf.json
  .venv/bin/python benchmarks/redline_train.py check   # is the shipped model trained on today's data?

Training data: cases whose split starts with "dev" (benchmarks/redlines/cases.jsonl,
dev_vendor.jsonl, cases-r5.jsonl to cases-r34.jsonl: the former fresh … fresh34 sets folded in as
dev-f1 … dev-f34 after each had been measured) and the library's typical wordings as positives. Held-out splits (heldout*) and
anything named fresh* are never read: the split filter is applied while loading, before any text
is kept.

Each case is read by the screener exactly as in production (sentences, and each sentence with the
one before it). A negative case gives one negative example per sentence and window. A positive
case with one sentence gives one positive example; with several, the first model is trained with
all of them (weight 1/n each), and the second with only the one the first model finds most likely
(multiple-instance learning, one round).

Cross-validation folds: each dev batch written apart (dev-r3, dev-r3b ... dev-r4c, dev-vendor) is
one fold, so a fold's text was written after, and apart from, the text trained on; the original
`dev` split (389 cases) is cut into four folds by case id, dev-r5 (300) into two. Reported: the learned layer alone (the rules
switched off, its gates kept: an estimate of what it finds on text the word lists miss) and the
combination with the rules, pooled over folds, for each threshold and
gate. Beware: the rules were tuned on all dev batches, so the combined figures on dev are
optimistic; the learned layer's own figures are the estimate of what it adds on unseen text.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import hashlib
import json
import os
import sys
import time

# One BLAS thread: on the shared 2-core machine threaded solves were ten times slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rightslens.core.knowledge.loader import load_directory  # noqa: E402
from rightslens.core.redline_model import (  # noqa: E402
    SHIPPED_MODEL,
    UNIT,
    Example,
    RedLineModel,
    data_digest,
    features_of,
    load,
    save,
    train,
)
from rightslens.core.screening_engine import LEARNED_GATE, Prepared, Screener  # noqa: E402
from rightslens.core.semantic import CachedEncoder  # noqa: E402

CASE_FILES = (
    ROOT / "benchmarks" / "redlines" / "cases.jsonl",
    ROOT / "benchmarks" / "redlines" / "dev_vendor.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r5.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r6.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r7.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r8.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r9.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r10.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r11.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r12.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r13.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r14.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r15.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r16.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r17.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r18.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r19.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r20.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r21.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r22.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r23.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r24.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r25.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r26.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r27.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r28.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r29.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r30.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r31.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r32.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r33.jsonl",
    ROOT / "benchmarks" / "redlines" / "cases-r34.jsonl",
)
#: Hyper-parameters chosen by `cv` and `redline_sweep.py` (see benchmarks/README.md).
L2 = 30.0
THRESHOLD = 0.6
OTHER_WEIGHT = 0.5
BALANCED = True
FEATURES = UNIT
#: Per red line thresholds (None: THRESHOLD for all) and the free threshold (None: none).
THRESHOLDS_PER_RED_LINE: dict[str, float] | None = None
FREE_THRESHOLD: float | None = 0.9
WORDING_WEIGHT = 1.0
DEV_FOLDS = 4
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
GATES = ("sentence", "core", "text")


def dev_cases() -> list[dict[str, Any]]:
    """Dev cases only: any other split is dropped line by line, unread beyond its split."""
    out: list[dict[str, Any]] = []
    for path in CASE_FILES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            if str(case.get("split", "")).startswith("dev"):
                out.append(case)
    return out


#: Splits cut into several folds by case id (the others are one fold each).
SPLIT_FOLDS = {"dev": DEV_FOLDS, "dev-r5": 2}


def fold_of(case: dict[str, Any]) -> str:
    parts = SPLIT_FOLDS.get(case["split"], 1)
    if parts == 1:
        return case["split"]
    digest = int(hashlib.sha256(case["id"].encode()).hexdigest(), 16)
    return f"{case['split']}/{digest % parts}"


def knowledge() -> tuple[list[Any], list[tuple[str, list[str]]]]:
    kb = load_directory(ROOT / "rightslens" / "knowledge")
    items = [i for i in kb.items.values() if i.type in ("red_line", "red_line_element")]
    wordings: list[tuple[str, list[str]]] = []
    for item in items:
        if item.type != "red_line":
            continue
        typical = item.get("typical_wordings", {}) or {}
        for lang in sorted(typical):
            wordings.extend((str(w), [item.id]) for w in typical[lang])
    return items, wordings


#: Sentence vectors kept between runs (var/ is not committed); a cache only, never a result.
VECTOR_CACHE = ROOT / "var" / "redline-train-vectors.json"


def make_encoder() -> CachedEncoder:
    from rightslens.core.semantic.e5 import E5Encoder

    encoder = CachedEncoder(E5Encoder())
    try:
        stored = json.loads(VECTOR_CACHE.read_text(encoding="utf-8"))
        if stored.get("encoder") == encoder.name:
            encoder.preload({t: tuple(v) for t, v in stored["vectors"].items()})
    except (OSError, ValueError, KeyError):
        pass
    return encoder


def prepare_all(screener: Screener, cases: list[dict[str, Any]]) -> list[Prepared]:
    started = time.perf_counter()
    out = [screener.prepare(c["text"], lang=c.get("lang", "")) for c in cases]
    print(f"  read and encoded {len(cases)} cases in {time.perf_counter() - started:.1f} s")
    encoder = screener.encoder
    if isinstance(encoder, CachedEncoder):
        texts = [r.text for p in out for r in (*p.readings, *p.windows)]
        known = encoder.known(texts)
        VECTOR_CACHE.parent.mkdir(parents=True, exist_ok=True)
        VECTOR_CACHE.write_text(
            json.dumps(
                {
                    "encoder": encoder.name,
                    "vectors": {t: [round(x, 7) for x in v] for t, v in known.items()},
                }
            ),
            encoding="utf-8",
        )
    return out


def unit_rows(read: Prepared, features: str) -> np.ndarray:
    """The model's input rows for a prepared text's sentences and windows."""
    matrix = np.asarray(read.vectors, dtype=np.float64)
    if not len(matrix):
        return matrix
    context = matrix[: len(read.readings)].mean(axis=0) if read.readings else None
    return features_of(matrix, features, context)


def examples_for(
    cases: list[dict[str, Any]],
    prepared: list[Prepared],
    wording_vectors: list[tuple[Any, list[str]]],
    first: RedLineModel | None,
    features: str = UNIT,
) -> list[Example]:
    examples = [
        Example(features_of(np.asarray([v], dtype=np.float64), features)[0], frozenset(labels))
        for v, labels in wording_vectors
    ]
    examples = [dataclasses.replace(e, weight=WORDING_WEIGHT) for e in examples]
    for case, read in zip(cases, prepared, strict=True):
        labels = frozenset(case["labels"])
        vectors = list(unit_rows(read, features))
        if not vectors:
            continue
        if not labels or len(vectors) == 1:
            examples.extend(Example(v, labels) for v in vectors)
        elif first is None:
            examples.extend(Example(v, labels, 1.0 / len(vectors)) for v in vectors)
        else:
            index = first.index()
            columns = [index[rl] for rl in labels if rl in index]
            raw = np.asarray(read.vectors, dtype=np.float64)
            context = raw[: len(read.readings)].mean(axis=0)
            probs = first.probabilities(raw, context)[:, columns].max(axis=1)
            examples.append(Example(vectors[int(np.argmax(probs))], labels))
    return examples


def fit(
    cases: list[dict[str, Any]],
    prepared: list[Prepared],
    wording_vectors: list[tuple[Any, list[str]]],
    red_line_ids: list[str],
    encoder_name: str,
    l2: float,
    threshold: float,
    meta: dict[str, object] | None = None,
    *,
    features: str = UNIT,
    other_weight: float | None = None,
    balanced: bool = True,
) -> RedLineModel:
    common: dict[str, Any] = {
        "encoder": encoder_name,
        "l2": l2,
        "threshold": threshold,
        "features": features,
        "balanced": balanced,
        "other_weight": OTHER_WEIGHT if other_weight is None else other_weight,
    }
    first = train(
        examples_for(cases, prepared, wording_vectors, None, features), red_line_ids, **common
    )
    return train(
        examples_for(cases, prepared, wording_vectors, first, features),
        red_line_ids,
        meta=meta,
        **common,
    )


def rates(rows: list[tuple[list[str], list[str]]]) -> dict[str, Any]:
    positives = [(labels, hits) for labels, hits in rows if labels]
    negatives = [hits for labels, hits in rows if not labels]
    recalled = sum(1 for labels, hits in positives if set(labels) & set(hits))
    alarms = sum(1 for hits in negatives if hits)
    return {
        "recall": round(recalled / len(positives), 3) if positives else None,
        "false_alarms": round(alarms / len(negatives), 3) if negatives else None,
        "positives": len(positives),
        "negatives": len(negatives),
    }


def setup() -> tuple[Screener, list[Any], list[dict[str, Any]], list[Prepared], Any, list[str]]:
    items, wordings = knowledge()
    encoder = make_encoder()
    screener = Screener(items, encoder, model=None)
    cases = dev_cases()
    prepared = prepare_all(screener, cases)
    vectors = encoder.encode([w for w, _ in wordings])
    wording_vectors = [(v, labels) for v, (_, labels) in zip(vectors, wordings, strict=True)]
    red_line_ids = [s.id for s in screener.specs]
    return screener, wordings, cases, prepared, wording_vectors, red_line_ids


def cross_validate(args: argparse.Namespace) -> int:
    screener, _, cases, prepared, wording_vectors, red_line_ids = setup()
    folds = sorted({fold_of(c) for c in cases})
    print(f"  {len(cases)} dev cases, {len(folds)} folds: {', '.join(folds)}")
    rules_only = [
        (c["labels"], [h.red_line_id for h in screener.judge(p).hits])
        for c, p in zip(cases, prepared, strict=True)
    ]
    report: dict[str, Any] = {"rules_only": rates(rules_only), "grid": []}
    print("rules only (tuned on all dev):", report["rules_only"])
    for l2 in args.l2:
        # learned[(gate, threshold)] -> rows of (labels, learned hits) and (labels, all hits)
        learned: dict[tuple[str, float], list[tuple[list[str], list[str]]]] = {}
        combined: dict[tuple[str, float], list[tuple[list[str], list[str]]]] = {}
        per_fold: dict[tuple[str, float, str], list[tuple[list[str], list[str]]]] = {}
        started = time.perf_counter()
        for fold in folds:
            train_at = [i for i, c in enumerate(cases) if fold_of(c) != fold]
            test_at = [i for i, c in enumerate(cases) if fold_of(c) == fold]
            model = fit(
                [cases[i] for i in train_at],
                [prepared[i] for i in train_at],
                wording_vectors,
                red_line_ids,
                screener.encoder.name,
                l2,
                0.5,
            )
            for gate in args.gate:
                screener.learned_gate = gate
                for threshold in args.threshold:
                    screener.model = dataclasses.replace(model, threshold=threshold)
                    for i in test_at:
                        labels = cases[i]["labels"]
                        # The learned layer on its own (rules off), then with the rules.
                        screener.use_rules = False
                        alone = screener.judge(prepared[i]).hits
                        screener.use_rules = True
                        found = screener.judge(prepared[i]).hits
                        mine = [h.red_line_id for h in alone]
                        learned.setdefault((gate, threshold), []).append((labels, mine))
                        per_fold.setdefault((gate, threshold, fold), []).append((labels, mine))
                        combined.setdefault((gate, threshold), []).append(
                            (labels, [h.red_line_id for h in found])
                        )
        screener.model = None
        screener.learned_gate = "sentence"
        print(f"l2 {l2}: {len(folds)} folds in {time.perf_counter() - started:.0f} s")
        for (gate, threshold), rows in learned.items():
            entry = {
                "l2": l2,
                "gate": gate,
                "threshold": threshold,
                "learned_alone": rates(rows),
                "combined": rates(combined[(gate, threshold)]),
                "learned_alone_by_fold": {
                    fold: rates(per_fold[(gate, threshold, fold)]) for fold in folds
                },
            }
            report["grid"].append(entry)
            print(
                f"  gate {gate:8} t {threshold:4}: learned alone recall "
                f"{entry['learned_alone']['recall']} fa {entry['learned_alone']['false_alarms']}"
                f" | combined recall {entry['combined']['recall']} "
                f"fa {entry['combined']['false_alarms']}"
            )
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def training_meta(
    cases: list[dict[str, Any]], wordings: list[tuple[str, list[str]]], encoder: str
) -> dict[str, object]:
    return {
        "encoder": encoder,
        "trained": datetime.date.today().isoformat(),
        "training_data_sha256": data_digest(
            [(c["text"], c["labels"]) for c in cases] + [(w, labels) for w, labels in wordings]
        ),
        "cases": len(cases),
        "positive_cases": sum(1 for c in cases if c["labels"]),
        "typical_wordings": len(wordings),
        "splits": sorted({c["split"] for c in cases}),
        "l2": L2,
        "other_weight": OTHER_WEIGHT,
        "balanced": BALANCED,
        "features": FEATURES,
        "threshold": THRESHOLD,
        "thresholds_per_red_line": THRESHOLDS_PER_RED_LINE,
        "free_threshold": FREE_THRESHOLD,
        "gate": LEARNED_GATE,
        "chosen_by": "benchmarks/redline_train.py cv (dev splits only; benchmarks/README.md)",
        "trained_by": "benchmarks/redline_train.py train",
    }


def train_final(args: argparse.Namespace) -> int:
    screener, wordings, cases, prepared, wording_vectors, red_line_ids = setup()
    meta = training_meta(cases, wordings, screener.encoder.name)
    model = fit(
        cases,
        prepared,
        wording_vectors,
        red_line_ids,
        screener.encoder.name,
        L2,
        THRESHOLD,
        meta,
        features=FEATURES,
        balanced=BALANCED,
    )
    if THRESHOLDS_PER_RED_LINE is not None:
        model = dataclasses.replace(
            model,
            thresholds=tuple(THRESHOLDS_PER_RED_LINE.get(rl, THRESHOLD) for rl in red_line_ids),
        )
    if FREE_THRESHOLD is not None:
        model = dataclasses.replace(model, free_threshold=FREE_THRESHOLD)
    path = save(model, Path(args.out) if args.out else SHIPPED_MODEL)
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB): {json.dumps(meta)}")
    return 0


def check(args: argparse.Namespace) -> int:
    _, wordings = knowledge()
    cases = dev_cases()
    model = load(Path(args.out) if args.out else SHIPPED_MODEL)
    expected = training_meta(cases, wordings, model.encoder)["training_data_sha256"]
    if model.meta.get("training_data_sha256") != expected:
        print("stale: the dev cases or typical wordings changed since training; run `train`")
        return 1
    print(f"up to date (trained {model.meta.get('trained')}, encoder {model.encoder})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["cv", "train", "check"])
    parser.add_argument("--l2", type=float, action="append", help="cv: L2 strengths to try")
    parser.add_argument("--threshold", type=float, action="append", help="cv: thresholds")
    parser.add_argument("--gate", action="append", choices=GATES, help="cv: gates to try")
    parser.add_argument("--out", help="cv: report JSON; train/check: model path")
    args = parser.parse_args()
    if args.command == "cv":
        args.l2 = args.l2 or [L2]
        args.threshold = args.threshold or list(THRESHOLDS)
        args.gate = args.gate or list(GATES)
        return cross_validate(args)
    if args.command == "train":
        return train_final(args)
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
