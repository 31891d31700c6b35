"""A probe run killed with SIGKILL mid-way and resumed loses nothing and duplicates nothing.

Starts the fake endpoint (with a small delay per answer) in its own process, starts
`rightslens probe run --resume JOURNAL`, kills it with kill -9 once some results are journaled,
resumes with the same command, then checks the journal: every probe exactly once, the resumed
run's JSON equal to a clean run's, and how many requests the endpoint received in all.

    .venv/bin/python benchmarks/probe_kill_resume.py
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.probe_bench import start_fake  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = "en,sw,yo,ha,am,bn,id,fr,es,ar"


def command(url: str, journal: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "rightslens.cli",
        "probe",
        "run",
        "--endpoint",
        url,
        "--model",
        "fake",
        "--suite",
        "harmful-requests",
        "--languages",
        LANGUAGES,
        "--format",
        "json",
        "--concurrency",
        "4",
        "--quiet",
        "--resume",
        str(journal),
    ]


def journaled(journal: Path) -> list[str]:
    if not journal.exists():
        return []
    lines = journal.read_text(encoding="utf-8").splitlines()[1:]
    return [json.loads(line)["probe_id"] for line in lines if line.endswith("}")]


def main() -> int:
    fake, url = start_fake(delay=0.02)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            journal = Path(tmp) / "run.jsonl"
            first = subprocess.Popen(command(url, journal), cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603
            while len(journaled(journal)) < 100 and first.poll() is None:
                time.sleep(0.01)
            os.kill(first.pid, signal.SIGKILL)
            first.wait()
            before = len(journaled(journal))
            resumed = subprocess.run(  # noqa: S603 (our own interpreter and module)
                command(url, journal), cwd=ROOT, capture_output=True, text=True
            )
            ids = journaled(journal)
            clean = subprocess.run(  # noqa: S603 (our own interpreter and module)
                command(url, Path(tmp) / "clean.jsonl"), cwd=ROOT, capture_output=True, text=True
            )
            with urllib.request.urlopen(url.removesuffix("/v1") + "/stats") as response:  # noqa: S310
                stats = json.loads(response.read())
    finally:
        fake.kill()
    report = {
        "killed_after_results": before,
        "results_after_resume": len(ids),
        "distinct_results": len(set(ids)),
        "duplicates": len(ids) - len(set(ids)),
        "resumed_summary_equals_clean_run": json.loads(resumed.stdout) == json.loads(clean.stdout),
        "endpoint_requests_total_for_both_runs_of_the_killed_journal": stats["requests"] - 300,
    }
    print(json.dumps(report, indent=2))
    ok = (
        report["duplicates"] == 0
        and report["distinct_results"] == 300
        and report["resumed_summary_equals_clean_run"]
    )
    print("OK: nothing lost, nothing duplicated" if ok else "FAILED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
