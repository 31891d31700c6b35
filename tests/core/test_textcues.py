"""Clauses, denials and cues in five languages."""

from rightslens.core.mentions import as_detected, as_topic, declined_offers, hypothetical
from rightslens.core.textcues import (
    asks_for_own_use,
    clauses,
    find_cue,
    language_of,
    sentences,
    words,
)


def denied_words(sentence, lang):
    return [[c.tokens[i] for i in sorted(c.denied)] for c in clauses(sentence, lang)]


def test_a_denial_reaches_forward_within_its_clause():
    [clause] = clauses("It does not identify anyone", "en")
    assert clause.tokens.index("identify") in clause.denied


def test_a_denial_stops_at_but_and_at_and_before_another_denial():
    parts = clauses("We do not store images but we identify shoppers", "en")
    assert "identify" not in [parts[-1].tokens[i] for i in parts[-1].denied]
    parts = clauses("It identifies shoppers live and does not store images", "en")
    assert parts[0].denied == frozenset()


def test_a_denial_after_the_practice_reaches_back():
    [clause] = clauses("Emotion recognition is not used", "en")
    assert 0 in clause.denied


def test_not_only_affirms():
    parts = clauses("It not only counts visitors but also identifies them", "en")
    assert all(c.denied == frozenset() for c in parts)


def test_portuguese_no_is_not_a_denial():
    [clause] = clauses("reconhecimento facial no metro", "pt")
    assert clause.denied == frozenset()


def test_cues_match_word_beginnings_without_accents_and_whole_words_when_asked():
    tokens = "les émotions des élèves".split()
    assert find_cue(["les", "emotions"], "emotion") == 1
    assert find_cue(["facebook"], "face ") == -1
    assert find_cue(["face"], "face ") == 0
    assert find_cue(tokens, "des eleves") == -1  # tokens must be normalised first


def test_sentences_split_on_full_stops_and_lines():
    assert sentences("One. Two!\nThree") == ["One.", "Two!", "Three"]


def test_a_declared_language_wins_and_an_unknown_one_is_guessed():
    assert language_of("anything", "pt-BR") == "pt"
    assert (
        language_of("Le système analyse les visages des clients dans le magasin et les photos", "")
        == "fr"
    )


def _flat_denied(text: str, lang: str) -> list[str]:
    return [w for words in denied_words(text, lang) for w in words]


def test_filler_after_without_does_not_use_up_its_reach():
    denied = _flat_denied("sem em momento algum analisar o rosto dos alunos", "pt")
    assert "rosto" in denied
    assert "faces" in _flat_denied("without at any point reading faces of staff", "en")


def test_without_reaches_through_a_list_joined_by_or_but_not_by_and():
    denied = _flat_denied("corrige sem analisar o rosto, a voz ou o estado emocional", "pt")
    assert {"rosto", "voz", "estado"} <= set(denied)
    denied = _flat_denied("counts travellers without identifying anyone and flags faces", "en")
    assert "identifying" in denied and "flags" not in denied and "faces" not in denied


def test_a_feature_switched_off_is_denied_but_disabled_people_are_not():
    denied = _flat_denied("scanning of other subscribers' traffic is technically disabled", "en")
    assert "scanning" in denied
    assert "deteccion" in _flat_denied("la deteccion de emociones esta desactivada", "es")
    assert _flat_denied("the app targets disabled customers with payday loans", "en") == []


def test_a_question_whose_asker_speaks_of_their_own_use_is_a_request():
    assert asks_for_own_use(
        "Pour notre centre d'appels, votre outil détecte-t-il le stress ?", "fr"
    )
    assert asks_for_own_use("Can it flag which of our staff seem stressed?", "en")
    assert not asks_for_own_use("Does your product identify people from their faces?", "en")
    # Portuguese "nos" is "in the": not the asker.
    assert not asks_for_own_use("O sistema analisa rostos nos corredores?", "pt")


