"""The briefing for parliament as DOCX (python-docx) and PDF (the report's PDF writer)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx import Document

from rightslens.core.policy.briefing import Briefing, BriefingFinding, build_briefing

from .criteria_text import criterion_text
from .report_pdf import FALLBACK_NOTE, _Writer

SECTIONS = (
    "Summary",
    "What the instrument does well",
    "Gaps, ranked by how much they matter to people",
    "Recommended amendments",
    "Annex: the evidence",
)


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
    lines = [finding.explanation]
    lines += [f'{ref}: "{text}"' for ref, text in finding.evidence]
    return lines


def render_docx(briefing: Briefing) -> bytes:
    document = Document()
    document.add_heading(f"Briefing for parliament: {briefing.title}", level=0)
    document.add_heading(SECTIONS[0], level=1)
    for line in briefing.summary:
        document.add_paragraph(line)
    document.add_heading(SECTIONS[1], level=1)
    for finding in briefing.strengths:
        document.add_paragraph(f"{finding.title}: {finding.explanation}", style="List Bullet")
    document.add_heading(SECTIONS[2], level=1)
    for rank, finding in enumerate(briefing.gaps, start=1):
        document.add_paragraph(
            f"{rank}. {finding.title} ({finding.status}; {finding.basis or 'basis not recorded'}). "
            f"{finding.explanation}"
        )
    document.add_heading(SECTIONS[3], level=1)
    for amendment in briefing.amendments:
        document.add_paragraph(f"{amendment.code}. {amendment.where}: {amendment.text}")
    document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx: py.typed, method unannotated
    document.add_heading(SECTIONS[4], level=1)
    for finding in briefing.annex:
        document.add_heading(f"{finding.title}: {finding.status}", level=2)
        for line in _finding_lines(finding):
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_pdf(briefing: Briefing) -> bytes:
    writer = _Writer()
    writer.line(f"Briefing for parliament: {briefing.title}", size=16, gap=3)
    if not writer.unicode:
        writer.line(FALLBACK_NOTE, size=9)
    writer.line(SECTIONS[0], size=13)
    for line in briefing.summary:
        writer.line(line)
    writer.line(SECTIONS[1], size=13)
    for finding in briefing.strengths:
        writer.line(f"- {finding.title}: {finding.explanation}", size=9)
    writer.line(SECTIONS[2], size=13)
    for rank, finding in enumerate(briefing.gaps, start=1):
        writer.line(f"{rank}. {finding.title} ({finding.status}). {finding.explanation}", size=9)
    writer.line(SECTIONS[3], size=13)
    for amendment in briefing.amendments:
        writer.line(f"{amendment.code}. {amendment.where}: {amendment.text}", size=9)
    writer.pdf.add_page()
    writer.line(SECTIONS[4], size=13)
    for finding in briefing.annex:
        writer.line(f"{finding.title}: {finding.status}", size=11, gap=0.5)
        for line in _finding_lines(finding):
            writer.line(line, size=8, gap=0.5)
    return bytes(writer.pdf.output())
