"""Policy checker on real instruments: agreement with human labels, kappa, confusion, no false contrary.

Run: .venv/bin/python benchmarks/policy_corpus_bench.py [--encoder e5|hashing-fake] [--split NAME ...]
     [--show-errors] [--json]

Reads benchmarks/policy_corpus/corpus.yaml (real instruments, excerpts, labels per labeller).
Reports, for each split named in corpus.yaml (dev, heldout, fresh, ... in the order they first
appear; `--split` keeps only the named ones) and for all of them together:
- exact agreement and Cohen's kappa of the checker against the reconciled labels (labeller
  "reconciled" when present, else labeller "a");
- the same for a baseline that answers "addressed" everywhere;
- per-criterion confusion (label -> checker), per split;
- "no false contrary": how many times the checker said contrary where the label did not;
- Cohen's kappa between labellers a and b (before reconciliation), per split, where both exist.
`--show-errors` lists each disagreement of the chosen splits with the checker's explanation: use it
on dev only, since reading held-out errors is tuning on them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rightslens.core.policy.analysis import InstrumentMeta, analyse  # noqa: E402
from rightslens.core.policy.criteria import load_criteria  # noqa: E402
from rightslens.core.semantic import Encoder, default_encoder  # noqa: E402

CORPUS = ROOT / "benchmarks" / "policy_corpus" / "corpus.yaml"
STATUSES = ("addressed", "partial", "absent", "contrary")


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa for two raters over the same items (1.0 when both are constant and equal)."""
    total = len(first)
    if total == 0:
        return 0.0
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / total
    left, right = Counter(first), Counter(second)
    expected = sum(left[s] * right[s] for s in set(left) | set(right)) / (total * total)
    return 1.0 if expected == 1 else round((observed - expected) / (1 - expected), 3)


