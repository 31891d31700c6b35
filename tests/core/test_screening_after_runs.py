"""Red-line readings changed after the one runs of fresh19 to fresh21 (2026-12-07, third session)
and fresh22 to fresh24 (fourth session), and before fresh26 (fifth session).

Each harmless text is paired with the positive it sits next to, so a fix cannot be an element
switched off: the positive must still be found.
"""

import pytest

from rightslens.core.mentions import (
    as_crime,
    as_detected,
    as_prevented,
    as_protected_from,
    as_topic,
    hypothetical,
)
from rightslens.core.screening import screen
from rightslens.core.screening_engine import Screener
from rightslens.core.semantic import HashingEncoder
from rightslens.core.textcues import clauses, words

FAKE = HashingEncoder()


def hit_ids(text, items, lang):
    return {h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits}


@pytest.mark.parametrize(
    ("harmless", "positive", "lang", "red_line"),
    [
        (
            # Faces found only to be blurred before an archive goes online.
            "Avant la mise en ligne de l'archive, un logiciel repère les visages sur les photos "
            "collectées sur des sites publics et les floute automatiquement.",
            "Le logiciel collecte sur des sites publics toutes les photos de visages et les "
            "ajoute à une base de données de recherche faciale.",
            "fr",
            "rl-untargeted-facial-scraping",
        ),
        (
            # Sows in a pig barn, read by their faces: animals, not people.
            "Les caméras de la porcherie analysent le groin et les yeux des truies pour repérer "
            "le stress après la mise bas ; l'éleveur reçoit une alerte.",
            "Les caméras de l'atelier analysent le visage des ouvriers pour repérer le stress ; "
            "le chef d'équipe reçoit une alerte.",
            "fr",
            "rl-emotion-recognition-work-education",
        ),
        (
            # A camera checks a traveller only against the photo they registered themselves.
            "No portão, a câmera compara o seu rosto só com a foto que você cadastrou no app.",
            "No portão, a câmera compara o rosto de cada passageiro com uma lista de procurados "
            "da polícia em tempo real.",
            "pt",
            "rl-remote-realtime-facial-recognition",
        ),
        # After fresh20's one run.
        (
            # A form that lets people state their own origin or religion, or prefer not to say.
            "Si lo deseas, puedes indicar tu grupo étnico o religión, o marcar 'prefiero no "
            "decirlo'.",
            "La cámara estima el grupo étnico y la religión de cada visitante a partir de su "
            "rostro.",
            "es",
            "rl-biometric-categorisation-protected",
        ),
        (
            # Skin tone annotated on the Monk scale in a dataset acquired under licence.
            "Les chercheurs annoteront la teinte de peau des visages, selon l'échelle de Monk, sur "
            "un jeu de données acquis sous licence.",
            "Le logiciel déduit l'origine ethnique des passants à partir de leur visage.",
            "fr",
            "rl-biometric-categorisation-protected",
        ),
        # After fresh22's to fresh24's one runs.
        (
            # A course explaining why a practice is prohibited: the law about it, not a use.
            "Módulo 7 del curso para mandos: por qué la identificación facial en directo de "
            "personas en la vía pública está prohibida para la policía salvo en supuestos "
            "muy limitados.",
            "La policía usa la identificación facial en directo de las personas en la vía "
            "pública con una lista de buscados.",
            "es",
            "rl-realtime-remote-biometric-identification",
        ),
        (
            "Le guide rappelle que la notation sociale des habitants par les communes est "
            "interdite.",
            "La commune attribue à chaque habitant une note sociale qui décide de son accès "
            "aux logements et aux aides.",
            "fr",
            "rl-social-scoring",
        ),
        (
            # What a consumer tool detects, named by example after the verb.
            "Die Browser-Erweiterung der Verbraucherzentrale erkennt manipulative Tricks, zum "
            "Beispiel gefälschte Countdowns, und warnt die Nutzer.",
            "Der Shop zeigt jedem Kunden gefälschte Countdowns und erfundene Restbestände, "
            "um ihn zum Kauf zu drängen.",
            "de",
            "rl-manipulative-techniques",
        ),
        (
            # A judge-ordered tap on two named suspects: "juge" is not a verb of judgement.
            "Sur mandat d'un juge d'instruction, l'outil transcrit les écoutes téléphoniques de "
            "deux suspects nommément désignés.",
            "Le logiciel prévoit où auront lieu les cambriolages pour orienter les patrouilles "
            "de police.",
            "fr",
            "rl-predictive-policing",
        ),
        (
            # One-to-one verification against the member's own photo, by consent.
            "Wer möchte, kann am Eingang statt der Karte sein Gesicht nutzen: Die Kamera "
            "vergleicht es nur mit dem einen Foto, das das Mitglied selbst hinterlegt hat.",
            "Die Kamera am Eingang erkennt die Gesichter aller Besucher und meldet Personen "
            "auf der Hausverbotsliste.",
            "de",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            # Pay gaps by the sex employees declared themselves.
            "Pour le rapport sur l'équité salariale, un outil compare les salaires selon le "
            "sexe que les employés ont eux-mêmes déclaré dans leur dossier.",
            "Un outil devine le sexe des employés à partir de leur photo et de leur voix.",
            "fr",
            "rl-gender-detection",
        ),
        # After fresh23's one run.
        (
            # A court-ordered search of recorded footage, live matching said to be off.
            "Change request: allow the investigation team to run a face search on last "
            "Tuesday's recorded footage from the station for one named missing child, under a "
            "court order. Live camera matching stays switched off.",
            "The station's cameras run live face matching on every passer-by against the "
            "police watch-list.",
            "en",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            # What a consumer extension looks for on shopping sites.
            "Die Erweiterung erkennt in Onlineshops gefälschte Countdown-Uhren und blendet "
            "eine Warnung ein.",
            "Der Shop zeigt jedem Kunden gefälschte Countdowns und erfundene Restbestände, "
            "um ihn zum Kauf zu drängen.",
            "de",
            "rl-manipulative-techniques",
        ),
        # Before fresh26 (fifth session): protective tools.
        (
            "VeilSnap adds invisible changes to your selfies before you post them, so companies "
            "that hoover up photos from social media can't use them to train face-recognition "
            "systems.",
            "FaceBank hoovers up photos from social media and adds every face to its "
            "face-recognition database.",
            "en",
            "rl-untargeted-facial-scraping",
        ),
        (
            "L'application protège vos selfies contre les logiciels qui aspirent les visages "
            "sur les réseaux sociaux.",
            "Le logiciel aspire les visages sur les réseaux sociaux pour constituer une base "
            "de reconnaissance faciale.",
            "fr",
            "rl-untargeted-facial-scraping",
        ),
        # After fresh26's one run: proposals turned down before they are set out.
        (
            # The refusal names the proposal before it ("refuse la proposition du prestataire").
            "Le conseil municipal refuse la proposition du prestataire d'activer "
            "l'identification faciale en direct sur les caméras du stade.",
            "Le conseil municipal active l'identification faciale en direct sur les caméras du "
            "stade pour repérer les supporters recherchés.",
            "fr",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            # A decision set out before what it decides on.
            "Decision: application 311 is not approved. The applicants proposed to train a model "
            "to infer sexual orientation from dating-profile photographs.",
            "The applicants will train a model to infer sexual orientation from dating-profile "
            "photographs.",
            "en",
            "rl-biometric-categorisation-protected",
        ),
        # After fresh26's one run: what a withdrawn feature used to do is withdrawn with it.
        (
            "Hemos retirado definitivamente el 'Índice de implicación', que usaba la cámara web "
            "para estimar la atención y el ánimo de los empleados durante los cursos.",
            "El 'Índice de implicación' usa la cámara web para estimar la atención y el ánimo de "
            "los empleados durante los cursos.",
            "es",
            "rl-emotion-recognition-work-education",
        ),
        (
            "We have retired the engagement index, which used the webcam to estimate the mood "
            "and attention of employees during training sessions.",
            "The engagement index uses the webcam to estimate the mood and attention of "
            "employees during training sessions.",
            "en",
            "rl-emotion-recognition-work-education",
        ),
        # After fresh27's one run: the animals exception gives way to people at work in the
        # sentence the hit rests on, not to staff named in another sentence.
        (
            "Cameras above the milking parlour recognise each cow by her face in real time. "
            "Staff also spotted two lame cows a week earlier.",
            "Cameras above the milking parlour recognise each cow and each worker by their face "
            "in real time.",
            "en",
            "rl-remote-realtime-facial-recognition",
        ),
        # After fresh28's one run: withdrawals in French passives and German subordinate clauses.
        (
            "Le module « humeur de la classe », qui analysait les visages des élèves par la "
            "webcam, est retiré de l'application.",
            "Le module « humeur de la classe » analyse les visages des élèves par la webcam.",
            "fr",
            "rl-emotion-recognition-work-education",
        ),
        (
            "Es wurde festgestellt, dass das Modul zum Live-Abgleich von Gesichtern mit einer "
            "Hausverbotsliste deinstalliert und die Lizenz gekündigt wurde.",
            "Das Modul gleicht die Gesichter aller Kunden live mit einer Hausverbotsliste ab.",
            "de",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "WuffSense übersetzt das Bellen deines Hundes: die App zeigt an, ob dein Vierbeiner "
            "verspielt, ängstlich oder gelangweilt ist.",
            "Die App hört die Stimme des Anrufers und zeigt an, ob er verspielt, ängstlich oder "
            "gelangweilt ist.",
            "de",
            "rl-emotion-recognition-other-contexts",
        ),
    ],
)
def test_harmless_reading_is_clear_and_its_positive_is_found(
    items, harmless, positive, lang, red_line
):
    assert red_line not in hit_ids(harmless, items, lang)
    assert red_line in hit_ids(positive, items, lang)


