"""Multilingual words that decide how strong a provision is, and whether a security exception is narrow.

These are grammar, not criteria: they apply to every criterion. Phrases are normalised with the same
function as the text (casefold, accents stripped, light stemming) before matching.
"""

from __future__ import annotations

from enum import IntEnum

from .text import normalise


class Modality(IntEnum):
    """How strongly a sentence asks for something. NEUTRAL is plain declarative drafting."""

    PERMISSION = 1
    EXPECTATION = 2
    NEUTRAL = 3
    OBLIGATION = 4


OBLIGATION_WORDS = (
    # en
    "shall",
    "must",
    "is required to",
    "are required to",
    "is obliged to",
    "are obliged to",
    "have to",
    "has to",
    "mandatory",
    # fr
    "doit",
    "doivent",
    "est tenu",
    "sont tenus",
    "est tenue",
    "sont tenues",
    "obligatoire",
    "il incombe",
    # es
    "debe",
    "deben",
    "debera",
    "deberan",
    "esta obligado",
    "estan obligados",
    "obligatorio",
    "obligatoria",
    # pt
    "deve",
    "devem",
    "devera",
    "deverao",
    "e obrigado",
    "sao obrigados",
    "obrigatorio",
    "obrigatoria",
    "fica obrigado",
    "ficam obrigados",
    # de
    "muss",
    "mussen",
    "ist verpflichtet",
    "sind verpflichtet",
    "hat sicherzustellen",
    "haben sicherzustellen",
    "verpflichtend",
    # A negated permission followed by "neither ... nor" forbids each act it lists.
    "may neither",
    "ne peut ni",
    "ne peuvent ni",
    "ne pourra ni",
    "ne pourront ni",
    "no puede ni",
    "no pueden ni",
    "no podra ni",
    "no podran ni",
    "nao pode nem",
    "nao podem nem",
    "nao podera nem",
    "nao poderao nem",
    "darf weder",
    "durfen weder",
)

# Promotional drafting: the text promotes something rather than requiring it. It reads as an
# expectation; a promotional law that names regulation gestures at future regulation (C14).
PROMOTIONAL_WORDS = (
    "se promueve",
    "se promovera",
    "promueve",
    "promovera",
    "promove",
    "se promove",
    "promeut",
    "promouvoit",
    "fordert",
    "aims to promote",
    "seeks to promote",
)

EXPECTATION_WORDS = (
    "should",
    "encourage",
    "encouraged",
    "call on",
    "call upon",
    "expected to",
    "are invited",
    "recommend",
    "recommended",
    "strive",
    "endeavour",
    "endeavor",
    "commit to",
    "work toward",
    "work towards",
    "devrait",
    "devraient",
    "encourage",
    "sont invite",
    "est invite",
    "recommande",
    "s efforcent",
    "deberia",
    "deberian",
    "se recomienda",
    "alienta",
    "fomenta",
    "procuraran",
    "procurara",
    "deveria",
    "deveriam",
    "recomenda",
    "incentiva",
    "estimula",
    "procurarao",
    "sollte",
    "sollten",
    "empfohlen",
    "ermutigt",
    "bemuhen sich",
    *PROMOTIONAL_WORDS,
)

# Discretionary hedges: "shall, where appropriate" leaves the duty to the actor's judgement, so a
# hedged rule reads as an expectation, not an obligation (LABELLING.md: "where appropriate" in a
# binding text is partial).
HEDGE_WORDS = (
    "where appropriate",
    "as appropriate",
    "if appropriate",
    "where relevant",
    "where possible",
    "where feasible",
    "to the extent possible",
    "as far as possible",
    "le cas echeant",
    "s il y a lieu",
    "dans la mesure du possible",
    "cuando proceda",
    "si procede",
    "en su caso",
    "cuando corresponda",
    "en la medida de lo posible",
    "quando apropriado",
    "quando for o caso",
    "se for o caso",
    "quando cabivel",
    "na medida do possivel",
    "sempre que possivel",
    "gegebenenfalls",
    "soweit angemessen",
    "nach moglichkeit",
    "soweit moglich",
)

PERMISSION_WORDS = (
    "may",
    "can",
    "is allowed",
    "are allowed",
    "is permitted",
    "peut",
    "peuvent",
    "pourra",
    "pourront",
    "puede",
    "pueden",
    "podra",
    "podran",
    "pode",
    "podem",
    "podera",
    "poderao",
    "kann",
    "konnen",
)