def test_a_withdrawn_feature_is_denied_in_each_voice():
    assert "scoring" in _flat_denied("Facial-analysis scoring was retired in 2021", "en")
    assert "expresiones" in _flat_denied("el proveedor eliminó el análisis de expresiones", "es")
    assert "perfis" in _flat_denied(
        "desativámos em março o recolector que descarregava fotografias de perfis públicos", "pt"
    )
    assert "emotions" in _flat_denied("we have removed the module that read emotions", "en")


def test_a_removal_that_is_part_of_the_use_denies_nothing_that_follows():
    denied = _flat_denied("Offenders are removed from the store after being identified", "en")
    assert "identified" not in denied
    # German "entfernt" is also "away": without an auxiliary it denies nothing.
    assert _flat_denied("Die Kameras erkennen Gesichter noch 50 Meter entfernt", "de") == []


def test_a_german_participle_at_the_end_denies_back_to_its_auxiliary():
    text = "Die Polizei hat das Pilotprojekt zur Einbruchsprognose nach der Evaluierung beendet"
    assert "einbruchsprognose" in _flat_denied(text, "de")


def test_a_denial_does_not_reach_past_a_dash():
    text = "s'ils n'acceptaient pas le forfait - une menace inventée pour chaque client"
    denied = _flat_denied(text, "fr")
    assert "acceptaient" in denied and "menace" not in denied


def test_a_prohibition_put_first_or_after_to_be_denies_the_practice():
    text = "Queda prohibido a la policía el uso de sistemas que asignen una probabilidad de delito"
    assert "probabilidad" in _flat_denied(text, "es")
    assert "emotion" in _flat_denied(
        "The use of emotion recognition in schools is prohibited", "en"
    )
    # "prohibited persons" are people on a list: nothing is denied.
    assert _flat_denied("the cameras match prohibited persons at the gate", "en") == []


def test_a_denial_before_a_colon_does_not_reach_past_it():
    text = "No identificamos a nadie ni guardamos imágenes: las cámaras solo leen la expresión"
    denied = _flat_denied(text, "es")
    assert "identificamos" in denied and "expresion" not in denied
    # One after it still reaches back ("Emotion recognition: not used").
    assert "emotion" in _flat_denied("Emotion recognition: not used in any product", "en")
    # A colon that opens a list is part of the denial.
    listed = "The system will not include the following: emotion recognition, gait analysis"
    assert "emotion" in _flat_denied(listed, "en")


def test_a_german_denial_stays_inside_its_subordinate_clause():
    text = (
        "Die Polizei darf Personen, die bisher nicht straffällig geworden sind, mittels eines "
        "automatisierten Verfahrens als Gefährder einstufen"
    )
    denied = _flat_denied(text, "de")
    assert "straffallig" in denied
    assert "polizei" not in denied and "gefahrder" not in denied
    # A list after "keine" is still denied.
    assert "emotionen" in _flat_denied("Wir erkennen keine Gesichter, Stimmen oder Emotionen", "de")


def test_a_call_to_ban_a_practice_denies_it():
    text = "Le rapport recommande d'interdire dans les écoles tout logiciel qui déduit les émotions"
    assert "emotions" in _flat_denied(text, "fr")
    assert "scoring" in _flat_denied("The council voted for a ban on social scoring", "en")


def test_a_project_archived_or_shelved_is_denied():
    text = "O projeto de instalar câmeras com reconhecimento facial nas estações foi arquivado"
    assert "reconhecimento" in _flat_denied(text, "pt")
    assert "emotion" in _flat_denied("The emotion analytics pilot was shelved", "en")


def test_a_practice_named_as_the_topic_of_a_report_is_a_topic():
    def topic(text: str, word: str) -> bool:
        tokens = words(text)
        return as_topic(tokens, tokens.index(word))

    assert topic("Students read the UN experts statement on predictive policing", "predictive")
    assert topic("un rapport sur la reconnaissance faciale", "reconnaissance")
    assert not topic("we rely on facial recognition at the gate", "facial")
    assert not topic("the police report that facial recognition found him", "facial")


