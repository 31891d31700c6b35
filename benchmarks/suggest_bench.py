"""Impact suggestion benchmark: category micro-F1, primary right among suggestions, speed.

Run: .venv/bin/python benchmarks/suggest_bench.py [--encoder e5|e5-enpt|hashing-fake] [--json]
     [--show-errors] [--cases PATH ...] [--labels PATH] [--no-learned]

Reads benchmarks/suggestions/cases.jsonl, or each file given with --cases (repeatable): JSON lines
of described AI systems and incidents from public reporting, each with the right mainly at stake
and the risk categories, and a "split". Only the suggestions the product would show a person
count. Figures for each split value found (dev, heldout, or any other, such as "fresh"), in the
order first seen, and for all cases together.
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


_FIELDS = ("text", "primary_right", "categories")


def _json_lines(path: Path, fields: tuple[str, ...]) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON-lines file that has `fields`.
    Raises ValueError naming the file and line of the first unreadable one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as problem:
        raise ValueError(f"cannot read {path}: {problem.strerror}") from problem
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as problem:
            raise ValueError(f"{path}:{number}: not JSON ({problem.msg})") from problem
        missing = [f for f in fields if not isinstance(row, dict) or f not in row]
        if missing:
            raise ValueError(f"{path}:{number}: missing {', '.join(missing)}")
        rows.append((number, row))
    return rows


def read_cases(paths: list[Path]) -> list[dict[str, Any]]:
    """Cases from JSON-lines files; a case without a split counts as "unsplit". Raises
    ValueError naming the file and line of the first unreadable case."""
    cases: list[dict[str, Any]] = []
    for path in paths:
        for number, case in _json_lines(path, _FIELDS):
            case.setdefault("split", "unsplit")
            case.setdefault("lang", "")
            case.setdefault("id", f"{path.name}:{number}")
            cases.append(case)
    if not cases:
        raise ValueError("no cases in " + ", ".join(str(p) for p in paths))
    return cases


def read_labels(path: Path) -> dict[str, dict[str, Any]]:
    """Another labeller's labels by case id (JSON lines of id, primary_right, categories).
    Raises ValueError naming the file and line of the first unreadable one."""
    rows = _json_lines(path, ("id", "primary_right", "categories"))
    return {str(label["id"]): label for _, label in rows}


def relabelled(
    cases: list[dict[str, Any]], labels: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The cases that have another labeller's labels, scored against those labels instead."""
    return [
        {
            **c,
            "primary_right": labels[c["id"]]["primary_right"],
            "categories": labels[c["id"]]["categories"],
        }
        for c in cases
        if c["id"] in labels
    ]


def is_tuning_split(split: str) -> bool:
    """Whether errors of this split may be read while tuning: "dev" and rounds such as "dev-r3"."""
    return split == "dev" or split.startswith("dev-")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--encoder", default="e5", choices=["e5", "e5-enpt", "hashing-fake"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--no-learned",
        action="store_true",
        help="switch the learned category layer off (the impact patterns alone)",
    )
    parser.add_argument(
        "--show-errors", action="store_true", help="list the errors of tuning splits (dev, dev-*)"
    )
    parser.add_argument(
        "--cases",
        action="append",
        type=Path,
        metavar="PATH",
        help=f"a JSON-lines file of cases (repeatable; default {CASES.relative_to(ROOT)})",
    )
    parser.add_argument(
        "--labels",
        type=Path,
        metavar="PATH",
        help="also score the cases another labeller labelled (JSON lines of id, primary_right, "
        "categories) against that labeller's labels, per split",
    )
    args = parser.parse_args()
    try:
        cases = read_cases(args.cases or [CASES])
        labels = read_labels(args.labels) if args.labels else {}
    except ValueError as problem:
        parser.error(str(problem))
    items = list(load_directory(ROOT / "rightslens" / "knowledge").items.values())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    encoder = make_encoder(args.encoder)
    reader = (
        ImpactReader(items, encoder, category_model=None)
        if args.no_learned
        else ImpactReader(items, encoder)
    )
    prepare_s = time.perf_counter() - started
    timings = []
    for case in cases:
        started = time.perf_counter()
        shown = reader.suggest(case["text"], lang=case["lang"])
        timings.append(time.perf_counter() - started)
        case["predicted"] = sorted({c for s in shown for c in s.category_refs})
        case["rights"] = sorted({r for s in shown for r in s.right_refs})
        case["shown"] = len(shown)
    report = {
        "encoder": encoder.name,
        "method": reader.method,
        "splits": {
            split: figures([c for c in cases if c["split"] == split])
            for split in dict.fromkeys(c["split"] for c in cases)
        },
        "all": figures(cases),
        "other_labeller": {
            split: figures(relabelled([c for c in cases if c["split"] == split], labels))
            for split in dict.fromkeys(c["split"] for c in cases if c["id"] in labels)
        },
        "speed": {
            "load_and_prepare_s": round(prepare_s, 3),
            "suggest_ms_median": round(statistics.median(timings) * 1000, 1),
            "suggest_ms_p95": round(_percentile(timings, 0.95) * 1000, 1),
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
        for name, fig in report["other_labeller"].items():
            print(f"{name:8} vs {args.labels.name}: {json.dumps(fig)}")
        print("speed:", json.dumps(report["speed"]))
    if args.show_errors:
        # Errors of tuning splits only: held-out cases are measured, never read for tuning.
        for c in (c for c in cases if is_tuning_split(c["split"])):
            if c["primary_right"] not in c["rights"] or set(c["predicted"]) != set(c["categories"]):
                print(
                    f"  {c['id']} [{c['split']}] want {c['primary_right']} {c['categories']} got {c['predicted']}"
                )
                print(f"      {c['text'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
