"""Agreement between the original labels of the dev sets and a second, independent labeller.

Run: .venv/bin/python benchmarks/labelling_agreement.py [--ref GITREF] [--json] [--disagreements]

Compares benchmarks/redlines/cases.jsonl with benchmarks/redlines/labels_b.jsonl, and
benchmarks/suggestions/cases.jsonl with benchmarks/suggestions/labels_b.jsonl, on the cases that
both labellers labelled (cases added after the second labelling are left out and counted).

Red lines: Cohen's kappa over every (case, red line) pair, present or absent, pooled over all
red lines (micro); the same per red line; and kappa on "any red line" per case.
Suggestions: exact agreement and Cohen's kappa on the primary right (one nominal label per case);
Cohen's kappa over every (case, category) pair, pooled (micro), and per category.

--ref reads the original labels as they were at a git commit (e.g. the commit before the
reconciliation), so the figures before reconciliation can be reproduced.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from rightslens.core.probes.agreement import cohen_kappa as core_kappa

ROOT = Path(__file__).resolve().parents[1]
RED_LINES = ROOT / "benchmarks" / "redlines"
SUGGESTIONS = ROOT / "benchmarks" / "suggestions"


def read_jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def original_text(path: Path, ref: str | None) -> str:
    if ref is None:
        return path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    git = shutil.which("git")
    if git is None:
        raise SystemExit("--ref needs git on the PATH")
    result = subprocess.run(  # noqa: S603 (fixed git command; the ref is only an argument)
        [git, "show", f"{ref}:{rel}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"cannot read {rel} at {ref}: {result.stderr.strip()}")
    return result.stdout


def cohen_kappa(pairs: list[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa for two raters over the same items (the core's), rounded; None with no items."""
    if not pairs:
        return None
    return round(core_kappa([a for a, _ in pairs], [b for _, b in pairs]), 3)


def paired(
    originals: list[dict[str, Any]], second: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], int, int]:
    by_id = {row["id"]: row for row in second}
    both = [(row, by_id[row["id"]]) for row in originals if row["id"] in by_id]
    only_original = sum(1 for row in originals if row["id"] not in by_id)
    known = {row["id"] for row in originals}
    only_second = sum(1 for row in second if row["id"] not in known)
    return both, only_original, only_second


def red_line_agreement(ref: str | None) -> dict[str, Any]:
    originals = read_jsonl(original_text(RED_LINES / "cases.jsonl", ref))
    second = read_jsonl((RED_LINES / "labels_b.jsonl").read_text(encoding="utf-8"))
    both, only_original, only_second = paired(originals, second)
    red_lines = sorted(
        {label for a, b in both for label in [*a["labels"], *b["labels"]]},
    )
    pooled: list[tuple[bool, bool]] = []
    per_line: dict[str, float | None] = {}
    for line in red_lines:
        pairs = [(line in a["labels"], line in b["labels"]) for a, b in both]
        pooled.extend(pairs)
        per_line[line] = cohen_kappa(pairs)
    any_pairs = [(bool(a["labels"]), bool(b["labels"])) for a, b in both]
    exact = sum(set(a["labels"]) == set(b["labels"]) for a, b in both)
    disagreements = [
        {
            "id": a["id"],
            "text": a["text"],
            "original": sorted(a["labels"]),
            "second": sorted(b["labels"]),
            "second_reason": b.get("reason", ""),
        }
        for a, b in both
        if set(a["labels"]) != set(b["labels"])
    ]
    return {
        "cases_compared": len(both),
        "cases_only_in_original": only_original,
        "cases_only_in_second": only_second,
        "red_lines_seen": len(red_lines),
        "kappa_per_case_and_red_line_micro": cohen_kappa(pooled),
        "kappa_any_red_line": cohen_kappa(any_pairs),
        "any_red_line_agreement": round(sum(a == b for a, b in any_pairs) / len(both), 3)
        if both
        else None,
        "exact_label_set_agreement": round(exact / len(both), 3) if both else None,
        "kappa_per_red_line": per_line,
        "disagreements": disagreements,
    }


