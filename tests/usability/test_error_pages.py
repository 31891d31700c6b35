"""404 and 500 pages speak the visitor's language and reveal nothing about the site's addresses."""

from __future__ import annotations

from django.test import Client, RequestFactory, override_settings

from rightslens import errorpages, urls

REVEALING = (
    "urlpatterns",
    "admin/",
    "URLconf",
    "Traceback",
    "o/&lt;slug",
    "api/",
    "Using the URLconf",
)


def _reveals_nothing(html: str) -> None:
    for clue in REVEALING:
        assert clue not in html, clue


def test_an_unknown_address_gets_a_plain_404_in_the_visitor_language(db):
    response = Client(HTTP_ACCEPT_LANGUAGE="es").get("/no/such/address/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Página no encontrada" in html
    _reveals_nothing(html)


def test_the_public_channel_404_follows_lang_and_lists_no_urls_even_with_debug_on(org):
    with override_settings(DEBUG=True):
        response = Client().get("/g/acme/mistyped/?lang=sw")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Ukurasa haukupatikana" in html
    _reveals_nothing(html)
    assert 'href="/o/' not in html  # no staff navigation on the public error page


def test_the_500_page_is_in_the_visitor_language_right_to_left_for_arabic_and_plain():
    assert urls.handler500 == "rightslens.errorpages.server_error"
    response = errorpages.server_error(RequestFactory().get("/g/acme/?lang=ar"))
    html = response.content.decode()
    assert response.status_code == 500
    assert 'dir="rtl"' in html and "حدث خطأ ما" in html
    _reveals_nothing(html)
