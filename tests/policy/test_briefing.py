import io

import pytest
from docx import Document
from pypdf import PdfReader

from rightslens.core.policy.briefing import BriefingFinding, build_briefing
from rightslens.policy.briefing import SECTIONS
from rightslens.policy.testing import make_version

LAW = (
    "Article 1\nProviders shall carry out a human rights impact assessment before deployment.\n\n"
    "Article 2\nThis Act shall not apply to AI systems used for national security or defence.\n\n"
    "Article 3\nProviders shall publish a summary of the assessment.\n"
)


def _finding(code, status, refs=(), closest=()):
    return BriefingFinding(
        code=code,
        title=f"{code} title",
        status=status,
        explanation="why",
        recommendation=f"Do {code}",
        evidence=tuple((r, "quoted") for r in refs),
        closest=closest,
    )


def test_gaps_are_ranked_by_how_much_they_matter_to_people():
    briefing = build_briefing(
        "Act",
        [
            _finding("C13", "absent"),
            _finding("C7", "partial", refs=("Art. 4(2)",)),
            _finding("C11", "contrary", refs=("Art. 2",)),
            _finding("C2", "addressed", refs=("Art. 1",)),
        ],
    )
    assert [g.code for g in briefing.gaps] == ["C11", "C7", "C13"]
    assert [s.code for s in briefing.strengths] == ["C2"]


def test_amendments_name_the_article_to_amend_or_where_to_insert():
    briefing = build_briefing(
        "Act",
        [
            _finding("C7", "partial", refs=("Art. 4(2)",)),
            _finding("C10", "absent", closest=("Art. 9(1)",)),
        ],
    )
    where = {a.code: a.where for a in briefing.amendments}
    assert where["C7"] == "Amend Art. 4"
    assert where["C10"] == "Insert a new provision after Art. 9"


@pytest.mark.django_db
def test_the_docx_briefing_has_every_section_and_cites_articles(org, owner, owner_client):
    version = make_version(org, owner, text=LAW)
    response = owner_client.get(f"/o/{org.slug}/policy/versions/{version.pk}/briefing.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in SECTIONS:
        assert section in headings
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Amend Art. 2" in body  # the blanket security exclusion is the article to amend
    assert "Art. 1" in body


@pytest.mark.django_db
def test_the_pdf_briefing_has_every_section(org, owner, owner_client):
    version = make_version(org, owner, text=LAW)
    response = owner_client.get(f"/o/{org.slug}/policy/versions/{version.pk}/briefing.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    for section in SECTIONS:
        assert section in text


@pytest.mark.django_db
def test_the_instrument_page_links_to_the_briefing(org, owner, owner_client):
    version = make_version(org, owner, text=LAW)
    page = owner_client.get(
        f"/o/{org.slug}/policy/instruments/{version.instrument_id}/"
    ).content.decode()
    assert (
        f"/versions/{version.pk}/briefing.docx" in page
        and f"/versions/{version.pk}/briefing.pdf" in page
    )


@pytest.mark.django_db
def test_the_scorecard_shows_sources_and_their_kind(org, owner, owner_client):
    version = make_version(org, owner, text=LAW)
    page = owner_client.get(f"/o/{org.slug}/policy/versions/{version.pk}/").content.decode()
    assert "UNGP requirement" in page and "Guiding Principles on Business and Human Rights" in page
