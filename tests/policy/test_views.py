import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import api_headers
from rightslens.accounts.models import AuditEvent
from rightslens.policy.models import (
    CriterionFinding,
    CriterionReview,
    Instrument,
    InstrumentVersion,
)
from rightslens.policy.testing import make_version
from tests.policy.pdfs import scanned_pdf, text_pdf
from tests.policy.samples import ENGLISH_ACT_WITH_BLANKET_EXEMPTION, FRENCH_DECREE, PORTUGUESE_BILL

pytestmark = pytest.mark.django_db

FORM = {"title": "Projeto de Lei 1234", "jurisdiction": "Brazil", "kind": "law", "binding": "1"}


def test_pasting_a_bill_stores_it_and_shows_the_scorecard(owner_client):
    response = owner_client.post("/o/acme/policy/", FORM | {"text": PORTUGUESE_BILL}, follow=True)
    assert response.status_code == 200
    version = InstrumentVersion.objects.get()
    assert version.provisions[1]["ref"] == "Art. 1"
    assert version.latest_analysis().criteria_version.startswith("policy-criteria")
    body = response.content.decode()
    assert "C11 No blanket" in body and "Contrary" in body
    assert f"/o/acme/policy/versions/{version.pk}/passage/" in body


def test_uploading_a_scan_says_it_has_no_text_layer_and_stores_nothing(owner_client):
    upload = SimpleUploadedFile("scan.pdf", scanned_pdf(), content_type="application/pdf")
    response = owner_client.post("/o/acme/policy/", FORM | {"file": upload})
    assert response.status_code == 400
    assert "no text layer" in response.content.decode()
    assert not Instrument.objects.exists()


def test_missing_metadata_is_named_and_nothing_is_stored(owner_client):
    response = owner_client.post(
        "/o/acme/policy/", {"kind": "law", "binding": "1", "text": PORTUGUESE_BILL}
    )
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Instrument.objects.exists()


def test_no_text_and_no_file_is_refused_on_the_text_field(owner_client):
    response = owner_client.post("/o/acme/policy/", FORM)
    assert response.status_code == 400
    assert "Paste the instrument" in response.content.decode()
    assert not InstrumentVersion.objects.exists()


def test_uploading_a_pdf_extracts_and_analyses_it(owner_client):
    upload = SimpleUploadedFile(
        "decret.pdf", text_pdf(FRENCH_DECREE), content_type="application/pdf"
    )
    owner_client.post("/o/acme/policy/", FORM | {"file": upload, "kind": "regulation"})
    version = InstrumentVersion.objects.get()
    assert version.source_kind == "pdf"
    analysis = version.latest_analysis()
    assert analysis.state == "done" and analysis.language == "fr"


def test_the_passage_page_highlights_the_quote_in_its_provision(owner, owner_client, org):
    version = make_version(org, owner, text=ENGLISH_ACT_WITH_BLANKET_EXEMPTION)
    c11 = version.latest_analysis().findings.get(code="C11")
    evidence = c11.evidence[0]
    response = owner_client.get(
        f"/o/acme/policy/versions/{version.pk}/passage/{evidence['start']}-{evidence['end']}/"
    )
    body = response.content.decode()
    assert '<mark id="evidence">This Act shall not apply to AI systems' in body
    assert "Section 2 Exclusions" in body  # the surrounding provision


def test_a_passage_outside_the_text_is_404(owner, owner_client, org):
    version = make_version(org, owner)
    assert (
        owner_client.get(f"/o/acme/policy/versions/{version.pk}/passage/5-999999/").status_code
        == 404
    )


def test_a_reviewer_overrides_a_status_with_a_note_and_it_is_audited(owner, assessor_client, org):
    version = make_version(org, owner)
    finding = version.latest_analysis().findings.get(code="C11")
    response = assessor_client.post(
        f"/o/acme/policy/findings/{finding.pk}/review/",
        {"status": "partial", "note": "Art. 2 is narrowed by decree."},
    )
    assert response.status_code == 302
    assert finding.final_status == "partial" and finding.status == "contrary"
    event = AuditEvent.objects.get(verb="policy.finding_override")
    assert event.before == {"status": "contrary"} and event.after["status"] == "partial"
    page = assessor_client.get(f"/o/acme/policy/versions/{version.pk}/").content.decode()
    assert "Art. 2 is narrowed by decree." in page and "changed by" in page


