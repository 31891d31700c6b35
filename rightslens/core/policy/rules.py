"""Status rules: from the signal hits of one criterion to a status, evidence, confidence and reasons.

General rule (every criterion unless RULES says otherwise):
- no hit at all -> absent;
- a contrary signal and no qualifying core element -> contrary;
- a core element in strong enough wording (and, where asked, enough facets) -> addressed;
- anything else that touches the criterion -> partial, with the reason stated.
"Strong enough": in a binding instrument an obligation or plain declarative drafting; hortatory
("should", "encourage") or permissive ("may") wording there is only partial. In a voluntary
instrument an expectation is enough, since it is judged by what it asks (devset README).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .carve_outs import SOFTENED, Fault, fault_of
from .coherence import decide_coherence
from .criteria import Criterion, Signal, Strength, find_phrase, parse_signal
from .decision import (
    MAX_EVIDENCE,
    Decision,
    absent_text,
    addressed_confidence,
    partial,
    phrases,
    pick,
    refs,
    sentence_refs,
)
from .exemption import decide_exemption
from .hits import Hit, Sentence, surface, surface_of
from .lexicon import Modality, is_promotional
from .liability import bars_claims, safe_harbours
from .reading import (
    Party,
    about_ai,
    about_digital,
    about_state_use,
    names_gazette,
    parties_in,
    sets_scope,
)
from .structure import CrossReference
from .text import normalise


@dataclass(frozen=True)
class Rule:
    min_facets: int = 0  # distinct facets needed for `addressed` (C4 actors, C15 before/after)
    needs_core: bool = True  # a core (+) phrase is needed for `addressed`
    modality_free: bool = (
        False  # a mention is enough (grounding, coherence): wording strength ignored
    )
    binding_force: bool = False  # about binding force itself: a voluntary text caps at partial
    exemption: bool = False  # the C11 scope-exemption rule
    releases: bool = True  # "not required to <core element>" works against the criterion
    state_duty: bool = False  # about the State's own conduct: the State must be the one obliged
    together: bool = False  # the facets must meet in one article (support AND its condition)
    ai_context: bool = False  # only passages about AI or automated systems count (red lines)
    other_kind: bool = False  # about mixing kinds of measure: a binding text naming "law" is no mix
    coherence: bool = False  # the C13 rule: a link to other law, a mechanism, or only an aim
    named_bearer: bool = False  # an instrument that names whom it binds is at least partial (C4)
    group_duty: bool = False  # a duty aimed at a named group at risk is a safeguard of its own (C6)
    ranked_by_severity: bool = False  # a duty to prioritise by criteria that include severity (C3)
    anchored: bool = False  # human rights named with the treaties that state them (C1)
    subject_first: bool = False  # its elements count only where its subject is named (C20: a plan)
    needs_power: bool = False  # a named body is not enough: powers or sanctions are (C9)
    # its facets are kinds of actor, counted only where they are obliged (C4)
    bearer_roles: bool = False
    about_business: bool = False  # only passages about companies count (C17: companies abroad)
    # publishing the instrument in the official gazette is its promulgation, not disclosure (C8)
    no_gazette: bool = False
    # compliance with a voluntary framework made a shield from liability is contrary (C1)
    safe_harbour: bool = False
    # a bar on claims outweighs the routes the instrument opens (C7: "not subject to a private
    # right of action … under any other law")
    bars_win: bool = False


RULES: dict[str, Rule] = {
    # Human rights named together with the international treaties or instruments that state them
    # ("human rights ... in the international treaties to which the State is party") anchor the
    # measure; a treaty named without human rights says nothing about this criterion.
    "C1": Rule(modality_free=True, anchored=True, safe_harbour=True),
    # Rights and powers are conferred with "may" ("any person may appeal", "the authority may fine").
    # A bar on claims takes a route away whatever other routes stay open (liability.py).
    "C7": Rule(modality_free=True, bars_win=True),
    # Several kinds of actor, fitted to role, is addressed; an instrument that names one kind of
    # duty-bearer (companies, federal institutions, the controller) is partial (LABELLING.md, C4).
    # What counts is who carries duties: two kinds of actor (developer, deployer, user, importer,
    # supplier, public body) each named as the subject of a duty. A whole supply chain that only
    # the company must look after is still one kind of duty-bearer (LABELLING.md, point 2).
    "C4": Rule(min_facets=2, needs_core=False, named_bearer=True, bearer_roles=True),
    # A named authority "with real powers (inspection, orders, fines), or breaches carry sanctions"
    # is addressed; a body named with no power to enforce (it "may audit", it is "competent") is the
    # rubric's "monitoring ... foreseen, but no body can enforce": partial.
    "C9": Rule(binding_force=True, modality_free=True, needs_power=True),
    "C11": Rule(exemption=True),
    # Release words here are usually about fees or paperwork, not about the criterion itself.
    "C13": Rule(coherence=True),
    "C14": Rule(binding_force=True, modality_free=True, releases=False, other_kind=True),
    "C16": Rule(releases=False),
    # The State's own use and procurement: a duty on public bodies, not a passing mention of them.
    "C12": Rule(state_duty=True),
    # A duty or ban aimed at a named group (children, women, persons with disabilities) is a
    # safeguard of its own; a group named only as a ground of discrimination is a mention.
    "C6": Rule(group_duty=True),
    # Prioritising risks by criteria that include their severity to people, named in the same
    # provision or in one it refers to ("according to the criteria in section 3"), is addressed.
    "C3": Rule(ranked_by_severity=True),
    # Red lines are uses of AI: a supply-chain law's ban on child labour is not one.
    "C10": Rule(ai_context=True),
    # State support tied to a human rights condition; trade agreements tied to policy space;
    # exports tied to a human rights test: the two halves must meet in one article.
    "C18": Rule(min_facets=2, needs_core=False, together=True),
    "C19": Rule(min_facets=2, needs_core=False, together=True),
    "C21": Rule(min_facets=2, needs_core=False, together=True),
    # A national action plan, with at least two of its expected elements.
    # A timeline or a review is an element of a plan only where a plan is called for or adopted:
    # in a law without one they are that law's own deadlines, not a national action plan.
    "C20": Rule(min_facets=1, modality_free=True, subject_first=True),
    "C15": Rule(min_facets=2, needs_core=False),
    # What is expected of companies based in the State when they act abroad: a mention of
    # "foreign" or "abroad" in a passage that names no company (foreign public bodies, foreign
    # talent) is not about it (the rubric's partial: companies' chains, or operations abroad).
    "C17": Rule(about_business=True),
    # "Le présent décret sera publié au Journal officiel" promulgates the text: no disclosure.
    "C8": Rule(no_gazette=True),
}

# Phrases with no facet only come near a criterion whose halves must meet (C18, C19): they make
# it partial and never count as one of its halves.
_OTHER_BAN_REASON = (
    "it prohibits, or tells actors to refrain from, practices with data or digital technology "
    "that are not uses of AI: harm ruled out in general terms, no AI use named"
)
_MENTION_REASON = (
    "it comes near the criterion without naming the State support or the trade or investment "
    "agreement it is about"
)

_VERB = {
    Modality.OBLIGATION: "requires",
    Modality.NEUTRAL: "provides for",
    Modality.EXPECTATION: "calls for",
    Modality.PERMISSION: "permits",
}


def decide(
    criterion: Criterion,
    hits: Sequence[Hit],
    binding: bool,
    rule: Rule | None = None,
    language: str = "",
    sentences: Sequence[Sentence] = (),
    references: Sequence[CrossReference] = (),
) -> Decision:
    """The status of one criterion. `sentences` (the whole instrument) is read only by rules
    that look beyond the criterion's own wording (a named duty-bearer for C4); `references` (the
    instrument's resolved cross-references) only by rules that follow them (C3)."""
    rule = rule or Rule()
    hits = operative_hits(hits, sentences)
    if rule.no_gazette:
        hits = [h for h in hits if not names_gazette(h.sentence.normalised)]
    if rule.about_business:
        hits = [h for h in hits if h.signal.strength is not Strength.TOUCH or about_companies(h)]
        # A place ("abroad", "im Ausland") is what companies do there only where the sentence names
        # one; elsewhere (data sent abroad, foreign intelligence) it is a mention. A company word
        # ("domiciled", "Tochtergesellschaft") is about them by itself.
        hits = [_mention(h) if _place_alone(h) else h for h in hits]
    if rule.ranked_by_severity:
        hits = [*hits, *_ranked_by_severity(hits, references)]
    if rule.anchored:
        hits = _anchored(hits)
    if rule.subject_first and not any(
        h.signal.strength is Strength.CORE or h.signal.facet == "subject" for h in hits
    ):
        hits = [h for h in hits if h.signal.strength is Strength.CONTRARY]
    if rule.exemption:
        return without_unfounded_contrary(
            decide_exemption(criterion, hits, binding, language), binding, language
        )
    if rule.coherence:
        return decide_coherence(criterion, hits, language)
    if rule.safe_harbour:
        harbours = safe_harbours(sentences, binding)
        if harbours:
            return _safe_harbour(harbours)
    decision = without_unfounded_contrary(
        _decide(criterion, hits, binding, rule, language), binding, language
    )
    if rule.named_bearer and decision.status == "absent":
        bearers = duty_bearers(sentences, binding)
        if bearers:
            named = sorted({str(s.addressee) for s in bearers})
            return _quoting(
                "partial",
                0.5,
                bearers,
                _BEARER_SIGNAL,
                f"Partial: {sentence_refs(bearers)} name{'s' if len(bearers) == 1 else ''} whom "
                f"the instrument binds ({', '.join(named)} only), so one kind of actor carries "
                "duties; nothing spreads them along the value chain by role.",
            )
    return decision


