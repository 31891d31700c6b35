"""Impact suggestions read from what a system's description says (any of five languages).

Each impact pattern in the risk library says who may be affected, which rights and how. A
pattern is suggested when the description uses its cues (each cue found is quoted back as a
reason, in the description's own words) and, with the offline encoder, when a sentence means what
the pattern's example sentences mean. Suggestions are written as impacts on people, ranked by
score, and cut to those worth showing a person. With the real encoder, a learned per-category
model (`suggestion_model`, trained on labelled dev cases) then decides which of the suggestions
the patterns found are shown (`display`), and may show, for a category it finds likely where the
patterns found nothing, the category's pattern closest in meaning, quoting the sentence it rests
on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from rightslens.core.knowledge.model import Item
from rightslens.core.semantic import Encoder, default_encoder
from rightslens.core.semantic.cache import encode_knowledge
from rightslens.core.suggestion_model import (
    RIGHTS_MODEL,
    CategoryModel,
    Combination,
    features,
    shipped_model,
)
from rightslens.core.textcues import (
    LANGUAGES,
    cue_languages,
    cue_tokens,
    language_of,
    sentences,
    words,
)

#: Cosines (e5) between a sentence and a pattern's examples: below the floor means nothing,
#: above the ceiling counts fully.
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.82, 0.90
#: A sentence's similarity to a pattern counts only within this much of its nearest pattern
#: (None: every pattern counts).
SENTENCE_MARGIN: float | None = 0.07
#: A suggestion is shown from this score; at most this many are shown.
SHOW_FROM = 0.25
SHOW_AT_MOST = 5
#: The leading suggestion names its pattern's other categories too only from this score: a
#: lead carried by one cue and a loose likeness does not say enough to widen the categories.
LEAD_CATEGORIES_FROM = 0.5
#: A suggestion names at most this many rights: its pattern's own (main right first), then the
#: same rights in other instruments (see `RightsIndex`).
RIGHTS_AT_MOST = 8
_QUOTE_WORDS = 14

#: Groups with a treaty of their own, and the words (word beginnings, without accents; a trailing
#: space means a whole word) by which a description names them. When it does, a suggestion also
#: names that treaty's provisions that protect the same right as one of its own rights.
GROUP_INSTRUMENTS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "cedaw": {
        "en": ("women", "woman", "girls", "female", "mothers", "pregnan", "gender"),
        "fr": ("femmes", "femme ", "filles", "meres", "enceinte", "genre "),
        "es": ("mujer", "ninas", "madres", "embarazad", "genero"),
        "pt": ("mulher", "meninas", "maes", "gravida", "genero"),
        "de": ("frauen", "frau ", "madchen", "mutter", "schwanger", "geschlecht"),
    },
    "crc": {
        "en": ("child", "minors", "teen", "pupils", "kids", "adolescen", "underage", "schoolchild"),
        "fr": ("enfant", "mineur", "adolescen", "eleves"),
        "es": ("nino", "ninos", "ninas", "menores", "adolescen", "alumnos"),
        "pt": ("crianca", "menores", "adolescen", "alunos"),
        "de": ("kind ", "kinder", "minderjahrig", "jugendlich", "schuler"),
    },
    "crpd": {
        "en": ("disab", "blind ", "deaf", "wheelchair", "autis", "impairment"),
        "fr": ("handicap", "aveugle", "sourd"),
        "es": ("discapacidad", "ciego", "sordo"),
        "pt": ("deficiencia", "deficiente", "cego", "surdo"),
        "de": ("behindert", "behinderung", "blinde", "gehorlos"),
    },
    "cerd": {
        "en": (
            "racial",
            "race ",
            "racis",
            "ethnic",
            "black people",
            "black patients",
            "black defendants",
            "black men",
            "black women",
            "black residents",
            "black applicants",
            "black students",
            "roma ",
            "darker skin",
            "people of colour",
            "people of color",
            "migrant",
            "immigrant",
            "nationality",
            "national origin",
            "uyghur",
            "indigenous",
        ),
        "fr": (
            "racial",
            "racis",
            "ethni",
            "personnes noires",
            "roms",
            "migrant",
            "immigr",
            "nationalite",
        ),
        "es": (
            "racial",
            "racis",
            "etnic",
            "personas negras",
            "gitan",
            "migrante",
            "inmigrant",
            "nacionalidad",
            "indigena",
        ),
        "pt": (
            "racial",
            "racis",
            "etnic",
            "pessoas negras",
            "negros",
            "migrante",
            "imigrant",
            "nacionalidade",
            "indigena",
            "quilombola",
        ),
        "de": ("rassis", "ethnisch", "schwarze", "sinti", "migrant", "nationalitat", "herkunft"),
    },
    "ilo-declaration": {
        "en": ("worker", "employee", "workforce", "job seekers", "job applicant", "trade union"),
        "fr": ("travailleur", "salaries", "demandeurs d emploi", "syndica"),
        "es": ("trabajador", "empleados", "solicitantes de empleo", "sindica"),
        "pt": ("trabalhador", "funcionarios", "sindica"),
        "de": ("beschaftigte", "arbeitnehmer", "arbeitslose", "gewerkschaft"),
    },
}


@dataclass(frozen=True)
class Pattern:
    id: str
    category_ref: str
    also_category_refs: tuple[str, ...]
    right_refs: tuple[str, ...]
    affected: str
    impact: str
    cues: Mapping[str, tuple[str, ...]]
    examples: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.affected} {self.impact}."


@dataclass(frozen=True)
class ImpactSuggestion:
    pattern_id: str
    category_ref: str
    right_refs: tuple[str, ...]
    title: str
    reasons: tuple[str, ...]
    score: float
    method: str
    #: The other risk categories the impact falls in, named for the leading suggestion only (the
    #: one the description supports best) when its score reaches LEAD_CATEGORIES_FROM; the others
    #: name their main category alone.
    also_category_refs: tuple[str, ...] = ()

    @property
    def category_refs(self) -> tuple[str, ...]:
        return (self.category_ref, *self.also_category_refs)


class RightsIndex:
    """The rights catalogue read as a person expects rights to be named: a right together with the
    same right in the other instruments. Treaty provisions point to their UDHR counterparts
    (``related_refs``); two provisions protect the same right when they share a UDHR counterpart.
    A group treaty's provision must also fall in a risk category with the right it stands beside
    (each category lists its rights), since a broad UDHR article covers several rights: UDHR 7
    is the counterpart of both equal protection (ICERD 5) and the ban on racist propaganda (ICERD 4).
    """

    def __init__(self, items: Sequence[Item]) -> None:
        rights = [i for i in items if i.type == "right" and not i.deprecated]
        self.instrument = {r.id: str(r.get("instrument_ref") or "") for r in rights}
        related = {r.id: [str(x) for x in r.get("related_refs", []) or []] for r in rights}
        self._udhr = {
            r: ({r} if self.instrument[r] == "udhr" else set())
            | {x for x in related[r] if self.instrument.get(x) == "udhr"}
            for r in self.instrument
        }
        # A UDHR article's counterparts in the two Covenants: provisions that name it first.
        self._covenant = {
            u: [
                r
                for r in self.instrument
                if self.instrument[r] in _COVENANTS and related[r][:1] == [u]
            ]
            for u in self.instrument
            if self.instrument[u] == "udhr"
        }
        self._categories: dict[str, set[str]] = {}
        for category in (i for i in items if i.type == "risk_category" and not i.deprecated):
            for right in category.get("right_refs", []) or []:
                self._categories.setdefault(str(right), set()).add(category.id)

    def equivalents(self, right: str, instruments: Sequence[str] = ()) -> list[str]:
        """The same right in the UDHR and the Covenants, then in each group treaty given."""
        if right not in self.instrument:
            return []
        found = sorted(self._udhr[right] - {right}, key=_article_order)
        if self.instrument[right] == "udhr":
            found += self._covenant.get(right, [])
        for instrument in instruments:
            found += [
                r
                for r, of in self.instrument.items()
                if of == instrument
                and r != right
                and self._udhr[r] & self._udhr[right]
                and self._categories.get(r, set()) & self._categories.get(right, set())
            ]
        return list(dict.fromkeys(found))

    def expand(self, rights: Sequence[str], instruments: Sequence[str] = ()) -> tuple[str, ...]:
        """The rights as given (main first), then their equivalents, at most RIGHTS_AT_MOST
        (never fewer than given)."""
        added = [e for r in rights for e in self.equivalents(r, instruments)]
        every = list(dict.fromkeys([*rights, *added]))
        return tuple(every[: max(len(rights), RIGHTS_AT_MOST)])


_COVENANTS = ("iccpr", "icescr")


def _article_order(right: str) -> tuple[str, int]:
    head, _, tail = right.rpartition("-")
    return (head, int(tail)) if tail.isdigit() else (right, 0)


def _pattern(item: Item) -> Pattern:
    cues = item.get("cues", {}) or {}
    return Pattern(
        item.id,
        str(item.get("category_ref")),
        tuple(str(c) for c in item.get("also_category_refs", []) or []),
        tuple(str(r) for r in item.get("right_refs", [])),
        str(item.get("affected")),
        str(item.get("impact")),
        {lang: tuple(str(c) for c in cues.get(lang, [])) for lang in LANGUAGES},
        tuple(str(e) for e in item.get("examples", []) or []),
    )


class ImpactReader:
    """Impact patterns prepared once (examples encoded) for reading many descriptions."""

    def __init__(
        self,
        items: Sequence[Item],
        encoder: Encoder,
        category_model: CategoryModel | None | Literal["shipped"] = "shipped",
        right_model: CategoryModel | None | Literal["shipped"] = "shipped",
    ) -> None:
        self.encoder = encoder
        #: The learned per-category scorer, used only when trained for this encoder.
        chosen = shipped_model(encoder.name) if category_model == "shipped" else category_model
        self.category_model = (
            chosen if chosen is not None and chosen.encoder == encoder.name else None
        )
        #: The learned scorer of the right mainly at stake (used only with the category model).
        rights = (
            shipped_model(encoder.name, RIGHTS_MODEL) if right_model == "shipped" else right_model
        )
        self.right_model = rights if rights is not None and rights.encoder == encoder.name else None
        self.patterns = [
            _pattern(i) for i in items if i.type == "impact_pattern" and not i.deprecated
        ]
        every = [e for p in self.patterns for e in p.examples]
        vectors = dict(zip(every, encode_knowledge(encoder, every, "impact-patterns"), strict=True))
        # All examples as one matrix; each pattern owns a run of its rows.
        self._matrix = np.array(
            [vectors[e] for p in self.patterns for e in p.examples], dtype=np.float32
        ).reshape(-1, encoder.dim)
        starts = np.cumsum([0, *(len(p.examples) for p in self.patterns)])
        self._rows = {
            p.id: (int(a), int(b))
            for p, a, b in zip(self.patterns, starts[:-1], starts[1:], strict=True)
        }
        # Each cue as the padded word string it must appear in ("face " must end a word).
        self._needles = {
            p.id: {lang: tuple(_needle(c) for c in p.cues.get(lang, ())) for lang in LANGUAGES}
            for p in self.patterns
        }
        self._also = {p.id: p.also_category_refs for p in self.patterns}
        self.rights = RightsIndex(items)
        present = set(self.rights.instrument.values())
        self._group_needles = {
            instrument: {lang: tuple(_needle(c) for c in cues.get(lang, ())) for lang in LANGUAGES}
            for instrument, cues in GROUP_INSTRUMENTS.items()
            if instrument in present
        }

    @property
    def method(self) -> str:
        learned = "+learned categories" if self.category_model is not None else ""
        return f"cues+semantic{learned} ({self.encoder.name})"

    def suggest(
        self, text: str, *, lang: str = "", show_all: bool = False
    ) -> list[ImpactSuggestion]:
        reading = self.read(text, lang=lang)
        if show_all:
            return reading.ranked
        model = self.category_model
        probabilities = self.category_probabilities(reading) if model is not None else None
        rights = (
            self.category_probabilities(reading, self.right_model)
            if model is not None and self.right_model is not None
            else None
        )
        return display(
            reading.ranked,
            self._also,
            probabilities,
            model.combination if model is not None else None,
            reading.closest,
            rights,
            reading.closest_rights,
        )

    def read(self, text: str, *, lang: str = "") -> Reading:
        """Every pattern the description supports, best first, with its sentences' vectors."""
        language = language_of(text, lang)
        parts = sentences(text)
        vectors = self.encoder.encode(parts) if parts else []
        matrix = np.array(vectors, dtype=np.float32).reshape(len(parts), -1)
        similarities = (
            matrix @ self._matrix.T
            if parts and len(self._matrix)
            else np.zeros((len(parts), len(self._matrix)), dtype=np.float32)
        )
        padded = [" " + " ".join(words(part)) + " " for part in parts]  # once per text
        groups = self._groups(parts, padded, language)
        closest, closest_rights = self._closest_written(parts, similarities, groups)
        similarities = self._nearest_only(similarities)
        found = [
            self._judge(p, parts, padded, similarities, language, groups) for p in self.patterns
        ]
        ranked = sorted((s for s in found if s is not None), key=lambda s: -s.score)
        return Reading(text, tuple(parts), matrix, ranked, closest, closest_rights)

    def _closest_written(
        self, parts: Sequence[str], similarities: np.ndarray, groups: Mapping[str, str]
    ) -> tuple[dict[str, ImpactSuggestion], dict[str, ImpactSuggestion]]:
        """Per risk category, and per right that a pattern names, a suggestion written from the
        impact pattern closest in meaning to the description among that category's (or that
        right's), grounded in the sentence closest to the pattern's examples. Shown only where a
        learned model finds the category (or right) likely and no shown suggestion names it
        (`display`)."""
        scored = []
        for pattern in self.patterns:
            similarity, sentence, example = self._closest(pattern, parts, similarities)
            if sentence:
                scored.append(
                    (similarity, pattern, self._written(pattern, sentence, example, groups))
                )

        def best(keys_of: Callable[[Pattern], Sequence[str]]) -> dict[str, ImpactSuggestion]:
            table: dict[str, tuple[float, ImpactSuggestion]] = {}
            for similarity, pattern, written in scored:
                for key in keys_of(pattern):
                    if key not in table or similarity > table[key][0]:
                        table[key] = (similarity, written)
            return {key: written for key, (_, written) in table.items()}

        return best(lambda p: (p.category_ref,)), best(lambda p: p.right_refs)

    def _written(
        self, pattern: Pattern, sentence: str, example: str, groups: Mapping[str, str]
    ) -> ImpactSuggestion:
        return ImpactSuggestion(
            pattern.id,
            pattern.category_ref,
            self.rights.expand(pattern.right_refs, list(groups)),
            pattern.title,
            (WRITTEN_REASON.format(quoted=_around(sentence, 0), example=example),),
            0.0,
            self.method,
        )

    def category_probabilities(
        self, reading: Reading, model: CategoryModel | None = None
    ) -> dict[str, float] | None:
        """The learned model's probability of each risk category for the description (None
        without a model or without sentences). The whole text is encoded once more only when
        the model uses its vector and the text has several sentences."""
        chosen = model or self.category_model
        if chosen is None or not reading.parts:
            return None
        whole = None
        if chosen.uses_text_vector and len(reading.parts) > 1:
            whole = self.encoder.encode([reading.text.strip()])[0]
        return chosen.probabilities(features(reading.vectors, whole, chosen.pooling))

    def _nearest_only(self, similarities: np.ndarray) -> np.ndarray:
        """The similarities with each sentence kept only for the patterns nearest to it (within
        SENTENCE_MARGIN of its best pattern); the rest count as unrelated. With many examples per
        pattern, a sentence about one harm is always somewhat close to some example of every
        other; what it means is told by the patterns it is closest to."""
        if not similarities.size or SENTENCE_MARGIN is None:
            return similarities
        per_pattern = np.stack(
            [similarities[:, a:b].max(axis=1) for a, b in self._rows.values() if b > a], axis=1
        )
        floor = per_pattern.max(axis=1, keepdims=True) - SENTENCE_MARGIN
        return np.where(similarities >= floor, similarities, 0.0).astype(np.float32)

    def _judge(
        self,
        pattern: Pattern,
        parts: Sequence[str],
        padded: Sequence[str],
        similarities: np.ndarray,
        language: str,
        groups: Mapping[str, str],
    ) -> ImpactSuggestion | None:
        needles = [n for lang in cue_languages(language) for n in self._needles[pattern.id][lang]]
        cues_found, quotes = _quotes(needles, parts, padded)
        similarity, closest, example = self._closest(pattern, parts, similarities)
        scaled = max(
            0.0, min(1.0, (similarity - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR))
        )
        if not cues_found and scaled < 1.0:
            return None
        lexical = min(cues_found, 3) / 3
        score = round(0.65 * lexical + 0.35 * scaled, 3)
        reasons = [f"The description says “{q.rstrip('.;:,')}”." for q in quotes[:3]]
        if scaled > 0 and closest:
            reasons.append(f"“{_around(closest, 0)}” is close in meaning to: {example}")
        rights = self.rights.expand(pattern.right_refs, list(groups))
        added = rights[len(pattern.right_refs) :]
        treaties = [i for i in groups if any(self.rights.instrument.get(r) == i for r in added)]
        if treaties:
            names = ", ".join(_TREATY_NAMES.get(i, i) for i in treaties)
            said = " … ".join(dict.fromkeys(groups[i] for i in treaties))
            reasons.append(f"It names people with a treaty of their own ({names}): “{said}”.")
        return ImpactSuggestion(
            pattern.id,
            pattern.category_ref,
            rights,
            pattern.title,
            tuple(reasons),
            score,
            self.method,
        )

    def _groups(self, parts: Sequence[str], padded: Sequence[str], language: str) -> dict[str, str]:
        """The group treaties whose people the description names, each with its words."""
        named: dict[str, str] = {}
        for instrument, needles in self._group_needles.items():
            found, quotes = _quotes(
                [n for lang in cue_languages(language) for n in needles[lang]], parts, padded
            )
            if found:
                named[instrument] = quotes[0].rstrip(".;:,")
        return named

    def _closest(
        self, pattern: Pattern, parts: Sequence[str], similarities: np.ndarray
    ) -> tuple[float, str, str]:
        """The highest similarity between a sentence and one of the pattern's examples, that
        sentence, and that example (quoted in the reason, so it names what matched)."""
        start, end = self._rows[pattern.id]
        if not parts or end == start:
            return 0.0, "", ""
        block = similarities[:, start:end]
        sentence, example = np.unravel_index(int(np.argmax(block)), block.shape)
        best = float(block[sentence, example])
        if best <= 0.0:
            return 0.0, "", ""
        return best, parts[int(sentence)], pattern.examples[int(example)]


