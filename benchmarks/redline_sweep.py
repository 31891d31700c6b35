"""Cross-validation sweep of the learned red-line layer's options, on the dev splits only.

Run: .venv/bin/python benchmarks/redline_sweep.py [--config NAME ...] [--out PATH]

Same folds, data and training as `redline_train.py cv` (leave one dev batch out; the original
`dev` split cut in four by case id; dev-r5, when present, in two), but faster: each fold's model
gives every sentence and window of the held-back fold a probability once, and the screener's gates
are read once per case, so every policy (one threshold, a threshold per red line, a "free"
threshold above which no element need be stated) is scored on the same out-of-fold
probabilities. Model options swept (configs): L2 strength, weight of cases labelled with another
red line, class balancing, and the features (`unit`: the sentence or window alone; `unit+text`:
followed by the mean of the text's sentence vectors).

Per-red-line thresholds are chosen for each fold on the other folds' out-of-fold probabilities
(those came from models that had seen the fold's texts, but the fold's labels are never used to
choose its thresholds): for each red line, the grid threshold with the most caught positives
minus PENALTY x false alarms on near misses.
Held-out splits and fresh* files are never read (see redline_train.dev_cases).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import redline_train as rt  # noqa: E402
from rightslens.core.redline_model import UNIT, UNIT_TEXT  # noqa: E402

CONFIGS: dict[str, dict[str, Any]] = {
    "base": {"l2": 10.0},
    "l2-3": {"l2": 3.0},
    "l2-30": {"l2": 30.0},
    "l2-100": {"l2": 100.0},
    "other-1": {"l2": 10.0, "other_weight": 1.0},
    "other-0.25": {"l2": 10.0, "other_weight": 0.25},
    "unbalanced": {"l2": 10.0, "balanced": False},
    "text-10": {"l2": 10.0, "features": UNIT_TEXT},
    "text-30": {"l2": 30.0, "features": UNIT_TEXT},
    "text-100": {"l2": 100.0, "features": UNIT_TEXT},
}
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
FREE = (None, 0.9, 0.95, 0.98, 0.99)
PENALTY = 2.0
BATCH_FOLDS = "batch"


def gate_tables(screener: Any, prepared: list[Any]) -> list[dict[str, Any]]:
    """Per case: which units pass the core gate / the free gate per red line; exceptions."""
    out = []
    specs = screener.specs
    for read in prepared:
        units = [*read.readings, *read.windows]
        core = np.zeros((len(units), len(specs)), dtype=bool)
        free = np.zeros((len(units), len(specs)), dtype=bool)
        screener.learned_gate = "core"
        for j, spec in enumerate(specs):
            for u, reading in enumerate(units):
                core[u, j] = screener._learned(spec, reading, 1.0, read.whole) is not None
                free[u, j] = screener._learned(spec, reading, 1.0, read.whole, True) is not None
        exc = np.asarray(
            [any(screener._applies(e, read.whole) for e in spec.exception_ids) for spec in specs]
        )
        out.append({"core": core, "free": free, "exc": exc})
    return out


def learned_hits(
    probs: np.ndarray, table: dict[str, Any], thresholds: np.ndarray, free: float | None
) -> np.ndarray:
    """(red lines,) bool: the learned layer's hits for one case under one policy."""
    if not len(probs):
        return np.zeros(len(thresholds), dtype=bool)
    ok = (probs >= thresholds) & table["core"]
    if free is not None:
        ok |= (probs >= max(free, 0.0)) & (probs >= thresholds) & table["free"]
    return ok.any(axis=0) & ~table["exc"]


def rates(labels: list[list[str]], hits: list[set[str]]) -> dict[str, Any]:
    rows = list(zip(labels, [sorted(h) for h in hits], strict=True))
    return rt.rates(rows)


