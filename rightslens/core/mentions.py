"""Where a text names a practice without anyone carrying it out: as the topic of a report or a
debate, as what a tool detects or protects people from, as an offer turned down, or as a
fictional case.

Read by red-line screening (`screening_engine`) on top of the denials of `textcues`: the words of
the practice are there, but no one is doing it. `affirmed_cue` puts the two together: the first
cue a clause affirms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightslens.core.textcues import (
    LANGUAGES,
    RELATIVE,
    Clause,
    cue_tokens,
    find_cue,
    first_cue,
    words,
)

# A practice named as the topic of something said or written about it ("the UN experts'
# statement on predictive policing", "un rapport sur la reconnaissance faciale"): a topic, not a
# use. The topic word must follow a noun of discourse closely.
_TOPIC_PREPOSITIONS = frozenset(
    "on about regarding concerning against sur sobre contre contra uber zu zum zur gegen".split()
)
_DISCOURSE = frozenset(
    "statement statements report reports debate debates seminar seminars study studies paper "
    "papers article articles research guidance guidelines position opinion consultation "
    "discussion discussions hearing hearings webinar lecture conference course workshop "
    "training briefing bill moratorium evaluation evaluations review reviews survey podcast "
    "documentary inquiry investigation questions concerns rapport debat seminaire etude "
    "recherche avis audition conference cours atelier formation moratoire enquete "
    "informe estudio articulo investigacion dictamen consulta discusion audiencia curso "
    "taller formacion moratoria evaluacion encuesta preguntas jornada relatorio estudo artigo "
    "pesquisa parecer posicao discussao oficina avaliacao inquerito perguntas bericht "
    "debatte studie forschung stellungnahme konsultation diskussion anhorung konferenz kurs "
    "schulung umfrage fragen vortrag gutachten case arguments argument plaidoyer alegato "
    "argumente notiz estudos estudios informes relatorios artigos articulos etudes rapports "
    "berichte studien".split()
)
# "Note" is a grade as well ("une note sur l'attitude des salariés"): a note is written on a
# subject only where it is published or issued ("a publié une note sur les caméras").
_NOTES = frozenset("note notes nota notas".split())
_PUBLISHING = frozenset(
    "published publishes issued issues publie publient publico publicou publicaram emitiu "
    "emitio veroffentlicht".split()
)
_PUBLISHED_NOTE = 5
_TOPIC_GAP = 3


# A part of a document given over to a subject ("a chapter on", "consacre un chapitre aux",
# "ein Kapitel zu"): the subject is a topic whatever little word links them.
_PART_OF_DOCUMENT = frozenset(
    "chapter chapters chapitre chapitres capitulo capitulos kapitel abschnitt".split()
)
_PART_PREPOSITIONS = frozenset("to a au aux al ao dem der".split())


# What a study or paper claimed ("replicó el estudio que afirmaba deducir la orientación sexual",
# "a paper claiming to infer …"): its claim is its topic, not a use.
_CLAIMING = frozenset(
    "claimed claiming claims purported purporting afirmaba afirmava afirmaban afirmavam pretendait "
    "pretendaient pretendia behauptete behauptet behaupteten".split()
)


# A text that says what a report, a course or its speakers examine ("This paper reviews published
# evaluations of predictive policing", "Module 4 of this seminar examines how police forces have
# deployed live facial recognition", "Nuestro informe analiza sistemas de puntuación", "Os
# oradores compararam …"): what comes after the verb is what they discuss. The subject must be a
# noun of discourse or a speaker, right before the verb (one word may stand between), since
# systems "analyse" too; a verb that only means discussing may open the clause without one
# ("Discutiram também os riscos de …", "Wir besprechen, warum …").
_SPEAKERS = frozenset(
    "speakers panellists panelists authors researchers "
    "scholars participants students intervenants auteurs chercheurs etudiants "
    "ponentes autores investigadores participantes estudiantes oradores palestrantes "
    "pesquisadores alunos referenten referentinnen autoren forschende teilnehmende".split()
)
# Works that have authors, as subjects of those verbs: not the nouns of discourse that also name a
# place or an inquiry that looks at people ("atelier", "taller", "oficina" are workshops where
# people work; an investigation, a hearing or a consultation may examine a person).
_AUTHORED = frozenset(
    "paper papers report reports study studies article articles seminar seminars webinar "
    "lecture conference course briefing podcast documentary guidance guidelines "
    "statement rapport etude seminaire cours informe estudio articulo seminario conferencia "
    "curso relatorio estudo artigo bericht studie gutachten vortrag konferenz kurs "
    "stellungnahme dictamen parecer avis".split()
)
_DISCOURSE_VERBS = frozenset(
    "reviews reviewed examines examined discusses discussed debates debated compares compared "
    "explores explored analyses analyzes analysed analyzed examine examinent analysent "
    "discute discutent comparent explore explorent etudie etudient analiza analizan examina "
    "examinan discuten debaten compara comparan exploran estudia estudian analisa analisam "
    "examinam discutem debatem comparam exploram estuda estudam untersucht analysiert "
    "diskutiert vergleicht beleuchtet behandelt erortert bespricht compararam analisaram "
    "discutiram debateram compararon analizaron discutieron debatieron".split()
)
_DISCUSSING = frozenset(
    "discussed debated discutiram debateram discutieron debatieron discutimos "
    "discutem discuten discutent debatimos besprechen diskutieren diskutierten".split()
)
_SUBJECT_GAP = 2
_OPENING = 2
# What a law or a bill classifies or lists ("el proyecto de ley …, que clasifica como de «riesgo
# inaceptable» la puntuación social", "the AI Act lists emotion recognition at work among …"):
# the law's subject, not a use.
_CLASSIFYING = frozenset(
    "classifies categorises categorizes clasifica clasifican enumera enumeran classent "
    "classifica classificam elenca stuft einstuft listet".split()
)
# Verbs only: "lists" ("police watch lists"), "classe" ("dans chaque classe") and "classify" are
# nouns or follow a law that lets someone do it. Laws only: a "projet" is also any project, and
# "law" in "law enforcement" is the police.
_LAWS = frozenset(
    "law laws act regulation directive ley reglamento directiva loi reglement lei regulamento "
    "diretiva gesetz gesetzentwurf verordnung richtlinie".split()
)
_LAW_GAP = 8


def _names_a_law(window: Sequence[str]) -> bool:
    return any(
        t in _LAWS and window[k + 1 : k + 2] != ["enforcement"] for k, t in enumerate(window)
    )


def as_discussed(tokens: Sequence[str], at: int) -> bool:
    """Whether the words at `at` follow a verb of discussing whose subject is a report, a course or
    its speakers, a verb that only means discussing at the opening of the clause, or what a law
    classifies or lists."""
    for j in range(min(at, len(tokens))):
        if j < _OPENING and tokens[j] in _DISCUSSING:
            return True
        if tokens[j] in _DISCOURSE_VERBS:
            subject = tokens[max(0, j - _SUBJECT_GAP) : j]
            if _SPEAKERS.intersection(subject) or _AUTHORED.intersection(subject):
                return True
        if tokens[j] in _CLASSIFYING and _names_a_law(tokens[max(0, j - _LAW_GAP) : j]):
            return True
    return False


def as_topic(tokens: Sequence[str], at: int) -> bool:
    """Whether the words at `at` are the topic of a noun of discourse: "statement on", "rapport
    sur la", "debate about the use of", "un chapitre aux" (a few words may stand between), or
    what a study claimed ("the study that claimed to infer …")."""
    for j in range(at - 1, max(-1, at - 2 - _TOPIC_GAP), -1):
        before = tokens[max(0, j - 2) : j]
        if tokens[j] in _CLAIMING and _DISCOURSE.intersection(tokens[max(0, j - 3) : j]):
            return True
        if tokens[j] in _TOPIC_PREPOSITIONS:
            return bool(
                _DISCOURSE.intersection(before)
                or _PART_OF_DOCUMENT.intersection(before)
                or _published_note(tokens, j)
                or _MORATORIA.intersection(tokens[max(0, j - _MORATORIUM_GAP) : j])
            )
        if tokens[j] in _PART_PREPOSITIONS and _PART_OF_DOCUMENT.intersection(before):
            return True
    return False


# A moratorium or a ban is on what it stops, however long it runs ("una moratoria de tres años
# sobre el reconocimiento facial").
_MORATORIA = frozenset("moratorium moratoire moratoria moratorio ban".split())
_MORATORIUM_GAP = 5


def _published_note(tokens: Sequence[str], j: int) -> bool:
    """Whether the preposition at `j` follows a note that was published or issued."""
    before = tokens[max(0, j - _PUBLISHED_NOTE) : j]
    return bool(_NOTES.intersection(tokens[max(0, j - 2) : j]) and _PUBLISHING.intersection(before))


# A practice named as the kind of crime a text is about ("impersonation scams", "les arnaques
# par usurpation"): done by fraudsters, not by the system described. The crime word must stand
# right after the practice, or right before it with a linking word: "fraud detection using
# voice stress" still names what the system does.
_CRIMES = frozenset(
    "scam scams fraud frauds fraudsters arnaque arnaques escroquerie escroqueries estafa "
    "estafas fraude fraudes golpe golpes betrug betrugsmasche betrugsmaschen".split()
)


_CRIME_LINKS = frozenset("by par de por do da dos das mit via".split())


def as_crime(tokens: Sequence[str], at: int, length: int = 1) -> bool:
    """Whether the cue of `length` words at `at` names a crime: a crime word right after it
    ("impersonation scams"), or right before it with a linking word ("arnaques par usurpation")."""
    after = tokens[at + length : at + length + 1]
    linked = at >= 2 and tokens[at - 1] in _CRIME_LINKS and tokens[at - 2] in _CRIMES
    return bool(_CRIMES.intersection(after)) or linked


# A practice named as what a tool detects ("a scanner that flags fake countdown timers", "ein
# Modell, das … gefälschte Countdown-Zähler … aufspürt"): the tool looks for it, it does not do it.
_DETECTING = frozenset(
    "detect detects detecting flag flags flagging spot spots spotting find finds identify "
    "identifies uncover uncovers expose exposes recognise recognises recognize recognizes "
    "detecte detectent repere reperent signale signalent debusque debusquent reconnaitre "
    "reconnait detecta detectan senala senalan localiza localizan reconocer reconoce detectam "
    "sinaliza sinalizam aponta apontam reconhecer reconhece".split()
)
_DETECTING_VERB_FINAL = frozenset(
    "aufspurt aufspuren erkennt erkennen findet finden markiert markieren entdeckt".split()
)
_DETECT_BEFORE = 2
_DETECT_AFTER = 8
# Before what it looks for, a German verb of detecting stands as an English one does ("erkennt
# gefälschte Countdowns").
_DETECTING_BEFORE = _DETECTING | _DETECTING_VERB_FINAL
# "detects manipulative tricks, for example fake countdowns": the examples are what is detected.
_EXAMPLED_OBJECT = 3
_LIST_REACH = 8
_LIST_BREAKS = frozenset("and und et y e".split())
_PLACE_PREPOSITIONS = frozenset("in on at across dans sur en em no na nos nas im auf".split())
_PLACE_PHRASE = 4
_FOR_EXAMPLE = (
    ("for", "example"),
    ("for", "instance"),
    ("such", "as"),
    ("e", "g"),
    ("par", "exemple"),
    ("por", "ejemplo"),
    ("por", "exemplo"),
    ("tais", "como"),
    ("zum", "beispiel"),
    ("z", "b"),
    ("wie", "etwa"),
)


def as_detected(tokens: Sequence[str], at: int) -> bool:
    """Whether the words at `at` are what a verb of detecting looks for: right after it, or
    before a German verb at the end of the clause."""
    reach = _DETECT_BEFORE
    if at >= 2 and (tokens[at - 2], tokens[at - 1]) in _FOR_EXAMPLE:
        # The verb's own object may stand before the examples ("detects dark patterns, for
        # example …").
        at, reach = at - 2, _DETECT_BEFORE + _EXAMPLED_OBJECT
    before = tokens[max(0, at - reach) : at]
    after = tokens[at + 1 : at + 1 + _DETECT_AFTER]
    if _DETECTING_BEFORE.intersection(before) or _DETECTING_VERB_FINAL.intersection(after):
        return True
    # A later item of the list the verb looks for ("erkennt … gefälschte Countdown-Uhren,
    # erfundene 'Nur noch 2 Stück'-Hinweise"), with no "and" between that could start a verb of
    # its own ("erkennt die Hauptsorge und erzeugt erfundene Warnungen").
    listed = tokens[max(0, at - _LIST_REACH) : at]
    for j in range(len(listed) - 1, -1, -1):
        if listed[j] in _LIST_BREAKS:
            break
        if listed[j] in _DETECTING_BEFORE:
            return True
    # A short place phrase between the verb and what it looks for ("erkennt in Onlineshops
    # gefälschte Countdown-Uhren", "flags on shopping sites fake timers").
    for j in range(at - 1, max(0, at - 1 - _PLACE_PHRASE), -1):
        if tokens[j] in _PLACE_PREPOSITIONS and tokens[j - 1] in _DETECTING_BEFORE:
            return True
    return False


# A practice named as what a tool protects people from ("shields your selfies against
# face-recognition systems", "protège vos photos contre la reconnaissance faciale", "Schutz vor
# Gesichtserkennung"): the tool stands between people and the practice. The practice must be the
# object of the protecting word's preposition, or stand in a relative clause on that object
# ("against face-recognition systems that scrape social media"). A means word between them ends
# the reading: "protects stores against shoplifters with live facial recognition" names the
# practice as the means.
_PROTECTING = frozenset(
    "protect protects protecting protection shield shields shielding cloak cloaks cloaking "
    "safeguard safeguards defend defends protege protegent proteger protegez protection "
    "bouclier protegen proteja protejan protegemos proteccion escudo protegem protejam "
    "protecao schutzt schutzen schutz abschirmen schirmt".split()
)
_PROTECTED_FROM = frozenset(
    "against from contre de des du contra del frente do da dos das vor gegen".split()
)
_MEANS = frozenset(
    "with using via through by avec grace en par con mediante usando utilizando por com "
    "atraves mit durch per anhand".split()
)
_PROTECTING_GAP = 3
_OBJECT_GAP = 3
_RELATIVE_GAP = 8


def as_protected_from(tokens: Sequence[str], at: int) -> bool:
    """Whether the words at `at` are what a protecting word guards against: "protects your
    photos against facial recognition", or a relative clause on that object."""
    relative = False
    for j in range(at - 1, max(-1, at - 1 - _RELATIVE_GAP), -1):
        token = tokens[j]
        if token in _MEANS:
            return False
        if token in _PROTECTED_FROM and (relative or at - j - 1 <= _OBJECT_GAP):
            before = tokens[max(0, j - 1 - _PROTECTING_GAP) : j]
            if _PROTECTING.intersection(before):
                return True
        relative = relative or token in RELATIVE
    return False


