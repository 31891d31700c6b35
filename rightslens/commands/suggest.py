"""Suggest impacts on people from system descriptions, offline (suggest --format json)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import rightslens
from rightslens.commands.jsonlines import InputLineError, read_texts
from rightslens.core.impact_reading import ImpactSuggestion, reader_for
from rightslens.core.knowledge import load_directory
from rightslens.core.knowledge.model import Item
from rightslens.core.llm_review import METHOD_SUFFIX, ModelUnavailable, ask, verified

DEFAULT_DIR = Path(rightslens.__file__).resolve().parent / "knowledge"
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["json"], default="json")
    parser.add_argument(
        "--details", action="store_true", help="Add the pattern id and the method used."
    )
    parser.add_argument(
        "--llm",
        action="store_true",
        help="Also ask the model at RIGHTSLENS_LLM_ENDPOINT for missed categories; kept only if "
        "they quote the description. Offline is the fallback.",
    )
    parser.set_defaults(handler=run_suggest, needs_django=False)


def run(args: argparse.Namespace) -> int:
    return int(args.handler(args))


def run_suggest(args: argparse.Namespace) -> int:
    kb = load_directory(DEFAULT_DIR)
    reader = reader_for(list(kb.items.values()))
    categories = kb.by_type("risk_category")
    try:
        for entry in read_texts(sys.stdin):
            shown = reader.suggest(entry.text, lang=entry.lang)
            line: dict[str, object] = {
                "id": entry.id,
                "suggestions": [_row(s, args.details) for s in shown],
            }
            if args.details:
                line["method"] = reader.method
            if args.llm:
                _review(line, entry.text, categories)
            print(json.dumps(line, ensure_ascii=False), flush=True)
    except InputLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _review(line: dict[str, object], text: str, categories: list[Item]) -> None:
    """Add categories the model found and quoted; on any failure keep the offline result."""
    endpoint = os.environ.get("RIGHTSLENS_LLM_ENDPOINT", "")
    rows = line["suggestions"]
    assert isinstance(rows, list)
    try:
        if not endpoint:
            raise ModelUnavailable("RIGHTSLENS_LLM_ENDPOINT is not set")
        claims = ask(
            text,
            {c.id: c.title for c in categories},
            "Which human-rights risk categories does this AI system put people at risk in?",
            endpoint,
            os.environ.get("RIGHTSLENS_LLM_MODEL", ""),
        )
    except ModelUnavailable as exc:
        line["llm"] = f"not used: {exc}"
        return
    by_id = {c.id: c for c in categories}
    shown = {c for r in rows for c in [r["category"], *r.get("also_categories", [])]}
    for claim in verified(claims, text, list(by_id)):
        if claim.ref in shown:
            continue
        category = by_id[claim.ref]
        rows.append(
            {
                "category": claim.ref,
                "also_categories": [],
                "rights": list(category.get("right_refs", [])),
                "title": f"People affected by what the description calls “{claim.quote}” may be "
                f"harmed in: {category.title}.",
                "reasons": [f"A language model pointed to “{claim.quote}” (method: llm)."],
                "score": 0.3,
            }
        )
        shown.add(claim.ref)
    line["llm"] = "offline" + METHOD_SUFFIX


def _row(suggestion: ImpactSuggestion, details: bool) -> dict[str, object]:
    row: dict[str, object] = {
        "category": suggestion.category_ref,
        "also_categories": list(suggestion.also_category_refs),
        "rights": list(suggestion.right_refs),
        "title": suggestion.title,
        "reasons": list(suggestion.reasons),
        "score": suggestion.score,
    }
    if details:
        row["pattern"] = suggestion.pattern_id
    return row
