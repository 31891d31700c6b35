"""A fake OpenAI-compatible chat endpoint for tests and benchmarks (stdlib http.server, 127.0.0.1,
random port). It recognises each probe of the shipped suites and behaves differently by language,
in ways the tests know in advance:

- en: refuses harmful requests, answers legitimate ones;
- sw: COMPLIES with harmful requests (the English-only safety gap), answers legitimate ones;
- yo: answers every prompt in English (non-engagement);
- ha: refuses everything, legitimate requests included (over-blocking);
- every other language: refuses harmful requests and answers legitimate ones in its own language.

It never produces harmful content: "compliance" is a placeholder sentence that engages. It can also
answer 429 with Retry-After on every k-th request, fail with 500 now and then, and count requests.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from rightslens.core.probes.suites import load_suite, suite_ids

REFUSE = {
    "en": "I'm sorry, but I can't help with that request.",
    "fr": "Je suis désolé, mais je ne peux pas vous aider avec cette demande.",
    "es": "Lo siento, pero no puedo ayudarte con esa solicitud.",
    "ar": "عذرًا، لا أستطيع المساعدة في هذا الطلب.",
    "id": "Maaf, saya tidak dapat membantu dengan permintaan ini.",
    "sw": "Samahani, siwezi kukusaidia na ombi hili.",
    "yo": "Ẹ má bínú, mi ò lè ràn yín lọ́wọ́ lórí èyí.",
    "ha": "Yi hakuri, ba zan iya taimaka maka da wannan ba.",
    "am": "ይቅርታ፣ በዚህ ጥያቄ ልረዳህ አልችልም።",
    "bn": "দুঃখিত, আমি এই অনুরোধে সাহায্য করতে পারব না।",
}

ANSWER = {
    "en": "Sure, here is an answer to the question. First it is useful to understand the main "
    "points, and then to go through each of them in order with the details that matter for you.",
    "fr": "Bien sûr, voici une réponse à la question. Il est utile de comprendre les points "
    "principaux et de les reprendre un par un dans l'ordre, avec les détails qui comptent pour vous.",
    "es": "Claro, aquí tienes una respuesta a la pregunta. Es útil entender los puntos principales "
    "y repasarlos uno por uno en el orden que se indica, con los detalles que son importantes para ti.",
    "ar": "بالتأكيد، إليك إجابة عن السؤال. من المفيد أولاً فهم النقاط الرئيسية ثم مراجعتها واحدة تلو الأخرى.",
    "id": "Tentu, ini adalah jawaban untuk pertanyaan anda. Pertama, penting untuk memahami hal yang "
    "utama, dan kemudian membahas satu per satu dengan rincian yang penting untuk anda.",
    "sw": "Sawa, hili ni jibu kwa ombi lako. Kwanza ni muhimu kuelewa mambo ya msingi, na kisha "
    "kufuata kila hatua kwa mpangilio katika hali hii.",
    "ha": "To, ga amsa ga tambayarka. Da farko yana da kyau a fahimci muhimman abubuwa, kuma a bi su "
    "daya bayan daya a cikin tsari da ya dace da kai.",
    "am": "እሺ፣ ለጥያቄህ መልስ ይኸውልህ። በመጀመሪያ ዋና ዋና ነጥቦችን መረዳት ጠቃሚ ነው፤ ከዚያም አንድ በአንድ በቅደም ተከተል ማየት ነው።",
    "bn": "অবশ্যই, এখানে প্রশ্নের একটি উত্তর দেওয়া হলো। প্রথমে মূল বিষয়গুলো বোঝা দরকার, তারপর একে একে সেগুলো দেখা যাক।",
}


def expected_behaviour(language: str, harmful: bool) -> str:
    """'refuse', 'answer' or 'english' for a probe of this language and suite kind."""
    if language == "yo":
        return "english"
    if language == "ha":
        return "refuse"
    if language == "sw":
        return "answer"
    return "refuse" if harmful else "answer"


def _probe_index() -> dict[str, tuple[str, bool]]:
    index: dict[str, tuple[str, bool]] = {}
    for suite_id in suite_ids():
        suite = load_suite(suite_id)
        for probe in suite.probes:
            index[probe.text] = (probe.language, suite.harmful)
    return index


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client killed mid-request (the kill -9 benchmark) is expected, not an error."""


class FakeEndpoint:
    def __init__(
        self,
        *,
        throttle_every: int = 0,
        fail_every: int = 0,
        retry_after: str = "0",
        flaky: bool = False,
        delay: float = 0.0,
        judge_label: str = "",
    ):
        """flaky: every prompt's first request gets 429, its second 500, its third succeeds."""
        self.throttle_every, self.fail_every = throttle_every, fail_every
        self.retry_after, self.flaky = retry_after, flaky
        self.attempts: Counter[str] = Counter()
        self.delay = delay
        self.judge_label = judge_label  # answer judge prompts with this label
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self._lock = threading.Lock()
        self._count = 0
        self.index = _probe_index()
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeEndpoint:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, prompt: str) -> str:
        if self.judge_label and prompt.startswith("The user's message is"):
            return self.judge_label
        language, harmful = self.index.get(prompt, ("en", False))
        behaviour = expected_behaviour(language, harmful)
        if behaviour == "english":
            return ANSWER["en"]
        if behaviour == "refuse":
            return REFUSE[language]
        return ANSWER[language]

    def _status_for_next(self, prompt: str) -> int:
        with self._lock:
            self._count += 1
            count = self._count
            self.attempts[prompt] += 1
            attempt = self.attempts[prompt]
        if self.flaky and attempt <= 2:
            return 429 if attempt == 1 else 500
        if self.throttle_every and count % self.throttle_every == 0:
            return 429
        if self.fail_every and count % self.fail_every == 0:
            return 500
        return 200

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                with fake._lock:
                    stats = {
                        "requests": sum(fake.requests.values()),
                        "distinct": len(fake.requests),
                    }
                self._send(200 if self.path == "/stats" else 404, stats)

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                if fake.delay:
                    time.sleep(fake.delay)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                prompt = (body.get("messages") or [{}])[-1].get("content", "")
                status = fake._status_for_next(prompt)
                with fake._lock:
                    fake.statuses[status] += 1
                if status != 200 or self.path != "/v1/chat/completions":
                    self._send(404 if status == 200 else status, {"error": "no"})
                    return
                with fake._lock:
                    fake.requests[prompt] += 1
                text = fake.answer(prompt)
                self._send(
                    200,
                    {
                        "choices": [{"message": {"role": "assistant", "content": text}}],
                        "usage": {
                            "prompt_tokens": len(prompt.split()),
                            "completion_tokens": len(text.split()),
                        },
                    },
                )

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if status == 429:
                    self.send_header("Retry-After", fake.retry_after)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def serve_forever() -> None:
    """For benchmarks in another process: prints the URL, serves until killed."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    with FakeEndpoint(delay=args.delay) as fake:
        print(fake.url, flush=True)
        fake.thread.join()


if __name__ == "__main__":
    serve_forever()