def test_a_review_without_a_note_is_refused(owner, owner_client, org):
    version = make_version(org, owner)
    finding = version.latest_analysis().findings.first()
    response = owner_client.post(
        f"/o/acme/policy/findings/{finding.pk}/review/", {"status": "absent", "note": ""}
    )
    assert response.status_code == 400
    assert not CriterionReview.objects.exists()


def test_a_viewer_cannot_review(owner, viewer_client, org):
    version = make_version(org, owner)
    finding = version.latest_analysis().findings.first()
    response = viewer_client.post(
        f"/o/acme/policy/findings/{finding.pk}/review/", {"status": "absent", "note": "x"}
    )
    assert response.status_code == 403


def test_an_outsider_cannot_see_a_scorecard(owner, outsider_client, org):
    version = make_version(org, owner)
    assert outsider_client.get(f"/o/acme/policy/versions/{version.pk}/").status_code == 404


def test_reports_in_html_and_pdf(owner, owner_client, org):
    version = make_version(
        org, owner, text=PORTUGUESE_BILL, title="Projeto de Lei nº 1234 — proteção"
    )
    html = owner_client.get(f"/o/acme/policy/versions/{version.pk}/report/").content.decode()
    assert "UNGP alignment report" in html and "offline-rules-1" in html
    download = owner_client.get(f"/o/acme/policy/versions/{version.pk}/report/?download=1")
    assert download["Content-Disposition"].startswith("attachment")
    response = owner_client.get(f"/o/acme/policy/versions/{version.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_comparing_two_versions_shows_status_changes_and_provision_changes(
    owner, owner_client, org
):
    from rightslens.policy import services
    from rightslens.policy.demo import BILL_V1, BILL_V2

    first = make_version(org, owner, text=BILL_V1)
    second = services.version_add(instrument=first.instrument, actor=owner, text=BILL_V2)
    services.analysis_request(version=second)
    body = owner_client.get(
        f"/o/acme/policy/instruments/{first.instrument_id}/compare/?from=1&to=2"
    ).content.decode()
    assert "Art. 5" in body  # the remedy article was added
    c11 = [
        r
        for r in __import__("rightslens.policy.selectors", fromlist=["x"])
        .version_compare(first, second)
        .status_changes
        if r["code"] == "C11"
    ][0]
    assert (c11["before"], c11["after"], c11["changed"]) == ("contrary", "addressed", True)


def test_smart_mix_map_shows_gaps_no_instrument_covers(owner, owner_client, org):
    from rightslens.policy.demo import load

    load(org, owner)
    body = owner_client.get("/o/acme/policy/map/?jurisdiction=Demoland").content.decode()
    assert "Code of Conduct for Responsible AI" in body and "Voluntary" in body
    assert "Gaps no instrument covers" in body
    from rightslens.policy.selectors import smart_mix_map

    mix = smart_mix_map(organisation=org, jurisdiction="Demoland")
    assert len(mix.rows) == 2
    assert "C14" not in mix.gaps
    assert all(
        all(r["statuses"][c] not in ("addressed", "partial") for r in mix.rows) for c in mix.gaps
    )


