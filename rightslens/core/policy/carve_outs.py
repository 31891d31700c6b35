"""When a provision removes protection wholesale: the one gate every `contrary` finding passes.

A criterion is `contrary` only when a quoted carve-out in operative text takes protection away:
an exclusion, exemption, derogation, release or ban, in a binding instrument, without a condition
that keeps it narrow. Not a heading, a definition, a recital or preamble, a question, nor a
sentence that says what the text itself does not do ("this guide does not replace the law",
"ces principes ne sont pas contraignants"). A voluntary guide cannot take away protection the law
gives, so its carve-outs are at most `partial`.

Multilingual word lists (en/fr/es/pt/de), matched on normalised text (see `text.normalise`).
"""

from __future__ import annotations

import re
from enum import StrEnum

from .criteria import Strength
from .hits import Hit, Sentence
from .lexicon import narrowing_in
from .text import normalise


class Fault(StrEnum):
    """Why a candidate carve-out is not one that removes protection wholesale."""

    NONE = ""
    NOT_OPERATIVE = "it is a heading, a definition, a recital or the preamble"
    QUESTION = "it asks a question"
    DISCLAIMER = "it says what the text itself does not do or is not meant to do"
    NO_CARVE_OUT = "it names the topic without excluding, exempting, releasing or banning anything"
    CONDITIONED = "it is conditioned, not wholesale"
    ONE_RULE = "it sets aside one part of the instrument, or keeps some of its rules, not the whole"
    VOLUNTARY = "a voluntary text cannot itself take away protection that the law gives"


# Operative carve-outs that are not wholesale: they still touch the criterion (`partial`).
SOFTENED = frozenset({Fault.CONDITIONED, Fault.ONE_RULE, Fault.VOLUNTARY})

# Sentences that are not read as carve-outs at all: not operative, a question or a disclaimer.
UNREAD = frozenset({Fault.NOT_OPERATIVE, Fault.QUESTION, Fault.DISCLAIMER})

# A sentence about the text itself: what it does not replace, create, impose or bind anyone to.
DISCLAIMER_WORDS = (
    "does not replace",
    "do not replace",
    "not replace",
    "is not a substitute",
    "are not a substitute",
    "no substitute for",
    "does not substitute",
    "not intended to",
    "not meant to",
    "is not binding",
    "are not binding",
    "not legally binding",
    "non binding",
    "does not create",
    "do not create",
    "does not impose",
    "do not impose",
    "does not constitute",
    "do not constitute",
    "does not establish",
    "do not establish",
    "does not supersede",
    "ne remplace pas",
    "ne remplacent pas",
    "ne se substitue pas",
    "ne se substituent pas",
    "n a pas pour objet",
    "n ont pas pour objet",
    "n a pas vocation",
    "n ont pas vocation",
    "n est pas contraignant",
    "ne sont pas contraignant",
    "non contraignant",
    "ne cree pas",
    "ne creent pas",
    "n impose pas",
    "n imposent pas",
    "ne constitue pas",
    "ne constituent pas",
    "no sustituye",
    "no sustituyen",
    "no reemplaza",
    "no reemplazan",
    "no es vinculante",
    "no son vinculante",
    "no vinculante",
    "no tiene caracter vinculante",
    "no tienen caracter vinculante",
    "no tiene por objeto",
    "no pretende",
    "no pretenden",
    "no crea",
    "no crean",
    "no impone",
    "no imponen",
    "no constituye",
    "no constituyen",
    "nao substitui",
    "nao substituem",
    "nao e vinculante",
    "nao sao vinculante",
    "nao vinculante",
    "nao tem carater vinculante",
    "nao tem por objetivo",
    "nao pretende",
    "nao pretendem",
    "nao cria",
    "nao criam",
    "nao impoe",
    "nao impoem",
    "nao constitui",
    "nao constituem",
    "ersetzt nicht",
    "ersetzen nicht",
    "ist nicht verbindlich",
    "sind nicht verbindlich",
    "nicht rechtsverbindlich",
    "unverbindlich",
    "begrundet keine",
    "begrunden keine",
    "schafft keine",
    "schaffen keine",
)
_DISCLAIMER = tuple(normalise(w) for w in DISCLAIMER_WORDS)

