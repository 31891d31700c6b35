"""How a provision reads: who it obliges, whom it protects, and whether it is a carve-out.

Multilingual word lists (en/fr/es/pt/de), matched on normalised text (see `text.normalise`).
Grammar for every criterion, not criteria themselves.
"""

from __future__ import annotations

from enum import StrEnum

from .text import normalise


class Party(StrEnum):
    STATE = "state"  # the State itself: government, ministries, public bodies, as user or buyer
    AUTHORITY = "authority"  # a supervisory or enforcement body
    BUSINESS = "business"  # providers, deployers, developers, companies
    PEOPLE = "people"  # affected persons, users, children, workers
    UNKNOWN = ""


_WORDS: dict[Party, tuple[str, ...]] = {
    Party.AUTHORITY: (
        "supervisory authorit",
        "competent authorit",
        "market surveillance",
        "regulator",
        "autorite de controle",
        "autorite competente",
        "autoridad de control",
        "autoridad competente",
        "autoridade competente",
        "autoridade nacional",
        "aufsichtsbehorde",
        "zustandige behorde",
    ),
    Party.STATE: (
        "public authorit",
        "public bod",
        "public sector",
        "public administration",
        "government",
        "ministr",
        "member state",
        "the state",
        "state part",
        "contracting authorit",
        "federal institution",
        "government institution",
        "public entit",
        "administration publique",
        "organisme public",
        "pouvoir adjudicateur",
        "acheteur public",
        "l etat",
        "administracion publica",
        "sector publico",
        "entidad publica",
        "organismo publico",
        "el estado",
        "poder publico",
        "administracao publica",
        "orgao publico",
        "entidade publica",
        "orgao e entidade",
        "o estado",
        "offentliche stelle",
        "behorde",
        "bundesregierung",
        "offentliche verwaltung",
        "offentliche auftraggeber",
    ),
    Party.BUSINESS: (
        "provider",
        "deployer",
        "developer",
        "operator",
        "compan",
        "enterprise",
        "business",
        "importer",
        "distributor",
        "controller",
        "responsable du traitement",
        "responsable del tratamiento",
        "controlador",
        "verantwortliche",
        "fournisseur",
        "deployeur",
        "entreprise",
        "societe",
        "operateur",
        "proveedor",
        "implementador",
        "desarrollador",
        "empresa",
        "operador",
        "fornecedor",
        "aplicador",
        "desenvolvedor",
        "agente de inteligencia",
        "anbieter",
        "betreiber",
        "unternehmen",
        "entwickler",
        "employer",
        "employeur",
        "empleador",
        "empregador",
        "arbeitgeber",
    ),
    Party.PEOPLE: (
        "affected person",
        "any person",
        "natural person",
        "individual",
        "user",
        "consumer",
        "worker",
        "child",
        "citizen",
        "personne concernee",
        "toute personne",
        "personne physique",
        "usager",
        "persona afectada",
        "toda persona",
        "persona fisica",
        "usuario",
        "trabajador",
        "pessoa afetada",
        "toda pessoa",
        "pessoa natural",
        "titular",
        "trabalhador",
        "crianca",
        "betroffene person",
        "jede person",
        "naturliche person",
        "nutzer",
        "verbraucher",
        "beschaftigte",
    ),
}
_PATTERNS = {party: tuple(normalise(w).rstrip() for w in words) for party, words in _WORDS.items()}

# A prohibition reads against a use, not as a duty to do the criterion's thing.
PROHIBITION_WORDS = (
    "prohibited",
    "shall not",
    "must not",
    "is banned",
    "interdit",
    "ne peut",
    "ne doit pas",
    "prohibido",
    "prohibida",
    "no podra",
    "queda prohibid",
    "vedado",
    "vedada",
    "proibido",
    "proibida",
    "nao podera",
    "verboten",
    "untersagt",
    "darf nicht",
    "durfen nicht",
)
_PROHIBITION = tuple(normalise(w).rstrip() for w in PROHIBITION_WORDS)

