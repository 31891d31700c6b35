"""Red-line readings changed after the one runs of fresh32 and fresh33 (2026-12-07, seventh
session). The texts here are new wordings of the kinds those sets showed, not their sentences.

Each harmless text is paired with the positive it sits next to, so a fix cannot be an element
switched off: the positive must still be found.
"""

import pytest

from rightslens.core.mentions import as_discussed, as_topic, declined_offers
from rightslens.core.screening import screen
from rightslens.core.semantic import HashingEncoder
from rightslens.core.textcues import clauses, sentences, words

FAKE = HashingEncoder()


def hit_ids(text, items, lang):
    return {h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits}


PAIRS = [
    (
        # What a paper or a course examines is its topic.
        "This working paper reviews published audits of predictive policing in three "
        "countries; we build no model and use no police data.",
        "The department uses predictive policing software to send patrols where burglaries "
        "are forecast.",
        "en",
        "rl-predictive-policing",
    ),
    (
        "Module 2 of the course examines how police forces deployed live facial recognition "
        "at football matches.",
        "Police forces deploy live facial recognition at football matches to identify wanted fans.",
        "en",
        "rl-remote-realtime-facial-recognition",
    ),
    (
        # Speakers who discussed it, the subject left out as Portuguese allows.
        "Os oradores compararam leis de vários países. Discutiram também os riscos de sistemas "
        "que analisam as comunicações de toda a população.",
        "O ministério comprou sistemas que analisam as comunicações de toda a população.",
        "pt",
        "rl-mass-surveillance",
    ),
    (
        # The practices a law forbids, listed after the verb.
        "Desde fevereiro estão proibidas na União Europeia práticas como a pontuação social "
        "dos cidadãos.",
        "Desde fevereiro a prefeitura aplica a pontuação social dos cidadãos.",
        "pt",
        "rl-social-scoring",
    ),
    (
        # A note published on a subject.
        "La CNIL a publié hier une note sur les caméras qui prétendent lire les émotions des "
        "clients.",
        "Le magasin a installé des caméras qui lisent les émotions des clients.",
        "fr",
        "rl-emotion-recognition-other-contexts",
    ),
    (
        # A moratorium is on what it stops, however long it runs.
        "El concejo aprobó una moratoria de dos años sobre el reconocimiento facial en tiempo "
        "real en las cámaras de la plaza.",
        "El concejo aprobó el reconocimiento facial en tiempo real en las cámaras de la plaza.",
        "es",
        "rl-remote-realtime-facial-recognition",
    ),
    (
        # A denied thing described by a relative clause after a comma.
        "Wir setzen keine Software ein, die aus Stimme oder Mimik auf die Gefühle von "
        "Bewerbenden schließt.",
        "Wir setzen eine Software ein, die aus Stimme oder Mimik auf die Gefühle von "
        "Bewerbenden schließt.",
        "de",
        "rl-emotion-recognition-work-education",
    ),
    (
        # A list of subjects before a verb-final denial.
        "Das Geschlecht wird aus Namen, Fotos oder Stimmen nicht abgeleitet.",
        "Das Geschlecht wird aus Namen, Fotos oder Stimmen abgeleitet.",
        "de",
        "rl-gender-detection",
    ),
    (
        # A project with a long relative clause, cancelled.
        "O projeto-piloto de câmaras que iriam analisar o rosto dos alunos nas salas do 8.º ano "
        "para medir o estado de espírito de cada um foi cancelado pela direção.",
        "O projeto-piloto de câmaras que analisam o rosto dos alunos nas salas do 8.º ano para "
        "medir o estado de espírito de cada um foi aprovado pela direção.",
        "pt",
        "rl-emotion-recognition-work-education",
    ),
    (
        # An offer turned down in the French present.
        "Un prestataire proposait d'ajouter la reconnaissance faciale en temps réel aux caméras "
        "de la gare. Le conseil rejette cette option.",
        "Un prestataire ajoute la reconnaissance faciale en temps réel aux caméras de la gare.",
        "fr",
        "rl-remote-realtime-facial-recognition",
    ),
    (
        # Something a team wanted, stopped.
        "Das Marketing wollte gefälschte Countdown-Zähler im Bestellprozess einblenden; die "
        "Rechtsabteilung hat das Feature gestoppt.",
        "Das Marketing blendet gefälschte Countdown-Zähler im Bestellprozess ein.",
        "de",
        "rl-manipulative-techniques",
    ),
]


PAIRS.append(
    (
        # What a law classifies is its subject.
        "La loi adoptée hier, dont les articles classent la notation sociale des habitants parmi "
        "les pratiques à risque inacceptable, entre en vigueur en juin.",
        "Depuis hier, la mairie applique la notation sociale des habitants.",
        "fr",
        "rl-social-scoring",
    )
)

# Found after fresh32's misses: phrasings the word lists lacked.
PAIRS += [
    (
        "A plataforma faz a previsão semanal dos bairros onde é mais provável ocorrerem "
        "acidentes de trânsito, para planear obras.",
        "A plataforma faz a previsão semanal dos bairros onde é mais provável ocorrerem roubos, "
        "para orientar o patrulhamento da polícia.",
        "pt",
        "rl-predictive-policing",
    ),
    (
        "Lorsque l'assistant vocal repère des signes de confusion chez les personnes âgées, il "
        "prévient leur famille.",
        "Lorsque l'assistant vocal repère des signes de confusion chez les personnes âgées, il "
        "insiste pour leur faire souscrire le contrat le plus cher.",
        "fr",
        "rl-exploiting-vulnerabilities",
    ),
]