def _decide(
    criterion: Criterion, hits: Sequence[Hit], binding: bool, rule: Rule, language: str
) -> Decision:
    threshold = Modality.NEUTRAL if binding else Modality.EXPECTATION
    if rule.ai_context:
        # A sentence is about AI when it says so or names one of the criterion's AI uses.
        uses = {id(h.sentence) for h in hits if h.signal.strength is Strength.TOUCH}
        about = [h for h in hits if id(h.sentence) in uses or about_ai(h.sentence.normalised)]
        kept = {id(h) for h in about}
        other = [
            h
            for h in hits
            if h.signal.strength is Strength.CORE
            and id(h) not in kept
            and h.sentence.modality >= threshold
            and not h.sentence.released
            and about_digital(h.sentence.normalised)
        ]
        if not about and other:
            # A ban on something else (sensitive data, unfair practices, forced labour): harm
            # ruled out in general terms, the rubric's partial; no AI use is named.
            return partial(other, [], _OTHER_BAN_REASON)
        hits = about
    positive = [h for h in hits if h.signal.strength is not Strength.CONTRARY]
    against = [h for h in hits if h.signal.strength is Strength.CONTRARY]
    if (
        rule.other_kind
        and binding
        and not any(h.signal.strength is Strength.CORE for h in positive)
    ):
        # A binding text that merely names laws or regulations is not mixing in other tools,
        # unless it names them in promotional drafting ("se promueve ... la regulación"): then, like
        # a voluntary text, it gestures at future regulation, the criterion's partial case.
        positive = [h for h in positive if is_promotional(h.sentence.modal_word)]
    # Every candidate carve-out passes one gate: only a quoted, operative, wholesale one in a
    # binding text works against the criterion. A release that fails it stays a mention.
    candidates = [*against, *(h for h in positive if rule.releases and h.sentence.released)]
    faults = {id(h): fault_of(h, binding, language) for h in candidates}
    against = [h for h in candidates if faults[id(h)] is Fault.NONE]
    softened = [h for h in candidates if faults[id(h)] in SOFTENED]
    kept = {id(h) for h in against}
    positive = [h for h in positive if id(h) not in kept]
    if not positive and not against:
        if softened:
            return partial(softened, [], _softened_reason(softened, faults))
        return Decision("absent", 0.7, (), absent_text(criterion, language))

    def strong(hit: Hit) -> bool:
        # A hedged sentence ("where appropriate") only mentions the element, even where wording
        # strength is otherwise ignored.
        free = rule.modality_free and not hit.sentence.hedge
        return free or hit.sentence.modality >= threshold

    core = [h for h in positive if h.signal.strength is Strength.CORE]
    qualifying = [
        h
        for h in (core if rule.needs_core else positive)
        if strong(h) and _reads_as_duty(h, criterion, rule) and not h.sentence.released
    ]
    if rule.needs_power and qualifying and all(names_body(h) for h in qualifying):
        return partial(
            positive,
            core,
            "a body is named, but no provision gives it powers to enforce (inspection, orders, "
            "fines) or attaches sanctions to a breach",
        )
    if rule.group_duty and not qualifying:
        qualifying = _group_duties(positive, binding)
    facets = sorted({h.signal.facet for h in positive if h.signal.facet and strong(h)})
    if rule.bearer_roles:
        qualifying = [h for h in qualifying if h.signal.facet and obliged_actor(h, binding)]
        facets = sorted({h.signal.facet for h in qualifying})
    if rule.together:
        if not against and not _has_primary_facet(criterion, positive, language):
            # A near miss (a phrase with no facet: incentives, international cooperation) touches
            # the criterion without being the support or the treaty it is about: partial at most.
            mentions = [
                h for h in positive if not h.signal.facet and h.signal.strength is Strength.TOUCH
            ]
            if mentions:
                return partial(mentions, [], _MENTION_REASON)
            return Decision("absent", 0.7, (), absent_text(criterion, language))
        qualifying, facets = _together(qualifying, rule.min_facets)
    if against and not qualifying:
        return Decision("contrary", 0.75, pick(against, positive), _contrary_text(against))
    bars = [h for h in against if rule.bars_win and bars_claims(h)]
    if bars:
        return Decision("contrary", 0.75, tuple(bars[:MAX_EVIDENCE]), _bar_text(bars, qualifying))
    if qualifying and len(facets) >= rule.min_facets:
        if rule.binding_force and not binding:
            reason = "the instrument is voluntary, so it cannot itself supply the binding element this criterion is about"
            return partial(positive, core, reason)
        if against:
            return partial(
                qualifying, core, f"{refs(against)} also works against it ({phrases(against)})"
            )
        return Decision(
            "addressed",
            addressed_confidence(qualifying),
            pick(qualifying, positive),
            _addressed_text(qualifying),
        )
    return partial(
        positive, core, _partial_reason(criterion, rule, core, qualifying, facets, threshold)
    )


