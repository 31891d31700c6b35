"""Offline full-text search over knowledge items: every search word must appear; title hits rank first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Item, KnowledgeBase

_WORD = re.compile(r"[\w'-]+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    item: Item
    score: int
    in_title: bool


def search_words(query: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(query) if len(w) > 1 or w.isdigit()]


def _score(item: Item, words: list[str], phrase: str, language: str | None) -> Hit | None:
    title = f"{item.title} {item.id}"
    body = item.text()
    if language and item.translations:
        # A reader searches in their own language: the item's translated text counts too.
        title = f"{title} {item.title_in(language)}"
        body = f"{body} {item.text_in_language(language)}"
    title, body = title.lower(), body.lower()
    if not all(w in title or w in body for w in words):
        return None
    title_hits = sum(1 for w in words if w in title)
    score = 100 * title_hits + sum(body.count(w) for w in words)
    if phrase in title:
        score += 1000
    return Hit(item=item, score=score, in_title=title_hits > 0)


def search(
    kb: KnowledgeBase, query: str, *, limit: int = 100, language: str | None = None
) -> list[Hit]:
    """Items matching every word of `query`, best first (title matches before text matches).
    With `language`, an item's text translated into it is searched as well as the English."""
    words = search_words(query)
    if not words:
        return []
    phrase = " ".join(words)
    hits = [
        hit
        for item in kb.items.values()
        if (hit := _score(item, words, phrase, language)) is not None
    ]
    hits.sort(key=lambda h: (-h.score, h.item.title.lower(), h.item.id))
    return hits[:limit]


def snippet(text: str, query: str, *, width: int = 160) -> str:
    """A window of `text` around the first search word found, with ellipses where cut."""
    lowered = text.lower()
    positions = [p for w in search_words(query) if (p := lowered.find(w)) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    if start:
        start = text.find(" ", start) + 1 or start  # begin on a whole word
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
