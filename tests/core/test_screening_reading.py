"""How screening reads: questions and answers, the reach of a denial, exceptions that an emotion
overrides, and an inference read from meaning (only with a verb of judgement and every other
element found)."""

from collections.abc import Sequence

import pytest

from rightslens.core.screening import screen
from rightslens.core.semantic import HashingEncoder, Vector
from rightslens.core.textcues import clauses, question_answers

FAKE = HashingEncoder()


class MeaningStub(HashingEncoder):
    """The fake, except that the given sentences and one red line's typical wordings share one
    direction: they mean the same, and nothing else means anything close."""

    def __init__(self, sentences: Sequence[str], red_line, items) -> None:
        super().__init__(dim=256)
        spec = next(i for i in items if i.id == red_line)
        wordings = [w for ws in spec.get("typical_wordings", {}).values() for w in ws]
        self.same = set(sentences) | set(wordings)

    def encode(self, texts: Sequence[str]) -> list[Vector]:
        out = []
        for text, hashed in zip(texts, super().encode(texts), strict=True):
            out.append((1.0, *([0.0] * 256)) if text in self.same else (0.0, *hashed))
        return out


def ids(result):
    return [h.red_line_id for h in result.hits]


def set_aside(result):
    return [a.red_line_id for a in result.set_aside]


def test_question_answers_follow_the_next_sentence():
    parts = ["Q: Does it identify people?", "A: No.", "Does it read moods?", "Yes.", "Why?"]
    assert question_answers(parts) == ["no", "", "yes", "", "open"]


def test_a_question_states_nothing_unless_the_answer_is_yes(items):
    asked = "Does the tool infer the emotions of employees from their faces?"
    assert ids(screen(asked, items, encoder=FAKE)) == []
    assert ids(screen(asked + " A: No, it does not.", items, encoder=FAKE)) == []
    result = screen(asked + " A: Yes, during video calls.", items, encoder=FAKE)
    assert ids(result) == ["rl-emotion-recognition-work-education"]
    assert result.hits[0].evidence == asked


def test_without_denies_what_closely_follows_and_nothing_further(items):
    [clause] = clauses("le logiciel compte les voyageurs sans identifier personne", "fr")
    assert clause.tokens.index("identifier") in clause.denied
    text = "Without storing any images, the cameras identify shoppers' faces live at the entrance."
    assert "rl-remote-realtime-facial-recognition" in ids(screen(text, items, encoder=FAKE))


def test_a_cue_that_begins_with_the_negation_word_is_not_denied_by_it(items):
    [clause] = clauses("it manipulates elderly users without their knowledge", "en")
    assert clause.tokens.index("without") not in clause.denied
    text = "El sistema analiza el comportamiento no verbal de los viajeros para detectar mentiras."
    assert "rl-emotion-recognition-other-contexts" in ids(
        screen(text, items, lang="es", encoder=FAKE)
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The contract prohibits the supplier from scraping facial images from the internet.",
            "en",
        ),
        ("Le contrat exclut toute collecte de visages sur internet par le fournisseur.", "fr"),
        ("Le logiciel compte les voyageurs sur les quais, sans identifier personne.", "fr"),
    ],
)
def test_a_prohibition_or_a_without_is_a_denial(items, text, lang):
    assert ids(screen(text, items, lang=lang, encoder=FAKE)) == []


def test_doesnt_just_affirms(items):
    text = (
        "It doesn't just count visitors: it recognises customers by their faces the moment "
        "they walk into the store."
    )
    assert "rl-remote-realtime-facial-recognition" in ids(screen(text, items, encoder=FAKE))


def test_a_physical_state_is_no_emotion_until_an_emotion_is_named(items):
    pain = "A medical app reads the facial expressions of dementia patients to tell whether they are in pain."
    result = screen(pain, items, encoder=FAKE)
    assert ids(result) == []
    assert any("physical state" in a.exception for a in result.set_aside)
    angry = "The app reads shoppers' facial expressions to tell whether they are in pain or angry."
    assert "rl-emotion-recognition-other-contexts" in ids(screen(angry, items, encoder=FAKE))


def test_the_inference_may_be_read_from_meaning_with_a_verb_of_judgement(items):
    text = "Our platform scores each applicant's vibe from their voice."
    assert ids(screen(text, items, encoder=FAKE)) == []  # no meaning, no inference word
    stub = MeaningStub([text], "rl-emotion-recognition-work-education", items)
    [hit] = screen(text, items, encoder=stub).hits
    assert hit.red_line_id == "rl-emotion-recognition-work-education"
    assert any("read from meaning" in e for e in hit.elements_found)
    assert hit.elements_missing == ()


