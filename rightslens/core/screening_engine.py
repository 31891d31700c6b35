"""How red-line screening weighs its evidence (see `screening` for the rule in words).

Evidence per red line and sentence: which element groups are found (lexical cues per language,
denials removed), whether the practice is named outright, and how close the sentence's meaning is
to the red line's typical wordings (offline encoder). Knowledge-base wordings are encoded once per
encoder and library content, and kept in memory.

Meaning may stand in for one element only, never for two: a group supplied only by a weak element
(a camera, when the sentence is close in meaning) and a missing group cannot both be forgiven. The
inference itself may be read from meaning when the sentence has a verb of judgement ("scores each
applicant's positivity"), every other element is found, and the sentence is closer to this red
line's typical wordings than to any other red line's; the hit then says so.

A question states nothing: its elements count only when the next sentence answers "Yes".

A second tier, "possible", stops the screen from clearing a text that carries most of a red line:
a sentence, or a sentence read with the one before it ("The system watches staff on the shop
floor. It flags who seems disengaged."), that is closer in meaning to this red line than to any
other, at a cosine of at least POSSIBLE_SIMILARITY, states at least two of its elements in words
and lacks exactly one: never who acts, and the inference only where a verb of judgement stands in
its place. A weak element (a camera) counts there only where the red line lets it. Such a hit
carries status "possible", a confidence of at most POSSIBLE_CONFIDENCE and the missing element
named: a person confirms or dismisses it, and until then it blocks like any hit. A sentence with
a denial never gives one, nor one stating an element the library marks no_possible_hit (one-to-one
verification; people saying things of themselves), and a recorded exception sets it aside as it
does a confirmed hit.

A third source of "possible" hits is learned (`redline_model`): where neither tier fires, a
sentence or window whose probability under the red line's shipped logistic regression reaches the
model's threshold gives a possible hit, but only if it states at least one of the red line's
elements in words (LEARNED_GATE), denies nothing, states no element marked no_possible_hit, and no
recorded exception applies to the text. A model may set a threshold per red line, and a "free"
threshold: a sentence or window at or above it needs no element in words (the other conditions
still hold). The model is used only with the encoder it was trained
for; with another one (the hashing fake in unit tests) the layer is off unless a model is passed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from rightslens.core.knowledge.model import Item
from rightslens.core.mentions import affirmed_cue, declined_offers, hypothetical
from rightslens.core.redline_model import RedLineModel, shipped_model
from rightslens.core.screening_specs import Group, Spec, element_from, spec_from
from rightslens.core.semantic import Encoder, Vector, default_encoder
from rightslens.core.semantic.cache import encode_knowledge
from rightslens.core.textcues import (
    asks_for_own_use,
    clauses,
    cue_languages,
    denies_a_cue,
    language_of,
    question_answers,
    sentences,
)

#: Cosine (e5) at which a sentence counts as meaning what a red line's typical wordings mean,
#: so that one missing element is forgiven; and the range used to scale confidence.
SEMANTIC_FILL = 0.88
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.80, 0.93
#: Cosine from which a sentence with a verb of judgement may supply a red line's inference by
#: meaning (when it is also the red line the sentence is closest to, within BEST_MARGIN).
SEMANTIC_CORE = 0.90
BEST_MARGIN = 0.005
#: The "possible" tier (see the module docstring): the cosine a sentence or window needs, and the
#: confidence ceiling of a possible hit (below a confirmed hit's floor). Chosen on the dev split:
#: below 0.84 nothing more is found on dev; dev false alarms stay within 0.10 (benchmarks/README.md).
POSSIBLE_SIMILARITY = 0.84
POSSIBLE_CONFIDENCE = 0.4
#: Whether a sentence may be read together with the one before it for the possible tier.
POSSIBLE_WINDOWS = True
#: The kinds of element a possible hit may lack: never who acts (a fact to be stated).
POSSIBLE_MISSING = ("context", "inference", "data")
#: Whether an inference missing from a possible hit needs a verb of judgement in its place. With
#: it, meaning alone never stands for the inference (as for confirmed hits); on dev, dropping it
#: added false alarms (0.044 to 0.069) and no recall.
POSSIBLE_CORE_NEEDS_JUDGEMENT = True
#: How a window (two sentences read together) gets its vector: "mean", the normalised sum of its
#: sentences' vectors, costs no encoding ("encoded", one text, was two thirds of the encoder's time
#: on long descriptions: p95 895 -> 326 ms on fresh7, the same recall and false alarms on every
#: dev split and on fresh7; benchmarks/README.md). The learned layer is trained with the same.
WINDOW_VECTORS = "mean"
CONFIRMED, POSSIBLE = "confirmed", "possible"
#: What a learned hit needs stated in words: "sentence", an element of the red line in the
#: evidence sentence or window; "core", its inference or data there; "text", anywhere in the text.
#: Chosen by cross-validation on the dev splits (benchmarks/README.md).
LEARNED_GATE = "core"
#: Passed as `model` to use the shipped model when it fits the encoder (the default).
SHIPPED = "shipped"
JUDGEMENT = "judgement"


@dataclass(frozen=True)
class FoundHit:
    red_line_id: str
    evidence: str
    confidence: float
    matched_terms: tuple[str, ...]
    elements_found: tuple[str, ...]
    elements_missing: tuple[str, ...]
    method: str
    status: str = CONFIRMED

    def fields(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "evidence": self.evidence,
            "confidence": self.confidence,
            "matched_terms": self.matched_terms,
            "elements_found": self.elements_found,
            "elements_missing": self.elements_missing,
            "method": self.method,
        }


@dataclass(frozen=True)
class SetAside:
    red_line_id: str
    exception: str
    evidence: str


@dataclass(frozen=True)
class Screening:
    hits: tuple[FoundHit, ...]
    set_aside: tuple[SetAside, ...]
    method: str
    language: str


@dataclass(frozen=True)
class Prepared:
    """A text read once: its sentences and windows, their vectors and every element affirmed."""

    language: str
    readings: tuple[_Reading, ...]
    windows: tuple[_Reading, ...]
    vectors: tuple[Vector, ...]
    whole: Mapping[str, str]


@dataclass(frozen=True)
class _Reading:
    """What one sentence affirms: element id -> the cue that showed it; names found."""

    text: str
    elements: Mapping[str, str]
    names: Mapping[str, tuple[str, ...]]
    #: A denial reaches the words of an element or a named practice ("we do not store faces").
    negated: bool
    #: An open question in which the asker speaks of their own use: read as a request, and its
    #: hits are possible ones, for a person to decide.
    request: bool = False
    #: A denial anywhere in the sentence, whatever it reaches ("not on a server"): a sentence
    #: read by meaning alone must have none.
    denial: bool = False


class Screener:
    """Red lines and elements prepared once (wordings encoded) for screening many texts."""

    def __init__(
        self,
        items: Sequence[Item],
        encoder: Encoder,
        model: RedLineModel | str | None = SHIPPED,
    ) -> None:
        self.encoder = encoder
        self.model: RedLineModel | None = (
            shipped_model(encoder.name) if model == SHIPPED else model  # type: ignore[assignment]
        )
        if self.model is not None and (
            self.model.encoder != encoder.name
            or self.model.dim != getattr(encoder, "dim", self.model.dim)
        ):
            self.model = None
        self.learned_gate = LEARNED_GATE
        #: False only to measure the learned layer on its own (benchmarks/redline_train.py cv).
        self.use_rules = True
        self.elements = {i.id: element_from(i) for i in items if i.type == "red_line_element"}
        self.specs = [spec_from(i) for i in items if i.type == "red_line"]
        self.titles = {i.id: i.title for i in items}
        self._cue_cache: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._wordings: dict[str, list[Vector]] = {}
        every = [w for spec in self.specs for w in spec.wordings]
        vectors = dict(zip(every, encode_knowledge(encoder, every, "red-lines"), strict=True))
        for spec in self.specs:
            self._wordings[spec.id] = [vectors[w] for w in spec.wordings]
        # One matrix per red line, so a sentence is compared with all its wordings at once.
        self._matrices = {
            spec_id: np.asarray(rows, dtype=np.float32)
            for spec_id, rows in self._wordings.items()
            if rows
        }

    @property
    def method(self) -> str:
        return f"elements+semantic ({self.encoder.name})"

    @property
    def learned_method(self) -> str:
        return f"learned+elements ({self.encoder.name})"

    def prepare(self, text: str, *, lang: str = "") -> Prepared:
        """Reads and encodes a text; `judge` then weighs it (screen = prepare + judge)."""
        language = language_of(text, lang)
        parts = sentences(text)
        answers = question_answers(parts)
        declined = declined_offers(parts, language) | hypothetical(parts)
        readings = [
            _Reading(s, {}, {}, True, denial=True)
            if i in declined
            else self._reading(s, answer, parts[i - 1] if i else "", language)
            for i, (s, answer) in enumerate(zip(parts, answers, strict=True))
        ]
        windows = _windows(readings) if POSSIBLE_WINDOWS else []
        if WINDOW_VECTORS == "mean":
            vectors = _with_window_means(
                self.encoder.encode([r.text for r in readings]) if readings else [], readings
            )
        else:
            texts = [r.text for r in readings] + [w.text for w in windows]
            vectors = self.encoder.encode(texts) if texts else []
        whole = {e: cue for r in readings for e, cue in r.elements.items()}
        return Prepared(language, tuple(readings), tuple(windows), tuple(vectors), whole)

    def screen(self, text: str, *, lang: str = "") -> Screening:
        return self.judge(self.prepare(text, lang=lang))

    def judge(self, prepared: Prepared) -> Screening:
        readings, windows, vectors = prepared.readings, prepared.windows, prepared.vectors
        whole = prepared.whole
        similarities = [
            {spec.id: self._similarity(spec, v) for spec in self.specs} for v in vectors
        ]
        probabilities = (
            self.model.probabilities(vectors, _context(vectors, len(readings)))
            if self.model is not None and vectors
            else None
        )
        learned_index = self.model.index() if self.model is not None else {}
        hits: list[FoundHit] = []
        aside: list[SetAside] = []
        for spec in self.specs:
            best = None
            if self.use_rules:
                best = self._best(spec, readings, similarities[: len(readings)], whole)
                if best is None:
                    best = self._best_possible(spec, [*readings, *windows], similarities, whole)
            if best is None and probabilities is not None and spec.id in learned_index:
                best = self._best_learned(
                    spec, [*readings, *windows], probabilities[:, learned_index[spec.id]], whole
                )
            if best is None:
                continue
            local = _elements_of(best.evidence, [*readings, *windows])
            exception = next((e for e in spec.exception_ids if self._applies(e, whole, local)), "")
            if exception:
                aside.append(
                    SetAside(spec.id, self.titles.get(exception, exception), best.evidence)
                )
            else:
                hits.append(best)
        return Screening(tuple(hits), tuple(aside), self.method, prepared.language)

    def _best_learned(
        self,
        spec: Spec,
        readings: Sequence[_Reading],
        probabilities: np.ndarray,
        whole: Mapping[str, str],
    ) -> FoundHit | None:
        """The sentence or window the model finds most likely, if it passes the rules' gates."""
        assert self.model is not None
        threshold = self.model.threshold_for(spec.id)
        free = self.model.free_threshold
        best: FoundHit | None = None
        best_p = -1.0
        for reading, probability in zip(readings, probabilities, strict=True):
            p = float(probability)
            if p < threshold or p <= best_p:
                continue
            candidate = self._learned(spec, reading, p, whole, free is not None and p >= free)
            if candidate is not None:
                best, best_p = candidate, p
        return best

    def _learned(
        self,
        spec: Spec,
        reading: _Reading,
        probability: float,
        whole: Mapping[str, str],
        free: bool = False,
    ) -> FoundHit | None:
        """A learned possible hit, or None where the rules forbid one (see the module docstring).

        `free`: the probability reached the model's free_threshold, so no element need be stated
        (a denial or a no_possible_hit element still rules the hit out).
        """
        if not reading.text or reading.negated or self._plain(reading):
            return None
        gate = self.learned_gate
        core = spec.core
        found: list[str] = []
        missing: list[str] = []
        matched: list[str] = []
        stated = False
        for group in spec.groups:
            source = whole if gate == "text" else reading.elements
            present = [e for e in group.element_ids if e in source]
            if present:
                found.append(f"{group.kind}: {self.titles.get(present[0], present[0])}")
                matched.append(source[present[0]])
                if gate != "core" or group is core or group.kind == "data":
                    stated = True
            else:
                missing.append(
                    f"{group.kind}: " + " / ".join(self.titles.get(e, e) for e in group.element_ids)
                )
        if not stated and not spec.groups and spec.id in reading.names:
            stated = True
        if not stated and (not free or reading.denial):
            # Without a stated element, only a very likely sentence with no denial in it at all.
            return None
        found.append(f"learned classifier: probability {probability:.2f}")
        return FoundHit(
            spec.id,
            reading.text,
            round(POSSIBLE_CONFIDENCE * probability, 2),
            tuple(dict.fromkeys(matched)),
            tuple(found),
            tuple(missing),
            self.learned_method,
            POSSIBLE,
        )

    def _reading(self, sentence: str, answer: str, before: str, language: str) -> _Reading:
        """A question not answered "yes" states no element; one answered "no" is a denial, so
        the learned layer cannot fire on its wording either. An open question stays readable by
        the learned layer; where its asker speaks of their own use ("for our call centre, can
        your tool detect …?"), or did in the sentence before, it is a request and the rules
        read it too."""
        if answer in ("", "yes"):
            return self._read(sentence, language)
        if answer == "open" and asks_for_own_use(f"{before} {sentence}", language):
            return replace(self._read(sentence, language), request=True)
        return _Reading(sentence, {}, {}, answer == "no", denial=answer == "no")

    def _read(self, sentence: str, language: str) -> _Reading:
        langs = cue_languages(language)
        parts = clauses(sentence, language)
        elements: dict[str, str] = {}
        for element in self.elements.values():
            cue = affirmed_cue(
                parts,
                [c for lang in langs for c in element.cues.get(lang, ())],
                detected_excluded=element.not_when_detected,
            )
            if cue:
                elements[element.id] = cue
        names: dict[str, tuple[str, ...]] = {}
        for spec in self.specs:
            # A name is a whole phrase: "emotion recognition" must not find "recognitions".
            said = [
                name
                for lang in langs
                for name in spec.names.get(lang, ())
                if affirmed_cue(parts, [name.rstrip() + " "])
            ]
            if said:
                names[spec.id] = tuple(dict.fromkeys(said))
        negated = denies_a_cue(parts, self._all_cues(langs))
        denial = any(c.denied for c in parts)
        return _Reading(sentence, elements, names, negated, denial=denial)

    def _all_cues(self, langs: tuple[str, ...]) -> tuple[str, ...]:
        key = langs
        cached = self._cue_cache.get(key)
        if cached is None:
            cached = tuple(
                dict.fromkeys(
                    [
                        *(
                            c
                            for e in self.elements.values()
                            for x in langs
                            for c in e.cues.get(x, ())
                        ),
                        *(
                            n.rstrip() + " "
                            for spec in self.specs
                            for x in langs
                            for n in spec.names.get(x, ())
                        ),
                    ]
                )
            )
            self._cue_cache[key] = cached
        return cached

    def _applies(
        self, exception_id: str, whole: Mapping[str, str], local: Mapping[str, str] | None = None
    ) -> bool:
        """An exception found in the text applies unless an element that overrides it is found.
        An overriding context (a workplace, a public place) counts only in the sentence the hit
        rests on (`local`, where known): "Cameras recognise each cow by her face" stays an
        animal use though a later sentence says "Staff also spotted two lame cows". Overriding
        data or actions count anywhere: "faces are blurred on the public pages, but the originals
        go into a face database" keeps the scraping."""
        if exception_id not in whole:
            return False
        element = self.elements.get(exception_id)
        if element is None:
            return True
        return not any(e in self._scope(e, whole, local) for e in element.overridden_by)

    def _scope(
        self, element_id: str, whole: Mapping[str, str], local: Mapping[str, str] | None
    ) -> Mapping[str, str]:
        overriding = self.elements.get(element_id)
        if local is not None and overriding is not None and overriding.kind == "context":
            return local
        return whole

    def _best(
        self,
        spec: Spec,
        readings: Sequence[_Reading],
        similarities: Sequence[Mapping[str, float]],
        whole: Mapping[str, str],
    ) -> FoundHit | None:
        best: FoundHit | None = None
        for reading, sims in zip(readings, similarities, strict=True):
            closest = max(sims.values(), default=0.0)
            candidate = self._judge(
                spec, reading, sims[spec.id], whole, closest=sims[spec.id] >= closest - BEST_MARGIN
            )
            if candidate and reading.request:
                candidate = _requested(candidate)
            if candidate and (best is None or candidate.confidence > best.confidence):
                best = candidate
        return best

    def _best_possible(
        self,
        spec: Spec,
        readings: Sequence[_Reading],
        similarities: Sequence[Mapping[str, float]],
        whole: Mapping[str, str],
    ) -> FoundHit | None:
        best: FoundHit | None = None
        for reading, sims in zip(readings, similarities, strict=True):
            closest = sims[spec.id] >= max(sims.values(), default=0.0) - BEST_MARGIN
            if not closest or sims[spec.id] < POSSIBLE_SIMILARITY:
                continue
            candidate = self._possible(spec, reading, sims[spec.id], whole)
            if candidate and (best is None or candidate.confidence > best.confidence):
                best = candidate
        return best

    def _possible(
        self, spec: Spec, reading: _Reading, similarity: float, whole: Mapping[str, str]
    ) -> FoundHit | None:
        """Most of the red line, and close in meaning: a hit for a person to confirm, or None.

        Two elements at least are stated in words and exactly one of the kinds in
        POSSIBLE_MISSING is not; a verb of judgement standing where the inference would be is
        named. A sentence with a denial gives nothing.
        """
        core = spec.core
        if core is None or reading.denial or len(spec.groups) < 2 or self._plain(reading):
            return None
        found: list[str] = []
        missing: list[Group] = []
        matched: list[str] = []
        for group in spec.groups:
            source = reading.elements if group is core else whole
            present = [e for e in group.element_ids if e in source]
            # A weak element (a camera) counts only where the red line lets it: it and the missing
            # element would otherwise both be guesses ("die Kamera erkennt Kennzeichen").
            strong = [e for e in present if not self._weak(e) or group.weak_counts]
            hit = (strong or [""])[0]
            if hit:
                found.append(f"{group.kind}: {self.titles.get(hit, hit)}")
                matched.append(source[hit])
            else:
                missing.append(group)
        judged = self._judgement(reading)
        if len(missing) != 1 or len(found) < 2 or missing[0].kind not in POSSIBLE_MISSING:
            return None
        if missing[0] is core:
            if not judged and POSSIBLE_CORE_NEEDS_JUDGEMENT:
                return None
            if judged:
                found.append(f"{core.kind}: suggested by meaning (“{judged}”), not stated")
                matched.append(judged)
        span = SEMANTIC_CEILING - POSSIBLE_SIMILARITY
        nearness = max(0.0, min(1.0, (similarity - POSSIBLE_SIMILARITY) / span))
        return FoundHit(
            spec.id,
            reading.text,
            round(POSSIBLE_CONFIDENCE * (0.5 + 0.5 * nearness), 2),
            tuple(dict.fromkeys(matched)),
            tuple(found),
            (
                f"{missing[0].kind}: "
                + " / ".join(self.titles.get(e, e) for e in missing[0].element_ids),
            ),
            self.method,
            POSSIBLE,
        )

    def _plain(self, reading: _Reading) -> bool:
        """Whether the sentence states an element that rules out guessing (see Element.no_guess)."""
        return any(
            (element := self.elements.get(e)) is not None and element.no_guess
            for e in reading.elements
        )

    def _judgement(self, reading: _Reading) -> str:
        for element_id, cue in reading.elements.items():
            element = self.elements.get(element_id)
            if element is not None and element.kind == JUDGEMENT:
                return cue
        return ""

    def _weak(self, element_id: str) -> bool:
        element = self.elements.get(element_id)
        return element is not None and element.weak

    def _similarity(self, spec: Spec, vector: Vector) -> float:
        matrix = self._matrices.get(spec.id)
        if matrix is None:
            return 0.0
        return float(np.max(matrix @ np.asarray(vector, dtype=np.float32)))

    def _judge(
        self,
        spec: Spec,
        reading: _Reading,
        similarity: float,
        whole: Mapping[str, str],
        *,
        closest: bool = True,
    ) -> FoundHit | None:
        scaled = _scale(similarity)
        if spec.id in reading.names:
            said = reading.names[spec.id]
            return FoundHit(
                spec.id,
                reading.text,
                round(0.9 + 0.1 * scaled, 2),
                said,
                (f"the practice is named: “{said[0]}”",),
                (),
                "named+" + self.method,
            )
        core = spec.core
        if core is None:
            return None
        # The inference read from meaning: a verb of judgement, the closest red line, very close.
        judged = self._judgement(reading)
        # A verb of judgement stands in for an inference ("scores each applicant's positivity"),
        # never for an action: "compares your face" is not collecting faces from the internet.
        by_meaning = (
            core.kind == "inference"
            and not any(e in reading.elements for e in core.element_ids)
            and bool(judged)
            and closest
            and similarity >= SEMANTIC_CORE
        )
        if not by_meaning and not any(e in reading.elements for e in core.element_ids):
            return None
        found: list[str] = []
        missing: list[str] = []
        matched: list[str] = []
        close = similarity >= SEMANTIC_FILL
        soft = 1 if by_meaning else 0
        for group in spec.groups:
            source = reading.elements if group is core else whole
            present = [e for e in group.element_ids if e in source]
            # Elements that show, before weak ones that count only by the group's leave.
            strong = [e for e in present if not self._weak(e)] + [
                e for e in present if group.weak_counts and self._weak(e)
            ]
            hit = (strong or (present if close else []) or [""])[0]
            if group is core and by_meaning:
                found.append(f"{group.kind}: read from meaning (“{judged}”)")
                matched.append(judged)
            elif hit:
                found.append(f"{group.kind}: {self.titles.get(hit, hit)}")
                matched.append(source[hit])
                # A weak element (a camera) never pairs with an inference read from meaning.
                soft += 0 if strong and not (by_meaning and self._weak(hit)) else 1
            else:
                missing.append(
                    f"{group.kind}: " + " / ".join(self.titles.get(e, e) for e in group.element_ids)
                )
        share = (len(found) - soft) / len(spec.groups)
        # Meaning may forgive one missing element of a red line that has three or more, never
        # who acts (that is a fact to be stated), and never on top of another element it already
        # supplied. A two-element red line needs both stated: with its data missing, "sentiment
        # of product reviews" would read as emotion recognition.
        absent = [
            g
            for g in spec.groups
            if not (g is core and by_meaning)
            and not any(e in reading.elements or e in whole for e in g.element_ids)
        ]
        filled = (
            len(missing) == 1
            and soft == 0
            and close
            and not missing[0].startswith("actor")
            and (
                len(spec.groups) >= 3
                or (len(absent) == 1 and absent[0].meaning_may_supply and bool(judged))
            )
        )
        if missing and not filled:
            return None
        if soft > 1:
            return None
        confidence = round(min(1.0, 0.45 + 0.35 * share + 0.2 * scaled), 2)
        return FoundHit(
            spec.id,
            reading.text,
            confidence,
            tuple(dict.fromkeys(matched)),
            tuple(found),
            tuple(missing),
            self.method,
        )


