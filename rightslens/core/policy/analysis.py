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
MAX_QUOTE_CHARS = 500


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
) -> Report:
    """Analyse one instrument. `on_progress` receives a percentage as criteria are judged."""
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
    findings = []
    for index, (criterion, query) in enumerate(zip(criteria, queries, strict=True), start=1):
        hits = hits_by_code[criterion.code]
        retrieval = retrieve(query, vectors, {h.sentence.provision.article for h in hits})
        hits.sort(key=lambda h: -retrieval.score(h.sentence.provision.article))
        findings.append(
            _finding(text, criterion, hits, binding, language, retrieval, all_sentences, references)
        )
        progress(10 + 90 * index // max(1, len(criteria)))
    notes = [LANGUAGE_SUPPORT_NOTE]
    articles = {p.article for p in provisions if not p.is_heading}
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
        seconds=round(time.perf_counter() - started, 3),
        characters=len(text),
        notes=tuple(notes),
        definitions=tuple(definitions(text, provisions)),
        cross_references=references,
        source_text=text,
    )


def _finding(
    text: str,
    criterion: Criterion,
    hits: list[Hit],
    binding: bool,
    language: str,
    retrieval: Retrieval,
    all_sentences: Sequence[Sentence] = (),
    references: Sequence[CrossReference] = (),
) -> Finding:
    decision = decide(
        criterion, hits, binding, RULES.get(criterion.code), language, all_sentences, references
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
    return Finding(
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
    )


def _evidence(text: str, hit: Hit) -> Evidence:
    start, end = hit.sentence.span.start, hit.sentence.span.end
    if end - start > MAX_QUOTE_CHARS:
        cut = text.rfind(" ", start, start + MAX_QUOTE_CHARS)
        end = cut if cut > start else start + MAX_QUOTE_CHARS
    return Evidence(
        ref=hit.sentence.provision.ref,
        text=text[start:end],
        start=start,
        end=end,
        page=hit.sentence.provision.page,
        phrase=hit.signal.phrase,
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
