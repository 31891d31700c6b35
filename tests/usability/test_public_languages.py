"""The public grievance channel speaks every language we ship, in full, and Arabic right to left."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import to_locale

from .public_pages import public_pages, visible_text

LOCALE = Path(settings.BASE_DIR) / "rightslens" / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]

# Text that is rightly the same in English and in a language: names, and words the language shares.
SAME_AS_ENGLISH = {
    "RightsLens",
    "Acme AI",
    "Case text",
    "Officer text",
    "Remedy text",
    "Provider name",
    "·",
    *(LANG_INFO[code]["name_local"] for code, _name in settings.LANGUAGES),
}
SAME_IN = {"id": {"Status"}, "fr": {"Messages"}, "es": {"No"}}


def _catalogue(language: str) -> gettext.GNUTranslations:
    with open(LOCALE / to_locale(language) / "LC_MESSAGES" / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


def _english_msgids() -> set[str]:
    """Every msgid of the French catalogue (makemessages writes the same ids for every language)."""
    keys = {key if isinstance(key, str) else key[0] for key in _catalogue("fr")._catalog if key}
    return {k for k in keys if "\x04" not in k}  # staff strings ("staff" context): fr and es only


def test_at_least_twelve_languages_including_the_un_and_the_demo_deployment_languages():
    codes = {code for code, _name in settings.LANGUAGES}
    assert len(codes) >= 12
    assert {"ar", "zh-hans", "en", "fr", "ru", "es", "sw", "pt", "id"} <= codes


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_has_a_translation_and_the_po_says_who_translated_and_reviewed_it(language):
    catalogue = _catalogue(language)._catalog
    missing = sorted(
        m for m in _english_msgids() if not (catalogue.get(m) or catalogue.get((m, 0)))
    )
    assert not missing, f"{language}: no translation for {missing}"
    header = (LOCALE / to_locale(language) / "LC_MESSAGES" / "django.po").read_text("utf-8")
    assert "Translator:" in header and "Reviewer:" in header and "Method:" in header


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_is_left_on_any_public_page(org, language):
    english = public_pages(org, "en")
    translated = public_pages(org, language)
    allowed = SAME_AS_ENGLISH | SAME_IN.get(language, set())
    for name, html in translated.items():
        english_text = set(visible_text(english[name]))
        left = [
            text
            for text in visible_text(html)
            if text in english_text
            and text not in allowed
            and any(c.isalpha() for c in text)
            and not text.startswith("http")
        ]
        assert not left, f"{language} {name} page still shows English: {left}"


def test_rights_on_the_statistics_page_are_named_in_the_visitor_language(org):
    stats = public_pages(org, "fr")["stats"]
    assert "DUDH, art. 7 : Égalité devant la loi" in stats
    assert "UDHR Art. 7" not in stats
    assert "Comment les priorités sont fixées" in stats


def test_arabic_pages_are_laid_out_right_to_left_and_others_left_to_right(org):
    assert '<html lang="ar" dir="rtl">' in public_pages(org, "ar")["channel"]
    assert '<html lang="de" dir="ltr">' in public_pages(org, "de")["channel"]


def test_the_stylesheet_uses_logical_properties_so_right_to_left_pages_mirror():
    css = (Path(settings.BASE_DIR) / "rightslens" / "static" / "rightslens" / "app.css").read_text()
    for physical in (
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align:left",
    ):
        assert physical not in css.replace(" ", ""), physical


def test_staff_navigation_and_dashboard_speak_french_and_spanish(org, owner):
    from conftest import client_for

    client = client_for(owner)
    french = client.get("/o/acme/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Tableau de bord" in french and "Évaluations" in french and "Rapports" in french
    spanish = client.get("/o/acme/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Panel" in spanish and "Evaluaciones" in spanish
