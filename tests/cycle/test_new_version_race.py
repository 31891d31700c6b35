"""Two "start new version" clicks open one draft; the other is told, never a 500."""

import pytest
from django.db import IntegrityError, transaction

from conftest import client_for
from rightslens.assessments import signoff
from rightslens.assessments.models import Assessment, AssessmentStatus
from rightslens.errors import FieldErrors

REVIEW = "/o/acme/assessments/{}/review/"


@pytest.fixture
def approved(assessment):
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.APPROVED)
    assessment.refresh_from_db()
    return assessment


def test_a_second_click_after_the_first_is_told_a_version_is_open(approved, author):
    client = client_for(author)
    url = REVIEW.format(approved.pk) + "new-version/"
    assert client.post(url, {"trigger": "context_change"}).status_code == 302
    second = client.post(url, {"trigger": "context_change"}, follow=True)
    assert second.status_code in {200, 400}
    assert "A newer version is already open." in second.content.decode()
    assert Assessment.objects.filter(previous=approved).count() == 1


def test_the_database_refuses_a_second_open_draft_of_the_same_version(approved):
    def open_draft():
        Assessment.objects.create(
            organisation=approved.organisation,
            system=approved.system,
            title=approved.title,
            version=2,
            previous=approved,
        )

    open_draft()
    with pytest.raises(IntegrityError), transaction.atomic():
        open_draft()


def test_a_click_that_loses_the_race_gets_a_clear_error(approved, author, monkeypatch):
    """The other click commits its draft between this click's check and its insert."""
    real = signoff._open_successor

    def other_click_first(assessment, actor, trigger, trigger_note):
        real(assessment, actor, trigger, trigger_note)
        return real(assessment, actor, trigger, trigger_note)

    monkeypatch.setattr(signoff, "_open_successor", other_click_first)
    with pytest.raises(FieldErrors) as exc:
        signoff.assessment_new_version(assessment=approved, actor=author)
    assert exc.value.fields == {"status": "A newer version is already open."}
    assert Assessment.objects.filter(previous=approved).count() == 0


def test_a_closed_successor_does_not_block_the_next_version(approved, author):
    first = signoff.assessment_new_version(assessment=approved, actor=author)
    Assessment.objects.filter(pk=first.pk).update(status=AssessmentStatus.APPROVED)
    Assessment.objects.filter(pk=approved.pk).update(status=AssessmentStatus.APPROVED)
    approved.refresh_from_db()
    assert signoff.assessment_new_version(assessment=approved, actor=author).version == 2
