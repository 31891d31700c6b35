"""Impact suggestion benchmark: category micro-F1, primary right among suggestions, speed.

Run: .venv/bin/python benchmarks/suggest_bench.py [--encoder e5|e5-enpt|hashing-fake] [--json]
     [--show-errors]

Reads benchmarks/suggestions/cases.jsonl (described AI systems and incidents from public
reporting, each with the right mainly at stake and the risk categories). Only the suggestions the
product would show a person count. Figures for the dev split, the held-out split, and both.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.redline_bench import make_encoder  # noqa: E402
from rightslens.core.impact_reading import ImpactReader  # noqa: E402
from rightslens.core.knowledge.loader import load_directory  # noqa: E402

CASES = ROOT / "benchmarks" / "suggestions" / "cases.jsonl"


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    tp = sum(len(set(r["categories"]) & set(r["predicted"])) for r in rows)
    fp = sum(len(set(r["predicted"]) - set(r["categories"])) for r in rows)
    fn = sum(len(set(r["categories"]) - set(r["predicted"])) for r in rows)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    primary = sum(r["primary_right"] in r["rights"] for r in rows)
    return {
        "cases": len(rows),
        "category_micro_f1": round(f1, 3),
        "category_precision": round(precision, 3),
        "category_recall": round(recall, 3),
        "primary_right_among_suggestions": round(primary / len(rows), 3) if rows else None,
        "mean_suggestions_shown": round(statistics.mean(r["shown"] for r in rows), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--encoder", default="e5", choices=["e5", "e5-enpt", "hashing-fake"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    items = list(load_directory(ROOT / "rightslens" / "knowledge").items.values())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    encoder = make_encoder(args.encoder)
    reader = ImpactReader(items, encoder)
    prepare_s = time.perf_counter() - started
    timings = []
    for case in cases:
        started = time.perf_counter()
        shown = reader.suggest(case["text"], lang=case["lang"])
        timings.append(time.perf_counter() - started)
        case["predicted"] = sorted({s.category_ref for s in shown})
        case["rights"] = sorted({r for s in shown for r in s.right_refs})
        case["shown"] = len(shown)
    report = {
        "encoder": encoder.name,
        "method": reader.method,
        "splits": {
            split: figures([c for c in cases if c["split"] == split])
            for split in ("dev", "heldout")
        },
        "all": figures(cases),
        "speed": {
            "load_and_prepare_s": round(prepare_s, 3),
            "suggest_ms_median": round(statistics.median(timings) * 1000, 1),
            "added_rss_mb": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before, 1
            ),
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"encoder: {report['encoder']}   method: {report['method']}")
        for name, fig in [*report["splits"].items(), ("all", report["all"])]:
            print(f"{name:8} {json.dumps(fig)}")
        print("speed:", json.dumps(report["speed"]))
    if args.show_errors:
        for c in cases:
            if c["primary_right"] not in c["rights"] or set(c["predicted"]) != set(c["categories"]):
                print(
                    f"  {c['id']} [{c['split']}] want {c['primary_right']} {c['categories']} got {c['predicted']}"
                )
                print(f"      {c['text'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