# A practice named in the subject of a purpose clause that says it will not happen ("so
# companies that hoover up photos from social media can't use them", "para que, se forem
# recolhidas por programas que varrem a internet, não sirvam"): the practice is what the tool
# prevents. Only inside a relative clause after the opener: "so that the cameras identify
# everyone who has not paid" still says what the cameras do.
# Longest first, so that "so that" is read before "so".
_PURPOSE_OPENERS = (
    ("in", "order", "that"),
    ("so", "that"),
    ("pour", "que"),
    ("afin", "que"),
    ("para", "que"),
    ("so", "dass"),
    ("so",),
    ("damit",),
)
_PURPOSE_REACH = 14
_PURPOSE_NEGATIONS = frozenset(
    "not cannot never ne n pas plus no nunca nao nem nicht kein keine keinen niemals".split()
)
_NEGATED_CONTRACTIONS = frozenset({("can", "t"), ("won", "t"), ("couldn", "t"), ("don", "t")})


def as_prevented(tokens: Sequence[str], at: int) -> bool:
    """Whether the words at `at` stand in a relative clause on the subject of a purpose clause
    that is denied further on (the tool's purpose is that it does not happen)."""
    after_opener = _purpose_opener(tokens, at)
    if after_opener < 0 or not RELATIVE.intersection(tokens[after_opener:at]):
        return False
    return any(_negation_at(tokens, i) for i in range(at + 1, len(tokens)))


