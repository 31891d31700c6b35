"""Suggest impacts on people from system descriptions, offline (suggest --format json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import rightslens
from rightslens.commands.jsonlines import InputLineError, read_texts
from rightslens.core.impact_reading import ImpactSuggestion, reader_for
from rightslens.core.knowledge import load_directory

DEFAULT_DIR = Path(rightslens.__file__).resolve().parent / "knowledge"
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["json"], default="json")
    parser.add_argument(
        "--details", action="store_true", help="Add the pattern id and the method used."
    )
    parser.set_defaults(handler=run_suggest, needs_django=False)


def run(args: argparse.Namespace) -> int:
    return int(args.handler(args))


def run_suggest(args: argparse.Namespace) -> int:
    kb = load_directory(DEFAULT_DIR)
    reader = reader_for(list(kb.items.values()))
    try:
        for entry in read_texts(sys.stdin):
            shown = reader.suggest(entry.text, lang=entry.lang)
            line: dict[str, object] = {
                "id": entry.id,
                "suggestions": [_row(s, args.details) for s in shown],
            }
            if args.details:
                line["method"] = reader.method
            print(json.dumps(line, ensure_ascii=False), flush=True)
    except InputLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _row(suggestion: ImpactSuggestion, details: bool) -> dict[str, object]:
    row: dict[str, object] = {
        "category": suggestion.category_ref,
        "rights": list(suggestion.right_refs),
        "title": suggestion.title,
        "reasons": list(suggestion.reasons),
        "score": suggestion.score,
    }
    if details:
        row["pattern"] = suggestion.pattern_id
    return row
