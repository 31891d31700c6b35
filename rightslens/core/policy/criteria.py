"""The sixteen UNGP-alignment criteria, loaded from the `policy-criteria` knowledge library.

Signal phrase syntax (the `signals` field, one list per language):

- ``phrase``      touches the criterion (enough for `partial`);
- ``+phrase``     names the element that makes the criterion meaningful (needed for `addressed`);
- ``-phrase``     works against the criterion (a candidate `contrary` finding);
- ``facet|phrase`` tags the phrase with a facet (e.g. ``before|``/``after|`` for C15, actor roles
  for C4, ``domain|`` security domains for C11); prefixes combine as ``+facet|phrase``;
- a trailing ``*`` matches any word that starts with the last word (``monitor*``).
"""

from __future__ import annotations

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
    if not phrase.endswith("*"):
        return normalise(phrase)
    words = tokens(phrase.rstrip("*"))
    return " " + " ".join([stem(w) for w in words[:-1]] + [prefix_form(words[-1])])


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
