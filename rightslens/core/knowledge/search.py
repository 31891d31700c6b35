"""Offline full-text search over knowledge items: every search word must appear; title hits rank first."""

from __future__ import annotations

import re
import unicodedata
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


def fold(text: str) -> str:
    """`text` in lower case without accents, one character for one ("Sécurité" -> "securite"), so
    a position found in the folded text is the same position in the text."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    base = [c for c in unicodedata.normalize("NFKD", char.lower()) if not unicodedata.combining(c)]
    return base[0] if len(base) == 1 else char


def _score(item: Item, words: list[str], phrase: str, language: str | None) -> Hit | None:
    title = fold(f"{item.title} {item.title_in(language)} {item.id}")
    body = fold(" ".join([item.text(), *item.sentences_in(language)]))
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
    """Items matching every word of `query`, best first (title matches before text matches). With
    a `language`, the item's title and text in that language count as well as the English."""
    words = [fold(w) for w in search_words(query)]
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
    lowered = fold(text)
    positions = [p for w in search_words(query) if (p := lowered.find(fold(w))) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    if start:
        start = text.find(" ", start) + 1 or start  # begin on a whole word
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def marked(text: str, query: str) -> list[tuple[str, bool]]:
    """`text` in pieces, each True where it is one of the search words (in any case, with or
    without accents), so a page can highlight them; [(text, False)] when none is in it."""
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for word in {fold(w) for w in search_words(query)}:
        start = folded.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:  # overlaps the previous word: extend it
            if end > at:
                pieces[-1] = (pieces[-1][0] + text[at:end], True)
                at = end
            continue
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces
