"""A short quoted excerpt from a provider's document for FRIA item (d): the passage that speaks
of risks, limits or harms, else its opening. Pure text handling, no file formats."""

from __future__ import annotations

import re

RISK_WORDS = re.compile(
    r"\b(risks?|harms?|bias(?:ed)?|discriminat\w*|limitations?|errors?|inaccura\w*|"
    r"misuse|fail\w*|unsafe|false (?:positives?|negatives?))\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
MAX_CHARS = 400


def _sentences(text: str) -> list[str]:
    flat = re.sub(r"[ \t\f]+", " ", text)
    return [s.strip() for s in _SENTENCE.findall(flat) if len(s.strip()) > 3]


def risk_excerpt(text: str, limit: int = MAX_CHARS) -> str:
    """Sentences about risk, in document order, up to `limit` characters; '' for empty text."""
    sentences = _sentences(text)
    chosen = [s for s in sentences if RISK_WORDS.search(s)] or sentences[:2]
    out: list[str] = []
    for sentence in chosen:
        if out and len(" ".join([*out, sentence])) > limit:
            break
        out.append(sentence)
    excerpt = " ".join(out)
    return excerpt if len(excerpt) <= limit else excerpt[: limit - 1].rstrip() + "…"
