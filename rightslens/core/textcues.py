"""Reading descriptions the way a careful person does: sentence by sentence, clause by clause,
noticing what is denied ("the vendor confirms it does not …") in five languages.

Cues are word beginnings matched without accents or case: "emotion" finds "emotions" and
"émotionnel", but "face" ending in a space must end a word (so "face " does not find "facebook").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rightslens.core.policy.text import detect_language, strip_accents

LANGUAGES = ("en", "fr", "es", "pt", "de")

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")

# Words that contrast a clause with the one before it: a denial stops at them.
_CONTRAST = (
    "but however whereas although mais cependant pourtant tandis pero aunque "
    "sino mientras porem entretanto contudo enquanto aber jedoch sondern waehrend wahrend"
).split()
# Negation before what it denies ("does not read faces", "ne détecte pas", "no analiza"), and
# prohibiting verbs and nouns ("the contract prohibits the supplier from scraping …", "recommande
# d'interdire … tout logiciel", "a ban on …"). Participles that are
# also adjectives ("prohibited persons", "supporters interdits de stade") are left out here; they
# deny only after what they deny, and only where that is their usual use ("está prohibido").
_PRE_NEGATION: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        "not no never none neither nor doesn don won isn aren wasn cannot refrain refrains "
        "prohibit prohibits forbid forbids avoid avoids ruled exclude excludes "
        "ban banning prohibiting prohibition nothing didn couldn wouldn shouldn hasn haven hadn "
        "weren".split()
    ),
    "fr": frozenset(
        "ne n pas jamais aucun aucune ni interdit interdite interdisent exclut proscrit "
        "interdire interdiction".split()
    ),
    "es": frozenset(
        "no nunca jamas ningun ninguna ni prohibe prohiben excluye excluida excluido excluidas excluidos "
        "carece carecen prohibir prohibicion nada".split()
    ),
    "pt": frozenset(
        "nao nunca jamais nenhum nenhuma nem proibe proibem exclui excluida veda vedado vedada "
        "vedados vedadas proibir proibicao nada".split()
    ),
    "de": frozenset(
        "nicht kein keine keinen keiner keinem nie niemals weder verbietet untersagt verbieten "
        "verbot nichts".split()
    ),
}
# "Without" denies only what closely follows it ("counts travellers without identifying anyone")
# and never a cue that begins with it ("without their knowledge" affirms covert influence).
_SHORT_NEGATION: Mapping[str, frozenset[str]] = {
    "en": frozenset({"without"}),
    "fr": frozenset({"sans"}),
    "es": frozenset({"sin"}),
    "pt": frozenset({"sem"}),
    "de": frozenset({"ohne"}),
}
_SHORT_WINDOW = 3
# Words that fill the space after "without" without being what it denies ("sem em momento algum
# analisar o rosto", "without at any point reading faces"): they do not use up its reach.
_SHORT_FILLER = frozenset(
    "at any point time ever even once stage moment the a an to be being having "
    "aucun aucune jamais le la les l du de en ningun ninguna momento nunca el los las "
    "em algum alguma nenhum nenhuma o os as do da zu irgendeinem "
    "keinem zeitpunkt dabei jemals dass".split()
)
# Negation after what it denies ("emotion recognition is not used"): verbal negations only.
_POST_NEGATION: Mapping[str, frozenset[str]] = {
    "en": frozenset("not never doesn isn aren won cannot".split()),
    "fr": frozenset("pas jamais".split()),
    "es": frozenset("nunca jamas prohibido prohibida".split()),
    "pt": frozenset("nao nunca jamais proibido proibida".split()),
    # "Gesichter werden weder erkannt noch gespeichert": "weder" denies what comes before it too.
    "de": frozenset("nicht nie niemals weder verboten untersagt ausgeschlossen unzulassig".split()),
}
# "not only … but also", "doesn't just …" affirm.
_NOT_NEGATING = (
    # A list named by what it forbids ("our 'do not serve' list", "the no-fly list").
    "do not serve",
    "do not admit",
    "do not hire",
    "do not rent",
    "no fly",
    "not only",
    "not just",
    "doesn t just",
    "don t just",
    "isn t just",
    "not merely",
    "non seulement",
    "pas seulement",
    "pas uniquement",
    "no solo",
    "no solamente",
    "nao so",
    "nao apenas",
    "nao somente",
    "nicht nur",
    "nicht bloss",
)
# A negation word that is part of an ordinary term ("comportamiento no verbal", "supporter
# interdit de stade": a banned fan, whom a watch-list names; "no individual suspicion").
_NOT_A_DENIAL_BEFORE = frozenset({"verbal", "verbale", "verbales", "verbais"})
_NOT_A_DENIAL_PAIRS = frozenset(
    {
        ("de", "stade"),
        ("de", "stades"),
        # "with no individual suspicion required", "sans soupçon individuel": watching people
        # without a suspect is what mass surveillance is, not a denial of it.
        ("individual", "suspicion"),
        ("soupcon", "individuel"),
        ("sospecha", "individual"),
        ("suspeita", "individual"),
        ("individuellen", "verdacht"),
        ("konkreten", "verdacht"),
    }
)
_POST_WINDOW = 6
# A feature said to be switched off ("the emotion module is technically disabled", "la détection
# du genre est désactivée"). English "disabled" denies only after a form of "to be" close before
# it ("disabled customers" are people); the other participles are not said of people.
_SWITCHED_OFF: Mapping[str, frozenset[str]] = {
    "en": frozenset("disabled deactivated prohibited banned forbidden off".split()),
    "fr": frozenset("desactive desactivee desactives desactivees".split()),
    "es": frozenset(
        "desactivado desactivada desactivados desactivadas deshabilitado deshabilitada "
        "deshabilitados deshabilitadas".split()
    ),
    "pt": frozenset(
        "desativado desativada desativados desativadas desabilitado desabilitada "
        "desabilitados desabilitadas".split()
    ),
    "de": frozenset("deaktiviert abgeschaltet ausgeschaltet".split()),
}
# "Off" too, after "to be" and a verb of switching ("live matching stays switched off"): "your
# line will be cut off" is a threat, not a feature out of use.
_OFF_NEEDS_BE = frozenset({"disabled", "prohibited", "banned", "forbidden", "off"})
_SWITCHING = frozenset("switched turned shut powered".split())
# What is switched off is the subject before the verb, often a long one ("bulk collection or
# scanning of other subscribers' traffic is technically disabled").
_OFF_WINDOW = 10
_BE = frozenset("is are was were been be remains remain stays stay".split())
# A feature withdrawn ("facial-analysis scoring was retired in 2021", "el proveedor eliminó el
# análisis de expresiones", "desativámos o recolector"). A participle denies what comes before it
# after a passive auxiliary ("was retired"), and what follows it after an active one or a subject
# ("we have removed", "a supprimé"); finite past forms of Spanish and Portuguese deny what follows.
# Words that are also nouns or adverbs ("retiro", "abandono", German "entfernt" = "away") are not
# read without their auxiliary.
_RETRACTED: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        "removed retired discontinued scrapped decommissioned withdrawn cancelled canceled "
        "abandoned shelved uninstalled".split()
    ),
    "fr": frozenset(
        "supprime supprimee supprimes supprimees retire retiree retires abandonne abandonnee "
        "annule annulee rejete rejetee ecarte ecartee desinstalle desinstallee".split()
    ),
    "es": frozenset(
        "eliminado eliminada eliminados eliminadas retirado retirada suprimido suprimida "
        "cancelado cancelada descartado descartada abandonado abandonada rechazado rechazada "
        "descontinuado descontinuada archivado archivada desinstalado desinstalada".split()
    ),
    "pt": frozenset(
        "removido removida eliminado eliminada retirado retirada descontinuado descontinuada "
        "cancelado cancelada descartado descartada abandonado abandonada rejeitado rejeitada "
        "suprimido suprimida arquivado arquivada engavetado engavetada desinstalado "
        "desinstalada".split()
    ),
    "de": frozenset(),
}
# German puts the participle at the end, its auxiliary anywhere before it ("hat das Pilotprojekt
# … nach der Evaluierung beendet", "wurde 2021 entfernt"): it denies as far back as "nicht" does.
_RETRACTED_VERB_FINAL = frozenset(
    "entfernt abgeschafft gestrichen verworfen stillgelegt zuruckgezogen beendet abgebrochen "
    "aufgegeben deinstalliert".split()
)
_GERMAN_AUX = frozenset("hat haben hatte hatten wurde wurden worden ist sind war waren".split())
# French "est retiré" as well as "a été retiré": "est" and "sont" only before a participle of
# withdrawal, so "le module qui analysait les visages … est retiré" denies what precedes it.
_PASSIVE_AUX = frozenset(
    "is are was were been be fue fueron sido foi foram ete est sont wurde wurden worden".split()
)
_ACTIVE_AUX = frozenset("we they has have had ha han hemos habia a avons ont ai".split())
_RETRACTED_FINITE: Mapping[str, frozenset[str]] = {
    "en": frozenset(),
    "fr": frozenset(),
    "es": frozenset(
        "elimino eliminamos desactivo desactivamos suprimio suprimimos descarto descartamos "
        "cancelo cancelamos abandonamos rechazamos retiramos".split()
    ),
    "pt": frozenset(
        "eliminou eliminamos desativou desativamos desactivou desactivamos suprimiu "
        "descartou descartamos cancelou cancelamos abandonou abandonamos removeu removemos "
        "rejeitou rejeitamos retirou retiramos".split()
    ),
    "de": frozenset(),
}
_RETRACT_FORWARD = 12
# Stopping something ("la app deja de calcular el índice", "o banco deixa de usar", "l'application
# cesse de noter"): only with its "de", since "deja que el sistema analice" lets it go on; not
# French "arrête de", which reads as "arrêté de" (a decree of) once accents are dropped.
_STOPS = frozenset(
    "deja dejan dejo dejamos dejara dejaran deixa deixam deixou deixamos deixara deixarao "
    "cesse cessent cessons cessera arretent arretons".split()
)
# A practice said never to have started ("le test … envisagé à la gare n'a pas été lancé", "the
# pilot was never deployed", "nunca chegou a ser contratada", "wurde nie eingeführt"): a negated
# passive of starting denies its subject, as far back as a German verb-final denial.
_NOT_STARTED: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        "launched deployed installed implemented procured contracted started connected "
        "activated".split()
    ),
    "fr": frozenset(
        "lance lancee lances lancees deploye deployee installe installee active activee "
        "raccorde raccordee raccordees contracte mis mise".split()
    ),
    "es": frozenset(
        "lanzado lanzada desplegado desplegada instalado instalada implementado implementada "
        "contratado contratada activado activada puesto puesta".split()
    ),
    "pt": frozenset(
        "lancado lancada implantado implantada instalado instalada implementado implementada "
        "contratado contratada ativado ativada".split()
    ),
    "de": frozenset("eingefuhrt eingesetzt installiert gestartet beschafft aktiviert".split()),
}
# The negations of each language ("no" is Spanish, and English; Portuguese "no" means "in the").
_NEVER: Mapping[str, frozenset[str]] = {
    "en": frozenset("not never".split()),
    "fr": frozenset("n ne pas jamais".split()),
    "es": frozenset("no nunca jamas".split()),
    "pt": frozenset("nao nunca jamais".split()),
    "de": frozenset("nicht nie niemals".split()),
}
_STARTED_AUX = _PASSIVE_AUX | frozenset({"ser", "ete", "been", "sido"})
# A prohibition put first ("Queda prohibido … el uso de sistemas que …", "Fica proibido o uso
# de …") denies the rest of its clause, as "prohíbe" does.
_PROHIBITED = frozenset(
    "prohibido prohibida prohibidos prohibidas proibido proibida proibidos proibidas".split()
)
_PROHIBITION_AUX = frozenset("queda quedan fica ficam".split())
# German puts the verb, and with it the denial, at the end of a long clause ("Angebote, die eine
# Echtzeit-Gesichtserkennung ermöglichen, werden nicht berücksichtigt"): these reach further back.
_LONG_POST = frozenset("nicht weder ausgeschlossen untersagt verboten unzulassig".split())
_LONG_POST_WINDOW = 16
# A practice said to be prohibited, with a form of "to be" before the participle ("por qué la
# identificación facial en directo de personas en la vía pública está prohibida", "la notation
# sociale est interdite", "o reconhecimento de emoções é proibido no trabalho"): a statement of
# the law about its subject, however long, not a use of it.
_SAID_PROHIBITED = frozenset(
    "prohibido prohibida prohibidos prohibidas proibido proibida proibidos proibidas "
    "interdit interdite interdits interdites prohibited banned forbidden".split()
)
_BE_BEFORE_PROHIBITED = frozenset(
    "is are was were be been remains esta estan es son fue sera seran e sao foi estao "
    "est sont etait seront reste restent".split()
)
# The practices said to be prohibited after the verb ("estão proibidas na União Europeia
# práticas como a pontuação social …", "sont interdites les pratiques suivantes"): the list that
# follows is what the law forbids. Nouns only: "banned in schools; the city uses it" goes on.
_PRACTICES = frozenset("practices practicas praticas pratiques praktiken usos utilisations".split())
_PRACTICES_AFTER = 6
# But people said to be banned ("shoppers who are banned from the store", "les clients qui sont
# interdits de magasin") are those a watch-list names: after a relative pronoun the participle
# describes a noun, and denies nothing.
RELATIVE = frozenset("who whom that which qui que quienes cuyo die der welche".split())
_CONJUNCTIONS = frozenset("and or et ou y o e und oder".split())
# "or", "nor" in each language: a denied list goes on through them.
_ALTERNATIVES = frozenset("or nor ou ni o u oder noch".split())


def words(text: str) -> list[str]:
    """Casefolded, accent-free words."""
    return _NON_WORD.sub(" ", strip_accents(text.casefold())).split()


def language_of(text: str, declared: str = "") -> str:
    """The declared language if we screen in it, else a guess, else 'und'."""
    base = declared.lower().split("-")[0]
    if base in LANGUAGES:
        return base
    guess, _ = detect_language(text)
    return guess if guess in LANGUAGES else "und"


def cue_languages(lang: str) -> tuple[str, ...]:
    """Whose wordings to look for: the text's language plus English (vendors mix it in); all
    five when the language is unknown."""
    if lang not in LANGUAGES:
        return LANGUAGES
    return (lang,) if lang == "en" else (lang, "en")


def sentences(text: str) -> list[str]:
    """Sentences of a description, trimmed, empty ones dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


