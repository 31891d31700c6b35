"""Optional: an OpenAI-compatible model (the policy checker's endpoint setting) reviews a screen.

The offline method is the default and the fallback. The model may propose red lines or impact
categories the offline reading missed, but a proposal is kept only if it quotes a span that exists
in the description (compared without case, accents or extra spaces) and names an id the library
knows. Anything else, and any failure, leaves the offline result as it was.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rightslens.core.textcues import words

METHOD_SUFFIX = "+llm-reviewed"


class ModelUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Claim:
    """A model's claim that `ref` applies, pointing at `quote` in the description."""

    ref: str
    quote: str


def _prompt(text: str, choices: Mapping[str, str], task: str) -> str:
    lines = [
        task,
        "Only name ids from this list, and for each quote the exact words of the description",
        'that show it. Answer with JSON only: [{"id": "...", "quote": "..."}]. Answer [] if none.',
        *(f"{ref}: {title}" for ref, title in choices.items()),
        "Description:",
        text,
    ]
    return "\n".join(lines)


def ask(text: str, choices: Mapping[str, str], task: str, endpoint: str, model: str) -> list[Claim]:
    """The model's claims, unverified; raises ModelUnavailable on any failure."""
    url = endpoint.rstrip("/") + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        raise ModelUnavailable("the endpoint must be an http(s) URL")
    body = json.dumps(
        {
            "model": model or "default",
            "temperature": 0,
            "messages": [{"role": "user", "content": _prompt(text, choices, task)}],
        }
    ).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (scheme checked)
            content = json.loads(response.read())["choices"][0]["message"]["content"]
        raw = json.loads(content[content.index("[") : content.rindex("]") + 1])
        return [Claim(str(c["id"]), str(c["quote"])) for c in raw if isinstance(c, dict)]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ModelUnavailable(str(exc)) from exc


def verified(claims: Sequence[Claim], text: str, known: Sequence[str]) -> list[Claim]:
    """Only claims naming a known id and quoting words that are really in the text."""
    haystack = " " + " ".join(words(text)) + " "
    kept: list[Claim] = []
    for claim in claims:
        quoted = " ".join(words(claim.quote))
        if claim.ref in known and len(quoted) >= 8 and f" {quoted} " in haystack:
            kept.append(claim)
    return kept