def test_a_camera_alone_never_pairs_with_an_inference_read_from_meaning(items):
    # A camera counts as the data of emotion recognition only beside a stated inference.
    text = "The reversing camera detects obstacles behind the vehicle."
    stub = MeaningStub([text], "rl-emotion-recognition-other-contexts", items)
    assert ids(screen(text, items, encoder=stub)) == []


def test_meaning_without_a_verb_of_judgement_supplies_no_inference(items):
    text = "Each applicant's vibe on camera is what our platform is about."
    stub = MeaningStub([text], "rl-emotion-recognition-work-education", items)
    assert ids(screen(text, items, encoder=stub)) == []


def test_meaning_supplies_one_element_only(items):
    # A camera (weak) and a missing context would both need meaning: no hit.
    text = "Die Kamera erkennt Kennzeichen an der Einfahrt des Parkhauses."
    stub = MeaningStub([text], "rl-remote-realtime-facial-recognition", items)
    assert ids(screen(text, items, lang="de", encoder=stub)) == []
    # With the context stated, meaning supplies only the camera's reading as faces: a hit.
    shop = "Die Kamera erkennt Kunden am Eingang des Geschäfts."
    stub = MeaningStub([shop], "rl-remote-realtime-facial-recognition", items)
    assert "rl-remote-realtime-facial-recognition" in ids(
        screen(shop, items, lang="de", encoder=stub)
    )


def test_meaning_may_supply_the_data_of_categorisation_only_with_a_judgement(items):
    records = "The HR system records employees' gender for pay-gap reports."
    stub = MeaningStub([records], "rl-gender-detection", items)
    assert ids(screen(records, items, encoder=stub)) == []
    sorts = "The system sorts visitors by gender."
    stub = MeaningStub([sorts], "rl-gender-detection", items)
    assert ids(screen(sorts, items, encoder=stub)) == ["rl-gender-detection"]


def test_meaning_never_supplies_the_biometric_data_of_emotion_recognition(items):
    reviews = "The tool estimates the sentiment of product reviews."
    stub = MeaningStub([reviews], "rl-emotion-recognition-other-contexts", items)
    assert ids(screen(reviews, items, encoder=stub)) == []


def test_sales_pressure_alone_is_no_red_line_but_aimed_at_the_vulnerable_it_is(items):
    upsell = "The assistant pushes upsells to shoppers at checkout with a countdown offer."
    assert ids(screen(upsell, items, encoder=FAKE)) == []
    children = "The game pushes children to buy loot boxes with countdown offers."
    assert ids(screen(children, items, encoder=FAKE)) == ["rl-exploiting-vulnerabilities"]
    deceit = "The voice bot impersonates a bank adviser to get people to transfer money."
    assert ids(screen(deceit, items, encoder=FAKE)) == ["rl-manipulative-techniques"]


@pytest.mark.parametrize(
    ("sentence", "lang", "word"),
    [
        (
            "les cameras identifient en direct les supporters interdits de stade",
            "fr",
            "identifient",
        ),
        ("the cameras identify prohibited persons entering in real time", "en", "real"),
    ],
)
def test_a_participle_used_as_an_adjective_denies_nothing(sentence, lang, word):
    [clause] = clauses(sentence, lang)
    assert clause.tokens.index(word) not in clause.denied


def test_a_buyer_asking_for_a_red_line_use_for_their_own_staff_gets_a_possible_hit(items):
    asked = (
        "For our contact centre, can your tool detect in real time the stress and anger "
        "of our agents from their voice?"
    )
    result = screen(asked, items, encoder=FAKE)
    assert ids(result) == ["rl-emotion-recognition-work-education"]
    assert result.hits[0].status == "possible"
    # The same question asked neutrally, as a due-diligence question, states nothing.
    neutral = "Can the tool detect the stress and anger of agents from their voice?"
    assert ids(screen(neutral, items, encoder=FAKE)) == []


def test_gender_guessed_from_first_names_is_gender_detection(items):
    text = (
        "The ATS add-on guesses whether each applicant is a man or a woman from their first name."
    )
    assert ids(screen(text, items, encoder=FAKE)) == ["rl-gender-detection"]
    chosen = "Applicants choose how to be addressed; we never guess it from their first name."
    assert ids(screen(chosen, items, encoder=FAKE)) == []


