"""A possible red line on the scoping screen blocks sign-off like a hit and is labelled as such."""

from rightslens.accounts.models import Membership
from rightslens.assessments import cycle_services, signoff
from rightslens.core.screening import POSSIBLE, hit_from
from tests.procurement.helpers import red_line_item

from .test_signoff import _complete

MISSING = ("data: Faces or facial images / Voices or speech",)


def test_a_possible_hit_blocks_sign_off_and_names_what_is_missing(
    monkeypatch, owner_client, assessment, owner
):
    possible = hit_from(
        red_line_item(),
        matched_terms=("frustrat",),
        evidence="The HR tool flags which employees seem frustrated.",
        confidence=0.3,
        elements_found=("inference: Emotions", "context: Work or recruitment"),
        elements_missing=MISSING,
        method="elements+semantic (test)",
        status=POSSIBLE,
    )
    monkeypatch.setattr(
        "rightslens.procurement.screening_services.screen_use_case", lambda text, items: [possible]
    )
    _complete(assessment, owner)
    cycle_services.scoping_save(
        assessment=assessment,
        actor=owner,
        context_of_use="The HR tool flags which employees seem frustrated.",
    )
    owner_client.post(f"/o/acme/assessments/{assessment.pk}/scoping/screen/")
    page = owner_client.get(f"/o/acme/assessments/{assessment.pk}/scoping/").content.decode()
    assert "Possible red line" in page and "Faces or facial images / Voices or speech" in page
    assert "No red line matched" not in page
    signoff.assessment_submit(assessment=assessment, actor=owner)
    senior = Membership.objects.get(user=owner)
    assert any("red-line" in r for r in signoff.approval_refusals(assessment, senior))


def test_the_scoping_screen_names_the_red_line_and_what_is_missing_in_the_readers_language(
    monkeypatch, owner_client, assessment, owner
):
    from django.utils import translation

    possible = hit_from(
        red_line_item(),
        matched_terms=("frustrat",),
        evidence="The HR tool flags which employees seem frustrated.",
        confidence=0.3,
        elements_found=("inference: Emotions", "context: Work or recruitment"),
        elements_missing=MISSING,
        method="elements+semantic (test)",
        status=POSSIBLE,
    )
    monkeypatch.setattr(
        "rightslens.procurement.screening_services.screen_use_case", lambda text, items: [possible]
    )
    cycle_services.scoping_save(
        assessment=assessment,
        actor=owner,
        context_of_use="The HR tool flags which employees seem frustrated.",
    )
    owner_client.post(f"/o/acme/assessments/{assessment.pk}/scoping/screen/")
    try:
        url = f"/o/acme/assessments/{assessment.pk}/scoping/"
        page = owner_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    finally:
        translation.activate("en")
    assert "données : Visages ou images faciales / Voix ou parole" in page
    assert "Reconnaissance des émotions sur le lieu de travail" in page
    assert "Faces or facial images" not in page