def test_an_eleveur_is_a_farmer_not_a_pupil(items):
    reading = Screener(items, FAKE).prepare("L'éleveur reçoit une alerte.", lang="fr")
    assert "el-education" not in reading.readings[0].elements
    pupils = Screener(items, FAKE).prepare("Les élèves reçoivent une alerte.", lang="fr")
    assert "el-education" in pupils.readings[0].elements


def test_management_is_not_a_shop(items):
    reading = Screener(items, FAKE).prepare("Die Geschäftsleitung plant die Massnahmen.", lang="de")
    assert "el-public-space" not in reading.readings[0].elements
    shop = Screener(items, FAKE).prepare("Die Kamera hängt im Geschäft am Eingang.", lang="de")
    assert "el-public-space" in shop.readings[0].elements


def test_a_denial_that_reaches_no_practice_word_leaves_the_sentence_readable(items):
    screener = Screener(items, FAKE)
    warrant = screener.prepare(
        "The operator forwards the location records of all customers to the agency, "
        "without a court order.",
        lang="en",
    )
    assert not warrant.readings[0].negated  # the learned layer may still read it
    assert warrant.readings[0].denial  # reading by meaning alone stays off
    denied = screener.prepare("The camera does not recognise faces.", lang="en")
    assert denied.readings[0].negated


