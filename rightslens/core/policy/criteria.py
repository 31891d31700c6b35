"""The sixteen UNGP-alignment criteria, loaded from the `policy-criteria` knowledge library.

Signal phrase syntax (the `signals` field, one list per language):

- ``phrase``      touches the criterion (enough for `partial`);
- ``+phrase``     names the element that makes the criterion meaningful (needed for `addressed`);
- ``-phrase``     works against the criterion (a candidate `contrary` finding);
- ``facet|phrase`` tags the phrase with a facet (e.g. ``before|``/``after|`` for C15, actor roles
  for C4, ``domain|`` security domains for C11, ``bar|`` claims a bar can take away for C7);
  prefixes combine as ``+facet|phrase``;
- a trailing ``*`` matches any word that starts with the last word (``monitor*``); a ``*`` on an
  inner word makes that word a prefix too (``regelmassige* risikoanalyse*`` meets "regelmäßiger
  Risikoanalysen"). Match a pattern with `find_phrase`, never with ``in``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from rightslens.core.knowledge import Item, LibraryError, load_library_file

from .text import normalise, prefix_form, stem, tokens

CRITERIA_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "policy-criteria.yaml"
LIBRARY_ID = "policy-criteria"


class Strength(StrEnum):
    TOUCH = "touch"
    CORE = "core"
    CONTRARY = "contrary"


@dataclass(frozen=True)
class Signal:
    phrase: str
    pattern: str
    strength: Strength
    facet: str


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    summary: str
    principle_refs: tuple[str, ...]
    looks_addressed: str
    looks_partial: str
    looks_absent: str
    looks_contrary: str
    recommendation: str
    citations: tuple[str, ...]
    signals: Mapping[str, tuple[Signal, ...]]

    @property
    def basis(self) -> str:
        """The strongest kind of source behind the criterion (see `source_kind`)."""
        kinds = [source_kind(c) for c in self.citations]
        return min(kinds, key=BASIS_ORDER.index) if kinds else "unverified"

    def signals_for(self, language: str) -> tuple[Signal, ...]:
        """The language's signals; every language's when the language is unknown or unsupported."""
        if language in self.signals:
            return self.signals[language]
        return tuple(s for group in self.signals.values() for s in group)


BASIS_ORDER = ("ungp", "un", "intergovernmental", "research", "civil_society", "unverified")
BASIS_LABELS = {
    "ungp": "UNGP requirement",
    "un": "UN body guidance",
    "intergovernmental": "intergovernmental standard",
    "research": "research finding",
    "civil_society": "civil-society demand",
    "unverified": "unverified",
}
_KIND_WORDS = (
    ("ungp", ("guiding principles on business and human rights",)),
    (
        "un",
        (
            "united nations",
            "ohchr",
            "un experts",
            "un working group",
            "human rights council",
            "un b-tech",
        ),
    ),
    ("intergovernmental", ("oecd", "council of europe", "unesco", "european union", "(eu)")),
    ("research", ("academy", "university", "institute", "wilton park")),
)


def source_kind(citation: str) -> str:
    """What kind of text a citation label names: ungp, un, intergovernmental, research or civil_society."""
    low = citation.lower()
    for kind, words in _KIND_WORDS:
        if any(word in low for word in words):
            return kind
    return "civil_society"


def parse_signal(raw: str) -> Signal:
    text = raw.strip()
    strength = Strength.TOUCH
    if text[:1] in "+-":
        strength = Strength.CORE if text[0] == "+" else Strength.CONTRARY
        text = text[1:].strip()
    facet = ""
    if "|" in text:
        facet, text = (part.strip() for part in text.split("|", 1))
    return Signal(phrase=text, pattern=_pattern(text), strength=strength, facet=facet)


def _pattern(phrase: str) -> str:
    """The normalised form to look for. Inner words written with a trailing ``*`` keep a ``*``
    marker (normalised text has none), which `find_phrase` reads as "any ending"."""
    inner = [w for w in phrase.split()[:-1] if w.endswith("*")]
    if not phrase.endswith("*") and not inner:
        return normalise(phrase)
    raw = phrase.split()
    found: list[str] = []
    for index, word in enumerate(raw):
        parts = tokens(word.rstrip("*"))
        if not parts:
            continue
        last = index == len(raw) - 1
        starred = word.endswith("*")
        found.extend(stem(p) for p in parts[:-1])
        if last and starred:
            found.append(prefix_form(parts[-1]))
        elif starred:
            found.append(prefix_form(parts[-1]) + "*")
        else:
            found.append(stem(parts[-1]))
    text = " " + " ".join(found)
    return text if phrase.endswith("*") else text + " "


@lru_cache(maxsize=512)
def _inner_prefix_regex(pattern: str) -> re.Pattern[str]:
    words = pattern.split(" ")
    return re.compile(
        " ".join(re.escape(w[:-1]) + r"\S*" if w.endswith("*") else re.escape(w) for w in words)
    )


def find_phrase(pattern: str, text: str) -> int:
    """Where a signal's pattern occurs in normalised text (-1 when it does not)."""
    if "*" not in pattern:
        return text.find(pattern)
    match = _inner_prefix_regex(pattern).search(text)
    return match.start() if match else -1


def criterion_from_fields(
    title: str, fields: Mapping[str, Any], citations: Sequence[str]
) -> Criterion:
    signals = {
        str(lang): tuple(parse_signal(str(p)) for p in phrases)
        for lang, phrases in dict(fields["signals"]).items()
    }
    return Criterion(
        code=str(fields["code"]),
        title=title,
        summary=str(fields["summary"]),
        principle_refs=tuple(str(r) for r in fields.get("principle_refs", [])),
        looks_addressed=str(fields["addressed"]),
        looks_partial=str(fields["partial"]),
        looks_absent=str(fields["absent"]),
        looks_contrary=str(fields["contrary"]),
        recommendation=str(fields["recommendation"]),
        citations=tuple(citations),
        signals=signals,
    )


def criteria_from_items(items: Sequence[Item]) -> tuple[Criterion, ...]:
    found = [
        criterion_from_fields(i.title, i.fields, [c.label() for c in i.citations])
        for i in items
        if i.type == "alignment_criterion"
    ]
    return tuple(sorted(found, key=lambda c: int(c.code.lstrip("C"))))


@lru_cache(maxsize=4)
def load_criteria(path: Path = CRITERIA_FILE) -> tuple[Criterion, ...]:
    try:
        return criteria_from_items(load_library_file(path).items)
    except LibraryError as exc:
        if "unknown item type 'alignment_criterion'" not in exc.reason:
            raise
    # The knowledge-base issue registers the pydantic schema; until it does, read the file directly.
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources = {s["id"]: s["title"] for s in raw["library"]["sources"]}
    return tuple(
        sorted(
            (
                criterion_from_fields(
                    item["title"],
                    item,
                    [f"{sources[c['source']]}, {c['locator']}" for c in item["citations"]],
                )
                for item in raw["items"]
                if item.get("type") == "alignment_criterion"
            ),
            key=lambda c: int(c.code.lstrip("C")),
        )
    )
