"""Probe an OpenAI-compatible model in several languages and compare (probe run ...)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rightslens.core.probes.classify import Classifier
from rightslens.core.probes.endpoint import EndpointError, EndpointSettings
from rightslens.core.probes.report import chart_text
from rightslens.core.probes.runner import (
    Journal,
    Progress,
    RunOptions,
    endpoint_judge,
    run_probes,
)
from rightslens.core.probes.suites import SuiteError, load_suite, suite_ids
from rightslens.core.probes.summary import Settings, summarise
from rightslens.core.semantic import default_encoder

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="probe_command", required=True)
    run = sub.add_parser("run", help="Send a suite's probes and print rates and gaps per language.")
    run.add_argument("--endpoint", required=True, help="Base URL, e.g. http://127.0.0.1:8080/v1")
    run.add_argument("--model", required=True)
    run.add_argument("--suite", required=True, help=f"One of: {', '.join(suite_ids())}")
    run.add_argument(
        "--languages", required=True, help="Comma-separated; the first is the reference."
    )
    run.add_argument("--format", choices=["json", "text"], default="text")
    run.add_argument(
        "--resume", type=Path, help="JSONL journal: results are appended as they arrive."
    )
    run.add_argument(
        "--api-key-env",
        default="RIGHTSLENS_PROBE_API_KEY",
        help="Environment variable holding the API key (never passed on the command line).",
    )
    run.add_argument("--concurrency", type=int, default=8)
    run.add_argument("--rpm", type=float, default=0, help="Requests per minute (0: no limit).")
    run.add_argument("--retries", type=int, default=4)
    run.add_argument("--price-in", type=float, default=0.0, help="Price per 1,000 prompt tokens.")
    run.add_argument(
        "--price-out", type=float, default=0.0, help="Price per 1,000 completion tokens."
    )
    run.add_argument(
        "--min-n", type=int, default=30, help="Fewer answers than this: too few to judge."
    )
    run.add_argument(
        "--min-gap", type=float, default=0.10, help="Smallest gap that counts as left behind."
    )
    run.add_argument("--judge-endpoint", default="", help="Optional judge model's base URL.")
    run.add_argument("--judge-model", default="")
    run.add_argument("--quiet", action="store_true", help="No progress on stderr.")
    run.set_defaults(handler=run_probe, needs_django=False)


def run(args: argparse.Namespace) -> int:
    return int(args.handler(args))


def _languages(text: str) -> list[str]:
    languages = [lang.strip() for lang in text.split(",") if lang.strip()]
    if len(languages) < 2 or len(set(languages)) != len(languages):
        raise SuiteError("give at least two different languages, the reference first (e.g. en,sw)")
    return languages


class _MemoryStore:
    def __init__(self) -> None:
        self.records: dict[str, object] = {}

    def done_ids(self) -> set[str]:
        return set(self.records)

    def save(self, record: object) -> bool:
        key = record.probe_id  # type: ignore[attr-defined]
        if key in self.records:
            return False
        self.records[key] = record
        return True


def run_probe(args: argparse.Namespace) -> int:
    try:
        suite = load_suite(args.suite)
        languages = _languages(args.languages)
        probes = suite.probes_for(languages)
        if args.concurrency < 1 or args.rpm < 0 or args.min_n < 1:
            raise SuiteError("--concurrency and --min-n must be at least 1, --rpm not negative")
        header = {
            "suite": suite.id,
            "version": suite.version,
            "model": args.model,
            "languages": languages,
        }
        store = Journal(args.resume, header) if args.resume else _MemoryStore()
    except (SuiteError, ValueError, OSError) as exc:
        print(f"rightslens probe: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    settings = EndpointSettings(args.endpoint, args.model, os.environ.get(args.api_key_env, ""))
    options = RunOptions(
        concurrency=args.concurrency, requests_per_minute=args.rpm, retries=args.retries
    )
    judge = None
    if args.judge_endpoint:
        judge_settings = EndpointSettings(
            args.judge_endpoint, args.judge_model or args.model, settings.api_key
        )
        judge = endpoint_judge(judge_settings, options)
    progress = Progress(total=len(probes), price_in=args.price_in, price_out=args.price_out)
    if isinstance(store, Journal):  # a resumed run reports the tokens and cost of the whole run
        for earlier in store.records():
            progress.prompt_tokens += earlier.prompt_tokens
            progress.completion_tokens += earlier.completion_tokens
    report = (
        (lambda p: None) if args.quiet else (lambda p: print(p.line(), file=sys.stderr, flush=True))
    )
    try:
        run_probes(
            probes,
            settings=settings,
            store=store,
            classifier=Classifier(default_encoder()),
            harmful=suite.harmful,
            options=options,
            judge=judge,
            progress=progress,
            on_progress=report,
        )
    except EndpointError as exc:
        print(f"rightslens probe: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for error in progress.errors[:10]:
        print(f"rightslens probe: failed {error}", file=sys.stderr)
    records = store.records() if isinstance(store, Journal) else list(store.records.values())
    summary = summarise(
        records,  # type: ignore[arg-type]
        suite=suite.id,
        harmful=suite.harmful,
        languages=languages,
        settings=Settings(min_n=args.min_n, min_gap=args.min_gap),
    )
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"{suite.title} (v{suite.version}), reference {languages[0]}")
        print("\n".join(chart_text(summary)))
    return 1 if progress.failed else 0
