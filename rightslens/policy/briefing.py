"""The briefing for parliament as DOCX (python-docx) and PDF (the report's PDF writer)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx import Document

from rightslens.core.policy.briefing import Briefing, BriefingFinding, build_briefing
from rightslens.ux.wording import core_text

from . import briefing_words as words
from .criteria_text import criterion_text
from .report_pdf import FALLBACK_NOTE, _Writer

SECTIONS = words.SECTIONS  # the English headings


def briefing_from_findings(title: str, findings: Iterable[Any]) -> Briefing:
    """From stored CriterionFinding rows (the reviewer's status wins over the machine's); criterion
    titles and recommendations in the reader's language where the library translates them."""
    return build_briefing(
        title,
        [
            BriefingFinding(
                code=f.code,
                title=criterion_text(f.code, "title", f.title),
                status=f.final_status,
                explanation=f.explanation,
                recommendation=criterion_text(f.code, "recommendation", f.recommendation),
                evidence=tuple((e["ref"], " ".join(e["text"].split())) for e in f.evidence),
                closest=tuple(f.closest),
                basis=f.basis_label,
            )
            for f in findings
        ],
    )


def _finding_lines(finding: BriefingFinding) -> list[str]:
    lines = [core_text(finding.explanation)]
    lines += [f'{ref}: "{text}"' for ref, text in finding.evidence]
    return lines


def render_docx(briefing: Briefing) -> bytes:
    document = Document()
    document.add_heading(words.title(briefing), level=0)
    document.add_heading(words.heading(0), level=1)
    for line in words.summary(briefing):
        document.add_paragraph(line)
    document.add_heading(words.heading(1), level=1)
    for finding in briefing.strengths:
        document.add_paragraph(
            f"{finding.title}: {core_text(finding.explanation)}", style="List Bullet"
        )
    document.add_heading(words.heading(2), level=1)
    for rank, finding in enumerate(briefing.gaps, start=1):
        document.add_paragraph(
            f"{rank}. {finding.title} ({words.status(finding)}; {words.basis(finding)}). "
            f"{core_text(finding.explanation)}"
        )
    document.add_heading(words.heading(3), level=1)
    for amendment in briefing.amendments:
        document.add_paragraph(
            f"{amendment.code}. {words.where(amendment.where)}: {amendment.text}"
        )
    document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx: py.typed, method unannotated
    document.add_heading(words.heading(4), level=1)
    for finding in briefing.annex:
        document.add_heading(f"{finding.title}: {words.status(finding)}", level=2)
        for line in _finding_lines(finding):
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_pdf(briefing: Briefing) -> bytes:
    writer = _Writer()
    writer.line(words.title(briefing), size=16, gap=3)
    if not writer.unicode:
        writer.line(FALLBACK_NOTE, size=9)
    writer.line(words.heading(0), size=13)
    for line in words.summary(briefing):
        writer.line(line)
    writer.line(words.heading(1), size=13)
    for finding in briefing.strengths:
        writer.line(f"- {finding.title}: {core_text(finding.explanation)}", size=9)
    writer.line(words.heading(2), size=13)
    for rank, finding in enumerate(briefing.gaps, start=1):
        status, explanation = words.status(finding), core_text(finding.explanation)
        writer.line(f"{rank}. {finding.title} ({status}). {explanation}", size=9)
    writer.line(words.heading(3), size=13)
    for amendment in briefing.amendments:
        writer.line(f"{amendment.code}. {words.where(amendment.where)}: {amendment.text}", size=9)
    writer.pdf.add_page()
    writer.line(words.heading(4), size=13)
    for finding in briefing.annex:
        writer.line(f"{finding.title}: {words.status(finding)}", size=11, gap=0.5)
        for line in _finding_lines(finding):
            writer.line(line, size=8, gap=0.5)
    return bytes(writer.pdf.output())
