"""Suggested impacts from a system's profile. Every suggestion says why; none is added by itself.

Three sources: the risk library's impact patterns read against what the description says (who
may be affected, which rights, how; see `impact_reading`), built-in rules over the profile (so a
pass always starts somewhere), and the knowledge base's risk examples whose ``triggers_on``
keywords or vulnerable groups match the profile. Reasons quote the description's own words. A
person accepts or dismisses each suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightslens.core.knowledge.model import Item
from rightslens.core.semantic import Encoder

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
    #: Rights (right ids) the impact touches, where the source names them.
    right_refs: tuple[str, ...] = ()
    #: How strongly the description supports it (0-1), for ranking; 0 for rule-based ones.
    score: float = 0.0
    #: Other risk categories the impact falls in (named for the leading read suggestion).
    also_category_refs: tuple[str, ...] = ()

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
    return bool(_quote(profile, words))


def _quote(profile: SystemProfile, words: tuple[str, ...]) -> str:
    """The profile's own words around the first cue found (a few words either side), or ''."""
    source = f"{profile.text} {profile.intended_users} {' '.join(profile.sectors)}"
    raw = source.split()
    normalised = [_words(w).strip() for w in raw]
    padded = " " + " ".join(normalised) + " "
    for word in words:
        if not word.strip() or _cue(word) not in padded:
            continue
        first = _words(word).split()[0]
        at = next((i for i, w in enumerate(normalised) if w.startswith(first)), 0)
        return " ".join(raw[max(0, at - 3) : at + 4]).strip(" .,;:")
    return ""


def _because(profile: SystemProfile, words: tuple[str, ...], reason: str) -> str:
    """The reason with the description's words that support it, or '' if none do."""
    quoted = _quote(profile, words)
    return f"{reason} The description says “{quoted}”." if quoted else ""


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
    child_words = ("child", "minors", "teen", "student", "school")
    if "vg-children" in profile.vulnerable_groups:
        found["children"] = "Children are among the groups it affects."
    elif said := _because(profile, child_words, "Children may use it or be affected by it."):
        found["children"] = said
    for keyword, words, because in _TEXT_KEYWORDS:
        if said := _because(profile, words, because):
            found[keyword] = said
    if profile.kind == "foundation_model":
        found["general_purpose"] = "It is a general-purpose model: downstream uses are open-ended."
    if profile.weights == "open":
        found["open_weights"] = "Its weights are open: safeguards can be removed downstream."
    return found


# Keywords found by words in the system's purpose, description, users and sectors.
_TEXT_KEYWORDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # "assistant" alone is not enough: an "assistant for radiologists" is not a chatbot.
    (
        "chatbot",
        ("chat", "chatbot", "conversational", "conversation", "companion app", "virtual agent"),
        "People talk to it and may confide personal details.",
    ),
    ("image_generation", ("image",), "It generates or processes images."),
    (
        "hiring",
        ("hiring", "recruit", "cv ", "employment"),
        "It is used in hiring or employment decisions.",
    ),
    (
        "public_sector",
        ("public sector", "government", "ministry", "public_sector"),
        "It is used by or for a public authority.",
    ),
    (
        "biometric",
        ("biometric", "face", "facial", "voice print", "fingerprint"),
        "It processes biometric data.",
    ),
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
            "Users writing in some languages may have lawful speech blocked, or meet harmful content the filters miss",
            "Moderation quality usually differs between languages.",
        ),
    ),
    "low_resource_languages": (
        (
            "cat-equality",
            "Speakers of lower-resource languages may get worse and less safe answers than others",
            "Less training and evaluation data exists for these languages.",
        ),
    ),
    "children": (
        (
            "cat-child",
            "Children may be exposed to harmful content or to contact with adults",
            "Children are entitled to special protection (CRC).",
        ),
    ),
    "chatbot": (
        (
            "cat-privacy",
            "Users may have the personal details they confide retained, reused or leaked",
            "People confide personal details to assistants.",
        ),
    ),
    "image_generation": (
        (
            "cat-privacy",
            "Real people may be shown in intimate or deceptive images they never consented to",
            "Image generation can depict identifiable people.",
        ),
    ),
    "hiring": (
        (
            "cat-work",
            "Job applicants may be unfairly shut out of work",
            "Automated screening decides access to a living.",
        ),
        (
            "cat-equality",
            "Job applicants may be rejected because of their sex, age, disability or ethnicity",
            "Historical hiring data carries bias.",
        ),
    ),
    "biometric": (
        (
            "cat-privacy",
            "People may be identified or tracked without their consent",
            "Biometric data is highly sensitive.",
        ),
    ),
    "public_sector": (
        (
            "cat-public-affairs",
            "Residents may lose access to public services or a say in decisions about them",
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


def suggest(
    profile: SystemProfile,
    examples: list[RiskExample],
    patterns: Sequence[Item] = (),
    encoder: Encoder | None = None,
) -> list[Suggestion]:
    """Suggested impacts without duplicates, each with reasons: those read from the description
    (impact patterns, best first), then knowledge-base examples, then built-in rules."""
    keywords = profile_keywords(profile)
    read = _read_suggestions(profile, patterns, encoder) if patterns else []
    matched = _example_suggestions(profile, keywords, examples) + _rule_suggestions(keywords)
    unique: dict[str, Suggestion] = {}
    # Strongest first: read ones by score; others with more reasons matched on more counts.
    for suggestion in read + sorted(matched, key=lambda s: -len(s.reasons)):
        unique.setdefault(suggestion.key, suggestion)
    return list(unique.values())


def _read_suggestions(
    profile: SystemProfile, patterns: Sequence[Item], encoder: Encoder | None
) -> list[Suggestion]:
    from rightslens.core.impact_reading import suggest_impacts

    text = ". ".join(p for p in (profile.text, profile.intended_users) if p.strip())
    return [
        Suggestion(
            s.category_ref,
            s.title,
            s.reasons,
            example_id=s.pattern_id,
            right_refs=s.right_refs,
            score=s.score,
            also_category_refs=s.also_category_refs,
        )
        for s in suggest_impacts(text, patterns, encoder=encoder)
    ]


def untested_languages(profile: SystemProfile) -> tuple[str, ...]:
    """Languages the system serves in which its safety measures were never tested."""
    if not profile.languages:
        return ()
    tested = {_base(lang) for lang in profile.safety_tested_languages}
    return tuple(lang for lang in profile.languages if _base(lang) not in tested)
