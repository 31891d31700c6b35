"""C11: a scope clause that excludes security, defence or law enforcement, judged wide or narrow."""

from __future__ import annotations

from collections.abc import Sequence

from .carve_outs import UNREAD, Fault, carves_out, conditions_in, fault_of
from .criteria import Criterion, Strength
from .decision import Decision, phrases, refs, unique
from .hits import Hit, surface


def decide_exemption(
    criterion: Criterion, hits: Sequence[Hit], binding: bool = True, language: str = ""
) -> Decision:
    """C11: a scope clause that excludes security, defence or law enforcement, judged wide or narrow."""
    domain = [h for h in hits if h.signal.facet == "domain"]
    # Only operative exclusions count: not a heading, recital, question or disclaimer.
    exclusions = [
        h
        for h in hits
        if h.signal.strength is Strength.CONTRARY and fault_of(h, binding, language) not in UNREAD
    ]
    coverage = [h for h in hits if h.signal.strength is Strength.CORE]
    paired = [(e, d) for e in exclusions for d in domain if _near(e, d)]
    narrow = [
        (e, d) for e, d in paired if conditions_in(e.sentence.normalised + d.sentence.normalised)
    ]
    # Wide: unconditioned, and worded as a carve-out ("shall not apply", "excluded"); a sentence
    # that only names exceptions ("exceptions are set out in the annex") excludes nothing.
    wide = [(e, d) for e, d in paired if (e, d) not in narrow and carves_out(e, language)]
    if wide:
        e, d = wide[0]
        if not binding:
            return Decision(
                "partial",
                0.55,
                unique([e, d]),
                f"Partial: {e.sentence.provision.ref} leaves {surface(d)} uses out ('{surface(e)}'), "
                f"but {Fault.VOLUNTARY}.",
            )
        return Decision(
            "contrary",
            0.8,
            unique([e, d]),
            f"Contrary: {e.sentence.provision.ref} takes {surface(d)} uses out of the instrument "
            f"('{surface(e)}') with no condition that keeps the exception narrow.",
        )
    if narrow:
        e, d = narrow[0]
        words = ", ".join(conditions_in(e.sentence.normalised + d.sentence.normalised))
        return Decision(
            "addressed",
            0.65,
            unique([e, d]),
            f"Addressed: {e.sentence.provision.ref} contains a {surface(d)} exception, but it is "
            f"conditioned ({words}); check that the conditions are strict in practice.",
        )
    covered = [c for c in coverage if any(d.sentence is c.sentence for d in domain)]
    if covered:
        return Decision(
            "addressed",
            0.7,
            unique(covered),
            f"Addressed: {refs(covered)} expressly bring{'s' if len(covered) == 1 else ''} security-related uses within scope.",
        )
    note = (
        f" It mentions {phrases(domain)} ({refs(domain)}) without excluding or covering them."
        if domain
        else ""
    )
    return Decision(
        "absent",
        0.65,
        unique(domain),
        f"Absent: no scope clause excludes or expressly covers national security, defence, military or law-enforcement uses.{note}",
    )


def _near(exclusion: Hit, domain: Hit) -> bool:
    """Same sentence, or the domain follows the exclusion closely in the same provision or in one
    of its points (a lead-in "shall not apply to:" followed by its list)."""
    if exclusion.sentence is domain.sentence:
        return True
    own = exclusion.sentence.provision
    listed = domain.sentence.provision is own or domain.sentence.provision.parent == own.ref
    gap = domain.sentence.span.start - exclusion.sentence.span.end
    return listed and 0 <= gap <= 400