def _elements_of(evidence: str, readings: Sequence[_Reading]) -> Mapping[str, str] | None:
    """The elements of the sentence (or window) a hit quotes, or None if none matches."""
    return next((r.elements for r in readings if r.text == evidence), None)


def _requested(hit: FoundHit) -> FoundHit:
    """A hit read from a buyer's request is a possible one: what was asked for, not yet done."""
    return replace(hit, status=POSSIBLE, confidence=min(hit.confidence, POSSIBLE_CONFIDENCE))


def _context(vectors: Sequence[Vector], sentences: int) -> np.ndarray | None:
    """The mean of a text's sentence vectors (the first `sentences` of `vectors`)."""
    if sentences <= 0:
        return None
    mean: np.ndarray = np.asarray(vectors[:sentences], dtype=np.float64).mean(axis=0)
    return mean


def _with_window_means(
    sentence_vectors: Sequence[Vector], readings: Sequence[_Reading]
) -> list[Vector]:
    """The sentences' vectors, then one per window (see `_windows`): the normalised sum of its two
    sentences' vectors, so that a window costs no encoding."""
    out = list(sentence_vectors)
    for i, (before, after) in enumerate(zip(readings, readings[1:], strict=False)):
        if before.text and after.text:
            pair = np.asarray(sentence_vectors[i], dtype=np.float64) + np.asarray(
                sentence_vectors[i + 1], dtype=np.float64
            )
            norm = float(np.linalg.norm(pair)) or 1.0
            out.append(tuple(float(x) for x in pair / norm))
    return out


