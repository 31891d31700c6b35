"""A French or Spanish reader sees the red lines and questionnaires in their language (issue 16): the
screening result, the buyer's review of a questionnaire and the vendor's emailed questionnaire page
show the library's translations; English stays as stored."""

from __future__ import annotations

from html import escape

import pytest
from django.conf import settings
from django.test import Client

from rightslens.core.knowledge.loader import load_library_file
from rightslens.procurement.models import Counterparty, RedLineScreening
from rightslens.procurement.request_services import request_send, request_submit
from rightslens.procurement.screening_services import screening_run
from rightslens.procurement.services import procurement_screen
from tests.usability.public_pages import visible_text

from .conftest import KNOWLEDGE
from .test_answer_hits import EMOTION, answered, procurement  # noqa: F401 (fixture)
from .test_questionnaire_link import CLEAN


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request in French or Spanish leaves that language active; later tests expect English."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def shipped_red_lines(monkeypatch):
    """The shipped red lines (with their translations) instead of the procurement tests' own."""
    items = [
        i
        for i in load_library_file(KNOWLEDGE / "red-lines.yaml").items
        if i.type in {"red_line", "red_line_element"}
    ]
    monkeypatch.setattr("rightslens.procurement.screening_services.red_line_items", lambda: items)
    return {i.id: i for i in items}


def _page(client: Client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_screening_hit_shows_the_red_line_in_the_readers_language(
    procurement,  # noqa: F811
    owner,
    owner_client,
    shipped_red_lines,
    language,
):
    answered(procurement, owner, "yes")
    screening = procurement_screen(procurement=procurement, user=owner)
    red_line = shipped_red_lines[EMOTION]
    page = _page(owner_client, f"/o/acme/procurement/screenings/{screening.pk}/", language)
    assert escape(red_line.title_in(language)) in page
    assert escape(red_line.text_in("exceptions", language)) in page
    assert escape(red_line.title) not in page
    english = _page(owner_client, f"/o/acme/procurement/screenings/{screening.pk}/", "en")
    assert escape(red_line.title) in english


@pytest.fixture
def submitted(org, owner):
    vendor = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    request, raw = request_send(counterparty=vendor, user=owner, questionnaire_id="qn-vendor-dd")
    return request, raw


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_buyers_review_shows_questions_and_sections_translated(
    submitted, owner_client, procurement_knowledge, language
):
    request, raw = submitted
    answers = {k: v for k, v in CLEAN.items() if k != "q-vendor-hria-findings"}
    request_submit(raw_token=raw, answers={**answers, "q-vendor-hria": "no"}, files={})
    base = {i.id: i for i in procurement_knowledge["questionnaires"]}
    question = base["q-vendor-policy"]
    essential = base["q-vendor-hria"]  # answered "no": listed as a weak answer
    page = _page(owner_client, f"/o/acme/procurement/requests/{request.pk}/", language)
    assert escape(question.text_in("text", language)) in page
    assert escape(question.text_in("section", language)) in page
    assert escape(essential.text_in("text", language)) in page
    assert escape(question.get("text")) not in page


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_vendors_questionnaire_page_speaks_the_vendors_language(
    submitted, procurement_knowledge, language
):
    _request, raw = submitted
    base = {i.id: i for i in procurement_knowledge["questionnaires"]}
    page = _page(Client(), f"/r/{raw}/", language)
    questionnaire = base["qn-vendor-dd"]
    assert escape(questionnaire.title_in(language)) in page
    assert escape(questionnaire.text_in("summary", language)) in page
    for qid in ("q-vendor-policy", "q-vendor-emotion", "q-vendor-testing"):
        question = base[qid]
        assert escape(question.text_in("text", language)) in page
        assert escape(question.get("text")) not in page
    assert escape(base["q-vendor-emotion"].text_in("section", language)) in page


# ---- the elements a screening lists, and the answers a questionnaire stores ----

FACES_AT_WORK = (
    "The tool reads applicants' faces in video interviews to score how enthusiastic they seem."
)
KIND_WORDS = {
    "fr": {"data": "données : ", "inference": "inférence : ", "context": "contexte : "},
    "es": {"data": "datos: ", "inference": "inferencia: ", "context": "contexto: "},
}


def _screening_url(screening) -> str:
    return f"/o/acme/procurement/screenings/{screening.pk}/"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_screening_names_the_elements_it_found_in_the_readers_language(
    org, owner, owner_client, shipped_red_lines, language
):
    screening = screening_run(
        organisation=org, user=owner, subject_type="use_case", subject_id=None, text=FACES_AT_WORK
    )
    [hit] = screening.hits
    # Stored as the engine wrote it, in English.
    assert hit["elements_found"] == [
        "data: Faces or facial images",
        "inference: Emotions, moods, intentions or states of mind",
        "context: Work or recruitment",
    ]
    page = _page(owner_client, _screening_url(screening), language)
    for kind, element_id in (
        ("data", "el-face"),
        ("inference", "el-emotion"),
        ("context", "el-workplace"),
    ):
        element = shipped_red_lines[element_id]
        assert escape(KIND_WORDS[language][kind] + element.title_in(language)) in page
        assert escape(element.title) not in page
    english = _page(owner_client, _screening_url(screening), "en")
    assert escape("; ".join(hit["elements_found"])) in english


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                "données : Visages ou images faciales",
                "inférence : déduit du sens (« rates »)",
                "Travail ou recrutement",
                "contexte : A title no library has",
                "la pratique est nommée : « mood scoring »",
                "acteur : Police ou autorités répressives / Espaces accessibles au public",
            ],
        ),
        (
            "es",
            [
                "datos: Rostros o imágenes faciales",
                "inferencia: deducido del sentido («rates»)",
                "Trabajo o contratación",
                "contexto: A title no library has",
                "la práctica se nombra expresamente: «mood scoring»",
                "actor: Policía o autoridades garantes del cumplimiento del Derecho / Espacios de "
                "acceso público",
            ],
        ),
    ],
)
def test_an_old_screening_still_shows_its_stored_elements_translated_where_the_library_can(
    org, owner, owner_client, language, expected
):
    """Stored entries in every shape the engine has written, an element stored by its id alone, and
    a title the library no longer has (shown as stored)."""
    screening = RedLineScreening.objects.create(
        organisation=org,
        subject_type="use_case",
        use_case_text="Old record.",
        screened_by=owner,
        hits=[
            {
                "red_line_id": EMOTION,
                "title": "Emotion recognition in the workplace or in education",
                "status": "possible",
                "elements_found": [
                    "data: Faces or facial images",
                    "inference: read from meaning (“rates”)",
                    "el-workplace",
                    "context: A title no library has",
                    "the practice is named: “mood scoring”",
                ],
                "elements_missing": [
                    "actor: Police or law enforcement / Publicly accessible spaces",
                ],
            }
        ],
    )
    page = _page(owner_client, _screening_url(screening), language)
    for text in expected:
        assert escape(text) in page, text
    for english in ("Faces or facial images", "read from meaning", "Police or law enforcement"):
        assert english not in page
    assert "data: Faces or facial images" in _page(owner_client, _screening_url(screening), "en")