# Words that name a body rather than a power or a sanction ("competent authority", "regulator").
_BODY_WORDS = ("authorit", "autorit", "autoridad", "behorde", "regulator")


def names_body(hit: Hit) -> bool:
    """The signal names a supervisory body (its name, not what it can do)."""
    phrase = hit.signal.phrase.lower()
    return any(word in phrase for word in _BODY_WORDS)


# A supply or value chain is companies' by definition ("Lieferkette", "cadena de valor").
_CHAIN_WORDS = ("chain", "kette", "cadena", "cadeia", "chaine")


def about_companies(hit: Hit) -> bool:
    """The hit is a chain phrase, or its sentence names a company, provider or other business.
    Applied to mentions only: a core phrase ("headquartered", "Hauptverwaltung") is about a
    company's seat by itself, often in a list item whose chapeau names the company."""
    if any(word in hit.signal.pattern for word in _CHAIN_WORDS):
        return True
    return Party.BUSINESS in parties_in(hit.sentence.normalised)


def _place_alone(hit: Hit) -> bool:
    return hit.signal.facet == "place" and not about_companies(hit)


def _mention(hit: Hit) -> Hit:
    return Hit(hit.sentence, replace(hit.signal, strength=Strength.TOUCH))


def operative_hits(hits: Sequence[Hit], sentences: Sequence[Sentence]) -> Sequence[Hit]:
    """In an instrument with articles or sections, its preamble (recitals, "considerando", the
    decree's account of its consultation) says why, not what: its hits are dropped. An excerpt of
    recitals alone, with no article, is read as it stands."""
    if not any(s.provision.kind in ("article", "section") for s in sentences):
        return hits
    return [h for h in hits if h.sentence.provision.kind != "preamble"]


