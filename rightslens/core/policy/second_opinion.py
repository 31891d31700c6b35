"""Optional: a second opinion per criterion from an OpenAI-compatible model endpoint.

The model's status is shown beside the rules' status, never in place of it. Every quote the model
gives is looked up in the instrument's text (whitespace collapsed on both sides); a quote that is
not found is dropped and counted, so a reader only ever sees words the instrument contains.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .criteria import Criterion

STATUSES = ("addressed", "partial", "absent", "contrary")
PROMPT_CHARS = 60000
_SPACE = re.compile(r"\s+")


class SecondOpinionUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SecondOpinion:
    status: str
    quotes: tuple[Quote, ...]
    dropped_quotes: int  # quotes the model gave that are not in the text
    reason: str


def _collapsed_index(text: str) -> tuple[str, list[int]]:
    """The text with whitespace runs collapsed, and for each kept character its raw offset."""
    chars: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for offset, char in enumerate(text):
        space = char.isspace()
        if space and previous_space:
            continue
        chars.append(" " if space else char)
        offsets.append(offset)
        previous_space = space
    return "".join(chars), offsets


def locate(text: str, quote: str) -> Quote | None:
    """Where a quote sits in the raw text (whitespace-insensitive), or None when it is not there."""
    wanted = _SPACE.sub(" ", quote).strip()
    if len(wanted) < 8:
        return None
    collapsed, offsets = _collapsed_index(text)
    at = collapsed.find(wanted)
    if at < 0:
        return None
    start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
    return Quote(text[start:end], start, end)


def verify(text: str, proposed: dict[str, object]) -> dict[str, SecondOpinion]:
    """Keep well-formed opinions; keep only the quotes found in the text."""
    result = {}
    for code, raw in proposed.items():
        if not isinstance(raw, dict) or str(raw.get("status", "")).lower() not in STATUSES:
            continue
        quotes_raw = raw.get("quotes") or []
        quotes_list = [str(q) for q in quotes_raw] if isinstance(quotes_raw, list) else []
        found = [q for q in (locate(text, quote) for quote in quotes_list) if q is not None]
        status = str(raw["status"]).lower()
        reason = str(raw.get("reason", ""))[:600]
        if status == "contrary" and not found:
            # 'contrary' stands only on a quoted carve-out, and the quote must be in the text.
            status = "partial"
            reason = f"(contrary set aside: no quoted carve-out found in the text) {reason}"[:600]
        result[code] = SecondOpinion(
            status=status,
            quotes=tuple(found),
            dropped_quotes=len(quotes_list) - len(found),
            reason=reason,
        )
    return result


def prompt(text: str, criteria: Sequence[Criterion]) -> str:
    lines = [
        "You review a law or policy against criteria derived from the UN Guiding Principles on",
        "Business and Human Rights. For each criterion give a status (addressed, partial, absent,",
        "contrary), up to two verbatim quotes from the text, and one sentence of reason.",
        "'contrary' needs a quoted carve-out that removes protection wholesale.",
        'Answer with JSON only: {"C1": {"status": "...", "quotes": ["..."], "reason": "..."}, ...}',
        "",
    ]
    lines += [f"{c.code}: {c.title}. {c.summary}" for c in criteria]
    lines += ["", "TEXT:", text[:PROMPT_CHARS]]
    return "\n".join(lines)


Transport = Callable[[str, bytes, float], bytes]


def _post(url: str, body: bytes, timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
        return bytes(response.read())


def ask(
    text: str,
    criteria: Sequence[Criterion],
    endpoint: str,
    model: str,
    timeout: float = 60.0,
    transport: Transport = _post,
) -> dict[str, SecondOpinion]:
    """The model's opinion per criterion code; raises SecondOpinionUnavailable on any failure."""
    url = endpoint.rstrip("/") + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        raise SecondOpinionUnavailable("the endpoint must be an http(s) URL")
    body = json.dumps(
        {
            "model": model or "default",
            "temperature": 0,
            "messages": [{"role": "user", "content": prompt(text, criteria)}],
        }
    ).encode()
    try:
        content = json.loads(transport(url, body, timeout))["choices"][0]["message"]["content"]
        proposed = json.loads(content[content.index("{") : content.rindex("}") + 1])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise SecondOpinionUnavailable(str(exc)) from exc
    if not isinstance(proposed, dict):
        raise SecondOpinionUnavailable("the model did not answer with an object")
    return verify(text, proposed)