@dataclass(frozen=True)
class Clause:
    """A stretch of words a denial can cover; `denied` holds the positions a negation reaches."""

    tokens: tuple[str, ...]
    denied: frozenset[int]


# A dash sets a phrase apart ("… s'ils n'acceptaient pas - une menace inventée, …"): a denial
# before it does not reach past it.
_DASH = re.compile(r"\s[-–—]\s|[–—]")


# A colon opens what follows it ("No identificamos a nadie ni guardamos imágenes: las cámaras …
# leen la expresión de cada cliente"): a denial before it does not reach past it, unless the colon
# introduces a list ("will not include the following: …"). A denial after it still reaches back
# ("Emotion recognition: not used").
_COLON_OR_COMMA = re.compile(r"(:(?=\s)|,)")
_LIST_INTRODUCERS = frozenset(
    "following follows include includes including namely these as uses features functions "
    "suivantes suivants notamment comprend comprennent usages fonctions siguientes incluye "
    "incluyen usos funciones seguintes inclui incluem funcoes folgende folgenden folgendes "
    "umfasst umfassen insbesondere".split()
)
# German closes a subordinate clause with its verb and a comma, and opens one after a comma with a
# relative pronoun or a conjunction ("Die Polizei darf Personen, die bisher nicht straffällig
# geworden sind, … einstufen"): a denial inside it reaches neither out of it nor back before it.
_GERMAN_CLAUSE_END = frozenset(
    "sind ist war waren wurde wurden worden hat haben hatte hatten wird werden kann konnen "
    "darf durfen muss mussen soll sollen".split()
)
_GERMAN_CLAUSE_START = frozenset(
    "die der das dem den deren dessen welche welcher welches welchen dass weil wenn ob obwohl "
    "damit sodass".split()
)


