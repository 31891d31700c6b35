"""Provisions that take liability or a route to remedy away from the people a measure protects.

Two shapes, each the rubric's own `contrary` example:

- a **bar on claims** (C7): a remedy signal tagged ``bar|`` (a private right of action, judicial
  actions against a body) in a sentence that bars it ("is not subject to a private right of action
  for a violation of this chapter or any other law", "ni la entidad … ni los servidores … podrán
  ser objeto de acciones judiciales"). An instrument that only *creates* no private right ("nothing
  in this Act creates a private right of action") leaves the routes other law gives: that is no
  bar, and stays with the ordinary gate;
- a **safe harbour** (C1): within one article, a liability shield ("may not be found liable if",
  "it is an affirmative defense that") and, after it, compliance with a voluntary framework or code
  ("substantially complies with … the Artificial Intelligence Risk Management Framework") as the
  ground, so the framework stands in place of rights as the standard.

Both are read only in operative text of a binding instrument: a voluntary text cannot take away
what the law gives (`carve_outs.Fault.VOLUNTARY`). Multilingual word lists (en/fr/es/pt/de),
matched on normalised text (see `text.normalise`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .carve_outs import operative
from .hits import Hit, Sentence
from .text import normalise


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(normalise(w).strip() for w in words) + r")\b")


# Words that make a sentence bar a claim rather than decline to create one.
BARRING_WORDS = (
    "not subject to",
    "is barred",
    "are barred",
    "shall be barred",
    "precludes",
    "preclude",
    "immune from",
    "immunity from",
    "no action shall lie",
    "no action lies",
    "may not bring",
    "no podran ser objeto",
    "ni podran ser objeto",
    "podran ser objeto de acciones",
    "no seran objeto",
    "nao poderao ser objeto",
    "nao serao objeto",
    "ne peuvent faire l objet",
    "ne peut faire l objet",
    "ne pourront faire l objet",
    "ne peut etre intentee",
    "ne peuvent etre intentees",
    "beneficie de l immunite",
    "beneficient de l immunite",
    "no action may be brought",
    "no proceedings may be brought",
    "no podra interponerse",
    "gozara de inmunidad",
    "gozaran de inmunidad",
    "gozara de imunidade",
    "gozarao de imunidade",
    "ist ausgeschlossen",
    "sind ausgeschlossen",
)
_BARRING = _pattern(BARRING_WORDS)
_NEGATED_LIST = re.compile(r"^(?:\w+ ){0,3}ni\b")


def bars_claims(hit: Hit) -> bool:
    """A remedy signal tagged as a claim (``bar|``) in a sentence that bars it. The Spanish
    "podrán ser objeto de acciones" bars only under a negation ("ni la entidad … ni …", "no")."""
    if hit.signal.facet != "bar":
        return False
    text = hit.sentence.normalised
    match = _BARRING.search(text)
    if not match:
        return False
    if match.group(0).startswith("podran"):
        return bool(_NEGATED_LIST.match(text.strip())) or " no podran " in text
    return True


# A shield from liability, or a defence against a claim.
SHIELD_WORDS = (
    "not be found liable",
    "not be held liable",
    "shall not be liable",
    "is not liable",
    "affirmative defense",
    "affirmative defence",
    "safe harbor",
    "safe harbour",
    "exonere de sa responsabilite",
    "exoneree de sa responsabilite",
    "n engage pas sa responsabilite",
    "exento de responsabilidad",
    "exenta de responsabilidad",
    "eximido de responsabilidad",
    "eximida de responsabilidad",
    "no sera responsable",
    "isento de responsabilidade",
    "isenta de responsabilidade",
    "nao sera responsabilizado",
    "nao sera responsabilizada",
    "haftet nicht",
    "von der haftung befreit",
)
_SHIELD = _pattern(SHIELD_WORDS)

# Compliance, and a voluntary framework or code named as what is complied with.
_COMPLIANCE = re.compile(
    r"\b(?:compl(?:y|ies|ied|iance|ying)|conform\w*|cumpl\w*|cumpr\w*|einhalt\w*|befolg\w*)\b"
)
_FRAMEWORK = re.compile(
    r"\b(?:risk management framework|recogni[sz]ed risk management|code of conduct|code of practice"
    r"|iso iec \d+|iso \d+|national institute of standards and technology|nist"
    r"|cadre de gestion des risques|code de conduite|marco de gestion de riesgos"
    r"|codigo de conducta|codigo de conduta|quadro de gestao de riscos|rahmenwerk"
    r"|verhaltenskodex)\b"
)

# How far after the shield the framework may be named (a shield's list of grounds runs long).
SHIELD_REACH = 1500


def safe_harbours(sentences: Sequence[Sentence], binding: bool) -> list[Sentence]:
    """Sentences that make compliance with a voluntary framework a ground for escaping liability:
    after a shield, in the same article and within `SHIELD_REACH` characters, a sentence that names
    the framework, with compliance named in it or in a sentence between (a chapeau "is otherwise in
    compliance with:" over its list). Nothing in a voluntary text, a heading, a definition or a
    preamble."""
    if not binding:
        return []
    found: list[Sentence] = []
    shield: Sentence | None = None
    complied = False
    for sentence in sentences:
        if not operative(sentence) or sentence.raw.rstrip().endswith("?"):
            continue
        text = sentence.normalised
        if _SHIELD.search(text):
            shield, complied = sentence, False
        elif shield is not None and (
            sentence.provision.article != shield.provision.article
            or sentence.span.start - shield.span.end > SHIELD_REACH
        ):
            shield = None
        if shield is None:
            continue
        complied = complied or bool(_COMPLIANCE.search(text))
        if complied and _FRAMEWORK.search(text):
            found.append(sentence)
    return found