@pytest.mark.parametrize(("harmless", "positive", "lang", "red_line"), PAIRS)
def test_harmless_text_is_clear_and_its_neighbour_is_not(items, harmless, positive, lang, red_line):
    assert red_line not in hit_ids(harmless, items, lang)
    assert red_line in hit_ids(positive, items, lang)


def test_a_grade_on_people_is_no_note_on_a_subject():
    tokens = words("Le logiciel attribue à chaque salarié une note sur son attitude.")
    assert not as_topic(tokens, tokens.index("attitude"))
    tokens = words("La CNIL a publié une note sur les caméras émotionnelles.")
    assert as_topic(tokens, tokens.index("cameras"))


@pytest.mark.parametrize(
    ("text", "word", "discussed"),
    [
        ("Nuestro sistema analiza las emociones de los clientes.", "emociones", False),
        ("Nuestro informe analiza las emociones de los clientes.", "emociones", True),
        # A software module, or a workshop where people work, is no work with authors.
        ("The emotion module analyses the faces of pupils.", "faces", False),
        ("Les caméras de l'atelier analysent le visage des ouvriers.", "visage", False),
    ],
)
def test_a_system_that_analyses_is_no_report_that_analyses(text, word, discussed):
    tokens = words(text)
    assert as_discussed(tokens, tokens.index(word)) is discussed


def test_a_list_before_a_denial_is_cut_in_english_only_where_a_clause_starts():
    english = clauses("The camera reads faces live and does not store images.", "en")
    assert "faces" in english[0].tokens and not english[0].denied


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ticket 4410, Status: rejected. Sales wanted to add a fake 'only 2 left' banner.", "en"),
        (
            "Le service voulait activer la détection d'émotions. La direction a bloqué la demande.",
            "fr",
        ),
    ],
)
def test_a_wish_turned_down_is_declined(text, lang):
    parts = sentences(text)
    assert declined_offers(parts, lang)


def test_a_cancellation_reaches_back_over_a_long_relative_clause_to_its_project():
    sentence = (
        "O projeto-piloto de câmaras que iriam medir a atenção e o estado de espírito dos alunos "
        "nas salas do 7.º ano foi cancelado pela direção."
    )
    (clause,) = clauses(sentence, "pt")
    assert {clause.tokens.index("atencao"), clause.tokens.index("camaras")} <= clause.denied
    kept = clauses("As câmaras medem o estado de espírito dos alunos nas salas.", "pt")
    assert not kept[0].denied


# After fresh34's one run (on the session's last code): new wordings of its misses and of the
# general readings it lacked.
AFTER_FRESH34 = [
    (
        # Watching everyone without suspicion is the practice, not a denial of it.
        "The platform reads the call records of the five suspects named in the court order.",
        "Call records and location pings from every SIM registered in the district feed a model "
        "that maps social networks, with no individual suspicion required.",
        "en",
        "rl-mass-surveillance",
    ),
    (
        # Stopping something.
        "A partir de hoy la aplicación deja de calcular el índice de confiabilidad que usaba tus "
        "redes sociales y tu historial crediticio para decidir tu acceso a los pedidos.",
        "A partir de hoy la aplicación calcula un índice de confiabilidad que usa tus redes "
        "sociales y tu historial crediticio para decidir tu acceso a los pedidos.",
        "es",
        "rl-social-scoring",
    ),
    (
        # Plural works with authors.
        "O projeto fará uma revisão dos estudos publicados sobre policiamento preditivo.",
        "A polícia usa policiamento preditivo para decidir onde patrulhar.",
        "pt",
        "rl-predictive-policing",
    ),
]


@pytest.mark.parametrize(("harmless", "positive", "lang", "red_line"), AFTER_FRESH34)
def test_after_fresh34_harmless_is_clear_and_its_neighbour_is_not(
    items, harmless, positive, lang, red_line
):
    assert red_line not in hit_ids(harmless, items, lang)
    assert red_line in hit_ids(positive, items, lang)


def test_an_exam_is_education_and_a_review_of_a_case_is_not(items):
    (clause,) = clauses("Die Prüfungsaufsicht liest die Mimik der Studierenden.", "de")
    assert "prufungsaufsicht" in clause.tokens
    found = hit_ids(
        "Während des Video-Idents analysiert das System Mimik und Stimme, um Nervosität zu "
        "erkennen. Support: Ich leite eine erneute Prüfung ein.",
        items,
        "de",
    )
    assert "rl-emotion-recognition-work-education" not in found


def test_inadmissible_denies_what_comes_before_it():
    (clause,) = clauses("Eine Auswertung der Mimik der Beschäftigten ist unzulässig.", "de")
    assert clause.tokens.index("mimik") in clause.denied


@pytest.mark.parametrize(
    "text",
    [
        "Under the law, the police watch lists are matched against live faces.",
        "The law enforcement agency classifies suspects by their predicted risk.",
        "Conformément à la loi, dans chaque classe des caméras lisent les émotions des élèves.",
        "Un arrêté de la préfecture autorise la reconnaissance faciale en temps réel.",
    ],
)
def test_words_near_a_law_or_a_decree_do_not_make_a_use_a_topic(text):
    tokens = words(text)
    assert not any(as_discussed(tokens, at) for at in range(len(tokens)))
    (first, *_) = clauses(text, "fr" if "la" in tokens else "en")
    assert not first.denied