@dataclass(frozen=True)
class Reading:
    """A description as read: its sentences, their vectors and every supported pattern."""

    text: str
    parts: tuple[str, ...]
    vectors: np.ndarray
    ranked: list[ImpactSuggestion]
    #: Per risk category, the suggestion written from its pattern closest in meaning (any
    #: likeness), for the learned model to show where the patterns found nothing.
    closest: Mapping[str, ImpactSuggestion] = field(default_factory=dict)
    #: The same per right named by some pattern.
    closest_rights: Mapping[str, ImpactSuggestion] = field(default_factory=dict)


#: The reason given for a suggestion the learned model brings back into view.
LEARNED_REASON = (
    "Labelled descriptions like this one usually involve this kind of harm (learned model: "
    "{percent}%)."
)


#: The reason given for the suggestion shown for the right the rights model puts first.
RIGHT_REASON = (
    "Labelled descriptions like this one usually put one of its rights first (learned model: "
    "{percent}%)."
)
#: The ground of a suggestion written from the pattern closest in meaning.
WRITTEN_REASON = "“{quoted}” is the sentence closest in meaning to: {example}"


def display(
    ranked: Sequence[ImpactSuggestion],
    also: Mapping[str, tuple[str, ...]],
    probabilities: Mapping[str, float] | None = None,
    combination: Combination | None = None,
    closest: Mapping[str, ImpactSuggestion] | None = None,
    right_odds: Mapping[str, float] | None = None,
    closest_rights: Mapping[str, ImpactSuggestion] | None = None,
) -> list[ImpactSuggestion]:
    """The suggestions worth showing a person, from the ranked list of every supported one.

    Without probabilities: those from SHOW_FROM, diverse, at most SHOW_AT_MOST; the lead names
    its pattern's other categories (`also`) from LEAD_CATEGORIES_FROM. With the learned model's
    probabilities, `combination` may leave out shown ones of unlikely categories, narrow the
    lead's other categories, bring back the best found suggestion of a likely category, or, where
    the patterns found none in a likely category, show the one written from its closest pattern
    (`closest`). Every suggestion shown keeps reasons quoting the description.
    """
    shown = _diverse([s for s in ranked if s.score >= SHOW_FROM])[:SHOW_AT_MOST]
    odds = probabilities if combination is not None else None
    combo = combination or Combination()
    if shown and shown[0].score >= LEAD_CATEGORIES_FROM:
        others = also.get(shown[0].pattern_id, ())
        if odds is not None and combo.also_from is not None:
            floor = combo.also_from
            others = tuple(c for c in others if odds.get(c, 1.0) >= floor)
        shown[0] = replace(shown[0], also_category_refs=others)
    if odds is None:
        return shown
    if combo.drop_below is not None:
        floor = combo.drop_below
        shown = [
            s
            for i, s in enumerate(shown)
            if (i == 0 and combo.keep_lead) or odds.get(s.category_ref, 1.0) >= floor
        ]
    named = {c for s in shown for c in s.category_refs}
    for category in sorted((c for c in odds if c not in named), key=lambda c: -odds[c]):
        best = _added(category, odds[category], combo, ranked, closest or {})
        if best is not None:
            reason = LEARNED_REASON.format(percent=round(100 * odds[category]))
            shown.append(replace(best, reasons=(*best.reasons, reason)))
    right = _main_right(shown, combo, right_odds, closest_rights or {})
    if right is not None:
        shown.append(right)
    return shown