def without_unfounded_contrary(decision: Decision, binding: bool, language: str) -> Decision:
    """The last check on every `contrary`: its evidence must quote a carve-out that passes the
    gate (`carve_outs.fault_of`); otherwise the finding falls back to `partial`."""
    if decision.status != "contrary":
        return decision
    if any(fault_of(h, binding, language) is Fault.NONE for h in decision.evidence):
        return decision
    if not decision.evidence:
        return Decision("absent", 0.6, (), "Absent: no carve-out in operative text was found.")
    return partial(
        list(decision.evidence),
        [],
        "a carve-out was read, but no quoted clause in operative text removes protection wholesale",
    )


_BEARER_SIGNAL = parse_signal("bearer|duty-bearer")
_HARBOUR_SIGNAL = parse_signal("-harbour|compliance with a voluntary framework as a defence")


def _quoting(
    status: str, confidence: float, sentences: Sequence[Sentence], signal: Signal, text: str
) -> Decision:
    """A decision that quotes whole sentences a rule found, not phrase hits."""
    return Decision(
        status, confidence, tuple(Hit(s, signal) for s in sentences[:MAX_EVIDENCE]), text
    )


def _safe_harbour(harbours: Sequence[Sentence]) -> Decision:
    return _quoting(
        "contrary",
        0.75,
        harbours,
        _HARBOUR_SIGNAL,
        f"Contrary: compliance with a voluntary framework or code is made a ground for escaping "
        f"liability ({sentence_refs(harbours)}), so the framework stands in place of human rights "
        "as the standard.",
    )