def test_an_offer_turned_down_is_not_a_use():
    declined = [
        "Le prestataire proposait d'ajouter une estimation du genre des visiteurs",
        "nous avons refusé.",
    ]
    assert declined_offers(declined, "fr") == {0}
    minutes = [
        "Members heard a vendor presentation proposing a resident trust score.",
        "Members raised concerns.",
        "Resolved: the proposal will not be taken forward.",
        "Item 6: the council bought a trust score for every resident.",
    ]
    # The presentation is turned down two sentences later; the next item stays readable.
    assert 0 in declined_offers(minutes, "en") and 3 not in declined_offers(minutes, "en")
    # "rejected" said of people is not a refusal of the offer.
    scored = ["The vendor proposed a score for each applicant.", "Low scorers are rejected."]
    assert declined_offers(scored, "en") == set()


def test_a_request_refused_is_not_a_use():
    request = [
        "Sobre vuestra petición de montar un buscador de caras con fotos de Instagram: lo hemos "
        "valorado y no vamos a aceptar el encargo."
    ]
    assert declined_offers(request, "es") == {0}
    motion = ["Der Stadtrat hat den Antrag abgelehnt, am Bahnhof Live-Gesichtserkennung zu testen."]
    assert declined_offers(motion, "de") == {0}
    accepted = ["Sobre vuestra petición de montar un buscador de caras: lo haremos en mayo."]
    assert declined_offers(accepted, "es") == set()


def test_a_list_under_a_denial_stays_denied_past_its_or():
    text = "aucune donnée vidéo, audio ou biométrique n'est traitée"
    assert "biometrique" in _flat_denied(text, "fr")
    # A new clause that opens with its own denial is still cut off ("… live and does not store").
    live = "The camera identifies people live and does not store images"
    assert "identifies" not in _flat_denied(live, "en")


def test_more_ways_to_deny():
    assert "contagem" in _flat_denied("nada de contagem regressiva falsa nem letra miúda", "pt")
    assert "faceprint" in _flat_denied("crawlers can't build a usable faceprint of you", "en")
    assert "emotions" in _flat_denied("the vendor didn't infer emotions", "en")


def test_what_a_tool_detects_is_what_it_looks_for():
    def detected(text: str, word: str) -> bool:
        tokens = words(text)
        return as_detected(tokens, tokens.index(word))

    assert detected("a vision model to flag fake countdown timers", "fake")
    assert detected(
        "ein Modell, das auf Websites gefälschte Countdown-Zähler aufspürt", "countdown"
    )
    # A tool that finds vulnerable users and then pressures them does the pressing.
    assert not detected("it flags vulnerable users and then pressures them to buy", "pressures")


def test_a_board_that_resolves_not_to_buy_a_presented_add_on_declines_it():
    minutes = [
        "The Chief People Officer presented the vendor's optional add-on, which would infer "
        "staff emotional state from webcam and voice.",
        "After discussion the Board resolved not to purchase the add-on.",
    ]
    assert declined_offers(minutes, "en") == {0}


def test_what_was_offered_up_to_its_refusal_is_not_a_use():
    minutes = [
        "Traktandum 7: Angebot der Firma CrimeCast zur Prognose von Wohnungseinbrüchen.",
        "Das System solle vorhersagen, wo weitere Taten zu erwarten seien.",
        "Nach Diskussion lehnt der Gemeinderat die Beschaffung ab.",
        "Die Beleuchtung wird verbessert.",
    ]
    assert declined_offers(minutes, "de") == {0, 1}


def test_a_fictional_or_hypothetical_case_is_an_exercise():
    parts = [
        "Question 4: A fictional state proposes software that rates every teenager.",
        "The council bought software that rates every teenager.",
    ]
    assert hypothetical(parts) == {0}