def _main_right(
    shown: Sequence[ImpactSuggestion],
    combo: Combination,
    right_odds: Mapping[str, float] | None,
    closest_rights: Mapping[str, ImpactSuggestion],
) -> ImpactSuggestion | None:
    """The suggestion for the right the rights model finds most likely to be mainly at stake,
    when it reaches `right_from`, no shown suggestion names it and some pattern does."""
    if not right_odds or combo.right_from is None:
        return None
    right = max(right_odds, key=lambda r: right_odds[r])
    named = {r for s in shown for r in s.right_refs}
    written = closest_rights.get(right)
    if right_odds[right] < combo.right_from or right in named or written is None:
        return None
    reason = RIGHT_REASON.format(percent=round(100 * right_odds[right]))
    return replace(written, reasons=(*written.reasons, reason))


def _added(
    category: str,
    probability: float,
    combo: Combination,
    ranked: Sequence[ImpactSuggestion],
    closest: Mapping[str, ImpactSuggestion],
) -> ImpactSuggestion | None:
    """The suggestion a likely category not yet shown brings: the best the patterns found for it
    (from `add_from`), else the one written from its closest pattern (from `write_from`)."""
    found = next((s for s in ranked if s.category_ref == category), None)
    if found is not None:
        return found if combo.add_from is not None and probability >= combo.add_from else None
    if combo.write_from is not None and probability >= combo.write_from:
        return closest.get(category)
    return None