def _purpose_opener(tokens: Sequence[str], at: int) -> int:
    """Where the words after the nearest purpose opener before `at` begin, or -1."""
    for j in range(at - 1, max(-1, at - 1 - _PURPOSE_REACH), -1):
        for opener in _PURPOSE_OPENERS:
            if tuple(tokens[j : j + len(opener)]) == opener:
                return j + len(opener)
    return -1


def _negation_at(tokens: Sequence[str], i: int) -> bool:
    return tokens[i] in _PURPOSE_NEGATIONS or (
        i > 0 and (tokens[i - 1], tokens[i]) in _NEGATED_CONTRACTIONS
    )


# An offer or a proposal turned down in the same sentence or one of the next two ("Le
# prestataire proposait d'ajouter une estimation du genre ; nous avons refusé.", "… a vendor
# presentation proposing a 'resident trust score' … Resolved: the proposal will not be taken
# forward"): what was offered is not a use. Turning down is read only with its subject or object
# ("we declined", "the proposal was rejected"): a bare "rejected" is as often what happens to
# people ("flagged applicants are rejected").
_OFFERED: Mapping[str, tuple[str, ...]] = {
    "en": (
        "wanted to",
        "propos",
        "pitched",
        "offered to",
        "offered us",
        "suggested adding",
        "vendor offered",
        "your request",
        "presented the",
        "demoed",
        "you asked us",
        "motion to",
        "the project that",
        "a plan to",
        "request to",
        "application to",
    ),
    "fr": (
        "voulait",
        "voulaient",
        "propos",
        "suggere d",
        "offrait",
        "a offert de",
        "votre demande",
        "vous nous demandez",
        "l offre",
        "offre de",
    ),
    "es": (
        "queria",
        "querian",
        "propus",
        "propon",
        "propuesta",
        "ofrecia",
        "ofrecio",
        "sugirio",
        "vuestra peticion",
        "su peticion",
        "su solicitud",
        "vuestra solicitud",
        "vuestro encargo",
        "su encargo",
        "oferta",
        "el proyecto que",
    ),
    "pt": (
        "queria",
        "queriam",
        "propos",
        "propost",
        "propunha",
        "ofereceu",
        "oferecia",
        "sugeriu",
        "seu pedido",
        "vosso pedido",
        "sua solicitacao",
        "oferta",
        "o projeto que",
    ),
    "de": (
        "wollte",
        "wollten",
        "vorgeschlagen",
        "vorschlag",
        "schlug",
        "angebot",
        "bot uns",
        "antrag",
        "ihre anfrage",
        "das vorhaben",
    ),
}
# A decision set out before what it decides on ("Application 311 is not approved. The applicants
# proposed …", "Ticket 8812, Status: abgelehnt. Das Marketing wollte …"): these, in any language, are also read in the sentence before an offer. "Option
# A was rejected. We propose live matching" turns down something else.
_NOT_APPROVED: Mapping[str, tuple[str, ...]] = {
    "en": ("is not approved", "was not approved", "status rejected"),
    "fr": ("n est pas approuve", "n a pas ete approuve", "statut rejete"),
    "es": ("no fue aprobad", "no se aprueba", "estado rechazado"),
    "pt": ("nao foi aprovad", "nao e aprovad", "status rejeitado", "estado rejeitado"),
    "de": ("nicht genehmigt", "status abgelehnt"),
}
_NOT_APPROVED_ANY = tuple(c for lang in LANGUAGES for c in _NOT_APPROVED[lang])
_DECLINED: Mapping[str, tuple[str, ...]] = {
    "en": (
        "stopped the feature",
        "blocked the feature",
        "will not be implemented",
        "we declined",
        "we rejected",
        "we refused",
        "we turned",
        "we said no",
        "decided against",
        "declined the offer",
        "declined the proposal",
        "rejected the offer",
        "rejected the proposal",
        "proposal was rejected",
        "offer was declined",
        "offer was rejected",
        "was turned down",
        "not be taken forward",
        "not taken forward",
        "will not be pursued",
        "was not pursued",
        "did not pursue",
        "we will not accept",
        "we cannot accept",
        "we won t accept",
        "we have declined",
        "voted down",
        "motion was defeated",
        "resolved not to",
        "decided not to",
        "agreed not to",
        *_NOT_APPROVED["en"],
        "not be approved",
        "rejects the proposal",
        "refuses the proposal",
        "rejected the",
        "rejected it",
        "shelved",
        "scrapped the",
        "refused a",
        "refused the",
        "was refused",
    ),
    "fr": (
        "a bloque",
        "ont bloque",
        "ne sera pas mis en oeuvre",
        "ne sera pas mise en oeuvre",
        "nous avons refuse",
        "avons refuse",
        "avons decline",
        "avons rejete",
        "avons ecarte",
        "pas donne suite",
        "a ete rejetee",
        "a ete rejete",
        "a ete refusee",
        "a ete ecartee",
        "nous ne pouvons pas accepter",
        "nous n accepterons pas",
        "n acceptons pas",
        "refuse la proposition",
        "rejette la proposition",
        "rejette cette",
        "rejettent cette",
        "refuse cette",
        "ecarte cette",
        *_NOT_APPROVED["fr"],
        "a rejete",
        "ont rejete",
        "a refuse",
        "ont refuse",
        "a ecarte",
        "ont ecarte",
        "est rejetee",
        "est rejete",
        "sont rejetees",
        "est refusee",
        "est refuse",
    ),
    "es": (
        "bloqueo la",
        "bloquearon",
        "no se implementara",
        "rechazamos",
        "declinamos",
        "no dimos curso",
        "fue rechazada",
        "fue rechazado",
        "fue descartada",
        "descartamos",
        "decidimos no",
        "no vamos a aceptar",
        "no aceptamos",
        "no aceptaremos",
        "no podemos aceptar",
        "rechaza la propuesta",
        "rechaza esta",
        "rechaza esa",
        "rechazan",
        *_NOT_APPROVED["es"],
        "rechazo",
        "rechazaron",
        "archivaron",
        "archivo el",
        "desestimo",
        "desestimaron",
    ),
    "pt": (
        "bloqueou",
        "bloquearam",
        "nao sera implementad",
        "recusamos",
        "rejeitamos",
        "declinamos",
        "foi recusada",
        "foi rejeitada",
        "foi recusado",
        "foi rejeitado",
        "foi descartada",
        "descartamos",
        "decidimos nao",
        "nao vamos aceitar",
        "nao aceitamos",
        "nao podemos aceitar",
        "rejeita a proposta",
        "rejeita esta",
        "rejeita essa",
        "rejeitam",
        *_NOT_APPROVED["pt"],
        "rejeitou",
        "rejeitaram",
        "recusou",
        "recusaram",
        "arquivaram",
        "arquivou",
        "engavetou",
        "engavetaram",
    ),
    "de": (
        "gestoppt",
        "nicht umgesetzt",
        "abgelehnt",
        "lehnt",
        "lehnen",
        "wurde verworfen",
        "nicht weiterverfolgt",
        "nicht weiter verfolgt",
        "dagegen entschieden",
        "nicht annehmen",
        *_NOT_APPROVED["de"],
    ),
}
_DECLINE_REACH = 2
# A sentence about a fictional or hypothetical case ("A fictional state proposes software that
# would rate every teenager …"): an exercise, not a use.
_HYPOTHETICAL = (
    "fictional",
    "fictitious",
    "hypothetical",
    "fictif",
    "fictive",
    "hypothetique",
    "ficticio",
    "ficticia",
    "hipotetico",
    "hipotetica",
    "fiktiv",
    "hypothetisch",
    # An imagined world (a play, a novel, a design fiction). Not "dystopian": critics say it of
    # real deployments.
    "imaginary",
    "imaginaire",
    "imaginario",
    "imaginaria",
    "imaginar ",
)