# Words that confine a provision to a narrow slice of the instrument's scope.
NARROW_WORDS = (
    "only for",
    "solely for",
    "limited to",
    "exclusively",
    "uniquement",
    "seulement",
    "exclusivement",
    "unicamente",
    "solamente",
    "exclusivamente",
    "apenas",
    "somente",
    "ausschliesslich",
    "nur fur",
    "lediglich",
)
_NARROW = tuple(normalise(w).rstrip() for w in NARROW_WORDS)


def parties_in(normalised: str) -> list[Party]:
    """Every kind of party named in a normalised passage, in the order of the word lists."""
    return [party for party, pats in _PATTERNS.items() if any(p in normalised for p in pats)]


def addressee_of(normalised: str, modal_word: str) -> Party:
    """Who is obliged: the party named just before the modal word ("the provider shall")."""
    cut = normalised.find(f" {modal_word} ") if modal_word else -1
    subject = normalised[max(0, cut - 90) : cut + 1] if cut >= 0 else normalised[:120]
    found = parties_in(subject)
    return found[0] if found else Party.UNKNOWN


def beneficiary_of(normalised: str, modal_word: str) -> Party:
    """Who is protected: people named after the modal word (or anywhere when there is none)."""
    cut = normalised.find(f" {modal_word} ") if modal_word else 0
    rest = normalised[max(0, cut) :]
    return Party.PEOPLE if Party.PEOPLE in parties_in(rest) else Party.UNKNOWN


def is_prohibition(normalised: str) -> bool:
    return any(p in normalised for p in _PROHIBITION)


# "Decisions based solely on automated processing" names a kind of decision; it does not confine
# the provision to a narrow slice of the instrument.
_KIND_OF_DECISION = tuple(
    normalise(w).strip()
    for w in (
        "on the basis",
        "based",
        "com base",
        "con base",
        "basad",
        "baseada",
        "fonde",
        "sur le fondement",
        "auf",
        "automat",
    )
)


def is_narrow(normalised: str) -> bool:
    for pattern in _NARROW:
        at = normalised.find(f"{pattern} ")
        if at < 0:
            continue
        after = " ".join(normalised[at + len(pattern) :].split()[:3])
        if not any(after.startswith(w) or f" {w}" in f" {after}" for w in _KIND_OF_DECISION):
            return True
    return False


# The State's own conduct: using, buying, commissioning or deploying AI.
STATE_USE_WORDS = (
    "procure",
    "procurement",
    "purchas",
    "acquir",
    "acquisition",
    "contracting",
    "tender",
    "use of",
    "uses",
    "using",
    "used by",
    "deploy",
    "commission",
    "achat",
    "marche public",
    "acquisition",
    "utilis",
    "recour",
    "deploi",
    "commande publique",
    "contratacion",
    "compra",
    "adquisicion",
    "adquir",
    "utiliz",
    "uso de",
    "licitac",
    "contratac",
    "implement",
    "beschaff",
    "vergabe",
    "einsatz",
    "verwend",
    "nutzung",
    "einsetz",
)
_STATE_USE = tuple(normalise(w).rstrip() for w in STATE_USE_WORDS)


def about_state_use(normalised: str) -> bool:
    return any(p in normalised for p in _STATE_USE)


# Words that put a passage in the world of AI and automated systems (red lines are about AI uses).
AI_CONTEXT_WORDS = (
    "artificial intelligence",
    "ai system",
    "ai ",
    "algorithm",
    "automated",
    "biometric",
    "facial recognition",
    "emotion recognition",
    "social scoring",
    "surveillance",
    "profiling",
    "intelligence artificielle",
    "systeme d ia",
    "ia ",
    "algorithmique",
    "automatis",
    "biometrique",
    "inteligencia artificial",
    "sistema de ia",
    "basado en ia",
    "basados en ia",
    "algoritm",
    "automatizad",
    "biometric",
    "kunstliche intelligenz",
    "ki system",
    "ki ",
    "algorithm",
    "automatisiert",
    "biometrisch",
)
# A word written with a trailing space ("ai ", "ki ", "ia ") is a whole word: "ki" must not match
# "Kindes", nor "ia" "justicia". "IA" is the French, Spanish and Portuguese abbreviation.
_AI_CONTEXT = tuple(
    normalise(w) if w.endswith(" ") else normalise(w).rstrip() for w in AI_CONTEXT_WORDS
)


