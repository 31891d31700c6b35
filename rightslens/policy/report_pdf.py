"""The shareable PDF report (fpdf2). Uses DejaVu Sans when installed so any accented text renders;
without it, falls back to a core font with text transliterated to Latin-1 and says so on the page."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from fpdf import FPDF

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
FALLBACK_NOTE = (
    "Note: no Unicode font (DejaVu Sans) was found on the server, so characters outside Latin-1 "
    "were transliterated in this PDF. The HTML report shows the exact text."
)


def _font_path() -> Path | None:
    return next((p for p in FONT_CANDIDATES if p.exists()), None)


def to_latin1(text: str) -> str:
    """Keep Latin-1 characters, map the rest to their closest ASCII (quotes, dashes, ligatures)."""
    replacements = {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u0153": "oe",
        "\u0152": "OE",
        "\f": " ",
    }
    out = []
    for ch in text:
        ch = replacements.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?")
    return "".join(out)


class _Writer:
    def __init__(self, font: Path | None) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.add_page()
        self.unicode = font is not None
        if font is not None:
            self.pdf.add_font("body", "", str(font))
            self.family = "body"
        else:
            self.family = "helvetica"

    def clean(self, text: str) -> str:
        text = text.replace("\f", " ")
        return text if self.unicode else to_latin1(text)

    def line(self, text: str, size: int = 10, gap: float = 1.5) -> None:
        self.pdf.set_font(self.family, size=size)
        self.pdf.multi_cell(0, size * 0.5, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)


def render_report_pdf(context: dict[str, Any]) -> bytes:
    """context: instrument, version, analysis, findings (CriterionFinding list)."""
    writer = _Writer(_font_path())
    instrument, version, analysis = context["instrument"], context["version"], context["analysis"]
    writer.line(f"UNGP alignment scorecard: {instrument.title}", size=16, gap=3)
    writer.line(
        f"{instrument.jurisdiction} - {instrument.get_kind_display()} - {'binding' if instrument.binding else 'voluntary'}"
        f" - {version.label} (version {version.number}) - language {analysis.language}",
    )
    writer.line(
        f"Method: {analysis.method} (criteria {analysis.criteria_version}). Machine findings are a draft for a reviewer.",
        size=9,
    )
    if not writer.unicode:
        writer.line(FALLBACK_NOTE, size=9)
    for finding in context["findings"]:
        review = finding.latest_review()
        writer.line(f"{finding.title}", size=12, gap=0.5)
        verdict = f"Machine: {finding.status} (confidence {finding.confidence:.2f})"
        if review:
            verdict += f"   Reviewer: {review.status} - {review.note}"
        writer.line(verdict, size=10, gap=0.5)
        writer.line(finding.explanation, size=9, gap=0.5)
        for item in finding.evidence:
            writer.line(
                f'{item["ref"]} (p. {item.get("page", 1)}): "{" ".join(item["text"].split())}"',
                size=8,
                gap=0.5,
            )
        if finding.recommendation:
            writer.line(f"Recommendation: {finding.recommendation}", size=9, gap=0.5)
        if finding.sources:
            sources = "; ".join(f"{s['label']} ({s['kind_label']})" for s in finding.sources_shown)
            writer.line(f"Basis: {finding.basis_label}. Sources: {sources}", size=8, gap=0.5)
        writer.pdf.ln(2)
    return bytes(writer.pdf.output())