def _diverse(ranked: Sequence[ImpactSuggestion]) -> list[ImpactSuggestion]:
    """Best first, leaving out a suggestion that adds neither a right nor a category to those
    already shown above it, so the few places shown cover as many rights as the text supports."""
    shown: list[ImpactSuggestion] = []
    rights: set[str] = set()
    categories: set[str] = set()
    for suggestion in ranked:
        if set(suggestion.right_refs) <= rights and suggestion.category_ref in categories:
            continue
        shown.append(suggestion)
        rights.update(suggestion.right_refs)
        categories.add(suggestion.category_ref)
    return shown


_TREATY_NAMES = {
    "cedaw": "CEDAW",
    "crc": "CRC",
    "crpd": "CRPD",
    "cerd": "ICERD",
    "ilo-declaration": "ILO Declaration",
}


def _needle(cue: str) -> str:
    """The cue as it must appear in a sentence's padded words: from the start of a word, and
    to the end of one when the cue ends in a space (the rule of `textcues.find_cue`)."""
    parts, whole = cue_tokens(cue)
    return " " + " ".join(parts) + (" " if whole else "") if parts else ""


def _quotes(
    needles: Sequence[str], parts: Sequence[str], padded: Sequence[str]
) -> tuple[int, list[str]]:
    """How many distinct cues the description uses, and its own words around them."""
    found = 0
    quotes: list[str] = []
    for needle in needles:
        if not needle:
            continue
        for sentence, words_of_sentence in zip(parts, padded, strict=True):
            index = words_of_sentence.find(needle)
            if index >= 0:
                at = words_of_sentence.count(" ", 0, index)  # the word the cue starts at
                found += 1
                quote = _around(sentence, at)
                if quote not in quotes:
                    quotes.append(quote)
                break
    return found, quotes