@dataclass(frozen=True)
class _Bounds:
    """Where a denial's reach ends: `forward` stops what a negation before reaches ahead;
    `both` also stops what one after reaches back. Positions are those of the first word after
    the boundary."""

    forward: frozenset[int] = frozenset()
    both: frozenset[int] = frozenset()
    commas: frozenset[int] = frozenset()

    def shifted(self, offset: int, length: int) -> _Bounds:
        def inside(points: frozenset[int]) -> frozenset[int]:
            return frozenset(p - offset for p in points if offset < p < offset + length)

        return _Bounds(inside(self.forward), inside(self.both), inside(self.commas))

    def ahead(self, at: int, default: int) -> int:
        return min((p for p in self.forward | self.both if p > at), default=default)

    def behind(self, at: int) -> int:
        return max((p for p in self.both if p <= at), default=0)


def clauses(sentence: str, lang: str) -> list[Clause]:
    return [c for part in _DASH.split(sentence) for c in _clauses(part, lang)]


def _tokens_and_bounds(text: str, lang: str) -> tuple[list[str], _Bounds]:
    tokens: list[str] = []
    forward: set[int] = set()
    commas: list[int] = []
    for piece in _COLON_OR_COMMA.split(text):
        if piece == ":":
            if tokens and tokens[-1] not in _LIST_INTRODUCERS:
                forward.add(len(tokens))
        elif piece == ",":
            commas.append(len(tokens))
        else:
            tokens.extend(words(piece))
    # ", so the dashboard will derive it from first names": a consequence is a new clause, which
    # a denial before the comma does not reach ("so as to", "so that" go on with it).
    forward |= {
        at
        for at in commas
        if lang in ("en", "und", "")
        and tokens[at : at + 1] == ["so"]
        and tokens[at + 1 : at + 2] not in (["as"], ["that"])
    }
    both = {
        at
        for at in commas
        if lang == "de"
        and 0 < at < len(tokens)
        and (tokens[at - 1] in _GERMAN_CLAUSE_END or tokens[at] in _GERMAN_CLAUSE_START)
    }
    return tokens, _Bounds(frozenset(forward), frozenset(both), frozenset(commas))


