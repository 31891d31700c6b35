"""Check a law, regulation, guidance or code against the UNGP alignment criteria (policy check PATH)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rightslens.core.policy.analysis import (
    InstrumentMeta,
    Report,
    analyse,
    report_json,
    with_second_opinions,
)
from rightslens.core.policy.criteria import load_criteria
from rightslens.core.policy.ingest import IngestError, extract
from rightslens.core.policy.second_opinion import SecondOpinionUnavailable, ask
from rightslens.core.policy.text import SUPPORTED_LANGUAGES

EXIT_UNREADABLE = 2
KINDS = [
    "law",
    "regulation",
    "guidance",
    "code_of_conduct",
    "incentive",
    "procurement_rule",
    "national_action_plan",
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="policy_command", required=True)
    check = sub.add_parser(
        "check", help="Analyse one instrument (PDF, DOCX, HTML or text) offline."
    )
    check.add_argument("path", type=Path, help="The instrument's file.")
    check.add_argument(
        "--lang",
        default="",
        help=f"Language code if known ({', '.join(SUPPORTED_LANGUAGES)}); detected otherwise.",
    )
    check.add_argument("--format", choices=["json", "text"], default="text")
    check.add_argument("--type", dest="kind", choices=KINDS, default="", help="Kind of instrument.")
    force = check.add_mutually_exclusive_group()
    force.add_argument("--binding", dest="binding", action="store_const", const=True, default=None)
    force.add_argument("--voluntary", dest="binding", action="store_const", const=False)
    check.add_argument("--title", default="")
    check.add_argument("--jurisdiction", default="")
    check.add_argument(
        "--second-opinion",
        action="store_true",
        help="Also ask the model at RIGHTSLENS_LLM_ENDPOINT (RIGHTSLENS_LLM_MODEL) for its status per "
        "criterion; shown beside the rules' status, with quotes checked against the text.",
    )
    check.set_defaults(handler=run_check, needs_django=False)


def run(args: argparse.Namespace) -> int:
    return int(args.handler(args))


def run_check(args: argparse.Namespace) -> int:
    try:
        data = args.path.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        extracted = extract(args.path.name, data)
    except IngestError as exc:
        print(f"error: {args.path}: {exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    meta = InstrumentMeta(
        title=args.title or args.path.stem,
        jurisdiction=args.jurisdiction,
        kind=args.kind,
        binding=args.binding,
        language=args.lang,
    )
    criteria = load_criteria()
    report = analyse(extracted.text, criteria, meta)
    if args.second_opinion:
        endpoint = os.environ.get("RIGHTSLENS_LLM_ENDPOINT", "")
        if not endpoint:
            print(
                "error: --second-opinion needs RIGHTSLENS_LLM_ENDPOINT to be set", file=sys.stderr
            )
            return EXIT_UNREADABLE
        try:
            opinions = ask(
                extracted.text, criteria, endpoint, os.environ.get("RIGHTSLENS_LLM_MODEL", "")
            )
        except SecondOpinionUnavailable as exc:
            print(f"warning: no second opinion ({exc}); rules only", file=sys.stderr)
        else:
            report = with_second_opinions(report, opinions)
    print(
        json.dumps(report_json(report), ensure_ascii=False, indent=2)
        if args.format == "json"
        else _text(report)
    )
    return 0


def _text(report: Report) -> str:
    lines = [
        f"{report.meta.title} ({report.language}, {'binding' if report.binding else 'voluntary'}, "
        f"{len(report.provisions)} provisions, method {report.method})",
    ]
    for finding in report.findings:
        model = f"  [model: {finding.second_opinion.status}]" if finding.second_opinion else ""
        lines.append(
            f"{finding.code:<4} {finding.status:<10} {finding.confidence:.2f}  {finding.title}{model}"
        )
        lines.append(f"     {finding.explanation}")
    return "\n".join(lines)