def test_labelling_a_lawfully_acquired_dataset_is_set_aside_unless_used_on_people(items):
    audit = (
        "For a bias audit the lab sorted a licensed set of faces by apparent ethnicity: "
        "dataset labelling of a lawfully acquired dataset, nobody is classified in production."
    )
    result = screen(audit, items, encoder=FAKE)
    assert "rl-biometric-categorisation-protected" not in ids(result)
    assert "rl-biometric-categorisation-protected" in set_aside(result)
    deployed = audit + " The model then sorts shoppers by ethnicity from the store cameras."
    assert "rl-biometric-categorisation-protected" in ids(screen(deployed, items, encoder=FAKE))


def test_a_live_match_days_after_a_protest_is_not_set_aside_as_retrospective(items):
    live = (
        "Days later, the turnstile cameras recognised the activists' faces in real time and "
        "alerted the police at the station."
    )
    # "Days later" names the retrospective exception; "in real time" overrides it.
    assert "rl-remote-realtime-facial-recognition" in ids(screen(live, items, encoder=FAKE))


def test_animals_recognised_by_their_faces_are_set_aside_unless_people_are_in_view(items):
    cows = (
        "As each cow walks into the milking robot, the camera recognises her face in real time "
        "and loads her feed ration."
    )
    result = screen(cows, items, encoder=FAKE)
    assert "rl-remote-realtime-facial-recognition" not in ids(result)
    assert "rl-remote-realtime-facial-recognition" in set_aside(result)
    shoppers = (
        "The camera recognises the faces of shoppers and their dogs in real time at the store "
        "entrance."
    )
    assert "rl-remote-realtime-facial-recognition" in ids(screen(shoppers, items, encoder=FAKE))


def test_product_photos_collected_by_a_crawler_are_things(items):
    crawler = "Our crawler scrapes product photos from 800 online shops to match duplicate offers."
    assert "rl-untargeted-facial-scraping" not in ids(screen(crawler, items, encoder=FAKE))
    faces = "Our crawler scrapes faces from social media profiles to build a face database."
    assert "rl-untargeted-facial-scraping" in ids(screen(faces, items, encoder=FAKE))


def test_a_named_practice_that_is_a_report_s_topic_is_no_hit(items):
    seminar = "Students read the UN experts' statement on predictive policing and debate it."
    assert ids(screen(seminar, items, encoder=FAKE)) == []
    used = "The police use predictive policing to plan patrols."
    assert "rl-predictive-policing" in ids(screen(used, items, encoder=FAKE))


def test_a_proposal_turned_down_gives_no_hit(items):
    text = (
        "The vendor presentation proposed a resident trust score combining parking fines and "
        "neighbour complaints to rank access to council services. Members raised concerns. "
        "Resolved: the proposal will not be taken forward."
    )
    assert ids(screen(text, items, encoder=FAKE)) == []
    kept = text.replace("Resolved: the proposal will not be taken forward.", "Resolved: approved.")
    assert "rl-social-scoring" in ids(screen(kept, items, encoder=FAKE))


def test_ordinary_words_that_are_not_gender_or_emotion(items):
    # French "ce genre de" is "this kind of"; English "affect" as a verb is no emotion.
    kind = "Des caméras de ce genre de gadget filment la cour."
    assert "rl-gender-detection" not in ids(screen(kind, items, encoder=FAKE))
    gender = "Les caméras déduisent le genre de chaque visiteur."
    assert "rl-gender-detection" in ids(screen(gender, items, encoder=FAKE))
    tags = "Tone tags on support calls only affect queue order."
    assert "rl-emotion-recognition-other-contexts" not in ids(screen(tags, items, encoder=FAKE))


def test_a_regulator_s_scanner_that_flags_dark_patterns_uses_none(items):
    scanner = "The regulator's scanner crawls checkout pages to flag fake countdown timers."
    assert "rl-manipulative-techniques" not in ids(screen(scanner, items, encoder=FAKE))
    shop = "The checkout shows fake countdown timers to push shoppers into buying."
    assert "rl-manipulative-techniques" in ids(screen(shop, items, encoder=FAKE))


def test_a_verb_of_judgement_never_stands_in_for_collecting_faces(items):
    unlock = (
        "O desbloqueio facial do aplicativo compara seu rosto apenas com a foto que você mesmo "
        "cadastrou; nenhuma imagem é enviada aos servidores."
    )
    assert "rl-untargeted-facial-scraping" not in ids(
        screen(unlock, items, lang="pt", encoder=FAKE)
    )