# Words that make a sentence a carve-out at all: negation, exclusion, exemption, derogation.
# "no" is a negation in Spanish and English only (Portuguese "no" means "in the").
_NEGATION = {
    "en": ("not", "no", "never", "nothing", "none"),
    "fr": ("ne", "n", "sans", "aucun", "aucune", "nul", "ni"),
    "es": ("no", "nunca", "sin", "ningun", "ninguna", "nada", "ni"),
    "pt": ("nao", "nunca", "sem", "nenhum", "nenhuma", "nada", "nem"),
    "de": ("nicht", "kein", "keine", "keinen", "keiner", "keines", "ohne"),
}
_NEGATION_WORDS = {
    language: frozenset(normalise(w).strip() for w in words)
    for language, words in _NEGATION.items()
}
_ALL_NEGATION = frozenset().union(*_NEGATION_WORDS.values()) - {"no"}
EXCLUSION_STEMS = (
    "exempt",
    "exclu",
    "except",
    "excep",
    "excet",
    "isent",
    "exent",
    "dispens",
    "waive",
    "ausgenommen",
    "ausgeschlossen",
    "befreit",
    "irrecorrivel",
    "insusceptible",
    "outside",
    "hors",
    "fuera",
    "fora",
    "prohibit",
    "interdit",
    "proib",
    "vedad",
    "verboten",
    "untersagt",
)

# Nouns that name exceptions without making one ("exceptions are discussed in the annex"): alone,
# they are no carve-out; a negation or an exclusion verb in the same sentence is needed.
EXCEPTION_NOUNS = ("exceptio", "excepcio", "excec", "ausnahm", "derog")

# Conditions that keep a carve-out narrow, beyond the narrowing words of the lexicon.
CONDITION_WORDS = (
    "unless",
    "except where",
    "except when",
    "save where",
    "a moins que",
    "sauf si",
    "sauf lorsque",
    "salvo que",
    "salvo cuando",
    "exceto quando",
    "salvo quando",
    "a menos que",
    "es sei denn",
    "ausser wenn",
    # An exclusion that holds only if something is so ("dies gilt nicht, wenn das soziale
    # Netzwerk … vereinbart hat"): conditioned.
    "does not apply if",
    "does not apply where",
    "shall not apply if",
    "shall not apply where",
    "ne s applique pas si",
    "ne s applique pas lorsque",
    "no se aplica si",
    "no se aplica cuando",
    "nao se aplica se",
    "nao se aplica quando",
    "gilt nicht wenn",
    "gilt nicht soweit",
    "gelten nicht wenn",
    "gelten nicht soweit",
    # A release that holds only once the actor proves something ("est exonéré de responsabilité
    # … s'il prouve que le fait … ne lui est nullement imputable"): a defence, conditioned.
    "if it proves",
    "if they prove",
    "if he proves",
    "s il prouve",
    "s ils prouvent",
    "si prueba",
    "si demuestra",
    "se provar",
    "se comprovar",
    "wenn er nachweist",
    "wenn sie nachweisen",
    # An exception granted on conditions listed after it ("Se exceptúa … conforme a lo
    # siguiente: I. Que … cuenten con autorización …").
    "conforme a lo siguiente",
    "bajo las siguientes condiciones",
    "en los terminos siguientes",
    "under the following conditions",
    "on the following conditions",
    "aux conditions suivantes",
    "nas seguintes condicoes",
    "unter folgenden voraussetzungen",
)
_CONDITION = tuple(normalise(w) for w in CONDITION_WORDS)


def fault_of(hit: Hit, binding: bool, language: str = "") -> Fault:
    """Why `hit` does not remove protection wholesale, or Fault.NONE when it does."""
    sentence = hit.sentence
    if not operative(sentence):
        return Fault.NOT_OPERATIVE
    if sentence.raw.rstrip().endswith("?"):
        return Fault.QUESTION
    if disclaims(sentence.normalised):
        return Fault.DISCLAIMER
    if not carves_out(hit, language):
        return Fault.NO_CARVE_OUT
    if conditioned(sentence.normalised):
        return Fault.CONDITIONED
    if sets_aside_one_rule(sentence.normalised):
        return Fault.ONE_RULE
    if not binding:
        return Fault.VOLUNTARY
    return Fault.NONE


def operative(sentence: Sentence) -> bool:
    """Neither a heading, a definition, nor a recital or the preamble."""
    return not (sentence.heading or sentence.definition or sentence.provision.kind == "preamble")


def disclaims(normalised: str) -> bool:
    return any(p in normalised for p in _DISCLAIMER)


