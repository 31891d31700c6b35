"""Probes per second against the local fake endpoint (run in its own process), end to end:
HTTP, classification (rules + semantic layer) and a JSONL journal with one fsync per result.

    .venv/bin/python benchmarks/probe_bench.py [--concurrency 16] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rightslens.core.probes.classify import Classifier  # noqa: E402
from rightslens.core.probes.endpoint import EndpointSettings  # noqa: E402
from rightslens.core.probes.runner import Journal, RunOptions, run_probes  # noqa: E402
from rightslens.core.probes.suites import load_suite  # noqa: E402
from rightslens.core.semantic import default_encoder  # noqa: E402


def start_fake(delay: float = 0.0) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "tests.probes.fake_endpoint", "--delay", str(delay)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    fake, url = start_fake()
    figures = {}
    try:
        classifier = Classifier(default_encoder())
        for suite_id in ("harmful-requests", "legitimate-requests"):
            suite = load_suite(suite_id)
            languages = sorted(suite.languages)
            with tempfile.TemporaryDirectory() as tmp:
                journal = Journal(Path(tmp) / "j.jsonl", {"suite": suite_id})
                started = time.perf_counter()
                progress = run_probes(
                    suite.probes_for(languages),
                    settings=EndpointSettings(url, "fake"),
                    store=journal,
                    classifier=classifier,
                    harmful=suite.harmful,
                    options=RunOptions(concurrency=args.concurrency),
                )
                seconds = time.perf_counter() - started
            figures[suite_id] = {
                "probes": progress.done,
                "failed": progress.failed,
                "seconds": round(seconds, 2),
                "probes_per_second": round(progress.done / seconds, 1),
            }
    finally:
        fake.kill()
    if args.json:
        print(json.dumps({"concurrency": args.concurrency, "suites": figures}, indent=2))
    else:
        for suite_id, f in figures.items():
            print(
                f"{suite_id}: {f['probes']} probes in {f['seconds']} s = {f['probes_per_second']}/s "
                f"(concurrency {args.concurrency}, {f['failed']} failed)"
            )


if __name__ == "__main__":
    main()
