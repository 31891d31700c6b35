"""At inventory time, a system whose own description reads as a red-line use says so."""

from rightslens.inventory.testing import make_system


def test_the_system_page_shows_the_red_line_its_description_falls_under(org, owner_client):
    system = make_system(org, name="Interview analytics")
    system.purpose = (
        "Reads applicants' facial expressions in video interviews to score their honesty."
    )
    system.save()
    page = owner_client.get(f"/o/acme/systems/{system.pk}/").content.decode()
    assert "This description reads as a red-line use" in page
    assert "Emotion recognition in the workplace or in education" in page
    assert "score their honesty" in page


def test_a_plain_system_shows_no_red_line(org, owner_client):
    system = make_system(org, name="Helpdesk bot")
    page = owner_client.get(f"/o/acme/systems/{system.pk}/").content.decode()
    assert "reads as a red-line use" not in page


def test_the_system_page_names_the_red_line_in_the_readers_language(org, owner_client):
    from django.utils import translation

    system = make_system(org, name="Interview analytics")
    system.purpose = (
        "Reads applicants' facial expressions in video interviews to score their honesty."
    )
    system.save()
    try:
        page = owner_client.get(
            f"/o/acme/systems/{system.pk}/", HTTP_ACCEPT_LANGUAGE="es"
        ).content.decode()
    finally:
        translation.activate("en")
    assert "Reconocimiento de emociones en el lugar de trabajo o en la educación" in page
    assert "Emotion recognition in the workplace or in education" not in page