def per_red_line_thresholds(
    probs: list[np.ndarray], tables: list[dict[str, Any]], labels: list[list[str]], ids: list[str]
) -> np.ndarray:
    chosen = np.full(len(ids), 0.5)
    for j, red_line in enumerate(ids):
        best, best_score = 0.5, -1e9
        for t in GRID:
            score = 0.0
            for p, table, lab in zip(probs, tables, labels, strict=True):
                if not len(p):
                    continue
                hit = bool((((p[:, j] >= t) & table["core"][:, j]).any()) and not table["exc"][j])
                if lab and red_line in lab and hit:
                    score += 1
                elif not lab and hit:
                    score -= PENALTY
            if score > best_score:
                best, best_score = t, score
        chosen[j] = best
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", action="append", choices=sorted(CONFIGS))
    parser.add_argument("--out")
    parser.add_argument(
        "--no-per-red-line", action="store_true", help="skip per-red-line thresholds (slow)"
    )
    args = parser.parse_args()
    screener, _, cases, prepared, wording_vectors, ids = rt.setup()
    folds = sorted({rt.fold_of(c) for c in cases})
    print(f"  {len(cases)} dev cases, {len(folds)} folds: {', '.join(folds)}")
    labels = [list(c["labels"]) for c in cases]
    rules = [{h.red_line_id for h in screener.judge(p).hits} for p in prepared]
    tables = gate_tables(screener, prepared)
    fold_of = [rt.fold_of(c) for c in cases]
    batch = [not f.startswith("dev/") for f in fold_of]
    report: dict[str, Any] = {"rules_only": rates(labels, rules), "configs": {}}
    print("rules only (tuned on all dev):", report["rules_only"])
    r5 = [i for i in range(len(cases)) if cases[i]["split"] == "dev-r5"]
    if r5:
        report["rules_only_r5"] = rates([labels[i] for i in r5], [rules[i] for i in r5])
        print("rules only on dev-r5 (not tuned on it):", report["rules_only_r5"])
    for name in args.config or list(CONFIGS):
        config = dict(CONFIGS[name])
        features = config.pop("features", UNIT)
        started = time.perf_counter()
        probs: list[np.ndarray] = [np.zeros((0, len(ids)))] * len(cases)
        for fold in folds:
            train_at = [i for i, f in enumerate(fold_of) if f != fold]
            model = rt.fit(
                [cases[i] for i in train_at],
                [prepared[i] for i in train_at],
                wording_vectors,
                ids,
                screener.encoder.name,
                config["l2"],
                0.5,
                features=features,
                other_weight=config.get("other_weight"),
                balanced=config.get("balanced", True),
            )
            for i, f in enumerate(fold_of):
                if f == fold and prepared[i].vectors:
                    read = prepared[i]
                    raw = np.asarray(read.vectors, dtype=np.float64)
                    probs[i] = model.probabilities(raw, raw[: len(read.readings)].mean(axis=0))
        print(f"config {name}: {len(folds)} folds in {time.perf_counter() - started:.0f} s")
        entries = []

        def score(
            policy: str, hits: list[set[str]], free: float | None, entries: list[Any] = entries
        ) -> None:
            alone = rates(labels, hits)
            subset = [i for i in range(len(cases)) if batch[i]]
            by_batch = rates([labels[i] for i in subset], [hits[i] for i in subset])
            joined = [h | r for h, r in zip(hits, rules, strict=True)]
            combined = rates(labels, joined)
            r5 = [i for i in range(len(cases)) if cases[i]["split"] == "dev-r5"]
            r5_alone = rates([labels[i] for i in r5], [hits[i] for i in r5]) if r5 else {}
            r5_combined = rates([labels[i] for i in r5], [joined[i] for i in r5]) if r5 else {}
            entry = {
                "r5_alone": r5_alone,
                "r5_combined": r5_combined,
                "policy": policy,
                "free": free,
                "alone": alone,
                "alone_batch_folds": by_batch,
                "combined": combined,
            }
            entries.append(entry)
            print(
                f"  {policy:10} free {free!s:5}: alone {alone['recall']} / "
                f"{alone['false_alarms']} | batch folds {by_batch['recall']} / "
                f"{by_batch['false_alarms']} | +rules {combined['recall']} / "
                f"{combined['false_alarms']} | r5 {r5_alone.get('recall')} / "
                f"{r5_alone.get('false_alarms')}, +rules {r5_combined.get('recall')} / "
                f"{r5_combined.get('false_alarms')}"
            )

        for free in FREE:
            for t in GRID:
                th = np.full(len(ids), t)
                hits = [
                    {ids[j] for j in np.flatnonzero(learned_hits(p, tb, th, free))}
                    for p, tb in zip(probs, tables, strict=True)
                ]
                score(f"t {t}", hits, free)
        # Per red line thresholds, chosen per fold on the other folds.
        for free in () if args.no_per_red_line else FREE:
            hits = [set() for _ in cases]
            chosen_by_fold = {}
            for fold in folds:
                others = [i for i, f in enumerate(fold_of) if f != fold]
                th = per_red_line_thresholds(
                    [probs[i] for i in others],
                    [tables[i] for i in others],
                    [labels[i] for i in others],
                    ids,
                )
                chosen_by_fold[fold] = th.tolist()
                for i, f in enumerate(fold_of):
                    if f == fold:
                        hits[i] = {
                            ids[j]
                            for j in np.flatnonzero(learned_hits(probs[i], tables[i], th, free))
                        }
            score("per-rl", hits, free)
        report["configs"][name] = entries
        if args.out:
            Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
