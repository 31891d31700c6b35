import pytest
from django.core.exceptions import PermissionDenied

from rightslens.accounts.models import AuditEvent, Membership
from rightslens.errors import FieldErrors
from rightslens.procurement.models import RedLineScreening
from rightslens.procurement.screening_services import screening_decide, screening_run

from .helpers import red_line_item


def run(org, user, text="Interview scoring with emotion analysis of candidates"):
    return screening_run(
        organisation=org,
        user=user,
        subject_type="use_case",
        subject_id=None,
        text=text,
        red_lines=[red_line_item()],
    )


def test_a_hit_blocks_until_decided(org, owner):
    screening = run(org, owner)
    assert screening.hits[0]["red_line_id"] == "rl-emotion-recognition-work-education"
    assert screening.blocks


def test_a_clean_use_case_does_not_block(org, owner):
    assert not run(org, owner, text="Translate leaflets").blocks


def test_an_empty_use_case_is_refused_and_nothing_saved(org, owner):
    with pytest.raises(FieldErrors) as exc:
        run(org, owner, text="  ")
    assert "use_case_text" in exc.value.fields
    assert RedLineScreening.objects.count() == 0


def test_the_senior_role_decides_with_reasons(org, owner):
    screening = run(org, owner)
    membership = Membership.objects.get(user=owner)
    screening_decide(
        screening=screening, membership=membership, decision="stop", reasons="Banned in the EU."
    )
    screening.refresh_from_db()
    assert screening.decision == "stop" and not screening.blocks
    assert screening.decided_by == owner
    assert AuditEvent.objects.filter(verb="red_line_decided", object_id=str(screening.pk)).exists()


def test_an_assessor_cannot_decide(org, owner, assessor):
    screening = run(org, owner)
    with pytest.raises(PermissionDenied):
        screening_decide(
            screening=screening,
            membership=Membership.objects.get(user=assessor),
            decision="stop",
            reasons="x",
        )
    screening.refresh_from_db()
    assert screening.blocks


def test_a_decision_needs_reasons(org, owner):
    screening = run(org, owner)
    with pytest.raises(FieldErrors) as exc:
        screening_decide(
            screening=screening,
            membership=Membership.objects.get(user=owner),
            decision="stop",
            reasons="",
        )
    assert "decision_reasons" in exc.value.fields
    screening.refresh_from_db()
    assert screening.decision == ""


def test_an_unknown_decision_is_refused(org, owner):
    screening = run(org, owner)
    with pytest.raises(FieldErrors) as exc:
        screening_decide(
            screening=screening,
            membership=Membership.objects.get(user=owner),
            decision="ignore",
            reasons="x",
        )
    assert "decision" in exc.value.fields


def test_the_api_screens_a_use_case_and_only_the_senior_role_decides(org, owner, assessor):
    from django.test import Client

    from conftest import api_headers

    client = Client()
    response = client.post(
        "/api/procurement/orgs/acme/screenings",
        {"use_case_text": "mood detection of staff"},
        content_type="application/json",
        **api_headers(assessor),
    )
    body = response.json()
    assert response.status_code == 200 and body["blocks"] is True
    assert body["hits"][0]["legal_status"].startswith("Prohibited by law in: EU AI Act")
    url = f"/api/procurement/orgs/acme/screenings/{body['id']}/decision"
    denied = client.post(
        url,
        {"decision": "stop", "reasons": "x"},
        content_type="application/json",
        **api_headers(assessor),
    )
    assert denied.status_code == 403
    missing = client.post(
        url, {"decision": "stop"}, content_type="application/json", **api_headers(owner)
    )
    assert missing.status_code == 422 and "reasons" in missing.json()["error"]["fields"]
    decided = client.post(
        url,
        {"decision": "stop", "reasons": "Banned."},
        content_type="application/json",
        **api_headers(owner),
    )
    assert decided.json()["blocks"] is False