@pytest.mark.parametrize(
    ("topic", "used", "word"),
    [
        # A chapter given over to a practice.
        (
            "Notre rapport consacre un chapitre aux systèmes de crédit social.",
            "La commune applique un système de crédit social aux habitants.",
            "credit",
        ),
        # The case against a practice.
        (
            "The case against predictive policing.",
            "The police use predictive policing against gangs.",
            "predictive",
        ),
    ],
)
def test_a_practice_written_about_is_a_topic_and_one_used_is_not(topic, used, word):
    tokens = words(topic)
    assert as_topic(tokens, tokens.index(word))
    tokens = words(used)
    assert not as_topic(tokens, tokens.index(word))


def test_a_practice_named_as_a_crime_is_not_the_systems_practice():
    scams = words("After a surge in impersonation scams, the operator scores calls for fraud.")
    assert as_crime(scams, scams.index("impersonation"))
    linked = words("Les arnaques par usurpation se multiplient.")
    assert as_crime(linked, linked.index("usurpation"))
    done = words("The chatbot uses impersonation of bank staff to win trust.")
    assert not as_crime(done, done.index("impersonation"))
    detection = words("Fraud detection using voice stress analysis on every call.")
    assert not as_crime(detection, detection.index("voice"))


def test_what_would_have_happened_is_not_a_use():
    parts = [
        "The union grieved a vendor tool that would have analysed agents' voices for stress.",
        "The employer analyses agents' voices for stress.",
    ]
    assert hypothetical(parts) == {0}


