import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from rightslens.grievances.guard import form_token_new
from rightslens.grievances.models import ComplainantIdentity, Grievance, GrievanceAttachment
from rightslens.grievances.testing import PNG_BYTES

from .helpers import submission

CODE = re.compile(r"[A-Z2-7]{5}(?:-[A-Z2-7]{5}){4}")


def french():
    client = Client()
    client.cookies["django_language"] = "fr"
    return client


def test_the_channel_explains_the_steps_and_target_times_without_an_account(org):
    response = Client().get("/g/acme/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "within 5 days" in text
    assert "OECD National Contact Point" in text


def test_the_channel_speaks_french_and_spanish(org):
    assert "Ce qui se passe" in french().get("/g/acme/").content.decode()
    spanish = Client(HTTP_ACCEPT_LANGUAGE="es")
    assert "Qué pasa" in spanish.get("/g/acme/").content.decode()


def test_an_anonymous_submission_gets_a_receipt_code_that_is_not_stored(org):
    response = Client().post("/g/acme/", submission())
    assert response.status_code == 200
    code = CODE.search(response.content.decode()).group(0)
    grievance = Grievance.objects.get(organisation=org)
    assert not grievance.has_identity
    assert not ComplainantIdentity.objects.exists()
    assert code.replace("-", "") not in grievance.receipt_digest
    assert grievance.content == "The CV tool rejected me within minutes."


def test_contact_details_are_kept_apart_from_the_grievance(org):
    Client().post("/g/acme/", submission(name="Ana", contact="ana@example.org"))
    identity = ComplainantIdentity.objects.get()
    assert identity.contact == "ana@example.org"
    assert identity.grievance.has_identity


def test_an_empty_submission_is_refused_in_french_and_nothing_is_stored(org):
    response = french().post("/g/acme/", submission(content="  "))
    assert response.status_code == 400
    assert "Veuillez nous dire ce qui s’est passé." in response.content.decode()
    assert not Grievance.objects.exists()


def test_an_oversized_submission_is_refused_and_nothing_is_stored(org):
    response = french().post("/g/acme/", submission(content="x" * 10_001))
    assert response.status_code == 400
    assert "10000" in response.content.decode().replace("\u202f", "").replace(" ", "")
    assert not Grievance.objects.exists()


def test_a_file_that_is_not_pdf_png_or_jpeg_is_refused_whatever_its_name(org):
    fake = SimpleUploadedFile("photo.png", b"MZ\x90\x00 not an image", content_type="image/png")
    response = french().post("/g/acme/", submission(attachment=fake))
    assert response.status_code == 400
    assert "PDF, PNG ou JPEG" in response.content.decode()
    assert not Grievance.objects.exists()


def test_an_oversized_file_is_refused(org):
    big = SimpleUploadedFile(
        "scan.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), content_type="application/pdf"
    )
    response = Client().post("/g/acme/", submission(attachment=big))
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert not Grievance.objects.exists()


def test_an_accepted_attachment_is_stored_encrypted(org):
    image = SimpleUploadedFile("photo.png", PNG_BYTES, content_type="image/png")
    Client().post("/g/acme/", submission(attachment=image))
    attachment = GrievanceAttachment.objects.get()
    assert attachment.content_type == "image/png"
    assert bytes(attachment.data) != PNG_BYTES


def test_the_honeypot_and_a_too_quick_form_are_refused(org):
    assert Client().post("/g/acme/", submission(website="http://spam.example")).status_code == 400
    assert (
        Client()
        .post("/g/acme/", submission(started=form_token_new(organisation_slug="acme")))
        .status_code
        == 400
    )
    assert Client().post("/g/acme/", submission(started="forged")).status_code == 400
    assert not Grievance.objects.exists()


def test_one_form_token_sends_one_grievance(org):
    sent = submission()
    statuses = [Client().post("/g/acme/", sent).status_code for _ in range(3)]
    assert statuses == [200, 400, 400]
    assert Grievance.objects.count() == 1


def test_a_form_token_for_another_organisation_is_refused(org, other_org):
    response = Client().post("/g/other/", submission())
    assert response.status_code == 400
    assert not Grievance.objects.exists()


def test_an_unknown_organisation_has_no_channel(db):
    assert Client().get("/g/nobody/").status_code == 404
