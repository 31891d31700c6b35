import pytest

from conftest import axe_violations, browser_login
from tests.policy.pdfs import text_pdf
from tests.policy.samples import PORTUGUESE_BILL


@pytest.mark.browser
def test_a_policy_officer_uploads_a_pdf_reviews_a_finding_and_downloads_the_report(
    page, org, owner, tmp_path
):
    pdf = tmp_path / "projeto.pdf"
    pdf.write_bytes(text_pdf(PORTUGUESE_BILL))
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/policy/")
    assert axe_violations(page) == []
    page.get_by_label("Title").fill("Projeto de Lei 1234")
    page.get_by_label("Jurisdiction").fill("Brazil")
    page.get_by_label("Type of instrument").select_option("law")
    page.get_by_label("Binding force").select_option("1")
    page.get_by_label("Upload the instrument").set_input_files(str(pdf))
    page.get_by_role("button", name="Check alignment").click()

    card = page.locator("section#C11")
    card.wait_for()
    assert "Contrary" in card.inner_text()
    assert axe_violations(page) == []

    card.get_by_role("link", name="Art. 2").first.click()
    highlighted = page.locator("mark#evidence")
    assert "não se aplica" in highlighted.inner_text()
    page.go_back()

    card = page.locator("section#C11")
    card.get_by_label("Your status for C11").select_option("partial")
    card.get_by_label("Reviewer's note for C11").fill("Defence carve-out is limited by Decree 99.")
    card.get_by_role("button", name="Save review of C11").click()
    reviewer_view = page.locator("section#C11")
    assert "Defence carve-out is limited by Decree 99." in reviewer_view.inner_text()
    assert "changed by owner@acme.test" in reviewer_view.inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF report").click()
    download = download_info.value
    path = tmp_path / "report.pdf"
    download.save_as(str(path))
    assert path.read_bytes().startswith(b"%PDF")


@pytest.mark.browser
def test_a_ministry_is_added_and_the_portfolio_map_shows_it(page, org, owner):
    from rightslens.policy.models import Agency
    from rightslens.policy.testing import make_version

    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/policy/agencies/")
    assert axe_violations(page) == []
    page.get_by_label("Ministry or agency").fill("Ministry of Justice")
    page.get_by_role("button", name="Add").click()
    assert "Ministry of Justice" in page.locator("table").inner_text()
    justice = Agency.objects.get(organisation=org, name="Ministry of Justice")
    make_version(
        org, owner, title="Framework Convention on AI", level="international", agency=justice
    )
    page.goto("/o/acme/policy/map/")
    assert axe_violations(page) == []
    row = page.locator("tr", has_text="Framework Convention on AI")
    assert "International" in row.inner_text() and "Ministry of Justice" in row.inner_text()