def test_api_creates_an_instrument_and_returns_the_cli_shape(owner, client):
    response = client.post(
        "/api/policy/orgs/acme/instruments",
        {
            "title": "Décret",
            "jurisdiction": "France",
            "kind": "regulation",
            "binding": True,
            "text": FRENCH_DECREE,
        },
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 201
    payload = response.json()
    assert payload["state"] == "done" and len(payload["criteria"]) == 21
    finding_id = payload["criteria"][10]["finding_id"]
    review = client.post(
        f"/api/policy/orgs/acme/findings/{finding_id}/review",
        {"status": "sideways", "note": ""},
        content_type="application/json",
        **api_headers(owner),
    )
    assert review.status_code == 422
    assert set(review.json()["error"]["fields"]) == {"status", "note"}


def test_api_refuses_an_empty_text(owner, client):
    response = client.post(
        "/api/policy/orgs/acme/instruments",
        {"title": "X", "jurisdiction": "Y", "kind": "law"},
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 422
    assert "text" in response.json()["error"]["fields"]
    assert not CriterionFinding.objects.exists()


def test_a_wrong_file_type_is_named_and_nothing_is_stored(owner_client):
    upload = SimpleUploadedFile(
        "budget.xlsx", b"PK\x03\x04 not a document", content_type="application/vnd.ms-excel"
    )
    response = owner_client.post("/o/acme/policy/", FORM | {"file": upload})
    assert response.status_code == 400
    assert "&#x27;.xlsx&#x27; cannot be read" in response.content.decode()
    assert not Instrument.objects.exists()


def test_an_oversize_upload_is_refused_and_nothing_is_stored(owner_client, monkeypatch):
    from rightslens.core.policy import ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 50)
    upload = SimpleUploadedFile("bill.txt", PORTUGUESE_BILL.encode(), content_type="text/plain")
    response = owner_client.post("/o/acme/policy/", FORM | {"file": upload})
    assert response.status_code == 400
    assert "limit" in response.content.decode()
    assert not Instrument.objects.exists()


def test_a_government_portfolio_map_spans_levels_and_agencies(org, owner, owner_client):
    from rightslens.policy import services
    from rightslens.policy.testing import make_version

    justice = services.agency_create(organisation=org, actor=owner, name="Ministry of Justice")
    digital = services.agency_create(organisation=org, actor=owner, name="Digital Agency")
    make_version(org, owner, title="National AI Act", jurisdiction="Testland", agency=justice)
    make_version(
        org,
        owner,
        title="EU AI rules",
        jurisdiction="EU",
        level="regional",
        issuing_body="European Union",
        agency=digital,
    )
    make_version(
        org,
        owner,
        title="Framework Convention on AI",
        jurisdiction="Council of Europe",
        level="international",
        issuing_body="Council of Europe",
        agency=justice,
    )
    page = owner_client.get(f"/o/{org.slug}/policy/map/").content.decode()
    national, regional, international = (
        page.index("National AI Act"),
        page.index("EU AI rules"),
        page.index("Framework Convention on AI"),
    )
    assert national < regional < international
    assert "Ministry of Justice" in page and "Digital Agency" in page and "(European Union)" in page
    listing = owner_client.get(f"/o/{org.slug}/policy/agencies/").content.decode()
    assert "Ministry of Justice" in listing


def test_an_agency_name_is_not_added_twice(org, owner, owner_client):
    owner_client.post(f"/o/{org.slug}/policy/agencies/", {"name": "Ministry of Justice"})
    response = owner_client.post(
        f"/o/{org.slug}/policy/agencies/", {"name": "ministry of  justice"}
    )
    assert response.status_code == 400 and "already one of" in response.content.decode()


def test_an_instrument_cannot_be_filed_under_another_governments_agency(org, owner, other_org):
    import pytest

    from rightslens.errors import FieldErrors
    from rightslens.policy import services
    from rightslens.policy.models import Instrument

    foreign = services.agency_create(organisation=other_org, actor=None, name="Their ministry")
    with pytest.raises(FieldErrors):
        services.instrument_create(
            organisation=org,
            actor=owner,
            title="T",
            jurisdiction="X",
            kind="law",
            binding=True,
            text="Article 1\nProviders shall act.",
            agency=foreign,
        )
    assert not Instrument.objects.filter(organisation=org).exists()


def test_api_files_an_instrument_at_a_level_and_returns_each_criterions_sources(owner, client):
    response = client.post(
        "/api/policy/orgs/acme/instruments",
        {
            "title": "Convention",
            "jurisdiction": "Council of Europe",
            "kind": "law",
            "binding": True,
            "text": FRENCH_DECREE,
            "level": "international",
            "issuing_body": "Council of Europe",
        },
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 201
    payload = response.json()
    assert payload["instrument"]["level"] == "international"
    assert all(c["sources"] and c["basis"] for c in payload["criteria"])


def test_api_refuses_an_unknown_level_and_saves_nothing(owner, client):
    response = client.post(
        "/api/policy/orgs/acme/instruments",
        {
            "title": "T",
            "jurisdiction": "X",
            "kind": "law",
            "binding": True,
            "text": FRENCH_DECREE,
            "level": "galactic",
        },
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 422 and "level" in response.json()["error"]["fields"]
    assert not Instrument.objects.filter(title="T").exists()