def _bar_text(bars: Sequence[Hit], routes: Sequence[Hit]) -> str:
    others = (
        f"; the routes {refs(routes)} open{'s' if len(routes) == 1 else ''} do not restore it"
        if routes
        else ""
    )
    return f"Contrary: {refs(bars)} bars claims ({phrases(bars)}){others}."


def duty_bearers(sentences: Sequence[Sentence], binding: bool) -> list[Sentence]:
    """Sentences that name whom the instrument binds: a company, a public body or an authority
    that a rule obliges (in a binding text, plain drafting counts, with the party as its subject),
    or that a scope clause names. A party named only as a participant or beneficiary is not one."""
    bearers = (Party.BUSINESS, Party.STATE, Party.AUTHORITY)
    found = []
    for sentence in sentences:
        if sentence.heading or sentence.definition or sentence.addressee not in bearers:
            continue
        obliged = sentence.modality is Modality.OBLIGATION or (
            not binding and sentence.modality is Modality.EXPECTATION
        )
        subject = sentence.modality is Modality.NEUTRAL and binding and _opens_with_party(sentence)
        if obliged or subject or (binding and sets_scope(sentence.normalised)):
            found.append(sentence)
    return found


def obliged_actor(hit: Hit, binding: bool) -> bool:
    """The hit names the actor a duty is placed on: it stands in the subject of an operative
    sentence that obliges (or, in a voluntary text, expects), before the modal word ("the
    developer or deployer shall", "Las entidades ... deben"); in a binding text, plain drafting
    counts where the actor opens the sentence. An actor named after the verb (a supplier the
    company must check) receives the duty's effects, not the duty."""
    sentence = hit.sentence
    if sentence.definition or sentence.heading or sentence.narrow or sentence.hedge:
        return False
    if sentence.provision.kind == "preamble":
        return False
    asking = {Modality.OBLIGATION} if binding else {Modality.OBLIGATION, Modality.EXPECTATION}
    text = sentence.normalised
    if sentence.modality in asking and sentence.modal_word:
        cut = text.find(f" {sentence.modal_word} ")
    elif binding and sentence.modality is Modality.NEUTRAL:
        cut = len(" ".join(text.split()[:8]))
    else:
        return False
    at = find_phrase(hit.signal.pattern, text)
    return 0 <= at < cut and _names_actor(hit)