def reference(labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """The labels to score against: reconciled, else labeller a, else the first labeller given."""
    if labels.get("reconciled"):
        return labels["reconciled"]
    if labels.get("a"):
        return labels["a"]
    return next((v for v in labels.values() if isinstance(v, dict) and v), {})


def instrument_text(path: Path) -> str:
    """The instrument's own text: the `#` lines that open a corpus file say where it comes from
    and what is included (README.md); they are notes about the text, not part of it."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    skip = 0
    while skip < len(lines) and lines[skip].startswith("#"):
        skip += 1
    return "".join(lines[skip:]).lstrip("\n")


def splits_of(corpus: dict[str, object]) -> list[str]:
    """Every split named in the corpus, in the order it first appears."""
    return list(dict.fromkeys(str(i["split"]) for i in corpus["instruments"].values()))  # type: ignore[attr-defined]


def checker_rows(
    corpus: dict[str, object],
    splits: Sequence[str] | None = None,
    encoder: Encoder | None = None,
    base: Path = CORPUS.parent,
    calibrated: bool = True,
) -> list[dict[str, str]]:
    rows = []
    criteria = load_criteria()
    for name, item in corpus["instruments"].items():  # type: ignore[attr-defined]
        if splits is not None and str(item["split"]) not in splits:
            continue
        text = instrument_text(base / item["text_file"])
        meta = InstrumentMeta(
            title=name, kind=item["kind"], binding=item["binding"], language=item["language"]
        )
        report = analyse(text, criteria, meta, encoder=encoder, calibrated=calibrated)
        labels = reference(item.get("labels") or {})
        for finding in report.findings:
            if finding.code in labels:
                rows.append(
                    {
                        "instrument": name,
                        "split": str(item["split"]),
                        "id": finding.code,
                        "label": labels[finding.code],
                        "checker": str(finding.status),
                        "method": report.method,
                        "explanation": finding.explanation,
                    }
                )
    return rows


def summary(rows: list[dict[str, str]]) -> dict[str, object]:
    if not rows:
        return {"items": 0}
    labels = [r["label"] for r in rows]
    checker = [r["checker"] for r in rows]
    baseline = ["addressed"] * len(rows)
    false_contrary = [
        f"{r['instrument']} {r['id']}"
        for r in rows
        if r["checker"] == "contrary" and r["label"] != "contrary"
    ]
    return {
        "items": len(rows),
        "exact": round(sum(a == b for a, b in zip(labels, checker, strict=True)) / len(rows), 3),
        "kappa": cohen_kappa(labels, checker),
        "baseline_addressed_exact": round(labels.count("addressed") / len(rows), 3),
        "baseline_addressed_kappa": cohen_kappa(labels, baseline),
        "false_contrary": false_contrary,
    }


def confusion(rows: list[dict[str, str]]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for r in rows:
        cell = table.setdefault(r["id"], {})
        key = f"{r['label']}->{r['checker']}"
        cell[key] = cell.get(key, 0) + 1
    return dict(sorted(table.items(), key=lambda kv: int(kv[0].lstrip("C"))))


def labeller_agreement(
    corpus: dict[str, object], splits: Sequence[str] | None = None
) -> dict[str, object]:
    """Cohen's kappa between labellers a and b, before reconciliation, over the chosen splits."""
    first, second = [], []
    for item in corpus["instruments"].values():  # type: ignore[attr-defined]
        if splits is not None and str(item["split"]) not in splits:
            continue
        labels = item.get("labels") or {}
        a, b = labels.get("a") or {}, labels.get("b") or {}
        if not isinstance(a, dict) or not isinstance(b, dict):
            continue  # a labeller recorded as "not done"
        for code, status in a.items():
            if code in b:
                first.append(status)
                second.append(b[code])
    if not first:
        return {"kappa": None, "note": "no second labeller"}
    return {"items": len(first), "kappa": cohen_kappa(first, second)}


def make_encoder(name: str) -> Encoder:
    """The encoder to read meaning with: the product's default (e5 when installed) unless named."""
    if name:
        os.environ["RIGHTSLENS_ENCODER"] = name
        default_encoder.cache_clear()
    return default_encoder()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--encoder",
        choices=["e5", "hashing-fake"],
        default="",
        help="default: RIGHTSLENS_ENCODER, else e5 when installed",
    )
    parser.add_argument(
        "--split", action="append", help="only this split (repeatable); default: every split"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="a corpus file (texts beside it); default benchmarks/policy_corpus/corpus.yaml",
    )
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="switch the learned reading off (core/policy/calibration.py): the rules' statuses alone",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        corpus = yaml.safe_load(args.corpus.read_text(encoding="utf-8"))
    except OSError as problem:
        parser.error(f"cannot read {args.corpus}: {problem.strerror}")
    present = splits_of(corpus)
    unknown = sorted(set(args.split or ()) - set(present))
    if unknown:
        parser.error(f"no such split: {', '.join(unknown)} (the corpus has {', '.join(present)})")
    chosen = [s for s in present if s in (args.split or present)]
    encoder = make_encoder(args.encoder)
    started = time.perf_counter()
    rows = checker_rows(corpus, chosen, encoder, args.corpus.parent, not args.rules_only)
    seconds = round(time.perf_counter() - started, 2)
    result: dict[str, object] = {
        "instruments": sum(1 for i in corpus["instruments"].values() if i["split"] in chosen),
        "languages": sorted(
            {i["language"] for i in corpus["instruments"].values() if i["split"] in chosen}
        ),
        "encoder": encoder.name,
        "method": rows[0]["method"] if rows else "",
        "seconds": seconds,
        "labellers": {
            **{split: labeller_agreement(corpus, [split]) for split in chosen},
            "all": labeller_agreement(corpus, chosen),
        },
        "splits": {split: summary([r for r in rows if r["split"] == split]) for split in chosen},
        "all": summary(rows),
        "confusion": {
            split: confusion([r for r in rows if r["split"] == split]) for split in chosen
        },
    }
    if args.json:
        print(json.dumps({**result, "rows": rows}, indent=2))
        return 0
    print(
        f"{result['instruments']} instruments in {', '.join(result['languages'])}; "  # type: ignore[arg-type]
        f"encoder {result['encoder']}; method {result['method']}; {seconds} s"
    )
    print("Labellers a vs b before reconciliation:")
    for split, agreement in result["labellers"].items():  # type: ignore[attr-defined]
        print(f"  {split:8} {agreement}")
    named = {**result["splits"], "all": result["all"]}  # type: ignore[dict-item]
    for split, s in named.items():
        if not s["items"]:
            print(f"{split:8} items    0  (no labelled criteria)")
            continue
        print(
            f"{split:8} items {s['items']:4}  exact {s['exact']:.2f}  kappa {s['kappa']:.2f}  |  "
            f"baseline 'addressed everywhere': exact {s['baseline_addressed_exact']:.2f} kappa "
            f"{s['baseline_addressed_kappa']:.2f}  |  false contrary: {len(s['false_contrary'])} {s['false_contrary']}"
        )
    for split, table in result["confusion"].items():  # type: ignore[attr-defined]
        print(f"\nPer-criterion confusion, {split} (label->checker):")
        for code, cells in table.items():
            print(f"  {code:4} " + ", ".join(f"{k} {v}" for k, v in sorted(cells.items())))
    if args.show_errors:
        print("\nDisagreements:")
        for r in rows:
            if r["label"] != r["checker"]:
                print(
                    f"  [{r['split']}] {r['instrument']} {r['id']}: label {r['label']}, checker {r['checker']}"
                )
                print(f"      {r['explanation'][:400]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
