"""The red lines and their elements as red-line screening reads them from the library: each
element's wordings per language and what overrides it, each red line's element groups, names,
typical wordings and exceptions (`screening_engine` weighs a text against them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rightslens.core.knowledge.model import Item
from rightslens.core.textcues import LANGUAGES

CORE_KINDS = ("inference", "action")


@dataclass(frozen=True)
class Element:
    id: str
    kind: str
    title: str
    cues: Mapping[str, tuple[str, ...]]
    weak: bool = False
    overridden_by: tuple[str, ...] = ()
    #: A sentence that states this element gives no "possible" hit: it says plainly what the
    #: system does (checks a person against their own template; records what people say of
    #: themselves), so a verb such as "compares" there is no stand-in for an inference.
    no_guess: bool = False
    #: Named as what a tool detects or flags, it is not done ("flags fake countdown timers").
    not_when_detected: bool = False


@dataclass(frozen=True)
class Group:
    kind: str
    element_ids: tuple[str, ...]
    weak_counts: bool = False
    meaning_may_supply: bool = False


@dataclass(frozen=True)
class Spec:
    id: str
    names: Mapping[str, tuple[str, ...]]
    groups: tuple[Group, ...]
    exception_ids: tuple[str, ...]
    wordings: tuple[str, ...]

    @property
    def core(self) -> Group | None:
        for group in self.groups:
            if group.kind in CORE_KINDS:
                return group
        return self.groups[0] if self.groups else None


def element_from(item: Item) -> Element:
    wordings = item.get("wordings", {}) or {}
    return Element(
        item.id,
        str(item.get("kind", "")),
        item.title,
        {lang: tuple(str(w) for w in wordings.get(lang, [])) for lang in LANGUAGES},
        bool(item.get("weak", False)),
        tuple(str(r) for r in item.get("overridden_by_refs", []) or []),
        bool(item.get("no_possible_hit", False)),
        bool(item.get("not_when_detected", False)),
    )


def spec_from(item: Item) -> Spec:
    names = {
        lang: tuple(str(n) for n in (item.get("names", {}) or {}).get(lang, []))
        for lang in LANGUAGES
    }
    names["en"] = tuple(str(t) for t in item.get("screening_terms", []) or [])
    groups = tuple(
        Group(
            str(g["kind"]),
            tuple(str(r) for r in g["element_refs"]),
            bool(g.get("weak_counts", False)),
            bool(g.get("meaning_may_supply", False)),
        )
        for g in item.get("requires", []) or []
    )
    typical = item.get("typical_wordings", {}) or {}
    wordings = tuple(str(w) for lang in LANGUAGES for w in typical.get(lang, []))
    exceptions = tuple(str(r) for r in item.get("exception_refs", []) or [])
    return Spec(item.id, names, groups, exceptions, wordings)
