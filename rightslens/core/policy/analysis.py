"""Offline, deterministic alignment analysis: one finding per criterion, every claim tied to text.

Method: each provision is cut into sentences; each sentence is normalised and searched for the
criterion's signal phrases in the instrument's language. A criterion is `addressed` when a sentence
holds its core element in strong enough wording (binding text: an obligation or plain declarative
drafting; voluntary text: an expectation is enough), `partial` when it is only touched, only in
permissive wording, or only in part (facets), `contrary` when a provision works against it, and
`absent` otherwise. C11 has its own rule for security, defence and law-enforcement exemptions.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rightslens.core.semantic import Encoder, default_encoder
from rightslens.core.semantic.cache import encode_knowledge

from . import calibration
from .calibration import Calibrator, shipped_calibrator
from .criteria import Criterion
from .decision import Decision
from .hits import Hit, Sentence, find_hits, read_sentences
from .lexicon import Modality
from .provisions import Provision, split_provisions
from .retrieval import Retrieval, criterion_query, provision_vectors, retrieve
from .rules import RULES, decide
from .second_opinion import SecondOpinion
from .structure import (
    CrossReference,
    Definition,
    cross_references,
    definition_refs,
    definitions,
)
from .text import LANGUAGE_SUPPORT_NOTE, SUPPORTED_LANGUAGES, detect_language

METHOD_OFFLINE = "offline-rules-1"
METHOD_CALIBRATED = "offline-rules-1+learned-calibration-1"
MAX_QUOTE_CHARS = 500
#: The confidence a status set by the learned reading carries at most: below any rules' call.
LEARNED_CONFIDENCE = 0.5


class Status(StrEnum):
    ADDRESSED = "addressed"
    PARTIAL = "partial"
    ABSENT = "absent"
    CONTRARY = "contrary"


@dataclass(frozen=True)
class InstrumentMeta:
    title: str = ""
    jurisdiction: str = ""
    kind: str = ""
    binding: bool | None = None
    date: str = ""
    language: str = ""


@dataclass(frozen=True)
class Evidence:
    ref: str
    text: str
    start: int
    end: int
    page: int
    phrase: str


@dataclass(frozen=True)
class Finding:
    code: str
    title: str
    status: Status
    confidence: float
    evidence: tuple[Evidence, ...]
    explanation: str
    recommendation: str
    closest: tuple[str, ...] = ()  # provisions retrieved by meaning and wording, best first
    sources: tuple[str, ...] = ()  # where the criterion comes from (UNGP, UN or civil-society text)
    basis: str = ""  # ungp | un | civil_society: what kind of demand the criterion is
    second_opinion: SecondOpinion | None = None
    rules_status: str = (
        ""  # the rules' own status; differs from `status` when the learned reading moved it
    )
    learned_probability: float | None = None  # the learned reading's probability of `status`
    features: tuple[float, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Report:
    meta: InstrumentMeta
    language: str
    language_confidence: float
    binding: bool
    binding_inferred: bool
    provisions: tuple[Provision, ...]
    findings: tuple[Finding, ...]
    method: str = METHOD_OFFLINE
    seconds: float = 0.0
    characters: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    definitions: tuple[Definition, ...] = ()
    cross_references: tuple[CrossReference, ...] = ()
    source_text: str = field(default="", repr=False)


def infer_binding(meta: InstrumentMeta, all_sentences: Sequence[Sentence]) -> tuple[bool, bool]:
    """(binding, inferred). Metadata wins; otherwise obligation wording in 8 % or more of sentences."""
    if meta.binding is not None:
        return meta.binding, False
    if meta.kind in ("law", "regulation", "procurement_rule"):
        return True, True
    if meta.kind in ("guidance", "code_of_conduct", "national_action_plan", "incentive"):
        return False, True
    obligations = sum(1 for s in all_sentences if s.modality is Modality.OBLIGATION)
    return obligations >= 0.08 * max(1, len(all_sentences)), True


def analyse(
    text: str,
    criteria: Sequence[Criterion],
    meta: InstrumentMeta | None = None,
    on_progress: Callable[[int], None] | None = None,
    encoder: Encoder | None = None,
    calibrated: bool = True,
) -> Report:
    """Analyse one instrument. `on_progress` receives a percentage as criteria are judged.

    `calibrated`: let the shipped learned reading (`calibration`) move statuses within its limits;
    False gives the rules' statuses alone (training and comparison)."""
    started = time.perf_counter()
    progress = on_progress or (lambda _percent: None)
    meta = meta or InstrumentMeta()
    detected, share = detect_language(text)
    language = meta.language or detected
    provisions = tuple(split_provisions(text))
    all_sentences = read_sentences(text, provisions, frozenset(definition_refs(text, provisions)))
    binding, inferred = infer_binding(meta, all_sentences)
    encoder = encoder or default_encoder()
    hits_by_code = {c.code: find_hits(all_sentences, c.signals_for(language)) for c in criteria}
    wording_counts = Counter(
        ref
        for hits in hits_by_code.values()
        for ref in {h.sentence.provision.article for h in hits}
    )
    vectors = provision_vectors(encoder, text, provisions, wording_counts)
    # The criteria are knowledge: their vectors are encoded once and kept on disk.
    queries = encode_knowledge(encoder, [criterion_query(c) for c in criteria], "policy-criteria")
    progress(10)
    references = tuple(cross_references(text, provisions))
    model = shipped_calibrator(encoder.name) if calibrated else None
    shape = _Shape(binding, len(_articles(provisions)), len(text), model, provisions)
    findings = []
    for index, (criterion, query) in enumerate(zip(criteria, queries, strict=True), start=1):
        hits = hits_by_code[criterion.code]
        retrieval = retrieve(query, vectors, {h.sentence.provision.article for h in hits})
        hits.sort(key=lambda h: -retrieval.score(h.sentence.provision.article))
        findings.append(
            _finding(text, criterion, hits, shape, language, retrieval, all_sentences, references)
        )
        progress(10 + 90 * index // max(1, len(criteria)))
    notes = [LANGUAGE_SUPPORT_NOTE]
    articles = _articles(provisions)
    if len(vectors) < len(articles):
        notes.append(
            f"Meaning was read for {len(vectors)} of {len(articles)} articles, those the wording "
            "points at first: long texts are capped so the check stays fast."
        )
    if language not in SUPPORTED_LANGUAGES:
        notes.insert(
            0,
            f"The language '{language}' is not supported: findings of 'absent' mean nothing here.",
        )
    if inferred:
        notes.append(
            f"Binding force was not given, so it was inferred as {'binding' if binding else 'voluntary'}."
        )
    return Report(
        meta=meta,
        language=language,
        language_confidence=share if not meta.language else 1.0,
        binding=binding,
        binding_inferred=inferred,
        provisions=provisions,
        findings=tuple(findings),
        method=METHOD_CALIBRATED if model is not None else METHOD_OFFLINE,
        seconds=round(time.perf_counter() - started, 3),
        characters=len(text),
        notes=tuple(notes),
        definitions=tuple(definitions(text, provisions)),
        cross_references=references,
        source_text=text,
    )


@dataclass(frozen=True)
class _Shape:
    """What every criterion's finding needs to know about the instrument as a whole."""

    binding: bool
    articles: int
    characters: int
    model: Calibrator | None
    provisions: tuple[Provision, ...] = ()


def _articles(provisions: Sequence[Provision]) -> set[str]:
    return {p.article for p in provisions if not p.is_heading}


def _finding(
    text: str,
    criterion: Criterion,
    hits: list[Hit],
    shape: _Shape,
    language: str,
    retrieval: Retrieval,
    all_sentences: Sequence[Sentence] = (),
    references: Sequence[CrossReference] = (),
) -> Finding:
    decision = decide(
        criterion,
        hits,
        shape.binding,
        RULES.get(criterion.code),
        language,
        all_sentences,
        references,
    )
    explanation = decision.explanation
    if decision.status == "absent" and retrieval.standout is not None:
        explanation += (
            f" Closest by meaning, without the searched wording: {retrieval.standout.ref}"
            " (worth reading; meaning alone does not change the status)."
        )
    confidence = (
        decision.confidence
        if language in SUPPORTED_LANGUAGES
        else round(decision.confidence / 2, 2)
    )
    row = calibration.features(
        criterion.code,
        decision.status,
        decision.confidence,
        hits,
        retrieval,
        shape.binding,
        shape.articles,
        shape.characters,
    )
    finding = Finding(
        code=criterion.code,
        title=criterion.title,
        status=Status(decision.status),
        confidence=confidence,
        evidence=tuple(_evidence(text, hit) for hit in decision.evidence),
        explanation=explanation,
        recommendation=criterion.recommendation if decision.status != "addressed" else "",
        closest=tuple(c.ref for c in retrieval.ranked[:3]),
        sources=criterion.citations,
        basis=criterion.basis,
        rules_status=decision.status,
        features=row,
    )
    if shape.model is None or language not in SUPPORTED_LANGUAGES:
        return finding
    return _learned(text, finding, shape, retrieval, decision.explanation, criterion.recommendation)


def _learned(
    text: str,
    finding: Finding,
    shape: _Shape,
    retrieval: Retrieval,
    rules_said: str,
    recommendation: str,
) -> Finding:
    """The finding as the learned reading lets it stand (`calibration.calibrate`)."""
    assert shape.model is not None
    closest = _closest_provision(text, retrieval, shape.provisions)
    reading = calibration.calibrate(
        shape.model, finding.rules_status, finding.features, closest is not None
    )
    if not reading.changed:
        return replace(finding, learned_probability=reading.probability)
    status = Status(reading.status)
    percent = round(100 * reading.probability)
    if closest is not None and reading.status == "partial" and finding.rules_status == "absent":
        evidence: tuple[Evidence, ...] = (closest,)
        explanation = (
            f"Partial (learned reading, {percent} %): {closest.ref} is the closest article by "
            "meaning, and instruments that people labelled were usually partial where the "
            f"checker found this little; read it to confirm. The rules said: {rules_said}"
        )
    elif status is Status.ADDRESSED:
        evidence = finding.evidence
        explanation = (
            f"Addressed (learned reading, {percent} %): instruments that people labelled were "
            "usually judged addressed where the wording looked like this; the quotes below are "
            f"what the rules read, so read them to confirm. The rules said: {rules_said}"
        )
    else:
        evidence = finding.evidence
        explanation = (
            f"{status.capitalize()} (learned reading, {percent} %): instruments that people "
            "labelled were usually judged lower where the wording looked like this; the quotes "
            f"below are what the rules read. The rules said: {rules_said}"
        )
    return replace(
        finding,
        status=status,
        confidence=round(min(LEARNED_CONFIDENCE, reading.probability), 2),
        evidence=evidence,
        explanation=explanation,
        recommendation=recommendation if status is not Status.ADDRESSED else "",
        learned_probability=reading.probability,
    )


def _closest_provision(
    text: str, retrieval: Retrieval, provisions: Sequence[Provision]
) -> Evidence | None:
    """The best article by meaning and wording, quoted from its first non-heading provision."""
    if not retrieval.ranked:
        return None
    ref = retrieval.ranked[0].ref
    provision = next((p for p in provisions if p.article == ref and not p.is_heading), None)
    if provision is None:
        return None
    return _quote(text, provision, provision.start, provision.end, "")


def _evidence(text: str, hit: Hit) -> Evidence:
    span = hit.sentence.span
    return _quote(text, hit.sentence.provision, span.start, span.end, hit.signal.phrase)


def _quote(text: str, provision: Provision, start: int, end: int, phrase: str) -> Evidence:
    """Evidence from text[start:end], cut at a word before MAX_QUOTE_CHARS when longer."""
    if end - start > MAX_QUOTE_CHARS:
        cut = text.rfind(" ", start, start + MAX_QUOTE_CHARS)
        end = cut if cut > start else start + MAX_QUOTE_CHARS
    return Evidence(
        ref=provision.ref,
        text=text[start:end],
        start=start,
        end=end,
        page=provision.page,
        phrase=phrase,
    )


def report_json(report: Report) -> dict[str, object]:
    """The shape the CLI prints and the API returns."""
    meta = report.meta
    return {
        "instrument": {
            "title": meta.title,
            "jurisdiction": meta.jurisdiction,
            "type": meta.kind,
            "binding": report.binding,
            "binding_inferred": report.binding_inferred,
            "date": meta.date,
            "language": report.language,
            "language_confidence": report.language_confidence,
            "characters": report.characters,
            "provisions": len(report.provisions),
        },
        "criteria": [
            {
                "id": f.code,
                "title": f.title,
                "status": str(f.status),
                "confidence": f.confidence,
                "evidence": [
                    {"ref": e.ref, "text": e.text, "start": e.start, "end": e.end}
                    for e in f.evidence
                ],
                "explanation": f.explanation,
                "recommendation": f.recommendation,
                "closest_provisions": list(f.closest),
                "second_opinion": _opinion_json(f.second_opinion),
                "rules_status": f.rules_status,
                "learned_probability": f.learned_probability,
                "basis": f.basis,
                "sources": list(f.sources),
            }
            for f in report.findings
        ],
        "structure": {
            "provisions": [
                {"ref": p.ref, "kind": p.kind, "path": list(p.path), "parent": p.parent}
                for p in report.provisions
            ],
            "definitions": [
                {"term": d.term, "ref": d.ref, "used_in": list(d.used_in)}
                for d in report.definitions
            ],
            "cross_references": [
                {"from": c.ref, "text": c_text, "to": c.target}
                for c, c_text in _cross_reference_texts(report)
            ],
        },
        "method": report.method,
        "notes": list(report.notes),
        "seconds": report.seconds,
    }


def _cross_reference_texts(report: Report) -> list[tuple[CrossReference, str]]:
    return [(c, report.source_text[c.start : c.end]) for c in report.cross_references]


def _opinion_json(opinion: SecondOpinion | None) -> dict[str, object] | None:
    if opinion is None:
        return None
    return {
        "status": opinion.status,
        "quotes": [{"text": q.text, "start": q.start, "end": q.end} for q in opinion.quotes],
        "dropped_quotes": opinion.dropped_quotes,
        "reason": opinion.reason,
    }


def with_second_opinions(report: Report, opinions: Mapping[str, SecondOpinion]) -> Report:
    """The report with each criterion's model opinion set beside the rules' finding."""
    findings = tuple(replace(f, second_opinion=opinions.get(f.code)) for f in report.findings)
    return replace(report, findings=findings, method=report.method + "+model-second-opinion")


__all__ = [
    "Decision",
    "Evidence",
    "Finding",
    "InstrumentMeta",
    "Report",
    "Status",
    "analyse",
    "report_json",
]
