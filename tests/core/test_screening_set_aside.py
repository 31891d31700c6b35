"""Round-3 screening behaviour over the shipped library, read through the fake encoder: when an
exception stops applying (faces named beside things; a face or camera beside a self-report), medical
reasons outside work, and paraphrase families read as the element they describe. What the
exceptions set aside on camera-only or data-less texts needs the real model's meaning and is tested
in test_screening_set_aside_real_model.py."""

import pytest

from rightslens.core.screening import screen
from rightslens.core.semantic import HashingEncoder

FAKE = HashingEncoder()
LIVE_FR = "rl-remote-realtime-facial-recognition"
EMOTION_WORK = "rl-emotion-recognition-work-education"
EMOTION_OTHER = "rl-emotion-recognition-other-contexts"
CATEGORISATION = "rl-biometric-categorisation-protected"


def hits(text, items, lang=""):
    return {h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits}


def set_aside(text, items, lang=""):
    return {
        s.red_line_id: s.exception for s in screen(text, items, lang=lang, encoder=FAKE).set_aside
    }


def test_things_stop_setting_aside_once_faces_are_named(items):
    text = (
        "Cameras at the car park entrance recognise number plates and drivers' faces in real time."
    )
    assert LIVE_FR in hits(text, items, "en")
    assert LIVE_FR not in set_aside(text, items, "en")


@pytest.mark.parametrize(
    ("read", "red_line"),
    [
        (
            "The staff survey asks employees how stressed they feel, and the webcam reads their "
            "faces in every call.",
            EMOTION_WORK,
        ),
        ("The app infers users' religion and ethnicity from their profile photo.", CATEGORISATION),
    ],
)
def test_a_face_or_camera_read_alongside_takes_the_self_report_exception_away(
    items, read, red_line
):
    assert red_line in hits(read, items, "en")


def test_medical_reasons_set_emotion_recognition_aside_outside_work_too(items):
    clinic = "For clinical care, the app reads patients' facial expressions to track anxiety."
    shop = "The shop's cameras read customers' facial expressions to gauge their anxiety."
    assert EMOTION_OTHER not in hits(clinic, items, "en")
    assert EMOTION_OTHER in set_aside(clinic, items, "en")
    assert EMOTION_OTHER in hits(shop, items, "en")


def test_officers_and_stored_are_not_the_workplace_or_a_shop(items):
    police = "Police officers read suspects' faces in interviews to detect anxiety."
    found = hits(police, items, "en")
    assert EMOTION_OTHER in found
    assert EMOTION_WORK not in found
    stored = "The phone compares the face with the stored template in real time."
    assert LIVE_FR not in hits(stored, items, "en")


@pytest.mark.parametrize(
    "lookup",
    [
        "looks each face up against the self-exclusion register",
        "puts a name to every face it sees",
        "checks every face to find people on their list",
        "matches the faces of known thieves",
    ],
)
def test_watch_list_look_ups_said_in_many_ways_are_identification(items, lookup):
    text = f"At the casino entrance, the camera {lookup} and alerts security."
    assert LIVE_FR in hits(text, items, "en")


@pytest.mark.parametrize(
    "live",
    ["alerts the guard", "within seconds", "as they walk past", "the moment they arrive"],
)
def test_alerts_and_passing_by_are_read_as_live(items, live):
    text = f"Cameras in the shopping centre compare shoppers' faces with a watch-list, {live}."
    assert LIVE_FR in hits(text, items, "en")
