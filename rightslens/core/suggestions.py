"""Suggested impacts from a system's profile. Every suggestion says why; none is added by itself.

Two sources: built-in rules over the profile (so a pass always starts somewhere), and the
knowledge base's risk examples whose ``triggers_on`` keywords or vulnerable groups match the
profile. A person accepts or dismisses each suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Languages with plentiful training and evaluation data; others count as lower-resource.
HIGH_RESOURCE_LANGUAGES = frozenset(
    {"en", "fr", "es", "de", "zh", "ja", "pt", "it", "ru", "nl", "ko"}
)


@dataclass(frozen=True)
class SystemProfile:
    kind: str
    languages: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    vulnerable_groups: tuple[str, ...] = ()
    weights: str = "not_applicable"
    intended_users: str = ""
    text: str = ""
    safety_tested_languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class RiskExample:
    id: str
    title: str
    category_ref: str
    system_kinds: tuple[str, ...] = ()
    affected_group_refs: tuple[str, ...] = ()
    triggers_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    category_ref: str
    title: str
    reasons: tuple[str, ...]
    example_id: str = ""
    #: Vulnerable-group ids (vg-*) the suggested impact falls on, to pre-select affected groups.
    affected_group_refs: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.example_id or f"rule:{self.category_ref}:{self.title}"


def _base(lang: str) -> str:
    return lang.lower().split("-")[0]


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def _words(text: str) -> str:
    """Lower case, punctuation to spaces, padded: so a cue can be matched at the start of a word."""
    return " " + " ".join(_NON_WORD.sub(" ", text.casefold()).split()) + " "


def _mentions(profile: SystemProfile, words: tuple[str, ...]) -> bool:
    """Whether any cue starts a word of the profile's text ("child" finds "children", but "face"
    does not find "interface" and "minors" does not find "minority"). A cue ending in a space
    must also end a word ("border " does not find "borderline")."""
    haystack = _words(f"{profile.text} {profile.intended_users} {' '.join(profile.sectors)}")
    return any(_cue(word) in haystack for word in words if word.strip())


def _cue(word: str) -> str:
    cue = _words(word)
    return cue if word.endswith(" ") else cue.rstrip()


def profile_keywords(profile: SystemProfile) -> dict[str, str]:
    """Profile keywords (the vocabulary of ``triggers_on``), each with the reason it applies."""
    found: dict[str, str] = {}
    if len(profile.languages) >= 2:
        found["multilingual"] = (
            f"It serves {len(profile.languages)} languages ({', '.join(profile.languages)})."
        )
    low = [lang for lang in profile.languages if _base(lang) not in HIGH_RESOURCE_LANGUAGES]
    if low:
        found["low_resource_languages"] = f"It serves lower-resource languages: {', '.join(low)}."
    if len(profile.countries) >= 2:
        found["cross_border"] = (
            f"It operates in {len(profile.countries)} countries ({', '.join(profile.countries)})."
        )
    if "vg-children" in profile.vulnerable_groups or _mentions(
        profile, ("child", "minors", "teen", "student", "school")
    ):
        found["children"] = "Children may use it or be affected by it."
    if _mentions(profile, ("chat", "assistant", "conversation")):
        found["chatbot"] = "It is a conversational assistant: people talk to it and confide in it."
    if _mentions(profile, ("image",)):
        found["image_generation"] = "It generates or processes images."
    if _mentions(profile, ("hiring", "recruit", "cv ", "employment")):
        found["hiring"] = "It is used in hiring or employment decisions."
    if _mentions(profile, ("public sector", "government", "ministry", "public_sector")):
        found["public_sector"] = "It is used by or for a public authority."
    if _mentions(profile, ("biometric", "face", "facial", "voice print", "fingerprint")):
        found["biometric"] = "It processes biometric data."
    for keyword, words, because in _TEXT_KEYWORDS:
        if _mentions(profile, words):
            found[keyword] = because
    if profile.kind == "foundation_model":
        found["general_purpose"] = "It is a general-purpose model: downstream uses are open-ended."
    if profile.weights == "open":
        found["open_weights"] = "Its weights are open: safeguards can be removed downstream."
    return found


# Keywords found by words in the system's purpose, description, users and sectors.
_TEXT_KEYWORDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("health", ("health", "medical", "mental"), "It may give health or mental-health information."),
    (
        "education",
        ("education", "school", "student", "learner", "e learning", "classroom", "tutor"),
        "It is used in education.",
    ),
    ("workplace", ("workplace", "employee", "worker"), "It is used at work or on workers."),
    (
        "elections",
        ("election", "voter", "political"),
        "It may shape political information or elections.",
    ),
    (
        "content_moderation",
        ("moderation", "safety filter", "filter"),
        "It moderates or filters content.",
    ),
    (
        "creative",
        ("creative", "artwork", "artist", "music", "fiction"),
        "It produces creative works.",
    ),
    ("voice", ("voice", "speech", "audio"), "It processes or generates voices."),
    ("finance", ("finance", "bank", "credit", "payment"), "It is used in finance."),
    (
        "welfare",
        (
            "welfare",
            "social benefit",
            "social security",
            "social assistance",
            "benefit claim",
            "benefits claim",
            "benefit eligibility",
            "benefits eligibility",
            "benefit application",
            "benefits application",
        ),
        "It is used in welfare or benefits.",
    ),
    (
        "migration",
        ("migration", "asylum", "border ", "refugee"),
        "It is used in migration or asylum.",
    ),
    (
        "law_enforcement",
        ("police", "law enforcement", "policing"),
        "It is used in law enforcement.",
    ),
)


# Built-in rules: keyword -> (category, suggested impact, why it follows).
_RULES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "multilingual": (
        (
            "cat-expression",
            "Legitimate speech over-blocked or harmful content missed in some languages",
            "Moderation quality usually differs between languages.",
        ),
    ),
    "low_resource_languages": (
        (
            "cat-equality",
            "Lower quality of service for speakers of lower-resource languages",
            "Less training and evaluation data exists for these languages.",
        ),
    ),
    "children": (
        (
            "cat-child",
            "Exposure of children to harmful content or contact",
            "Children are entitled to special protection (CRC).",
        ),
    ),
    "chatbot": (
        (
            "cat-privacy",
            "Personal data disclosed in conversations is retained, reused or leaked",
            "People confide personal details to assistants.",
        ),
    ),
    "image_generation": (
        (
            "cat-privacy",
            "Non-consensual intimate or deceptive images of real people",
            "Image generation can depict identifiable people.",
        ),
    ),
    "hiring": (
        (
            "cat-work",
            "Unfair exclusion from work",
            "Automated screening decides access to a living.",
        ),
        (
            "cat-equality",
            "Discrimination in hiring outcomes",
            "Historical hiring data carries bias.",
        ),
    ),
    "biometric": (
        (
            "cat-privacy",
            "Identification or tracking without consent",
            "Biometric data is highly sensitive.",
        ),
    ),
    "public_sector": (
        (
            "cat-public-affairs",
            "Effects on access to public services or participation",
            "Public authorities' uses affect citizens' rights directly.",
        ),
    ),
}


# Built-in rules whose keyword names a group at heightened risk: keyword -> vulnerable groups.
_RULE_GROUPS: dict[str, tuple[str, ...]] = {
    "children": ("vg-children",),
    "low_resource_languages": ("vg-low-resource-languages",),
}


def _rule_suggestions(keywords: dict[str, str]) -> list[Suggestion]:
    found: list[Suggestion] = []
    for keyword, because in keywords.items():
        groups = _RULE_GROUPS.get(keyword, ())
        for category, title, why in _RULES.get(keyword, ()):
            found.append(Suggestion(category, title, (because, why), affected_group_refs=groups))
    return found


def _example_suggestions(
    profile: SystemProfile, keywords: dict[str, str], examples: list[RiskExample]
) -> list[Suggestion]:
    found: list[Suggestion] = []
    for example in examples:
        if example.system_kinds and profile.kind not in example.system_kinds:
            continue
        reasons = [keywords[k] for k in example.triggers_on if k in keywords]
        reasons += [
            f"It affects a group at heightened risk ({group})."
            for group in example.affected_group_refs
            if group in profile.vulnerable_groups
        ]
        if reasons:
            found.append(
                Suggestion(
                    example.category_ref,
                    example.title,
                    tuple(dict.fromkeys(reasons)),
                    example.id,
                    example.affected_group_refs,
                )
            )
    return found


def suggest(profile: SystemProfile, examples: list[RiskExample]) -> list[Suggestion]:
    """Suggested impacts, knowledge-base examples first, without duplicates, each with reasons."""
    keywords = profile_keywords(profile)
    suggestions = _example_suggestions(profile, keywords, examples) + _rule_suggestions(keywords)
    unique: dict[str, Suggestion] = {}
    for suggestion in suggestions:
        unique.setdefault(suggestion.key, suggestion)
    # Strongest first: suggestions with more reasons matched the profile on more counts.
    return sorted(unique.values(), key=lambda s: -len(s.reasons))


def untested_languages(profile: SystemProfile) -> tuple[str, ...]:
    """Languages the system serves in which its safety measures were never tested."""
    if not profile.languages:
        return ()
    tested = {_base(lang) for lang in profile.safety_tested_languages}
    return tuple(lang for lang in profile.languages if _base(lang) not in tested)