# Words that release actors from a duty: a core element in such a sentence works against the criterion.
RELEASE_WORDS = (
    "not be required to",
    "not required to",
    "no obligation to",
    "is not obliged",
    "are not obliged",
    "exempt from",
    "exempted from",
    "shall be exempt",
    "waive",
    "n est pas tenu",
    "ne sont pas tenu",
    "dispense de",
    "exonere de",
    "n est pas oblige",
    "no estara obligado",
    "no estaran obligado",
    "no esta obligado",
    "exento de",
    "exenta de",
    "dispensado de",
    "dispensada de",
    "nao sera obrigado",
    "nao e obrigado",
    "nao sao obrigado",
    "dispensado de",
    "dispensada de",
    "isento de",
    "ficam dispensado",
    "ist nicht verpflichtet",
    "sind nicht verpflichtet",
    "befreit von",
    "sind befreit",
    "ist befreit",
)

# Words that keep a national-security or defence exception narrow and conditioned.
NARROWING_WORDS = (
    "strictly necessary",
    "necessary and proportionate",
    "proportionate",
    "subject to",
    "provided that",
    "judicial authoriz*",
    "prior authoriz*",
    "case by case",
    "exceptional*",
    "only to the extent",
    "strictement necessaire",
    "sous reserve",
    "proportionne*",
    "autorisation prealable",
    "a condition que",
    "estrictamente necesari*",
    "siempre que",
    "sujeto a",
    "proporcionad*",
    "autorizacion judicial",
    "estritamente necessari*",
    "desde que",
    "sujeito a",
    "proporciona*",
    "autorizacao judicial",
    "unbedingt erforderlich",
    "vorbehaltlich",
    "sofern",
    "verhaltnismassig",
    "richterlich*",
)


def _patterns(words: tuple[str, ...]) -> tuple[str, ...]:
    result = []
    for word in words:
        if word.endswith("*"):
            result.append(normalise(word.rstrip("*")).rstrip())
        else:
            result.append(normalise(word))
    return tuple(dict.fromkeys(result))


_OBLIGATION = _patterns(OBLIGATION_WORDS)
_EXPECTATION = _patterns(EXPECTATION_WORDS)
_PERMISSION = _patterns(PERMISSION_WORDS)
_HEDGE = _patterns(HEDGE_WORDS)
_PROMOTIONAL = frozenset(p.strip() for p in _patterns(PROMOTIONAL_WORDS))


def is_promotional(modal_word: str) -> bool:
    """Whether the word that set a sentence's modality is promotional ("se promueve")."""
    return modal_word in _PROMOTIONAL


def hedge_in(normalised_sentence: str) -> str:
    """The discretionary hedge in a normalised sentence ("where appropriate"), or ''."""
    return next((p.strip() for p in _HEDGE if p in normalised_sentence), "")


_NARROWING_EACH = tuple(
    normalise(w.rstrip("*")).rstrip() if w.endswith("*") else normalise(w) for w in NARROWING_WORDS
)


# A permission word after one of these is inside a condition ("if they can be used"), not the rule.
# German puts the verb last, so a modal anywhere after "wenn" is inside the condition; elsewhere
# only a modal close behind the conjunction ("if it can", "si elle peut") is.
_VERB_FINAL_CONDITIONS = ("wenn", "fall", "sofern", "soweit")
_NEAR_CONDITIONS = ("if", "where", "when", "unles", "si", "lorsque", "cuando", "quando", "caso")


def modality_of(normalised_sentence: str) -> tuple[Modality, str]:
    """The strongest modality in a normalised sentence, and the word that shows it. A discretionary
    hedge ("where appropriate", "le cas échéant") brings a rule or plain statement down to an
    expectation."""
    level, word = _strongest(normalised_sentence)
    if level >= Modality.NEUTRAL:
        hedge = hedge_in(normalised_sentence)
        if hedge:
            return Modality.EXPECTATION, hedge
    return level, word


def _strongest(normalised_sentence: str) -> tuple[Modality, str]:
    for level, patterns in (
        (Modality.OBLIGATION, _OBLIGATION),
        (Modality.EXPECTATION, _EXPECTATION),
        (Modality.PERMISSION, _PERMISSION),
    ):
        for pattern in patterns:
            at = normalised_sentence.find(pattern)
            if at < 0:
                continue
            if level is Modality.PERMISSION and _inside_condition(normalised_sentence, at):
                continue
            return level, pattern.strip()
    return Modality.NEUTRAL, ""


def _inside_condition(normalised_sentence: str, at: int) -> bool:
    before = normalised_sentence[:at].split()
    if any(word in before for word in _VERB_FINAL_CONDITIONS):
        return True
    return any(word in before[-4:] for word in _NEAR_CONDITIONS)


_RELEASE = _patterns(RELEASE_WORDS)


def releases(normalised_sentence: str) -> str:
    """The release phrase in a normalised sentence, or ''."""
    return next((p.strip() for p in _RELEASE if p in normalised_sentence), "")


def narrowing_in(normalised_text: str) -> list[str]:
    """The narrowing words (as written in NARROWING_WORDS) that occur in a normalised text."""
    return [
        word.rstrip("*")
        for word, pattern in zip(NARROWING_WORDS, _NARROWING_EACH, strict=True)
        if pattern in normalised_text
    ]