def test_a_sentence_about_an_imaginary_world_is_an_exercise():
    parts = [
        "Dans une ville imaginaire de 2041, une IA écoute chaque appel.",
        "Dans notre ville, une IA écoute chaque appel.",
    ]
    assert hypothetical(parts) == {0}


def test_blurring_on_public_pages_does_not_excuse_a_face_database(items):
    blurred = (
        "The crawler collects faces from public websites; faces are blurred on the public "
        "pages before anything is shown."
    )
    kept = (
        "The crawler collects faces from public websites; faces are blurred on the public "
        "pages, but the originals go into a face database the police search."
    )
    assert "rl-untargeted-facial-scraping" not in hit_ids(blurred, items, "en")
    assert "rl-untargeted-facial-scraping" in hit_ids(kept, items, "en")


def test_a_use_after_a_statement_of_the_ban_is_still_read(items):
    text = (
        "La reconnaissance faciale en direct est interdite pour la police, mais les caméras "
        "de notre magasin reconnaissent les visages des clients interdits à l'entrée."
    )
    assert "rl-remote-realtime-facial-recognition" in hit_ids(text, items, "fr")


def test_a_marketing_engine_is_not_a_market_place(items):
    reading = Screener(items, FAKE).prepare(
        "O motor de marketing identifica os apostadores.", lang="pt"
    )
    assert "el-public-space" not in reading.readings[0].elements
    market = Screener(items, FAKE).prepare("Cameras watch the market square.", lang="en")
    assert "el-public-space" in market.readings[0].elements


def test_likelihood_to_steal_is_a_crime_forecast(items):
    reading = Screener(items, FAKE).prepare(
        "El sistema calcula qué clientes tienen más probabilidad de robar.", lang="es"
    )
    assert "el-crime-forecast" in reading.readings[0].elements


def test_examples_after_a_verb_of_detecting_are_detected():
    tokens = words("The tool detects dark patterns, for example fake countdown timers.")
    assert as_detected(tokens, tokens.index("fake"))
    shown = words("The shop shows, for example, fake countdown timers.")
    assert not as_detected(shown, shown.index("fake"))


def test_a_threat_to_cut_a_line_off_is_no_feature_switched_off(items):
    text = (
        "The retention voicebot is trained to invent urgency, 'your line will be cut off "
        "tonight', so people agree to premium plans they would otherwise refuse."
    )
    reading = Screener(items, FAKE).prepare(text, lang="en")
    assert not reading.readings[0].negated


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # After fresh24's one run: a bot passing as a person, made-up urgency, false claims.
        (
            "The loan assistant presents itself as a human adviser named Jess and makes up "
            "limited-time approval windows.",
            "en",
        ),
        (
            "O assistente de voz liga aos clientes a fingir ser funcionário do banco e diz "
            "falsamente que a conta será bloqueada.",
            "pt",
        ),
        ("El asistente llama a los clientes y dice falsamente que su cuenta será bloqueada.", "es"),
    ],
)
def test_deception_in_plain_words_is_a_manipulative_technique(items, text, lang):
    assert "rl-manipulative-techniques" in hit_ids(text, items, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("All working copies were deleted when the girl was found safe.", "en"),
        ("A agência ajuda pequenos hotéis a anunciar nas redes sociais.", "pt"),
    ],
)
def test_copies_and_social_media_alone_are_no_scraping(items, text, lang):
    reading = Screener(items, FAKE).prepare(text, lang=lang)
    assert "el-scraping" not in reading.readings[0].elements


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Found on review of this session's denials: people described as banned are the ones a
        # watch-list names, and the use around them is still read (English was cleared wrongly
        # before this session too).
        (
            "The cameras recognise the faces of shoppers who are banned from the store and alert "
            "the guards.",
            "en",
        ),
        ("Live facial recognition identifies fans who are banned from the stadium.", "en"),
        (
            "Les caméras reconnaissent en direct les visages des clients qui sont interdits de "
            "magasin.",
            "fr",
        ),
        (
            "Las cámaras reconocen en tiempo real las caras de los clientes que están prohibidos "
            "en la tienda.",
            "es",
        ),
    ],
)
def test_people_said_to_be_banned_do_not_deny_the_use_around_them(items, text, lang):
    assert "rl-remote-realtime-facial-recognition" in hit_ids(text, items, lang)