def _clauses(sentence: str, lang: str) -> list[Clause]:
    tokens, bounds = _tokens_and_bounds(sentence, lang)
    # Denials are read in the text's own language only (Portuguese "no" means "in the").
    langs = (lang,) if lang in LANGUAGES else LANGUAGES
    pre = frozenset().union(*(_PRE_NEGATION[x] for x in langs))
    short = frozenset().union(*(_SHORT_NEGATION[x] for x in langs))
    post = frozenset().union(*(_POST_NEGATION[x] for x in langs))
    out_of_use = _out_of_use(langs)
    out: list[Clause] = []
    offset = 0
    for part in _split(tokens, pre, bounds.commas if lang in _LIST_BEFORE_VERB else frozenset()):
        within = bounds.shifted(offset, len(part))
        denied = _denied(part, pre, post, short, within) | out_of_use.reach(part)
        out.append(Clause(tuple(part), frozenset(denied)))
        offset += len(part)
    return out


@dataclass(frozen=True)
class _OutOfUse:
    """Verbs that put a feature out of use: switched off, withdrawn, prohibited."""

    switched_off: frozenset[str]
    participles: frozenset[str]
    finite: frozenset[str]
    verb_final: frozenset[str]
    not_started: frozenset[str] = frozenset()
    never: frozenset[str] = frozenset()

    def reach(self, tokens: Sequence[str]) -> set[int]:
        """Positions that such a verb denies ("is disabled", "was retired", "we removed",
        "eliminó", "queda prohibido …")."""
        denied: set[int] = set()
        for i, token in enumerate(tokens):
            before = tokens[max(0, i - 3) : i]
            if token in _PROHIBITED and i and tokens[i - 1] in _PROHIBITION_AUX:
                denied.update(range(i + 1, len(tokens)))
            elif (
                (token in _STOPS and tokens[i + 1 : i + 2] in (["de"], ["d"]))
                or token in self.finite
                or (
                    token in self.participles
                    and _ACTIVE_AUX.intersection(tokens[max(0, i - 2) : i])
                )
            ):
                end = len(tokens) if _what_it_used(tokens, i) else i + 1 + _RETRACT_FORWARD
                denied.update(range(i + 1, min(len(tokens), end)))
            elif token in self.participles and _PASSIVE_AUX.intersection(before):
                denied.update(range(max(0, i - _passive_reach(tokens, i)), i))
            elif token in self.verb_final and _GERMAN_AUX.intersection(
                [*tokens[max(0, i - _LONG_POST_WINDOW) : i], *tokens[i + 1 : i + 1 + _AUX_AFTER]]
            ):
                denied.update(range(max(0, i - _LONG_POST_WINDOW), i))
            if token in self.switched_off and _said_off(tokens, i):
                denied.update(range(max(0, i - _OFF_WINDOW), i))
            if _said_prohibited(tokens, i):
                denied.update(range(max(0, i - _LONG_POST_WINDOW), i))
                if _PRACTICES.intersection(tokens[i + 1 : i + 1 + _PRACTICES_AFTER]):
                    denied.update(range(i + 1, len(tokens)))
            if token in self.not_started and _never_started(tokens, i, self.never):
                denied.update(range(max(0, i - _LONG_POST_WINDOW), i))
        return denied