def about_ai(normalised: str) -> bool:
    return any(p in normalised for p in _AI_CONTEXT)


# Data and digital technology in general: where a ban on something other than an AI use still
# bears on the technologies the checker is about (processing sensitive data, interface designs).
DIGITAL_CONTEXT_WORDS = (
    "data",
    "donnees",
    "datos",
    "dados",
    "daten",
    "processing",
    "traitement",
    "tratamiento",
    "tratamento",
    "verarbeitung",
    "online",
    "en ligne",
    "en linea",
    "digital",
    "numerique",
    "platform",
    "plateforme",
    "plataforma",
    "plattform",
    "software",
    "logiciel",
    "interface",
    "camera",
    "kamera",
    "videovigil",
    "videoprotection",
    "videouberwachung",
)
_DIGITAL_CONTEXT = tuple(normalise(w) for w in DIGITAL_CONTEXT_WORDS)


def about_digital(normalised: str) -> bool:
    """The sentence is about data or digital technology (AI or not)."""
    return about_ai(normalised) or any(p in normalised for p in _DIGITAL_CONTEXT)


# A sentence that sets the instrument's scope or defines its terms: a reference to other law in it
# is a drafting device ("enterprises covered by Section 1-5 of the Accounting Act"), not a link.
SCOPE_WORDS = (
    "apply to",
    "applies to",
    "for the purpose",
    "within the meaning",
    "as defined in",
    "s applique a",
    "s appliquent a",
    "au sens de",
    "au sens du",
    "se aplica a",
    "se aplicara a",
    "a los efectos",
    "a efectos de",
    "aplica se a",
    "para efeito",
    "para os efeito",
    "ist anzuwenden auf",
    "sind anzuwenden auf",
    "gilt fur",
    "gelten fur",
    "im sinne",
)
_SCOPE = tuple(normalise(w) for w in SCOPE_WORDS)

# The instrument naming itself: "this Act", "la présente loi", "dieses Gesetz" is no other law.
SELF_REFERENCE_WORDS = (
    "this act",
    "this law",
    "this directive",
    "this regulation",
    "this convention",
    "this charter",
    "this code",
    "present act",
    "la presente loi",
    "cette loi",
    "la presente directive",
    "le present reglement",
    "la presente convention",
    "la presente charte",
    "le present code",
    "esta ley",
    "la presente ley",
    "el presente reglamento",
    "la presente directiva",
    "la presente carta",
    "el presente convenio",
    "esta lei",
    "desta lei",
    "nesta lei",
    "a presente lei",
    "presente regulamento",
    "presente diretiva",
    "presente carta",
    "presente convencao",
    "dieses gesetz",
    "diesem gesetz",
    "dieses gesetzes",
    "diese richtlinie",
    "dieser richtlinie",
    "diese verordnung",
    "dieser verordnung",
    "diese charta",
    "dieser charta",
    "dieses ubereinkommen",
    "dieses ubereinkommens",
)
_SELF_REFERENCE = tuple(normalise(w) for w in SELF_REFERENCE_WORDS)


def sets_scope(normalised: str) -> bool:
    """Whether a sentence sets the instrument's scope or defines a term."""
    return any(p in normalised for p in _SCOPE)


def without_self_reference(normalised: str) -> str:
    """The sentence with the instrument's names for itself blanked out."""
    for pattern in _SELF_REFERENCE:
        normalised = normalised.replace(pattern, " ")
    return normalised


# The official gazette where laws are promulgated ("publié au Journal officiel").
GAZETTE_WORDS = (
    "official journal",
    "official gazette",
    "federal register",
    "journal officiel",
    "bulletin officiel",
    "boletin oficial",
    "diario oficial",
    "gaceta oficial",
    "diario da republica",
    "bundesgesetzblatt",
    "amtsblatt",
    "bundesblatt",
)
_GAZETTE = tuple(normalise(w).rstrip() for w in GAZETTE_WORDS)


def names_gazette(normalised: str) -> bool:
    return any(p in normalised for p in _GAZETTE)
