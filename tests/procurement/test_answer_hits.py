"""A vendor's 'Yes' to a red-line question puts the hit on the procurement's screen."""

import pytest

from rightslens.procurement.models import Counterparty
from rightslens.procurement.request_services import request_send, request_submit
from rightslens.procurement.services import (
    award_blockers,
    procurement_attach_questionnaire,
    procurement_create,
    procurement_screen,
)

from .test_questionnaire_link import CLEAN

EMOTION = "rl-emotion-recognition-work-education"


@pytest.fixture
def procurement(org, owner):
    vendor = Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")
    return procurement_create(
        organisation=org,
        user=owner,
        title="Interview scheduling",
        needs_statement="Book interviews faster.",
        use_case_text="Schedule interviews with candidates by email.",
        vendor=vendor,
        system=None,
        public_buyer=False,
    )


def answered(procurement, owner, emotion):
    request, raw = request_send(
        counterparty=procurement.vendor, user=owner, questionnaire_id="qn-vendor-dd"
    )
    request_submit(raw_token=raw, answers={**CLEAN, "q-vendor-emotion": emotion}, files={})
    request.refresh_from_db()
    return procurement_attach_questionnaire(procurement=procurement, request=request)


def test_a_yes_to_the_emotion_question_puts_a_hit_on_the_screen(procurement, owner):
    answered(procurement, owner, "yes")
    screening = procurement_screen(procurement=procurement, user=owner)
    [hit] = screening.hits
    assert hit["red_line_id"] == EMOTION
    assert hit["origin"] == "questionnaire"
    assert screening.blocks


def test_a_yes_answered_after_a_clean_screen_blocks_the_award_until_screened_again(
    procurement, owner
):
    screening = procurement_screen(procurement=procurement, user=owner)
    assert screening.hits == []
    answered(procurement, owner, "yes")
    procurement.refresh_from_db()
    assert any("vendor's answer puts a red line" in b for b in award_blockers(procurement))


def test_a_no_adds_nothing(procurement, owner):
    answered(procurement, owner, "no")
    screening = procurement_screen(procurement=procurement, user=owner)
    assert screening.hits == []
    assert not any("vendor's answer" in b for b in award_blockers(procurement))