# What a withdrawn feature used to do, in a relative clause on it ("Hemos retirado el 'Índice de
# implicación', que usaba la cámara web para estimar la atención y el ánimo de los empleados"):
# the withdrawal reaches to the end of the clause. Only "that used", as the feature's own working:
# "we removed the manual step that slowed down face matching" leaves the matching in use.
_USED = frozenset(
    "used using usaba utilizaba usava utilizava utilisait employait nutzte verwendete".split()
)
_FEATURE_NAME = 8


def _what_it_used(tokens: Sequence[str], i: int) -> bool:
    """Whether the object of the withdrawal at `i` is followed by "that used …"."""
    window = tokens[i + 1 : i + 1 + _FEATURE_NAME]
    return any(
        t in RELATIVE and _USED.intersection(window[j + 1 : j + 3]) for j, t in enumerate(window)
    )


# A subordinate clause puts the auxiliary after the participle ("dass das Modul … deinstalliert
# und die Lizenz gekündigt wurde").
_AUX_AFTER = 6


_LONG_RELATIVE = 26
_HEAD_BEFORE_RELATIVE = 6


def _passive_reach(tokens: Sequence[str], i: int) -> int:
    """How far back a passive withdrawal ("est retiré", "was retired") reaches: its subject,
    further where a relative clause describes it ("le module « humeur de la classe », qui
    analysait les visages …, est retiré")."""
    if RELATIVE.intersection(tokens[max(0, i - _OFF_WINDOW) : i]):
        return _LONG_POST_WINDOW
    # A longer relative clause ("o projeto-piloto de câmaras que iriam medir a atenção e o estado
    # de espírito dos alunos nas salas do 7.º ano foi cancelado"): back to the noun it describes.
    for back in range(_OFF_WINDOW, _LONG_RELATIVE):
        if i - back >= 0 and tokens[i - back] in RELATIVE:
            return back + _HEAD_BEFORE_RELATIVE
    return _OFF_WINDOW