def _windows(readings: Sequence[_Reading]) -> list[_Reading]:
    """Each sentence read with the one before it ("It watches staff. It flags who seems bored.")."""
    return [
        _Reading(
            f"{before.text} {after.text}",
            {**before.elements, **after.elements},
            {},
            before.negated or after.negated,
            before.request or after.request,
            before.denial or after.denial,
        )
        for before, after in zip(readings, readings[1:], strict=False)
        if before.text and after.text
    ]


def _scale(similarity: float) -> float:
    span = SEMANTIC_CEILING - SEMANTIC_FLOOR
    return max(0.0, min(1.0, (similarity - SEMANTIC_FLOOR) / span))


_SCREENERS: dict[tuple[str, str, str], Screener] = {}


def screener_for(
    items: Sequence[Item],
    encoder: Encoder | None = None,
    model: RedLineModel | str | None = SHIPPED,
) -> Screener:
    """A prepared screener, reused while the library content, the encoder and the model stay
    the same."""
    chosen = encoder or default_encoder()
    fingerprint = hashlib.sha256(
        repr([(i.id, i.type, sorted(i.fields.items())) for i in items]).encode()
    ).hexdigest()
    key = (
        chosen.name + f"@{id(chosen)}",
        fingerprint,
        str(model) if isinstance(model, str | None) else f"@{id(model)}",
    )
    if key not in _SCREENERS:
        if len(_SCREENERS) > 8:
            _SCREENERS.clear()
        _SCREENERS[key] = Screener(items, chosen, model)
    return _SCREENERS[key]