# A sentence whose subject is one part of a provision ("Satz 2 ist nicht anzuwenden", "paragraph
# (3) does not apply", "o inciso II não se aplica"): what it sets aside is that rule, not the
# instrument's protection.
# Or whose subject is "this", the rule just stated ("dies gilt nicht …", "this does not apply to
# …", "ceci ne s'applique pas …").
_THIS_SUBJECTS = ("dies", "this", "that", "ceci", "cela", "esto", "ello", "lo anterior", "isto")
_AUXILIARIES = ("does", "do", "shall", "will", "not", "ne", "no", "nao")
_APPLIES = ("gilt", "gelten", "apply", "applies", "s applique", "se aplica", "aplica")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(normalise(w).strip()) for w in words)


_THIS_RULE = re.compile(
    rf"^(?:{_alternatives(_THIS_SUBJECTS)}) (?:(?:{_alternatives(_AUXILIARIES)}) ){{0,2}}"
    rf"(?:{_alternatives(_APPLIES)})\b"
)
# Written as the text reads them after normalising (which turns "this" into "thi").
_DETERMINERS = (
    *("the", "this", "that", "le", "la", "l", "el", "lo", "o", "a"),
    *("der", "die", "das", "dieser", "diese"),
)
_PART_OF_PROVISION = re.compile(
    r"^(?:(?:\d{1,3}|[a-z]) )?"
    rf"(?:(?:{_alternatives(_DETERMINERS)}) )?"
    r"(?:(?:preceding|foregoing|first|second|third|previous|present) )?"
    r"(?:satz|satze|absatz|absatze|unterabsatz|nummer|buchstabe|sentence|subsection|subparagraph"
    r"|subdivision|paragraph|point|alinea|alineas|inciso|incisos|apartado|apartados|parrafo"
    r"|parrafos|paragrafo|numero|letra|letras|item)\b"
)


# An exclusion from one named part of the instrument ("exempt from the provisions of Part IV",
# "exclus du chapitre III"), or one that keeps named rules ("except for section 12", "à l'exception
# de l'article 5", "salvo el artículo 12", "mit Ausnahme von § 12").
_NAMED_PART = (
    r"(?:part|chapter|title|section|sections|article|articles|chapitre|titre|capitulo|titulo"
    r"|articulo|artigo|teil|kapitel|abschnitt|paragraph) (?:[ivxlc]+|\d+)\b"
)
_FROM_A_PART = re.compile(
    r"\b(?:exempt|exclu|exceptuad|exent|isent|ausgenommen|befreit)\w* "
    r"(?:from|du|de|des|del|da|do|von)(?: \w+){0,4} "
    + _NAMED_PART
    + r"|\b(?:von den vorschriften|de lo dispuesto en|des dispositions d\w*|from the provision)"
    r"(?: \w+){0,2} " + _NAMED_PART
)
_KEEPS_RULES = re.compile(
    r"\b(?:except for|other than|save for|a l exception de(?: l| la| le)?|sauf(?: l| la| le)?"
    r"|salvo(?: el| lo dispuesto en el)?|excepto(?: el)?|exceto(?: o| a)?|mit ausnahme (?:von|der|des))"
    r" (?:" + _NAMED_PART + r"|\d+)"
)


# An exclusion from one activity the instrument governs, not from the instrument ("Queda excluida
# del intercambio la información que pueda afectar la seguridad nacional", "exempt from
# publication", "von der Übermittlung ausgenommen").
_ACTIVITIES = (
    r"(?:exchange|sharing|disclosure|publication|access|transfer|intercambio|publicacion"
    r"|divulgacion|acceso|transferencia|echange|partage|communication|divulgation|acce"
    r"|compartilhamento|divulgacao|publicacao|acesso|transferencia|austausch|veroffentlichung"
    r"|offenlegung|zugang|ubermittlung)"
)
# An exemption from another, named law ("are exempt from the California Public Records Act",
# "exentos de la Ley de Contratos"): that law's rule is set aside for them, not this
# instrument's protection. "Exempt from this Act" is not one.
_FROM_ANOTHER_LAW = re.compile(
    r"\b(?:exempt|exent|isent|exempte)\w* (?:from the|de la|du|da|do|del) "
    rf"(?:(?!{_alternatives(('this',))}\b|present\w*\b|provision\w*\b|disposi\w*\b)\w+ ){{1,5}}"
    r"(?:act|code|law|ley|loi|lei|codigo)\b"
)
_FROM_AN_ACTIVITY = re.compile(
    r"\b(?:exclu|exempt|exent|isent|exceptuad)\w* (?:from|du|de|des|del|da|do|of)"
    r"(?: (?:the|la|le|l|el|a|o|any|all))? " + _ACTIVITIES + r"\b"
    r"|\bvon (?:der|dem|den) " + _ACTIVITIES + r" ausgenommen"
)