def _said_off(tokens: Sequence[str], i: int) -> bool:
    """Whether the participle at `i` says a feature is off: "disabled" and its like after "to be",
    "off" after "switched" or "turned" as well; never of a noun a relative clause describes."""
    token = tokens[i]
    before = tokens[max(0, i - 3) : i]
    if token == "off" and (not i or tokens[i - 1] not in _SWITCHING):
        return False
    if token in _OFF_NEEDS_BE and RELATIVE.intersection(before):
        return False
    return token not in _OFF_NEEDS_BE or bool(_BE.intersection(before))


def _never_started(tokens: Sequence[str], i: int, never: frozenset[str]) -> bool:
    """Whether the participle of starting at `i` is negated and passive ("n'a pas été lancé",
    "was never deployed", "nunca chegou a ser contratada"), or German with its auxiliary after
    ("dass das System nie eingeführt wurde")."""
    before = tokens[max(0, i - 4) : i]
    after = tokens[i + 1 : i + 1 + 2]
    return bool(never.intersection(before)) and bool(
        _STARTED_AUX.intersection(before) or _GERMAN_AUX.intersection(after)
    )


def _said_prohibited(tokens: Sequence[str], i: int) -> bool:
    """Whether a practice is said to be prohibited at `i` ("… está prohibida"), not people
    described as banned ("clients qui sont interdits")."""
    if tokens[i] not in _SAID_PROHIBITED or not i or tokens[i - 1] not in _BE_BEFORE_PROHIBITED:
        return False
    return not RELATIVE.intersection(tokens[max(0, i - 3) : i])


@functools.lru_cache(maxsize=64)
def _out_of_use(langs: tuple[str, ...]) -> _OutOfUse:
    return _OutOfUse(
        frozenset().union(*(_SWITCHED_OFF[x] for x in langs)),
        frozenset().union(*(_RETRACTED[x] for x in langs)),
        frozenset().union(*(_RETRACTED_FINITE[x] for x in langs)),
        _RETRACTED_VERB_FINAL if "de" in langs else frozenset(),
        frozenset().union(*(_NOT_STARTED[x] for x in langs)),
        frozenset().union(*(_NEVER[x] for x in langs)),
    )


# Languages where a list of subjects commonly comes before the verb its denial stands on; in
# English "…, live and does not store" is as likely, so English keeps cutting there.
_LIST_BEFORE_VERB = frozenset({"de", "fr", "es", "pt"})


