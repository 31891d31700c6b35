"""Sending a questionnaire through a single-purpose link, answering, reviewing and concluding."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from rightslens.accounts.models import Membership
from rightslens.errors import FieldErrors
from rightslens.procurement.evidence import evidence_bytes
from rightslens.procurement.models import Counterparty, Evidence, QuestionnaireRequest
from rightslens.procurement.request_services import (
    LinkRefused,
    request_ask_clarification,
    request_conclude,
    request_for_token,
    request_review_item,
    request_send,
    request_submit,
)

CLEAN = {
    "q-vendor-policy": "yes",
    "q-vendor-policy-link": "https://vendor.example/human-rights",
    "q-vendor-hria": "yes",
    "q-vendor-hria-findings": "Bias against older applicants; retrained.",
    "q-vendor-emotion": "no",
    "q-vendor-biometric-id": "no",
    "q-vendor-data": "documented consent or another documented lawful basis for all personal data",
    "q-vendor-data-workers": "yes",
    "q-vendor-testing": "in aggregate only",
    "q-vendor-grievance": "yes",
    "q-vendor-remedy": "yes",
    "q-vendor-incidents": "no",
    "q-vendor-audit": "yes",
}


@pytest.fixture
def vendor(org):
    return Counterparty.objects.create(organisation=org, name="HireRank Ltd", kind="vendor")


@pytest.fixture
def sent(vendor, owner):
    return request_send(counterparty=vendor, user=owner, questionnaire_id="qn-vendor-dd")


def membership(user):
    return Membership.objects.get(user=user)


def test_only_the_hash_of_the_link_is_stored(sent):
    request, raw = sent
    assert raw not in request.token_hash and len(request.token_hash) == 64
    assert request_for_token(raw) == request


def test_a_clean_submission_is_scored_on_the_server(sent):
    request, raw = sent
    request_submit(raw_token=raw, answers=CLEAN, files={})
    request.refresh_from_db()
    assert request.status == "submitted"
    assert request.outcome["outcome"] == "scored"
    assert request.outcome["red_lines"] == []


def test_a_red_line_answer_is_flagged_whatever_else_was_answered(sent):
    request, raw = sent
    request_submit(raw_token=raw, answers={**CLEAN, "q-vendor-emotion": "yes"}, files={})
    request.refresh_from_db()
    assert request.outcome["outcome"] == "red_line"
    assert request.outcome["red_lines"][0]["red_line_id"] == "rl-emotion-recognition-work-education"


def test_a_used_link_is_refused_and_nothing_changes(sent):
    request, raw = sent
    request_submit(raw_token=raw, answers=CLEAN, files={})
    with pytest.raises(LinkRefused, match="already been used"):
        request_submit(raw_token=raw, answers={**CLEAN, "q-vendor-policy": "no"}, files={})
    request.refresh_from_db()
    assert request.answers["q-vendor-policy"] == "yes"


def test_an_expired_link_is_refused(sent):
    request, raw = sent
    QuestionnaireRequest.objects.filter(pk=request.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(LinkRefused, match="expired"):
        request_submit(raw_token=raw, answers=CLEAN, files={})
    request.refresh_from_db()
    assert request.answers == {} and request.status == "sent"


def test_a_tampered_link_is_refused(sent):
    _, raw = sent
    with pytest.raises(LinkRefused, match="not valid"):
        request_for_token(raw[:-2] + ("aa" if not raw.endswith("aa") else "bb"))


def test_a_posted_score_is_refused_and_nothing_saved(sent):
    request, raw = sent
    with pytest.raises(FieldErrors) as exc:
        request_submit(raw_token=raw, answers=CLEAN, files={}, posted_fields=["score"])
    assert "score" in exc.value.fields
    request.refresh_from_db()
    assert request.status == "sent" and request.token_used_at is None


def test_an_answer_to_a_hidden_question_is_refused(sent):
    request, raw = sent
    with pytest.raises(FieldErrors) as exc:
        request_submit(raw_token=raw, answers={**CLEAN, "q-vendor-policy": "no"}, files={})
    assert "q-vendor-policy-link" in exc.value.fields
    request.refresh_from_db()
    assert request.answers == {}


def test_evidence_of_the_wrong_type_is_refused(sent):
    request, raw = sent
    fake_pdf = SimpleUploadedFile(
        "report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    with pytest.raises(FieldErrors) as exc:
        request_submit(raw_token=raw, answers=CLEAN, files={"q-vendor-hria-report": fake_pdf})
    assert "not really a PDF" in exc.value.fields["evidence-q-vendor-hria-report"]
    assert Evidence.objects.count() == 0


def test_an_executable_is_refused_by_its_extension(sent):
    _, raw = sent
    exe = SimpleUploadedFile("report.exe", b"MZ", content_type="application/pdf")
    with pytest.raises(FieldErrors) as exc:
        request_submit(raw_token=raw, answers=CLEAN, files={"q-vendor-hria-report": exe})
    assert "types" in exc.value.fields["evidence-q-vendor-hria-report"]


def test_good_evidence_is_kept(sent):
    request, raw = sent
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.7 summary", content_type="application/pdf")
    request_submit(raw_token=raw, answers=CLEAN, files={"q-vendor-hria-report": pdf})
    evidence = Evidence.objects.get(request=request)
    assert evidence.content_type == "application/pdf"
    assert evidence_bytes(evidence) == b"%PDF-1.7 summary"


def test_evidence_is_stored_encrypted_and_downloads_as_uploaded(sent, owner):
    request, raw = sent
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.7 secret-report-9Q", "application/pdf")
    request_submit(raw_token=raw, answers=CLEAN, files={"q-vendor-hria-report": pdf})
    evidence = Evidence.objects.get(request=request)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT content FROM {Evidence._meta.db_table} WHERE id = %s", [evidence.pk]
        )
        stored = bytes(cursor.fetchone()[0])
    assert b"secret-report-9Q" not in stored and not stored.startswith(b"%PDF")
    client = Client()
    client.force_login(owner)
    org = request.organisation.slug
    response = client.get(f"/o/{org}/procurement/requests/{request.pk}/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert response.content == b"%PDF-1.7 secret-report-9Q"


def test_clarification_reopens_only_the_marked_items(sent, owner):
    request, raw = sent
    request_submit(raw_token=raw, answers=CLEAN, files={})
    request.refresh_from_db()
    request_review_item(
        request=request,
        membership=membership(owner),
        question_id="q-vendor-testing",
        verdict="needs_clarification",
        note="Which languages?",
    )
    request, new_raw = request_ask_clarification(request=request, membership=membership(owner))
    assert request.reopened == ["q-vendor-testing"]
    with pytest.raises(FieldErrors) as exc:
        request_submit(raw_token=new_raw, answers={**CLEAN, "q-vendor-policy": "no"}, files={})
    assert "q-vendor-policy" in exc.value.fields
    request_submit(raw_token=new_raw, answers={"q-vendor-testing": "not tested"}, files={})
    request.refresh_from_db()
    assert request.answers["q-vendor-testing"] == "not tested"
    assert request.answers["q-vendor-policy"] == "yes"


def test_the_buyer_concludes_with_reasons(sent, owner):
    request, raw = sent
    request_submit(raw_token=raw, answers=CLEAN, files={})
    request.refresh_from_db()
    with pytest.raises(FieldErrors) as exc:
        request_conclude(
            request=request, membership=membership(owner), conclusion="proceed", reasons=""
        )
    assert "conclusion_reasons" in exc.value.fields
    request_conclude(
        request=request,
        membership=membership(owner),
        conclusion="proceed_with_conditions",
        reasons="Needs per-language testing before launch.",
    )
    request.refresh_from_db()
    assert request.conclusion == "proceed_with_conditions" and request.status == "concluded"


def test_going_ahead_despite_a_red_line_needs_the_senior_role(sent, assessor):
    request, raw = sent
    request_submit(raw_token=raw, answers={**CLEAN, "q-vendor-emotion": "yes"}, files={})
    request.refresh_from_db()
    with pytest.raises(PermissionDenied):
        request_conclude(
            request=request, membership=membership(assessor), conclusion="proceed", reasons="fine"
        )
    request_conclude(
        request=request, membership=membership(assessor), conclusion="escalate", reasons="Red line."
    )
    request.refresh_from_db()
    assert request.conclusion == "escalate"
