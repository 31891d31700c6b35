"""A possible red line (most elements found) blocks like a hit until a person decides it."""

from rightslens.core.screening import POSSIBLE, hit_from
from rightslens.procurement.models import RedLineScreening
from rightslens.procurement.screening_services import screening_decide, screening_run

from .helpers import red_line_item

BASE = "/o/acme/procurement/"
MISSING = ("data: Faces or facial images / Voices or speech",)


def possible_hit():
    return hit_from(
        red_line_item(),
        matched_terms=("frustrat", "employee"),
        evidence="The HR tool flags which employees seem frustrated.",
        confidence=0.3,
        elements_found=("inference: Emotions", "context: Work or recruitment"),
        elements_missing=MISSING,
        method="elements+semantic (test)",
        status=POSSIBLE,
    )


def run_with_possible_hit(monkeypatch, org, user):
    monkeypatch.setattr(
        "rightslens.procurement.screening_services.screen_use_case",
        lambda text, items: [possible_hit()],
    )
    return screening_run(
        organisation=org,
        user=user,
        subject_type="use_case",
        subject_id=None,
        text="The HR tool flags which employees seem frustrated.",
        red_lines=[red_line_item()],
    )


def test_a_possible_hit_is_stored_with_its_status_and_blocks(monkeypatch, org, owner):
    screening = run_with_possible_hit(monkeypatch, org, owner)
    assert screening.hits[0]["status"] == POSSIBLE
    assert screening.hits[0]["elements_missing"] == list(MISSING)
    assert screening.blocks


def test_a_possible_hit_is_dismissed_only_by_a_decision_with_reasons(
    monkeypatch, org, owner, owner_client
):
    from rightslens.accounts.models import Membership

    screening = run_with_possible_hit(monkeypatch, org, owner)
    screening_decide(
        screening=screening,
        membership=Membership.objects.get(user=owner),
        decision="not_applicable",
        reasons="The tool reads survey answers only; no faces or voices.",
    )
    screening.refresh_from_db()
    assert not screening.blocks and screening.decision == "not_applicable"


def test_the_page_labels_a_possible_hit_and_never_says_clear(
    monkeypatch, org, owner, assessor_client
):
    screening = run_with_possible_hit(monkeypatch, org, owner)
    page = assessor_client.get(BASE + f"screenings/{screening.pk}/").content.decode()
    assert "Possible red line" in page and "Not cleared." in page
    assert "Faces or facial images / Voices or speech" in page
    assert "No red line found" not in page
    overview = assessor_client.get(BASE).content.decode()
    assert "Awaiting senior decision" in overview
    assert RedLineScreening.objects.get().blocks