def _names_actor(hit: Hit) -> bool:
    """The phrase names a kind of actor in the value chain: a party ("Entwickler", "usuario"),
    a supplier or an importer, not a place in it ("eigenen Geschäftsbereich"). A public body
    counts as a user or buyer of the technology, not as the authority that supervises others."""
    facet = hit.signal.facet
    if facet == "public":
        return hit.sentence.addressee is not Party.AUTHORITY and about_state_use(
            hit.sentence.normalised
        )
    if facet in ("supplier", "importer"):
        return True
    return bool(parties_in(f" {normalise(hit.signal.phrase.rstrip('*'))} "))


def _opens_with_party(sentence: Sentence) -> bool:
    """Plain drafting whose grammatical subject is the party ("Decisions made by federal
    institutions are ...", "Toute société ... établit"): the party is named in the first words."""
    opening = " ".join(sentence.normalised.split()[:8])
    return sentence.addressee in parties_in(f" {opening} ")


def _has_primary_facet(criterion: Criterion, hits: Sequence[Hit], language: str) -> bool:
    """Criteria whose halves must meet are about their first facet (support, treaties, exports):
    without it the other half (often just "human rights") says nothing about the criterion."""
    facets = [s.facet for s in criterion.signals_for(language) if s.facet]
    return bool(facets) and any(h.signal.facet == facets[0] for h in hits)


def _together(hits: list[Hit], needed: int) -> tuple[list[Hit], list[str]]:
    """The hits of the first article whose own sentences hold `needed` distinct facets."""
    by_article: dict[str, list[Hit]] = {}
    for hit in hits:
        by_article.setdefault(hit.sentence.provision.article, []).append(hit)
    best: list[str] = []
    for group in by_article.values():
        facets = sorted({h.signal.facet for h in group if h.signal.facet})
        if len(facets) >= needed:
            return group, facets
        best = facets if len(facets) > len(best) else best
    return [], best


def _reads_as_duty(hit: Hit, criterion: Criterion, rule: Rule) -> bool:
    """A hit can make a criterion `addressed` only where the sentence reads as a rule for it:
    not a definition, not a narrow slice, not a prohibition of something else, and, for the
    State's own conduct, a sentence that obliges the State."""
    sentence = hit.sentence
    if rule.anchored and sentence.definition and not sentence.narrow:
        # Grounding: defining the protected rights by the human rights treaties that state them
        # ("geschützte Rechtspositionen ... aus den Übereinkommen zum Schutz der Menschenrechte")
        # is the grounding itself, for every duty that uses the defined term.
        return True
    if sentence.definition or sentence.narrow:
        return False
    if rule.state_duty:
        return (
            sentence.addressee in (Party.STATE, Party.UNKNOWN)
            and not sentence.prohibition
            and about_state_use(sentence.normalised)
        )
    return True


def _group_duties(hits: Sequence[Hit], binding: bool) -> list[Hit]:
    """Hits naming a group at risk in an operative duty or ban of its own: an obligation (or, in a
    voluntary text, an expectation) or a prohibition, not in a definition, a narrow slice or the
    preamble, and not a list of discrimination grounds (that sentence names bias: a mention)."""
    biased = {id(h.sentence) for h in hits if h.signal.facet == "bias"}
    # Plain drafting describes; only a sentence that asks something is a duty of its own.
    asking = {Modality.OBLIGATION} if binding else {Modality.OBLIGATION, Modality.EXPECTATION}
    return [
        h
        for h in hits
        if h.signal.facet == "group"
        and id(h.sentence) not in biased
        and (h.sentence.modality in asking or h.sentence.prohibition)
        and not h.sentence.hedge
        and not (h.sentence.definition or h.sentence.narrow or h.sentence.heading)
        and h.sentence.provision.kind != "preamble"
    ]


def _ranked_by_severity(hits: Sequence[Hit], references: Sequence[CrossReference]) -> list[Hit]:
    """A core hit for each sentence that asks to rank or prioritise (facet `rank`) where its own
    provision, or a provision it refers to, names severity (facet `severity`)."""
    severe_places = {
        place
        for h in hits
        if h.signal.facet == "severity"
        for place in (h.sentence.provision.ref, h.sentence.provision.article)
    }
    found = []
    for hit in hits:
        if hit.signal.facet != "rank" or hit.sentence.definition or hit.sentence.narrow:
            continue
        provision = hit.sentence.provision
        targets = {c.target for c in references if c.ref == provision.ref and c.target}
        if {provision.ref, *targets} & severe_places:
            found.append(Hit(hit.sentence, replace(hit.signal, strength=Strength.CORE)))
    return found


