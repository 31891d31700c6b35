"""Sentences with their wording strength, and the signal phrases found in them."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .bodies import inside_body_name, named_body_before
from .criteria import Signal, find_phrase
from .lexicon import Modality, hedge_in, modality_of, releases
from .provisions import Provision, Span, sentences
from .reading import Party, addressee_of, beneficiary_of, is_narrow, is_prohibition
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
    heading: bool = False  # a heading line ("Article 5 Scope", "CHAPTER II"): never evidence
    definition: bool = False  # part of a definition: it says what a word means, not what to do
    addressee: Party = Party.UNKNOWN  # who the sentence obliges
    beneficiary: Party = Party.UNKNOWN  # who it protects
    prohibition: bool = False  # it forbids something
    narrow: bool = False  # it confines itself to a narrow slice ("only for", "apenas")
    hedge: str = ""  # a discretionary hedge ("where appropriate", "le cas échéant"), if any


@dataclass(frozen=True)
class Hit:
    sentence: Sentence
    signal: Signal


def read_sentences(
    text: str, provisions: Sequence[Provision], definitions: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Every provision's sentences. List items and points take the modality of their chapeau
    ("shall:"); headings and tables of contents give none."""
    found: list[Sentence] = []
    chapeau: tuple[Modality, str] | None = None
    title_end = _title_end(text)
    seen_article = False
    parents = {p.parent for p in provisions if p.parent}
    for provision in provisions:
        if provision.is_heading:
            chapeau = None
            continue
        if provision.kind != "point":
            chapeau = None
        seen_article = seen_article or provision.kind in ("article", "section")
        recital = (
            not seen_article
            and provision.kind in ("paragraph", "preamble")
            and not provision.parent
            and _RECITAL.match(text, provision.start) is not None
        )
        for index, span in enumerate(sentences(text, provision.start, provision.end)):
            raw = text[span.start : span.end]
            norm = normalise(raw)
            modality, word = modality_of(norm)
            if recital and word in RECITAL_SHOULD and f" {word} not " not in norm:
                # EU recitals say "should" for what the articles make mandatory (LABELLING.md);
                # "should not preclude" leaves room to others and obliges no one.
                modality = Modality.NEUTRAL
            if modality is Modality.NEUTRAL and chapeau is not None:
                modality, word = chapeau
            if raw.endswith(":") and modality is not Modality.NEUTRAL:
                chapeau = (modality, word)
            elif raw.endswith(".") and provision.kind != "point":
                chapeau = None
            found.append(
                Sentence(
                    provision,
                    span,
                    norm,
                    modality,
                    word,
                    raw,
                    releases(norm),
                    heading=span.end <= title_end
                    or _is_heading_line(
                        raw,
                        index,
                        span,
                        provision,
                        provision.ref in parents,
                        _next_char(text, span),
                    ),
                    definition=provision.ref in definitions,
                    addressee=addressee_of(norm, word),
                    beneficiary=beneficiary_of(norm, word),
                    prohibition=is_prohibition(norm),
                    narrow=is_narrow(norm),
                    hedge=hedge_in(norm),
                )
            )
    return found


def _title_end(text: str) -> int:
    """Where the instrument's title ends: its first non-blank line, when that line is not a
    sentence (no closing full stop or semicolon). A title names the instrument; it states no rule."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip()
    if not line or line[-1] in ".;" or end >= len(text.rstrip()):
        return -1
    return start + len(line)


def _next_char(text: str, span: Span) -> str:
    rest = text[span.end : span.end + 40].lstrip()
    return rest[:1]


def _is_heading_line(
    raw: str,
    index: int,
    span: Span,
    provision: Provision,
    has_parts: bool = False,
    next_char: str = "",
) -> bool:
    """The first line of an article when it is only its number and title, or a line in capitals.
    An article whose paragraphs are provisions of their own may hold nothing but that line. A
    numbered paragraph's first line is its title only when the next line starts a new sentence
    (a wrapped line, "1 Take appropriate measures ... systems," going on in lower case, is not)."""
    letters = [c for c in raw if c.isalpha()]
    shouting = len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    if shouting and len(raw) <= 160:
        return True
    first = index == 0 and span.start - provision.start < 8 and "\n" not in raw
    return (
        first
        and (
            provision.kind in ("article", "section", "annex")
            or (  # "4. Objectives and expected results" over "4.1 The objective ..."
                provision.kind == "paragraph"
                and not provision.parent
                and raw[-1:] != ","
                and (next_char.isupper() or next_char.isdigit())
            )
        )
        and raw[-1:] not in ".;:"
        and len(raw.split()) <= 12
        and (span.end < provision.end - 3 or has_parts)
    )


def find_hits(all_sentences: Sequence[Sentence], signals: Sequence[Signal]) -> list[Hit]:
    """Each signal phrase in each sentence, except inside a public body's name ("Bundesamt für
    Wirtschaft und Ausfuhrkontrolle" is no export control)."""
    return [
        hit
        for s in all_sentences
        if not s.heading
        for sig in signals
        if find_phrase(sig.pattern, s.normalised) >= 0 and not _in_name(hit := Hit(s, sig))
    ]


def _in_name(hit: Hit) -> bool:
    if not named_body_before(hit.sentence.normalised, hit.signal.pattern):
        return False
    return inside_body_name(hit.sentence.raw, surface_of(hit.sentence.raw, hit.signal.pattern))


_WORD = re.compile(r"\w+")
_RECITAL = re.compile(r"\s*\(\d{1,3}\)\s")
# "Should" in a numbered recital before any article: the drafting convention of EU acts.
RECITAL_SHOULD = frozenset(
    {
        "should",
        "devrait",
        "devraient",
        "deberia",
        "deberian",
        "deveria",
        "deveriam",
        "sollte",
        "sollten",
    }
)


def _meets(word: str, wanted: str) -> bool:
    """An inner word of a pattern: equal, or a prefix where the signal marks it with `*`."""
    return word.startswith(wanted[:-1]) if wanted.endswith("*") else word == wanted


@functools.lru_cache(maxsize=65536)
def _word_stem(word: str) -> str:
    """The stem of a written word's first token ('' when it has none)."""
    found = tokens(word)
    return stem(found[0]) if found else ""


def surface(hit: Hit) -> str:
    """The words of the sentence that matched the signal, as written ("veröffentlichen")."""
    return surface_of(hit.sentence.raw, hit.signal.pattern) or hit.signal.phrase.rstrip("*")


def surface_of(raw: str, pattern: str) -> str:
    """The words of `raw` whose normalised form matches `pattern` ('' when none do)."""
    words = [
        (m.start(), m.end(), stemmed)
        for m in _WORD.finditer(raw)
        if (stemmed := _word_stem(m.group()))
    ]
    wanted = pattern.split()
    if not wanted:
        return ""
    prefix = not pattern.endswith(" ")
    for index in range(len(words) - len(wanted) + 1):
        window = words[index : index + len(wanted)]
        if all(_meets(w[2], p) for w, p in zip(window[:-1], wanted[:-1], strict=True)) and (
            window[-1][2].startswith(wanted[-1]) if prefix else window[-1][2] == wanted[-1]
        ):
            return raw[window[0][0] : window[-1][1]]
    return ""
