"""The shareable PDF report (fpdf2). Uses DejaVu Sans when installed so any accented text renders;
without it, falls back to a core font with text transliterated to Latin-1 and says so on the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rightslens.common.pdf import DocumentPDF, font_dir, to_latin1  # noqa: F401  (to_latin1: re-exported)
from rightslens.ux.wording import core_label, core_text, report_text, sentence

from .criteria_text import criterion_text

FALLBACK_NOTE = (
    "Note: no Unicode font (DejaVu Sans) was found on the server, so characters outside Latin-1 "
    "were transliterated in this PDF. The HTML report shows the exact text."
)


def _font_path() -> Path | None:
    found = font_dir()
    return found / "DejaVuSans.ttf" if found else None


class _Writer:
    def __init__(self) -> None:
        self.pdf = DocumentPDF(margin=15)
        self.pdf.add_page()
        self.unicode = self.pdf.unicode
        self.family = self.pdf.body_font

    def clean(self, text: str) -> str:
        return self.pdf.clean(text)

    def line(self, text: str, size: int = 10, gap: float = 1.5) -> None:
        self.pdf.set_font(self.family, size=size)
        self.pdf.multi_cell(0, size * 0.5, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)


def render_report_pdf(context: dict[str, Any]) -> bytes:
    """context: instrument, version, analysis, findings (CriterionFinding list)."""
    writer = _Writer()
    instrument, version, analysis = context["instrument"], context["version"], context["analysis"]
    writer.line(sentence("policy.title", title=instrument.title), size=16, gap=3)
    binding = report_text("binding" if instrument.binding else "voluntary")
    edition = sentence(
        "policy.version", label=version.label, number=version.number, language=analysis.language
    )
    writer.line(
        f"{instrument.jurisdiction} - {instrument.get_kind_display()} - {binding} - {edition}"
    )
    writer.line(
        sentence("policy.method", method=analysis.method, criteria=analysis.criteria_version),
        size=9,
    )
    if not writer.unicode:
        writer.line(FALLBACK_NOTE, size=9)
    for finding in context["findings"]:
        review = finding.latest_review()
        writer.line(criterion_text(finding.code, "title", finding.title), size=12, gap=0.5)
        verdict = sentence(
            "policy.machine",
            status=core_label(finding.status),
            confidence=f"{finding.confidence:.2f}",
        )
        if review:
            reviewed = sentence(
                "policy.reviewer", status=core_label(review.status), note=review.note
            )
            verdict += f"   {reviewed}"
        writer.line(verdict, size=10, gap=0.5)
        writer.line(core_text(finding.explanation), size=9, gap=0.5)
        for item in finding.evidence:
            writer.line(
                f'{item["ref"]} (p. {item.get("page", 1)}): "{" ".join(item["text"].split())}"',
                size=8,
                gap=0.5,
            )
        if finding.recommendation:
            writer.line(
                sentence(
                    "policy.recommendation",
                    text=criterion_text(finding.code, "recommendation", finding.recommendation),
                ),
                size=9,
                gap=0.5,
            )
        if finding.sources:
            sources = "; ".join(f"{s['label']} ({s['kind_label']})" for s in finding.sources_shown)
            basis = sentence("policy.basis", basis=finding.basis_label, sources=sources)
            writer.line(basis, size=8, gap=0.5)
        writer.pdf.ln(2)
    return bytes(writer.pdf.output())