@pytest.mark.parametrize(
    ("language", "answered_yes"),
    [("fr", "réponse : Oui"), ("es", "respuesta: Sí")],
)
def test_a_hit_from_a_questionnaire_quotes_the_question_and_answer_in_the_readers_language(
    procurement,  # noqa: F811
    owner,
    owner_client,
    shipped_red_lines,
    procurement_knowledge,
    language,
    answered_yes,
):
    answered(procurement, owner, "yes")
    screening = procurement_screen(procurement=procurement, user=owner)
    question = {i.id: i for i in procurement_knowledge["questionnaires"]}["q-vendor-emotion"]
    page = _page(owner_client, _screening_url(screening), language)
    assert escape(f"{question.text_in('text', language)} — {answered_yes}") in page
    assert escape(str(question.get("text"))) not in page
    english = _page(owner_client, _screening_url(screening), "en")
    assert escape(f"{question.get('text')} — answered: Yes") in english


@pytest.mark.parametrize(
    ("language", "choice", "yes"),
    [("fr", "de manière agrégée seulement", "Oui"), ("es", "solo de forma agregada", "Sí")],
)
def test_the_buyers_review_shows_answer_choices_in_the_readers_language(
    submitted, owner_client, language, choice, yes
):
    request, raw = submitted
    request_submit(raw_token=raw, answers=CLEAN, files={})  # testing: "in aggregate only"
    url = f"/o/acme/procurement/requests/{request.pk}/"
    page = _page(owner_client, url, language)
    assert escape(choice) in page and "in aggregate only" not in page
    assert f"{yes}</p>" in page  # "Answer: Yes" to the policy question
    request.refresh_from_db()
    assert request.answers["q-vendor-testing"] == "in aggregate only"  # stored as the library's
    assert "in aggregate only" in _page(owner_client, url, "en")