def _around(sentence: str, at: int) -> str:
    """Up to _QUOTE_WORDS words of the sentence around word `at`, as written."""
    raw = sentence.split()
    if len(raw) <= _QUOTE_WORDS:
        return sentence.strip()
    start = max(0, min(at - _QUOTE_WORDS // 2, len(raw) - _QUOTE_WORDS))
    piece = " ".join(raw[start : start + _QUOTE_WORDS])
    return ("… " if start else "") + piece + (" …" if start + _QUOTE_WORDS < len(raw) else "")


_READERS: dict[tuple[str, int, int], ImpactReader] = {}


def reader_for(items: Sequence[Item], encoder: Encoder | None = None) -> ImpactReader:
    chosen = encoder or default_encoder()
    key = (
        chosen.name,
        id(chosen),
        hash(
            tuple(
                (i.id, repr(i.fields))
                for i in items
                if i.type in ("impact_pattern", "right", "risk_category")
            )
        ),
    )
    if key not in _READERS:
        if len(_READERS) > 8:
            _READERS.clear()
        _READERS[key] = ImpactReader(items, chosen)
    return _READERS[key]


def suggest_impacts(
    text: str, items: Sequence[Item], *, lang: str = "", encoder: Encoder | None = None
) -> list[ImpactSuggestion]:
    """The impact suggestions worth showing for this description, best first."""
    return reader_for(items, encoder).suggest(text, lang=lang)