def _anchored(hits: Sequence[Hit]) -> list[Hit]:
    """Treaty hits (facet `treaty`) count only in a sentence that also names human rights (facet
    `rights`), and there as the core element; elsewhere they are dropped."""
    with_rights = {id(h.sentence) for h in hits if h.signal.facet == "rights"}
    kept = []
    for hit in hits:
        if hit.signal.facet != "treaty":
            kept.append(hit)
        elif id(hit.sentence) in with_rights:
            kept.append(Hit(hit.sentence, replace(hit.signal, strength=Strength.CORE)))
    return kept


def _softened_reason(softened: Sequence[Hit], faults: dict[int, Fault]) -> str:
    why = "; ".join(dict.fromkeys(str(faults[id(h)]) for h in softened))
    return f"a carve-out touches it, but it does not remove protection wholesale: {why}"


def _partial_reason(
    criterion: Criterion,
    rule: Rule,
    core: list[Hit],
    qualifying: list[Hit],
    facets: list[str],
    threshold: Modality,
) -> str:
    scoped = [
        h for h in core if h.sentence.definition or h.sentence.narrow or h.sentence.prohibition
    ]
    if core and len(scoped) == len(core):
        kinds = sorted(
            {
                "a definition"
                if h.sentence.definition
                else "a narrow slice of the instrument"
                if h.sentence.narrow
                else "a prohibition of a single use"
                for h in scoped
            }
        )
        return f"its core element appears only in {' and '.join(kinds)}"
    if rule.state_duty and core:
        return "no provision obliges the State's own bodies to do it"
    if rule.bearer_roles:
        if facets:
            return f"only one kind of actor carries duties ({', '.join(facets)})"
        return "no provision places duties on two or more named kinds of actor along the chain"
    if qualifying and len(facets) < rule.min_facets:
        wanted = sorted({s.facet for group in criterion.signals.values() for s in group if s.facet})
        missing = [f for f in wanted if f not in facets]
        if not facets:
            return f"it states none of the needed elements ({', '.join(missing)}) in wording strong enough"
        return f"it covers {', '.join(facets)} but not {', '.join(missing)}"
    if core:
        words = sorted({h.sentence.modal_word or "plain statement" for h in core})
        level = "a binding" if threshold is Modality.NEUTRAL else "this"
        return f"the core element appears only in wording too weak for {level} instrument ({', '.join(words)})"
    examples = [
        s.phrase
        for group in criterion.signals.values()
        for s in group
        if s.strength is Strength.CORE
    ][:2]
    return "nothing states the criterion's core element" + (
        f" (for example: {'; '.join(examples)})" if examples else ""
    )


def _addressed_text(qualifying: Sequence[Hit]) -> str:
    first = max(qualifying, key=lambda h: h.sentence.modality)
    verb = _VERB[first.sentence.modality]
    modal = first.sentence.modal_word
    written = surface_of(first.sentence.raw, f" {modal} ") or modal
    word = f" ('{written}')" if modal else ""
    return f"Addressed: {first.sentence.provision.ref} {verb}{word} {phrases(qualifying)}; see also {refs(qualifying)}."


def _contrary_text(against: Sequence[Hit]) -> str:
    released = [
        h for h in against if h.sentence.released and h.signal.strength is not Strength.CONTRARY
    ]
    if released:
        hit = released[0]
        words = surface_of(hit.sentence.raw, f" {hit.sentence.released} ") or hit.sentence.released
        return (
            f"Contrary: {hit.sentence.provision.ref} releases actors from '{surface(hit)}' ('{words}'), "
            "and no provision requires it."
        )
    return f"Contrary: {refs(against)} works against the criterion ({phrases(against)}) and nothing states the opposite."
