"""Screen use-case descriptions for red lines, offline (redlines screen --format json)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import rightslens
from rightslens.commands.jsonlines import InputLineError, read_texts
from rightslens.core.knowledge import load_directory
from rightslens.core.knowledge.model import Item
from rightslens.core.llm_review import METHOD_SUFFIX, ModelUnavailable, ask, verified
from rightslens.core.screening import screen

DEFAULT_DIR = Path(rightslens.__file__).resolve().parent / "knowledge"
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="redlines_command", required=True)
    screen_cmd = sub.add_parser(
        "screen",
        help='Read JSON lines {"id", "text", "lang"?} on stdin; write one line of hits each.',
    )
    screen_cmd.add_argument("--format", choices=["json"], default="json")
    screen_cmd.add_argument(
        "--details",
        action="store_true",
        help="Add elements found and missing, legal status, set-aside red lines and the method.",
    )
    screen_cmd.add_argument(
        "--llm",
        action="store_true",
        help="Also ask the model at RIGHTSLENS_LLM_ENDPOINT; its claims count only if they quote "
        "the description. Offline is the fallback.",
    )
    screen_cmd.set_defaults(handler=run_screen, needs_django=False)


def run(args: argparse.Namespace) -> int:
    return int(args.handler(args))


def run_screen(args: argparse.Namespace) -> int:
    kb = load_directory(DEFAULT_DIR)
    items = [
        i
        for i in kb.items.values()
        if i.type in ("red_line", "red_line_element") and not i.deprecated
    ]
    try:
        for entry in read_texts(sys.stdin):
            result = screen(entry.text, items, lang=entry.lang)
            line = _line(entry.id, result, args.details)
            if args.llm:
                _review(line, entry.text, items)
            print(json.dumps(line, ensure_ascii=False), flush=True)
    except InputLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _review(line: dict[str, object], text: str, items: list[Item]) -> None:
    """Add the model's verified red lines; on any failure say so and keep the offline result."""
    endpoint = os.environ.get("RIGHTSLENS_LLM_ENDPOINT", "")
    red_lines = {i.id: i.title for i in items if i.type == "red_line"}
    hits = line["hits"]
    assert isinstance(hits, list)
    try:
        if not endpoint:
            raise ModelUnavailable("RIGHTSLENS_LLM_ENDPOINT is not set")
        claims = ask(
            text,
            red_lines,
            "Which of these red-line uses of AI does the description below describe (not deny)?",
            endpoint,
            os.environ.get("RIGHTSLENS_LLM_MODEL", ""),
        )
    except ModelUnavailable as exc:
        line["llm"] = f"not used: {exc}"
        return
    already = {h["red_line"] for h in hits}
    for claim in verified(claims, text, list(red_lines)):
        if claim.ref not in already:
            hits.append(
                {"red_line": claim.ref, "confidence": 0.5, "evidence": claim.quote, "method": "llm"}
            )
            already.add(claim.ref)
    line["llm"] = "offline" + METHOD_SUFFIX


def _line(entry_id: str, result: object, details: bool) -> dict[str, object]:
    from rightslens.core.screening_engine import Screening

    assert isinstance(result, Screening)
    hits: list[dict[str, object]] = []
    for hit in result.hits:
        row: dict[str, object] = {
            "red_line": hit.red_line_id,
            "confidence": hit.confidence,
            "evidence": hit.evidence,
        }
        if hit.status != "confirmed":
            # Not a clearance: most of the red line is there; a person must confirm or dismiss it.
            # A confirmed hit keeps the shape (red_line, confidence, evidence).
            row |= {"status": hit.status, "missing": list(hit.elements_missing)}
        if details:
            row |= {
                "elements_found": list(hit.elements_found),
                "elements_missing": list(hit.elements_missing),
                "matched": list(hit.matched_terms),
            }
        hits.append(row)
    line: dict[str, object] = {"id": entry_id, "hits": hits}
    if details:
        line |= {
            "method": result.method,
            "language": result.language,
            "set_aside": [
                {"red_line": a.red_line_id, "exception": a.exception, "evidence": a.evidence}
                for a in result.set_aside
            ],
        }
    return line