# ---- the vendor's page ----

VENDOR_PAGE = {
    "en": [
        "Submit answers",
        "to answer these questions.",
        "This link works once and expires on",
        "(essential)",
        "PDF, PNG, JPEG, TXT or CSV, at most 5 MB.",
        "> Yes</label>",
        "> No</label>",
        "> In aggregate only</label>",
    ],
    "fr": [
        "Envoyer les réponses",
        "de répondre à ces questions.",
        "Ce lien ne sert qu'une fois et expire le",
        "(essentielle)",
        "PDF, PNG, JPEG, TXT ou CSV, 5 Mo au maximum.",
        "> Oui</label>",
        "> Non</label>",
        "> De manière agrégée seulement</label>",
    ],
    "es": [
        "Enviar las respuestas",
        "que responda a estas preguntas.",
        "Este enlace solo sirve una vez y caduca el",
        "(esencial)",
        "PDF, PNG, JPEG, TXT o CSV, 5 MB como máximo.",
        "> Sí</label>",
        "> No</label>",
        "> Solo de forma agregada</label>",
    ],
}


SAME_WORDS = {"fr": {"Audits", "Incidents"}, "es": {"No"}}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_vendors_page_has_no_english_interface_text_and_translated_choices(submitted, language):
    _request, raw = submitted
    english = _page(Client(), f"/r/{raw}/", "en")
    page = _page(Client(), f"/r/{raw}/", language)
    assert f'<html lang="{language}"' in page
    for text in VENDOR_PAGE["en"]:
        assert text in english, text
    for text in VENDOR_PAGE[language]:
        assert text in page, text
    for text in VENDOR_PAGE["en"]:
        if text not in VENDOR_PAGE[language]:
            assert text not in page, text
    # The choices post the library's English value, whatever the label says.
    assert 'value="in aggregate only"' in page and 'value="yes"' in page
    # Nothing the English page shows is left on the translated page, but for names and words the
    # languages share (section names of the questionnaire in French).
    left = set(visible_text(english)) & set(visible_text(page))
    assert left <= {"RightsLens", "HireRank Ltd", *SAME_WORDS[language]}, left


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ("?lang=es", "fr", "Enviar las respuestas"),  # ?lang= decides, as on the grievance channel
        ("", "de, es;q=0.8", "Enviar las respuestas"),  # German is not offered: the next choice
        ("", "ar", "Submit answers"),  # nothing offered: English
        ("?lang=xx", "fr-CH, fr;q=0.9", "Envoyer les réponses"),
    ],
)
def test_the_vendors_page_picks_the_language_like_the_public_channel(
    submitted, query, accept, expected
):
    _request, raw = submitted
    response = Client().get(f"/r/{raw}/{query}", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.parametrize(
    ("language", "done", "refused", "used"),
    [
        (
            "fr",
            "Merci : vos réponses ont bien été reçues",
            "Ce lien vers le questionnaire ne peut pas être utilisé",
            "Ce lien a déjà servi à envoyer des réponses",
        ),
        (
            "es",
            "Gracias: hemos recibido sus respuestas",
            "Este enlace al cuestionario no puede utilizarse",
            "Este enlace ya se utilizó para enviar respuestas",
        ),
    ],
)
def test_the_vendors_receipt_and_refusal_speak_the_vendors_language(
    submitted, language, done, refused, used
):
    _request, raw = submitted
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    posted = client.post(f"/r/{raw}/", {f"a-{k}": v for k, v in CLEAN.items()})
    assert posted.status_code == 200 and done in posted.content.decode()
    assert "answers were received" not in posted.content.decode()
    again = client.get(f"/r/{raw}/")
    body = again.content.decode()
    assert again.status_code == 410 and refused in body and escape(used) in body
    assert "already been used" not in body


@pytest.mark.parametrize(
    ("language", "nothing_saved"),
    [("fr", "Rien n'a été enregistré."), ("es", "No se ha guardado nada.")],
)
def test_the_vendors_error_messages_speak_the_vendors_language(submitted, language, nothing_saved):
    _request, raw = submitted
    posted = Client().post(
        f"/r/{raw}/?lang={language}", {**{f"a-{k}": v for k, v in CLEAN.items()}, "score": "100"}
    )
    body = posted.content.decode()
    assert posted.status_code == 400 and nothing_saved in body
    assert "Nothing was saved" not in body and "Scores are worked out" not in body
