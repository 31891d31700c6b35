"""How each policy corpus text is split into provisions: a check on structure, not on labels.

Run: .venv/bin/python benchmarks/policy_structure_report.py [--refs N] [NAME ...]

For every text in benchmarks/policy_corpus/corpus.yaml (all splits; structure is not a label),
prints how many provisions were parsed at each level (preamble, contents, containers, article,
section, annex, paragraph, point) and the first article-level references found. A text read
mostly as "Preamble" with few articles is the sign of a numbering style the parser misses.
It reads only the texts and corpus metadata, never the labels.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.policy_corpus_bench import instrument_text  # noqa: E402
from rightslens.core.policy.provisions import split_provisions  # noqa: E402

CORPUS = ROOT / "benchmarks" / "policy_corpus" / "corpus.yaml"
TOP_LEVEL = ("article", "section", "annex")


def report(name: str, text: str, refs: int) -> str:
    provisions = split_provisions(text)
    counts = Counter(p.kind for p in provisions)
    preamble_chars = sum(p.end - p.start for p in provisions if p.kind == "preamble")
    top = [p.ref for p in provisions if p.kind in TOP_LEVEL]
    levels = " ".join(f"{kind}={counts[kind]}" for kind in sorted(counts))
    share = preamble_chars / max(1, len(text))
    shown = ", ".join(top[:refs]) + (" ..." if len(top) > refs else "")
    return f"{name:42} {len(text):7d}ch preamble={share:4.0%} {levels}\n{'':42} refs: {shown}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="instrument names (default: all)")
    parser.add_argument("--refs", type=int, default=8, help="article references to show")
    args = parser.parse_args(argv)
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    for name, item in corpus["instruments"].items():
        if args.names and name not in args.names:
            continue
        text = instrument_text(CORPUS.parent / item["text_file"])
        print(f"[{item['split']}] " + report(name, text, args.refs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