def _split(
    tokens: list[str], negations: frozenset[str], list_commas: frozenset[int] = frozenset()
) -> list[list[str]]:
    """Cut at contrast words, and at 'and'/'or' when a denial follows ("… live and does not
    store images"). `list_commas`: an "or" or "and" that closes a list with commas before it
    joins nouns, not clauses ("aus Namen, Fotos oder Stimmen findet nicht statt", "Nomes, fotos ou
    vozes não são usados": the denial after the list denies all of it)."""
    parts: list[list[str]] = [[]]
    for i, token in enumerate(tokens):
        # Not inside a list a denial already covers ("aucune donnée vidéo, audio ou biométrique
        # n'est traitée": the "n'" after "ou" denies the verb, not a new clause).
        starts_denial = (
            token in _CONJUNCTIONS
            and not negations.intersection(parts[-1])
            and any(t in negations for t in tokens[i + 1 : i + 4])
            and not list_commas.intersection((i - 1, i))
        )
        if (token in _CONTRAST or starts_denial) and parts[-1]:
            parts.append([])
        parts[-1].append(token)
    return [p for p in parts if p]


def _denied(
    tokens: list[str],
    pre: frozenset[str],
    post: frozenset[str],
    short: frozenset[str] = frozenset(),
    bounds: _Bounds = _Bounds(),
) -> frozenset[int]:
    """Positions a negation reaches, within `bounds`. A cue that begins with the negation word
    itself ("no verbal", "without their knowledge") is not reached by it."""
    text = " " + " ".join(tokens) + " "
    if any(f" {phrase} " in text for phrase in _NOT_NEGATING):
        return frozenset()
    denied: set[int] = set()
    for i, token in enumerate(tokens):
        if i + 1 < len(tokens) and tokens[i + 1] in _NOT_A_DENIAL_BEFORE:
            continue
        if tuple(tokens[i + 1 : i + 3]) in _NOT_A_DENIAL_PAIRS:
            continue
        end = bounds.ahead(i, len(tokens))
        if end in bounds.commas and _describes_denied(tokens, i, end):
            end = bounds.ahead(end, len(tokens))
        if token in ("ne", "n") and _restrictive(tokens, i):
            continue
        if token in pre or (token == "t" and i and tokens[i - 1] == "can"):  # "can't"
            denied.update(range(i + 1, end))
        if token in short:
            denied.update(p for p in _short_reach(tokens, i) if p < end)
        if token in post:
            reach = _LONG_POST_WINDOW if token in _LONG_POST else _POST_WINDOW
            denied.update(range(max(bounds.behind(i), i - reach), i))
    return frozenset(denied)


# A denied thing described by a relative clause after a comma ("Wir setzen keine Software ein,
# die aus Video-Interviews, Stimme, Mimik … Rückschlüsse auf Gefühle … zieht"): what the clause
# says it does is denied with it. Only where the denied noun stands just before the comma.
_DENIED_NOUN = 4


def _describes_denied(tokens: Sequence[str], i: int, end: int) -> bool:
    """Whether the boundary `end` after the negation at `i` opens a relative clause on the
    negated noun (a few words after the negation)."""
    return 0 < end - i <= _DENIED_NOUN and end < len(tokens) and tokens[end] in RELATIVE


# French "ne … que" means "only" ("ne déverrouille que si elle la classe comme femme"): no denial,
# unless a negating word stands between ("ne … pas que").
_FRENCH_NEGATORS = frozenset("pas jamais rien aucun aucune plus personne nullement guere".split())


def _restrictive(tokens: Sequence[str], i: int) -> bool:
    """Whether the "ne" at `i` opens a restrictive "ne … que" (only), not a negation."""
    for token in tokens[i + 1 : i + 4]:
        if token in _FRENCH_NEGATORS:
            return False
        if token in ("que", "qu"):
            return True
    return False


def _short_reach(tokens: Sequence[str], at: int) -> range:
    """What "without" at `at` reaches: the next _SHORT_WINDOW words that are not filler, and
    on through a list joined by "or" ("without analysing the face, the voice or the mood")."""
    counted, end = 0, at + 1
    while end < len(tokens):
        if counted >= _SHORT_WINDOW and tokens[end] not in _ALTERNATIVES:
            break
        if tokens[end] in _ALTERNATIVES:
            counted = min(counted, _SHORT_WINDOW - 2)
        counted += tokens[end] not in _SHORT_FILLER
        end += 1
    return range(at + 1, end)


