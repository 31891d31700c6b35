"""Sentences with their wording strength, and the signal phrases found in them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .criteria import Signal
from .lexicon import Modality, modality_of, releases
from .provisions import Provision, Span, sentences
from .text import normalise, stem, tokens


@dataclass(frozen=True)
class Sentence:
    provision: Provision
    span: Span
    normalised: str
    modality: Modality
    modal_word: str
    raw: str = ""
    released: str = ""  # a phrase that releases actors from a duty ("not required to"), if any


@dataclass(frozen=True)
class Hit:
    sentence: Sentence
    signal: Signal


def read_sentences(text: str, provisions: Sequence[Provision]) -> list[Sentence]:
    """Every provision's sentences. List items take the modality of their chapeau ("shall:")."""
    found = []
    for provision in provisions:
        chapeau: tuple[Modality, str] | None = None
        for span in sentences(text, provision.start, provision.end):
            raw = text[span.start : span.end]
            norm = normalise(raw)
            modality, word = modality_of(norm)
            if modality is Modality.NEUTRAL and chapeau is not None:
                modality, word = chapeau
            if raw.endswith(":") and modality is not Modality.NEUTRAL:
                chapeau = (modality, word)
            elif raw.endswith("."):
                chapeau = None
            released = releases(norm)
            found.append(Sentence(provision, span, norm, modality, word, raw, released))
    return found


def find_hits(all_sentences: Sequence[Sentence], signals: Sequence[Signal]) -> list[Hit]:
    return [Hit(s, sig) for s in all_sentences for sig in signals if sig.pattern in s.normalised]


_WORD = re.compile(r"\w+")


def surface(hit: Hit) -> str:
    """The words of the sentence that matched the signal, as written ("veröffentlichen")."""
    return surface_of(hit.sentence.raw, hit.signal.pattern) or hit.signal.phrase.rstrip("*")


def surface_of(raw: str, pattern: str) -> str:
    """The words of `raw` whose normalised form matches `pattern` ('' when none do)."""
    words = [
        (m.start(), m.end(), stem(t)) for m in _WORD.finditer(raw) for t in tokens(m.group())[:1]
    ]
    wanted = pattern.split()
    if not wanted:
        return ""
    prefix = not pattern.endswith(" ")
    for index in range(len(words) - len(wanted) + 1):
        window = words[index : index + len(wanted)]
        if all(w[2] == p for w, p in zip(window[:-1], wanted[:-1], strict=True)) and (
            window[-1][2].startswith(wanted[-1]) if prefix else window[-1][2] == wanted[-1]
        ):
            return raw[window[0][0] : window[-1][1]]
    return ""
