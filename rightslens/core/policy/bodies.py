"""Names of public bodies: "Bundesamt für Wirtschaft und Ausfuhrkontrolle" names an office, it
does not control exports; "Comisión Nacional de Derechos Humanos" names a commission, it grounds
nothing. A signal phrase found inside such a name is not evidence of the thing the name mentions.

A name is an institution word followed by capitalised words and connectives ("für", "of", "de")
up to the phrase, which is capitalised too. Words in lower case ("prüft", "shall") end the name.
"""

from __future__ import annotations

import re

from .criteria import find_phrase
from .text import normalise

INSTITUTION_WORDS = (
    "bundesamt",
    "bundesanstalt",
    "bundesministerium",
    "ministerium",
    "behorde",
    "ministry",
    "ministere",
    "ministerio",
    "agency",
    "agence",
    "agencia",
    "office",
    "authority",
    "autorite",
    "autoridad",
    "autoridade",
    "commission",
    "comision",
    "comissao",
    "kommission",
    "secretaria",
    "secretariat",
    "council",
    "conseil",
    "consejo",
    "conselho",
    "institute",
    "institut",
    "instituto",
    "bureau",
    "directorate",
    "direction",
    "direccion",
    "department",
    "departement",
    "departamento",
    "superintendencia",
    "inspectorate",
)
_INSTITUTION = tuple(normalise(w).strip() for w in INSTITUTION_WORDS)
CONNECTIVES = frozenset(
    "für fur of for and und the de du des la le les del da do das dos e et y l d".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WINDOW = 6  # words between the institution word and the phrase, at most


def named_body_before(normalised: str, pattern: str) -> bool:
    """Cheap first test: an institution word among the few words before the phrase."""
    at = find_phrase(pattern, normalised)
    if at < 0:
        return False
    before = normalised[:at].split()[-_WINDOW:]
    return any(w.startswith(_INSTITUTION) for w in before)


def inside_body_name(raw: str, surface: str) -> bool:
    """Whether `surface` (words as written in `raw`) sits inside the name of a public body."""
    at = raw.find(surface) if surface else -1
    if at < 0 or not surface[:1].isupper():
        return False
    words = _WORD.findall(raw[:at])[-_WINDOW - 1 :]
    for word in reversed(words):
        lowered = normalise(word).strip()
        if lowered.startswith(_INSTITUTION) and word[:1].isupper():
            return True
        if word.casefold() in CONNECTIVES or word[:1].isupper():
            continue
        return False
    return False
