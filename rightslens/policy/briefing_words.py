"""The briefing's fixed text in the reader's language: headings, the summary, where to amend.

The core (core/policy/briefing.py) builds the briefing in English; the summary is rebuilt here from
the same findings with the sentences of rightslens.ux.wording (ids ``briefing.*``), and the headings
are report phrases (context ``report``). Criterion titles and recommendations are knowledge text and
are shown as the briefing holds them."""

from __future__ import annotations

from rightslens.core.policy.briefing import Briefing, BriefingFinding
from rightslens.ux.wording import core_label, core_text, report_text, sentence

SECTIONS = (
    "Summary",
    "What the instrument does well",
    "Gaps, ranked by how much they matter to people",
    "Recommended amendments",
    "Annex: the evidence",
)


def heading(index: int) -> str:
    return report_text(SECTIONS[index])


def title(briefing: Briefing) -> str:
    return sentence("briefing.title", title=briefing.title)


def status(finding: BriefingFinding) -> str:
    return core_label(finding.status)


def basis(finding: BriefingFinding) -> str:
    return finding.basis or report_text("basis not recorded")


def summary(briefing: Briefing) -> list[str]:
    """The summary lines, as the core builds them, in the reader's language."""
    counts = {s: sum(1 for f in briefing.annex if f.status == s) for s in STATUS}
    key = "briefing.counts_contrary" if counts["contrary"] else "briefing.counts"
    lines = [sentence(key, n=len(briefing.annex), **counts)]
    if briefing.gaps:
        gaps = "; ".join(f"{g.title} ({status(g)})" for g in briefing.gaps[:3])
        lines.append(sentence("briefing.gaps", gaps=gaps))
    if briefing.strengths:
        titles = "; ".join(s.title for s in briefing.strengths[:4])
        lines.append(sentence("briefing.strengths", titles=titles))
    return lines


STATUS = ("addressed", "partial", "absent", "contrary")


def where(text: str) -> str:
    """Where an amendment goes ("Amend Art. 5"), in the reader's language."""
    return core_text(text)
