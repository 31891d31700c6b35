import json
import subprocess
import sys

import pytest

from rightslens.core.probes.classify import Classifier
from rightslens.core.probes.endpoint import EndpointSettings, RateLimiter
from rightslens.core.probes.runner import Journal, ProbeRecord, RunOptions, run_probes
from rightslens.core.probes.suites import load_suite
from rightslens.core.semantic import HashingEncoder

from .fake_endpoint import FakeEndpoint

HEADER = {"suite": "harmful-requests", "version": 1, "model": "fake", "languages": ["en", "sw"]}


def _run(fake, store, languages=("en", "sw"), **options):
    suite = load_suite("harmful-requests")
    return run_probes(
        suite.probes_for(list(languages)),
        settings=EndpointSettings(fake.url, "fake"),
        store=store,
        classifier=Classifier(HashingEncoder()),
        harmful=True,
        options=RunOptions(concurrency=4, backoff=0.01, **options),
    )


def test_it_honours_429_retry_after_and_retries_500s_losing_nothing(tmp_path):
    journal = Journal(tmp_path / "run.jsonl", HEADER)
    with FakeEndpoint(flaky=True) as fake:
        progress = _run(fake, journal)
    assert fake.statuses == {429: 60, 500: 60, 200: 60}
    assert progress.failed == 0 and progress.done == 60
    assert len(journal.records()) == 60
    assert progress.prompt_tokens > 0 and progress.completion_tokens > 0


def test_a_resumed_run_sends_only_what_is_missing_and_never_duplicates(tmp_path):
    path = tmp_path / "run.jsonl"
    with FakeEndpoint() as fake:
        _run(fake, Journal(path, HEADER))
    lines = path.read_text().splitlines()
    # simulate a crash: drop the last 10 results and tear the last kept line
    path.write_text("\n".join(lines[:-10])[:-5])
    with FakeEndpoint() as fake:
        journal = Journal(path, HEADER)
        _run(fake, journal)
    assert sum(fake.requests.values()) == 11  # ten lost + one torn
    ids = [
        json.loads(line)["probe_id"]
        for line in path.read_text().splitlines()[1:]
        if line.endswith("}")
    ]
    assert len(ids) == len(set(ids)) == 60


def test_a_journal_of_another_run_is_refused(tmp_path):
    path = tmp_path / "run.jsonl"
    Journal(path, HEADER)
    with pytest.raises(ValueError, match="another run"):
        Journal(path, {**HEADER, "model": "other"})


def test_saving_the_same_probe_twice_writes_once(tmp_path):
    journal = Journal(tmp_path / "j.jsonl", HEADER)
    record = ProbeRecord("en-x-01", "en", "x", "g", "refusal", "", "en", 1, 1)
    assert journal.save(record) and not journal.save(record)
    assert len((tmp_path / "j.jsonl").read_text().splitlines()) == 2


def test_the_rate_limiter_spaces_requests_per_minute():
    now = [0.0]
    slept = []
    limiter = RateLimiter(120, clock=lambda: now[0], sleep=lambda s: slept.append(s))
    for _ in range(3):
        limiter.wait()
    assert slept == [0.5, 1.0]
    limiter.pause(10)
    limiter.wait()
    assert slept[-1] == pytest.approx(10)


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "rightslens.cli", "probe", "run", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_prints_the_json_object_with_the_known_gaps(tmp_path):
    journal = tmp_path / "j.jsonl"
    with FakeEndpoint() as fake:
        args = [
            "--endpoint",
            fake.url,
            "--model",
            "fake",
            "--suite",
            "harmful-requests",
            "--languages",
            "en,sw,yo,fr",
            "--format",
            "json",
            "--resume",
            str(journal),
        ]
        result = _cli(*args)
        again = _cli(*args)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["reference"] == "en" and summary["suite"] == "harmful-requests"
    languages = summary["languages"]
    assert set(languages["sw"]) == {"n", "outcomes", "refusal_rate", "gap", "verdict"}
    assert languages["sw"]["outcomes"]["harmful_compliance"] == 30
    assert languages["sw"]["verdict"] == "left_behind"
    assert languages["yo"]["outcomes"]["non_engagement"] == 30
    assert languages["fr"]["verdict"] == "comparable"
    assert languages["sw"]["refusal_rate"]["high"] < languages["en"]["refusal_rate"]["low"]
    assert "120/120 probes" in result.stderr
    # the second run resumed from the journal: no request sent, same figures
    assert sum(fake.requests.values()) == 120
    assert json.loads(again.stdout) == summary


def test_cli_over_blocking_in_hausa_is_left_behind():
    with FakeEndpoint() as fake:
        result = _cli(
            "--endpoint",
            fake.url,
            "--model",
            "fake",
            "--suite",
            "legitimate-requests",
            "--languages",
            "en,ha,id",
            "--format",
            "json",
            "--quiet",
        )
    languages = json.loads(result.stdout)["languages"]
    assert (
        languages["ha"]["verdict"] == "left_behind" and languages["ha"]["gap"]["difference"] == 1.0
    )
    assert languages["id"]["verdict"] == "comparable"


def test_cli_rejects_bad_input_without_sending_anything():
    with FakeEndpoint() as fake:
        result = _cli(
            "--endpoint", fake.url, "--model", "m", "--suite", "nope", "--languages", "en,sw"
        )
        too_few = _cli(
            "--endpoint",
            fake.url,
            "--model",
            "m",
            "--suite",
            "harmful-requests",
            "--languages",
            "en",
        )
    assert result.returncode == 2 and "unknown suite 'nope'" in result.stderr
    assert too_few.returncode == 2 and "at least two" in too_few.stderr
    assert not fake.requests


def test_cli_uses_the_judge_model_when_one_is_configured():
    with FakeEndpoint() as fake, FakeEndpoint(judge_label="Refusal") as judge:
        result = _cli(
            "--endpoint",
            fake.url,
            "--model",
            "fake",
            "--suite",
            "harmful-requests",
            "--languages",
            "en,sw",
            "--format",
            "json",
            "--quiet",
            "--judge-endpoint",
            judge.url,
            "--judge-model",
            "judge",
        )
    languages = json.loads(result.stdout)["languages"]
    assert languages["sw"]["outcomes"]["refusal"] == 30  # the judge overruled the rules
    assert sum(judge.requests.values()) == 60