# What would have happened, had it not been stopped ("a vendor tool that would have analysed
# agents' voices"; "ein Tool, das … ausgewertet hätte"). English and German only: in French,
# Spanish and Portuguese the same tense also reports an alleged fact ("la police aurait utilisé"),
# and German "hätte" reads as "hatte" (had) once accents are dropped. English only.
_COUNTERFACTUAL = ("would have",)


def hypothetical(parts: Sequence[str]) -> set[int]:
    """Sentences about a fictional, hypothetical or counterfactual case."""
    return {
        i
        for i, p in enumerate(parts)
        if any(first_cue(words(p), cues)[0] for cues in (_HYPOTHETICAL, _COUNTERFACTUAL))
    }


def declined_offers(parts: Sequence[str], lang: str) -> set[int]:
    """Sentences that offer or propose something turned down there, just before or soon after,
    and those between the offer and the refusal that say what it would have done."""
    langs = (lang,) if lang in LANGUAGES else LANGUAGES
    offered = [c for x in langs for c in _OFFERED[x]]
    declined = [c for x in langs for c in _DECLINED[x]]
    read = [words(p) for p in parts]
    out: set[int] = set()
    for i, tokens in enumerate(read):
        cue, at = first_cue(tokens, offered)
        if not cue:
            continue
        # Turned down in the same sentence ("… refuse la proposition du prestataire d'activer …"),
        # or in the sentence just before, as a decision is set out ("Application 311 is not
        # approved. The applicants proposed …").
        if first_cue(tokens, declined)[0] or (i and first_cue(read[i - 1], _NOT_APPROVED_ANY)[0]):
            out.add(i)
            continue
        for j in range(i + 1, min(len(read), i + 1 + _DECLINE_REACH)):
            if first_cue(read[j], declined)[0]:
                # The offer and what it was said to do, up to the sentence that turns it down.
                out.update(range(i, j))
                break
    return out


def affirmed_cue(
    parts: Sequence[Clause], cues: Sequence[str], detected_excluded: bool = False
) -> str:
    """The first cue found in a clause at a position no denial reaches and that is not the topic
    of a report, a debate or a statement ("a report on emotion recognition"), a crime, what a
    tool protects people from or what a purpose clause says will not happen, or ''. With
    `detected_excluded`, nor one named as what a tool detects ("flags fake countdown timers")."""
    for cue in cues:
        for clause in parts:
            at = find_cue(clause.tokens, cue)
            if at < 0 or at in clause.denied:
                continue
            if as_topic(clause.tokens, at) or as_discussed(clause.tokens, at):
                continue
            if as_crime(clause.tokens, at, len(cue_tokens(cue)[0])):
                continue
            if as_protected_from(clause.tokens, at) or as_prevented(clause.tokens, at):
                continue
            if detected_excluded and as_detected(clause.tokens, at):
                continue
            return cue
    return ""
