"""Independent sign-off, and the outside reviewer who sees one assessment and nothing else."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from conftest import api_headers, client_for, make_member
from rightslens.accounts.models import Membership
from rightslens.assessments import signoff
from rightslens.assessments.independence import NOT_THE_AUTHOR
from rightslens.errors import FieldErrors
from tests.test_tenancy import _url, org_routes, tenancy_ids

from .test_signoff import _complete

REVIEW = "/o/acme/assessments/{}/review/"


def _ready(assessment, user):
    _complete(assessment, user)
    signoff.assessment_submit(assessment=assessment, actor=user)


def test_the_author_of_a_severe_assessment_cannot_approve_it_alone(assessment, owner, org):
    assessment.created_by = owner
    assessment.save()
    _ready(assessment, owner)
    with pytest.raises(FieldErrors) as refused:
        signoff.assessment_approve(
            assessment=assessment, membership=Membership.objects.get(user=owner)
        )
    assert NOT_THE_AUTHOR in refused.value.fields["approval"]
    colleague = make_member(org, "second-owner@acme.test", "owner")
    signoff.assessment_approve(
        assessment=assessment, membership=Membership.objects.get(user=colleague)
    )
    assessment.refresh_from_db()
    assert assessment.status == "approved" and assessment.approved_by == colleague


def test_with_the_setting_off_the_author_may_approve(assessment, owner, org):
    assessment.created_by = owner
    assessment.save()
    org.independent_signoff = False
    org.save()
    _ready(assessment, owner)
    signoff.assessment_approve(assessment=assessment, membership=Membership.objects.get(user=owner))
    assessment.refresh_from_db()
    assert assessment.status == "approved"


def test_the_review_page_says_why_the_author_cannot_approve(assessment, owner):
    assessment.created_by = owner
    assessment.save()
    _ready(assessment, owner)
    page = client_for(owner).get(REVIEW.format(assessment.pk)).content.decode()
    assert "not its author" in page


def _outside_reviewer(owner_client, assessment):
    owner_client.post(
        "/o/acme/people/invite/",
        {"email": "assessor@nhri.test", "role": "viewer", "assessment": str(assessment.pk)},
    )
    link = re.search(r"/accounts/invitation/[^/\s]+/", mail.outbox[-1].body).group(0)
    reviewer = Client()
    response = reviewer.post(link, {"name": "NHRI assessor", "password": "a-quite-long-passphrase"})
    assert response["Location"] == REVIEW.format(assessment.pk)
    return reviewer, Membership.objects.get(user__email="assessor@nhri.test")


def test_an_outside_reviewer_reads_and_approves_their_one_assessment(
    owner_client, assessment, owner
):
    _ready(assessment, owner)
    reviewer, membership = _outside_reviewer(owner_client, assessment)
    assert membership.only_assessment == assessment
    page = reviewer.get(REVIEW.format(assessment.pk))
    assert page.status_code == 200 and assessment.title in page.content.decode()
    for readable in (
        f"/o/acme/assessments/{assessment.pk}/",
        REVIEW.format(assessment.pk)[:-7] + "report/",
    ):
        assert reviewer.get(readable).status_code == 200, readable
    reviewer.post(REVIEW.format(assessment.pk) + "approve/")
    assessment.refresh_from_db()
    assert assessment.status == "approved" and assessment.approved_by == membership.user


def test_an_outside_reviewer_can_return_but_not_start_new_versions(owner_client, assessment, owner):
    _ready(assessment, owner)
    reviewer, _ = _outside_reviewer(owner_client, assessment)
    assert (
        reviewer.post(REVIEW.format(assessment.pk) + "reviewer/", {"email": "x@y.z"}).status_code
        == 404
    )
    reviewer.post(REVIEW.format(assessment.pk) + "return/")
    assessment.refresh_from_db()
    assert assessment.status == "draft"


def test_an_outside_reviewer_gets_404_everywhere_else_in_the_organisation(
    owner_client, assessment, owner, org
):
    reviewer, membership = _outside_reviewer(owner_client, assessment)
    ids = tenancy_ids(org, owner)
    allowed = {REVIEW.format(assessment.pk)}
    headers = api_headers(membership.user)
    seen, leaks = 0, []
    for route, _ in org_routes():
        if not set(re.findall(r"<\w+:(\w+_id)>", route)) <= set(ids):
            continue
        url = _url(route, org, ids)
        if url in allowed:
            continue
        client, extra = (Client(), headers) if route.startswith("api/") else (reviewer, {})
        status = client.get(url, **extra).status_code
        seen += 1
        if status not in (404, 405):
            leaks.append(f"{url} -> {status}")
    assert seen > 100 and not leaks, leaks
    # ...and the review page of another assessment of the organisation is hidden too.
    other = assessment.__class__.objects.create(
        organisation=org, system=assessment.system, title="Other"
    )
    assert reviewer.get(REVIEW.format(other.pk)).status_code == 404
    assert reviewer.get("/").status_code == 302