# Before fresh26 (2026-12-07, fifth session): protective tools described in the practice's words,
# the false alarm of five unseen sets in a row.
@pytest.mark.parametrize(
    ("reading", "text", "at_word", "no_use"),
    [
        (
            as_protected_from,
            "the app protects your selfies against facial recognition",
            "facial",
            True,
        ),
        (
            as_protected_from,
            "une appli qui protège vos photos contre la reconnaissance faciale",
            "reconnaissance",
            True,
        ),
        (
            as_protected_from,
            "Schutz vor Gesichtserkennung für Ihre Fotos",
            "gesichtserkennung",
            True,
        ),
        (
            as_protected_from,
            "protects your photos against systems that scrape social media",
            "scrape",
            True,
        ),
        # The practice as the means of protecting someone is a use.
        (
            as_protected_from,
            "protect stores against shoplifters with live facial recognition",
            "facial",
            False,
        ),
        (
            as_protected_from,
            "protège les passants contre les agressions grâce à la reconnaissance faciale",
            "reconnaissance",
            False,
        ),
        (as_protected_from, "the cameras recognise faces against a watch-list", "faces", False),
        # A purpose clause that says the practice will not happen.
        (
            as_prevented,
            "so companies that hoover up photos from social media can't use them",
            "photos",
            True,
        ),
        (
            as_prevented,
            "para que, se forem recolhidas por programas que varrem a internet, não sirvam",
            "varrem",
            True,
        ),
        # What the purpose clause says the system does is a use.
        (as_prevented, "so that the cameras identify everyone who has not paid", "identify", False),
        # No denial after it: the purpose is the practice.
        (as_prevented, "so that staff who seem bored are flagged to the manager", "bored", False),
    ],
)
def test_what_a_tool_protects_people_from_or_prevents_is_no_use(reading, text, at_word, no_use):
    tokens = words(text)
    assert reading(tokens, tokens.index(at_word)) is no_use


# After fresh26's and fresh27's one runs: positives the rules missed.
@pytest.mark.parametrize(
    ("text", "lang", "red_line"),
    [
        (
            # A denial does not reach past ", so": the consequence is what the system does.
            "Our ATS doesn't ask applicants for gender, so the diversity dashboard will derive "
            "it from first names (male/female/unknown).",
            "en",
            "rl-gender-detection",
        ),
        (
            # Invented messages, in German.
            "Wer die Netzabdeckung erwähnt, bekommt erfundene Störungsmeldungen des neuen "
            "Anbieters angezeigt.",
            "de",
            "rl-manipulative-techniques",
        ),
    ],
)
def test_plain_wordings_of_a_practice_are_found(items, text, lang, red_line):
    assert red_line in hit_ids(text, items, lang)


def test_so_that_goes_on_with_the_denial_before_it():
    denied = [
        c.denied for c in clauses("We do not store faces, so that no one is identified.", "en")
    ]
    assert denied and all(denied)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Cada requerente recebe uma pontuação de risco de criminalidade futura.", "pt"),
        ("Cada solicitante recibe una puntuación de criminalidad futura.", "es"),
        ("Chaque client reçoit un risque de vol à l'étalage calculé d'après son âge.", "fr"),
    ],
)
def test_future_criminality_is_a_forecast_of_offending(items, text, lang):
    prepared = Screener(items, FAKE, model=None).prepare(text, lang=lang)
    assert "el-future-offending" in prepared.whole


# After fresh27's one run.
def test_the_pupil_of_an_eye_is_no_school_pupil(items):
    text = (
        "The booth analyses the traveller's voice stress, facial expressions and pupil changes "
        "to flag signs of anxiety."
    )
    hits = hit_ids(text, items, "en")
    assert "rl-emotion-recognition-other-contexts" in hits
    assert "rl-emotion-recognition-work-education" not in hits


@pytest.mark.parametrize(
    ("text", "word", "detected"),
    [
        (
            "die erweiterung erkennt in onlineshops gefalschte countdown uhren erfundene hinweise",
            "erfundene",
            True,
        ),
        (
            "der chatbot erkennt die hauptsorge und erzeugt erfundene warnungen",
            "erfundene",
            False,
        ),
    ],
)
def test_later_items_of_what_a_tool_detects_are_detected(text, word, detected):
    tokens = text.split()
    assert as_detected(tokens, tokens.index(word)) is detected
