"""Optional: ask an OpenAI-compatible endpoint to rewrite the offline explanations more fluently.

Never required. Statuses and evidence always come from the offline rules; only the wording of the
explanations may change, and only when every rewritten explanation still names the same status.
Any failure leaves the offline explanations untouched.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Mapping, Sequence

METHOD_SUFFIX = "+llm-explanations"


class LlmUnavailable(RuntimeError):
    pass


def _prompt(findings: Sequence[Mapping[str, object]]) -> str:
    lines = [
        "Rewrite each explanation below in one or two plain sentences a lawyer would accept.",
        "Keep the status word first, keep every article reference, add no new facts.",
        'Answer with JSON only: {"C1": "...", ...}.',
    ]
    for f in findings:
        lines.append(f"{f['id']} [{f['status']}]: {f['explanation']}")
    return "\n".join(lines)


def refine_explanations(
    findings: Sequence[Mapping[str, object]], endpoint: str, model: str, timeout: float = 30.0
) -> dict[str, str]:
    """New explanation per criterion id; raises LlmUnavailable on any failure."""
    body = json.dumps(
        {
            "model": model or "default",
            "temperature": 0,
            "messages": [{"role": "user", "content": _prompt(findings)}],
        }
    ).encode()
    url = endpoint.rstrip("/") + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        raise LlmUnavailable("the endpoint must be an http(s) URL")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
            content = json.loads(response.read())["choices"][0]["message"]["content"]
        proposed = json.loads(content[content.index("{") : content.rindex("}") + 1])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise LlmUnavailable(str(exc)) from exc
    statuses = {str(f["id"]): str(f["status"]) for f in findings}
    return {
        code: str(text)
        for code, text in proposed.items()
        if code in statuses and str(text).lower().startswith(statuses[code])
    }
