"""A briefing for parliament: what the instrument does well, its gaps ranked by how much they
matter to people, and amendments tied to article numbers. Pure data; the app renders it.

How much a gap matters to people: a criterion's weight says how directly its absence leaves
people exposed to severe, hard-to-remedy harm (red lines, remedy, blanket security exemptions and
due diligence first; coordination and capacity last), following the UNGPs' severity logic
(Principles 14 and 24: scale, scope, irremediability). A contrary finding weighs more than an
absent one, an absent one more than a partial one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# 3: its absence leaves people directly exposed to severe or irremediable harm;
# 2: it decides whether harm is found and put right; 1: it shapes the system around it.
PEOPLE_WEIGHT: dict[str, int] = {
    "C10": 3,
    "C11": 3,
    "C7": 3,
    "C2": 3,
    "C6": 3,
    "C21": 3,
    "C3": 2,
    "C5": 2,
    "C8": 2,
    "C9": 2,
    "C12": 2,
    "C15": 2,
    "C17": 2,
    "C18": 2,
    "C1": 2,
    "C4": 1,
    "C13": 1,
    "C14": 1,
    "C16": 1,
    "C19": 1,
    "C20": 1,
}
STATUS_WEIGHT = {"contrary": 3, "absent": 2, "partial": 1, "addressed": 0}


@dataclass(frozen=True)
class BriefingFinding:
    code: str
    title: str
    status: str
    explanation: str
    recommendation: str
    evidence: tuple[tuple[str, str], ...]  # (ref, quoted text)
    closest: tuple[str, ...] = ()
    basis: str = ""


@dataclass(frozen=True)
class Amendment:
    code: str
    where: str  # "Amend Art. 5" or "Insert a new article after Art. 12"
    text: str


@dataclass(frozen=True)
class Briefing:
    title: str
    summary: tuple[str, ...]
    strengths: tuple[BriefingFinding, ...]
    gaps: tuple[BriefingFinding, ...]  # most important to people first
    amendments: tuple[Amendment, ...]
    annex: tuple[BriefingFinding, ...]


def _article(ref: str) -> str:
    return ref.split("(")[0].split(" §")[0].split(" sole")[0].split(" [")[0].strip()


def gap_weight(finding: BriefingFinding) -> tuple[int, int]:
    return (
        PEOPLE_WEIGHT.get(finding.code, 1) * STATUS_WEIGHT.get(finding.status, 0),
        STATUS_WEIGHT.get(finding.status, 0),
    )


def amendment_for(finding: BriefingFinding) -> Amendment:
    """Amend the article the evidence is in; when nothing touches it, insert beside the closest."""
    quoted = [_article(ref) for ref, _text in finding.evidence if ref and ref != "Preamble"]
    if quoted and finding.status != "absent":
        where = "Amend " + ", ".join(dict.fromkeys(quoted[:2]))
    else:
        near = next(
            (_article(r) for r in finding.closest if r.startswith(("Art.", "Section", "§"))), ""
        )
        where = f"Insert a new provision after {near}" if near else "Insert a new provision"
    return Amendment(finding.code, where, finding.recommendation)


def build_briefing(title: str, findings: Sequence[BriefingFinding]) -> Briefing:
    strengths = tuple(f for f in findings if f.status == "addressed")
    gaps = tuple(
        sorted(
            (f for f in findings if f.status != "addressed"),
            key=lambda f: (-gap_weight(f)[0], -gap_weight(f)[1], f.code),
        )
    )
    counts = {s: sum(1 for f in findings if f.status == s) for s in STATUS_WEIGHT}
    summary = [
        f"Of {len(findings)} criteria drawn from the UN Guiding Principles, the instrument addresses "
        f"{counts['addressed']}, addresses {counts['partial']} in part, leaves {counts['absent']} out"
        + (f" and works against {counts['contrary']}." if counts["contrary"] else "."),
    ]
    if gaps:
        summary.append(
            "The gaps that matter most to people: "
            + "; ".join(f"{g.title} ({g.status})" for g in gaps[:3])
            + "."
        )
    if strengths:
        summary.append("It does well on: " + "; ".join(s.title for s in strengths[:4]) + ".")
    return Briefing(
        title=title,
        summary=tuple(summary),
        strengths=strengths,
        gaps=gaps,
        amendments=tuple(amendment_for(g) for g in gaps if g.recommendation),
        annex=tuple(findings),
    )