_QUESTION_MARKS = ("q", "question", "frage", "pregunta", "pergunta")
_ANSWER_MARKS = frozenset("a answer r reponse respuesta resposta antwort".split())
_YES = frozenset("yes yep oui si sim ja correct affirmative".split())
_NO = frozenset("no non nao nein not never".split())


def question_answers(parts: Sequence[str]) -> list[str]:
    """For each sentence: '' if it is not a question; else 'yes' or 'no' as the next sentence
    answers it, or 'open'. A question states nothing; a 'Yes' makes it a statement."""
    out: list[str] = []
    for i, sentence in enumerate(parts):
        tokens = words(sentence)
        is_question = sentence.rstrip().endswith("?") or bool(
            tokens
            and tokens[0] in _QUESTION_MARKS
            and sentence.lstrip()[len(tokens[0]) :][:1] == ":"
        )
        if not is_question:
            out.append("")
            continue
        answer = words(parts[i + 1]) if i + 1 < len(parts) else []
        while answer and answer[0] in _ANSWER_MARKS:
            answer = answer[1:]
        if answer and answer[0] in _YES:
            out.append("yes")
        elif answer and answer[0] in _NO:
            out.append("no")
        else:
            out.append("open")
    return out


# The asker speaking of their own use ("can your tool flag which of OUR staff …", "pour NOTRE
# centre d'appels …"): a buyer's request, not a due-diligence question. Portuguese "nos" is also
# "in the", so only its possessives count.
_OWN_USE: Mapping[str, frozenset[str]] = {
    "en": frozenset("we our us ours".split()),
    "fr": frozenset("nous notre nos".split()),
    "es": frozenset(
        "nosotros nosotras nuestro nuestra nuestros nuestras queremos necesitamos".split()
    ),
    "pt": frozenset("nosso nossa nossos nossas queremos precisamos".split()),
    "de": frozenset("wir unser unsere unseren unserem unserer uns".split()),
}


def asks_for_own_use(sentence: str, lang: str) -> bool:
    """Whether a question's asker speaks of their own use of what they ask about."""
    langs = (lang,) if lang in LANGUAGES else LANGUAGES
    markers = frozenset().union(*(_OWN_USE[x] for x in langs))
    return bool(markers.intersection(words(sentence)))


@functools.lru_cache(maxsize=16384)
def cue_tokens(cue: str) -> tuple[tuple[str, ...], bool]:
    """(words of the cue, whether the last word must be whole)."""
    return tuple(words(cue)), cue.endswith(" ")


def _matches_at(tokens: Sequence[str], parts: tuple[str, ...], whole: bool, at: int) -> bool:
    n = len(parts)
    if at + n > len(tokens) or tuple(tokens[at : at + n - 1]) != parts[:-1]:
        return False
    last = tokens[at + n - 1]
    return last == parts[-1] or (not whole and last.startswith(parts[-1]))


def cue_at(tokens: Sequence[str], cue: str, at: int) -> bool:
    """Whether the cue starts at position `at` (its last word may be a word beginning)."""
    parts, whole = cue_tokens(cue)
    return bool(parts) and at >= 0 and _matches_at(tokens, parts, whole, at)


def find_cue(tokens: Sequence[str], cue: str) -> int:
    """Position of the cue's first word in the tokens, or -1."""
    parts, whole = cue_tokens(cue)
    if not parts:
        return -1
    if len(parts) > 1 and parts[0] not in tokens:  # the words before the last must match whole
        return -1
    for i in range(len(tokens) - len(parts) + 1):
        if _matches_at(tokens, parts, whole, i):
            return i
    return -1


def denies_a_cue(parts: Sequence[Clause], cues: Iterable[str]) -> bool:
    """Whether a denial in the sentence reaches the words of one of the cues ("we do not store
    faces"). One that reaches only other words ("without an individual warrant", "analysts who
    do not exist", "if you don't accept") denies none of them."""
    cues = tuple(cues)
    return any(
        any(cue_at(clause.tokens, cue, at) for cue in cues)
        for clause in parts
        for at in clause.denied
    )


def first_cue(tokens: Sequence[str], cues: Iterable[str]) -> tuple[str, int]:
    """The first cue (in the given order) found in the tokens and its position, or ('', -1)."""
    for cue in cues:
        at = find_cue(tokens, cue)
        if at >= 0:
            return cue, at
    return "", -1
