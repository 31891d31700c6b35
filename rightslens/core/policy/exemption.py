"""C11: a scope clause that excludes security, defence or law enforcement, judged wide or narrow."""

from __future__ import annotations

from collections.abc import Sequence

from .carve_outs import UNREAD, Fault, carves_out, conditions_in, fault_of
from .criteria import Criterion, Strength
from .decision import Decision, partial, phrases, refs, unique
from .hits import Hit, surface
from .lexicon import narrowing_in
from .text import normalise


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
    # Security uses dealt with in an operative rule, neither excluded nor expressly covered: the
    # text does say something about them, but how far the rule reaches them cannot be judged (the
    # rubric's partial). It deals with them where it names a security body (police, armed forces,
    # intelligence) or weighs a security interest in an exception or condition ("unless", "where
    # necessary for national security"); national security named only as something to protect
    # ("assess risks to national security"), or in a definition, heading or preamble, is absent.
    # A point of a list counts: the list it sits in is usually the exception or the scope.
    operative = [
        d
        for d in domain
        if not (d.sentence.definition or d.sentence.heading)
        and d.sentence.provision.kind != "preamble"
        and (
            _names_security_body(d)
            or _weighs_exception(d.sentence.normalised)
            or d.sentence.provision.kind == "point"
        )
    ]
    # Security uses brought under conditions where the text deals with them ("the interception
    # may be ordered only by a judge, … strictly proportionate"): the rubric's addressed, any
    # exception limited by strict necessity, proportionality or prior authorisation.
    held = [d for d in operative if narrowing_in(d.sentence.normalised)]
    if held:
        words = ", ".join(narrowing_in(held[0].sentence.normalised))
        return Decision(
            "addressed",
            0.6,
            unique(held),
            f"Addressed: {refs(held)} deal{'s' if len(held) == 1 else ''} with {phrases(held)} "
            f"under conditions ({words}); check that they bind every security use.",
        )
    if operative:
        return partial(
            operative,
            [],
            "security-related uses are dealt with, but nothing says whether the instrument's "
            "safeguards fully apply to them or only in part",
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
    gap = domain.sentence.span.start - exclusion.sentence.span.end
    if domain.sentence.provision.parent == own.ref and exclusion.sentence.raw.endswith(":"):
        # A point of the list the exclusion introduces ("Se excluyen …: … c. las cámaras de la
        # Policía Nacional y de las Fuerzas Armadas"), however long the points before it.
        return gap >= 0
    listed = domain.sentence.provision is own or domain.sentence.provision.parent == own.ref
    return listed and 0 <= gap <= 400


# Domain phrases that name a security body or its use, not only a security interest.
_SECURITY_BODIES = (
    "enforcement",
    "armed forces",
    "forces armees",
    "fuerzas",
    "forcas armadas",
    "streitkrafte",
    "intelligence",
    "renseignement",
    "inteligencia",
    "nachrichtendienst",
    "strafverfolgung",
    "militar",
    "persecucao",
    "investigacao criminal",
    "maintien de l ordre",
    "aplicacion de la ley",
)
# Words that show a security interest being weighed in an exception or a condition.
EXCEPTION_CUES = (
    "unless",
    "except",
    "exempt",
    "restrict",
    "withh",
    "necessary",
    "required for",
    "porterait atteinte",
    "porter atteinte",
    "sauf",
    "necessaire",
    "salvo",
    "excepto",
    "necesari",
    "exceto",
    "necessari",
    "ausser",
    "einschrank",
    "verweiger",
    "erforderlich",
)
_CUES = tuple(normalise(w).strip() for w in EXCEPTION_CUES)


def _names_security_body(hit: Hit) -> bool:
    return any(word in hit.signal.pattern for word in _SECURITY_BODIES)


def _weighs_exception(normalised: str) -> bool:
    return bool(conditions_in(normalised)) or any(cue in normalised for cue in _CUES)
