"""Run a suite's probes against an endpoint with bounded concurrency, storing each result as it
arrives. The store decides what is already done (a JSONL journal for the CLI, database rows for the
app): a resumed run sends only the probes without a stored result, and a result is stored at most
once per (run, probe).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .classify import Classifier, Judge, classify_with_judge
from .endpoint import EndpointError, EndpointSettings, RateLimiter, chat
from .suites import Probe


@dataclass(frozen=True)
class ProbeRecord:
    probe_id: str
    language: str
    category: str
    group: str
    outcome: str
    reason: str
    answer_language: str
    prompt_tokens: int
    completion_tokens: int
    answer: str = ""


@dataclass
class Progress:
    total: int
    done: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    price_in: float = 0.0  # per 1,000 prompt tokens
    price_out: float = 0.0  # per 1,000 completion tokens
    errors: list[str] = field(default_factory=list)

    @property
    def cost(self) -> float:
        return (self.prompt_tokens * self.price_in + self.completion_tokens * self.price_out) / 1000

    def add(self, record: ProbeRecord) -> None:
        self.done += 1
        self.prompt_tokens += record.prompt_tokens
        self.completion_tokens += record.completion_tokens

    def line(self) -> str:
        return (
            f"{self.done}/{self.total} probes, {self.failed} failed, "
            f"tokens {self.prompt_tokens} in / {self.completion_tokens} out, cost {self.cost:.4f}"
        )


class ResultStore(Protocol):
    def done_ids(self) -> set[str]: ...

    def save(self, record: ProbeRecord) -> bool:
        """Store the record; False if this probe already has one (nothing is written then)."""
        ...


class Journal:
    """Append-only JSONL: a header line with the run's identity, then one line per result.

    A crash can leave a torn last line; it is ignored on reading and its probe is sent again.
    """

    def __init__(self, path: Path, header: dict[str, Any]) -> None:
        self.path = path
        self.header = header
        self._lock = threading.Lock()
        self._records: dict[str, ProbeRecord] = {}
        if path.exists() and path.stat().st_size:
            self._read()
        else:
            self._append(json.dumps({"header": header}, ensure_ascii=False))

    def _read(self) -> None:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        first = json.loads(lines[0]).get("header") if lines else None
        if first != self.header:
            raise ValueError(
                f"{self.path} belongs to another run ({first}); use a new file or the same options"
            )
        for line in lines[1:]:
            try:
                record = ProbeRecord(**json.loads(line))
            except (json.JSONDecodeError, TypeError):
                continue
            self._records.setdefault(record.probe_id, record)
        if not self.path.read_bytes().endswith(b"\n"):
            self._append("")  # end the torn line so the next record starts on its own line

    def _append(self, line: str) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def done_ids(self) -> set[str]:
        with self._lock:
            return set(self._records)

    def records(self) -> list[ProbeRecord]:
        with self._lock:
            return list(self._records.values())

    def save(self, record: ProbeRecord) -> bool:
        with self._lock:
            if record.probe_id in self._records:
                return False
            self._append(json.dumps(asdict(record), ensure_ascii=False))
            self._records[record.probe_id] = record
            return True


@dataclass(frozen=True)
class RunOptions:
    concurrency: int = 8
    requests_per_minute: float = 0
    retries: int = 4
    backoff: float = 0.5
    keep_answers: bool = False


def _one(
    probe: Probe,
    settings: EndpointSettings,
    limiter: RateLimiter,
    classifier: Classifier,
    judge: Judge | None,
    harmful: bool,
    options: RunOptions,
) -> ProbeRecord:
    reply = chat(settings, probe.text, limiter, retries=options.retries, backoff=options.backoff)
    result = classify_with_judge(
        classifier,
        judge,
        prompt=probe.text,
        answer=reply.text,
        language=probe.language,
        harmful=harmful,
    )
    return ProbeRecord(
        probe_id=probe.id,
        language=probe.language,
        category=probe.category,
        group=probe.group,
        outcome=result.outcome.value,
        reason=result.reason,
        answer_language=result.answer_language,
        prompt_tokens=reply.prompt_tokens,
        completion_tokens=reply.completion_tokens,
        answer=reply.text if options.keep_answers else "",
    )


def run_probes(
    probes: Iterable[Probe],
    *,
    settings: EndpointSettings,
    store: ResultStore,
    classifier: Classifier,
    harmful: bool,
    options: RunOptions = RunOptions(),
    judge: Judge | None = None,
    progress: Progress | None = None,
    on_progress: Callable[[Progress], None] = lambda p: None,
) -> Progress:
    """Send every probe without a stored result; returns the final progress (failures listed)."""
    done = store.done_ids()
    todo = [p for p in probes if p.id not in done]
    progress = progress or Progress(total=len(todo) + len(done))
    progress.done = len(done)
    limiter = RateLimiter(options.requests_per_minute)
    last_report = 0.0

    def work(probe: Probe) -> ProbeRecord | str:
        try:
            return _one(probe, settings, limiter, classifier, judge, harmful, options)
        except EndpointError as exc:
            return f"{probe.id}: {exc}"

    # Workers only talk to the endpoint; every result is stored here, in the calling thread, as
    # soon as it arrives (database connections and the journal's file stay in one thread).
    with ThreadPoolExecutor(max_workers=max(1, options.concurrency)) as pool:
        for future in as_completed([pool.submit(work, probe) for probe in todo]):
            outcome = future.result()
            if isinstance(outcome, str):
                progress.failed += 1
                progress.errors.append(outcome)
            elif store.save(outcome):
                progress.add(outcome)
            if time.monotonic() - last_report > 0.5:
                last_report = time.monotonic()
                on_progress(progress)
    on_progress(progress)
    return progress


def endpoint_judge(settings: EndpointSettings, options: RunOptions = RunOptions()) -> Judge:
    """A judge model behind an OpenAI-compatible endpoint; None (rules decide) when it fails."""
    from .classify import judge_prompt, parse_judge_label

    limiter = RateLimiter(options.requests_per_minute)

    def judge(prompt: str, answer: str, kind: str) -> Any:
        try:
            reply = chat(settings, judge_prompt(prompt, answer, kind == "harmful"), limiter)
        except EndpointError:
            return None
        return parse_judge_label(reply.text)

    return judge