def suggestion_agreement(ref: str | None) -> dict[str, Any]:
    originals = read_jsonl(original_text(SUGGESTIONS / "cases.jsonl", ref))
    second = read_jsonl((SUGGESTIONS / "labels_b.jsonl").read_text(encoding="utf-8"))
    both, only_original, only_second = paired(originals, second)
    primary_pairs = [(a["primary_right"], b["primary_right"]) for a, b in both]
    categories = sorted({c for a, b in both for c in [*a["categories"], *b["categories"]]})
    pooled: list[tuple[bool, bool]] = []
    per_category: dict[str, float | None] = {}
    for category in categories:
        pairs = [(category in a["categories"], category in b["categories"]) for a, b in both]
        pooled.extend(pairs)
        per_category[category] = cohen_kappa(pairs)
    disagreements = [
        {
            "id": a["id"],
            "text": a["text"],
            "original_primary": a["primary_right"],
            "second_primary": b["primary_right"],
            "original_categories": sorted(a["categories"]),
            "second_categories": sorted(b["categories"]),
            "second_reason": b.get("reason", ""),
        }
        for a, b in both
        if a["primary_right"] != b["primary_right"] or set(a["categories"]) != set(b["categories"])
    ]
    exact_categories = sum(set(a["categories"]) == set(b["categories"]) for a, b in both)
    return {
        "cases_compared": len(both),
        "cases_only_in_original": only_original,
        "cases_only_in_second": only_second,
        "primary_right_exact_agreement": round(sum(a == b for a, b in primary_pairs) / len(both), 3)
        if both
        else None,
        "kappa_primary_right": cohen_kappa(primary_pairs),
        "kappa_per_case_and_category_micro": cohen_kappa(pooled),
        "exact_category_set_agreement": round(exact_categories / len(both), 3) if both else None,
        "kappa_per_category": per_category,
        "disagreements": disagreements,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="read the original labels at this git commit")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--disagreements", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    report = {
        "ref": args.ref or "working tree",
        "red_lines": red_line_agreement(args.ref),
        "suggestions": suggestion_agreement(args.ref),
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    rl, sg = report["red_lines"], report["suggestions"]
    print(f"original labels: {report['ref']}")
    print(
        f"red lines: {rl['cases_compared']} cases "
        f"({rl['cases_only_in_original']} only in cases.jsonl); "
        f"kappa per case and red line (micro) {rl['kappa_per_case_and_red_line_micro']}; "
        f"kappa any red line {rl['kappa_any_red_line']} "
        f"(agreement {rl['any_red_line_agreement']}); "
        f"exact label sets {rl['exact_label_set_agreement']}; "
        f"{len(rl['disagreements'])} disagreements"
    )
    for line, kappa in rl["kappa_per_red_line"].items():
        print(f"  {line}: kappa {kappa}")
    print(
        f"suggestions: {sg['cases_compared']} cases "
        f"({sg['cases_only_in_original']} only in cases.jsonl); "
        f"primary right exact {sg['primary_right_exact_agreement']}, "
        f"kappa {sg['kappa_primary_right']}; "
        f"categories kappa (micro) {sg['kappa_per_case_and_category_micro']}; "
        f"exact category sets {sg['exact_category_set_agreement']}; "
        f"{len(sg['disagreements'])} disagreements"
    )
    for category, kappa in sg["kappa_per_category"].items():
        print(f"  {category}: kappa {kappa}")
    if args.disagreements:
        print("red-line disagreements:")
        for d in rl["disagreements"]:
            print(f"  {d['id']}: original {d['original']} second {d['second']}")
        print("suggestion disagreements:")
        for d in sg["disagreements"]:
            print(
                f"  {d['id']}: primary {d['original_primary']} / {d['second_primary']}; "
                f"categories {d['original_categories']} / {d['second_categories']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