# A sentence whose subject is the provisions of one named article ("Les dispositions de l'article
# 58 de la présente loi ne s'appliquent pas : …", "lo dispuesto en el artículo 12 no será
# aplicable …", "the provisions of section 12 do not apply …").
_NAMED_RULE_SUBJECT = re.compile(
    r"^(?:(?:les|las|los|the|as|os|lo|o|die) )?"
    r"(?:disposition|disposicion|provision|disposico|disposicao|dispuesto|disposto|vorschrift)\w*"
    r"(?: \w+){0,2} " + _NAMED_PART
)


def sets_aside_one_rule(normalised: str) -> bool:
    """The carve-out reaches one part of the instrument or keeps some of its rules: its subject is
    one part of a provision or the rule just stated, it exempts from one named part, or it names
    rules that still apply."""
    text = normalised.strip()
    return bool(
        _PART_OF_PROVISION.match(text)
        or _NAMED_RULE_SUBJECT.match(text)
        or _THIS_RULE.match(text)
        or _FROM_A_PART.search(text)
        or _FROM_AN_ACTIVITY.search(text)
        or _FROM_ANOTHER_LAW.search(text)
        or _KEEPS_RULES.search(text)
    )


# An exclusion that holds only in a case named later in the sentence ("Lo dispuesto en la presente
# ley no será aplicable a la recolección de datos, cuando la información del titular afecte a la
# defensa nacional"): conditioned, however many words stand between.
_LATER_CONDITION = re.compile(
    r"\b(?:no sera aplicable|no seran aplicables|no es aplicable|no se aplicara|does not apply"
    r"|shall not apply|do not apply|ne s applique pas|ne sont pas applicables|n est pas applicable"
    r"|nao se aplica|nao sera aplicavel|nao e aplicavel|gilt nicht|gelten nicht"
    r"|findet keine anwendung|finden keine anwendung)\b.{0,160}?\b"
    r"(?P<word>cuando|when|where|lorsque|quand|quando|wenn|soweit)\b"
)


# A sentence that opens on the case it holds in ("Lorsque … le Centre fournit une assistance …,
# toute personne … bénéficie des mêmes exemptions", "Where the authority so requests, …"): a rule
# for that case, conditioned. Not a bare "if" ("Si … se iniciare una acción penal, los
# especialistas … estarán exentos"): what it shields can still work against the criterion.
_OPENING_CONDITION = re.compile(
    r"^(?:(?:\d{1,3}|[a-z]|[ivx]{1,4}) )?"
    r"(?P<word>where|when|lorsque|lorsqu|quand|cuando|quando|wenn|soweit|sofern) "
)


def conditions_in(normalised: str) -> list[str]:
    """The words that keep a carve-out narrow ("strictly necessary", "unless"), as written."""
    # "not subject to" bars ("is not subject to appeal"); it sets no condition.
    normalised = normalised.replace(" not subject to ", " not ")
    extra = [w for w, p in zip(CONDITION_WORDS, _CONDITION, strict=True) if p in normalised]
    opening = _OPENING_CONDITION.match(normalised.strip())
    if opening:
        extra.append(opening.group("word"))
    later = _LATER_CONDITION.search(normalised)
    if later:
        extra.append(later.group("word"))
    return list(dict.fromkeys([*narrowing_in(normalised), *extra]))


def conditioned(normalised: str) -> bool:
    return bool(conditions_in(normalised))


def carves_out(hit: Hit, language: str = "") -> bool:
    """A release ("not required to"), or a negation or exclusion word in the sentence."""
    if hit.sentence.released:
        return True
    if hit.signal.strength is not Strength.CONTRARY:
        return False
    words = hit.sentence.normalised.split()
    negation = _NEGATION_WORDS.get(language, _ALL_NEGATION)
    return any(w in negation for w in words) or any(
        w.startswith(EXCLUSION_STEMS) and not w.startswith(EXCEPTION_NOUNS) for w in words
    )
