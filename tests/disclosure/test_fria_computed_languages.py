"""The FRIA's computed text (what the register fills in, and the gaps it finds) reads in the reader's
language on the FRIA page, while the record keeps English: gaps are named by their English text, so a
reason recorded from a French page answers the gap for everyone, and text left as a French reader
saw it is not stored as an edit."""

from __future__ import annotations

import html

import pytest
from django.utils import translation

from rightslens.accounts.models import Membership
from rightslens.core.disclosure.words import FRIA_WORDS
from rightslens.disclosure import selectors, services, signoff
from rightslens.disclosure.models import Fria, FriaStatus
from rightslens.ux.wording import sentence
from tests.usability.public_pages import visible_text

pytestmark = pytest.mark.django_db

WORDS = {
    "fr": (
        "sert à :",
        "Lacune : aucune mesure de contrôle humain n’est enregistrée",
        "Impacts sur les droits de l’homme, les plus graves d’abord",
    ),
    "es": (
        "se utiliza para:",
        "Laguna: no consta ninguna medida de supervisión humana",
        "Impactos en los derechos humanos, los más graves primero",
    ),
}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _start(client, system) -> Fria:
    assert client.post(f"/o/acme/disclosure/systems/{system.pk}/fria/start/").status_code == 302
    return Fria.objects.get(system=system)


def _page(client, fria: Fria, language: str) -> str:
    response = client.get(f"/o/acme/disclosure/fria/{fria.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_fria_page_shows_the_computed_text_and_gaps_in_the_reader_language(
    owner_client, system, impact, language
):
    fria = _start(owner_client, system)
    page = _page(owner_client, fria, language)
    for words in WORDS[language]:
        assert words in page, words
    shown = " ".join(visible_text(page))  # the gap form keeps the English key in a hidden field
    assert "is used for:" not in shown
    assert FRIA_WORDS["fria.gap_no_oversight"] not in shown
    english = _page(owner_client, fria, "en")
    assert "is used for:" in english and "Gap: no human oversight measure recorded" in english
    # The record stays English.
    document = owner_client.get(
        f"/o/acme/disclosure/fria/{fria.pk}/fria.json", HTTP_ACCEPT_LANGUAGE=language
    ).json()
    assert FRIA_WORDS["fria.gap_no_oversight"] in document["e"]["gaps"]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_text_left_as_a_french_or_spanish_reader_saw_it_is_not_stored_as_an_edit(
    owner_client, system, impact, language
):
    fria = _start(owner_client, system)
    with translation.override(language):
        _template, shown = selectors.live_sections(system=system, fria=fria, say=sentence)
    assert any("Lacune" in s.text or "Laguna" in s.text or ":" in s.text for s in shown)
    data = {f"item_{s.key}": s.text for s in shown}
    response = owner_client.post(
        f"/o/acme/disclosure/fria/{fria.pk}/",
        {**data, "period_of_use": "", "frequency_of_use": ""},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 302
    fria.refresh_from_db()
    assert fria.narratives == {}
    # A real edit in the same language is kept.
    owner_client.post(
        f"/o/acme/disclosure/fria/{fria.pk}/",
        {**data, "item_e": "Deux recruteurs vérifient.", "period_of_use": ""},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    fria.refresh_from_db()
    assert fria.narratives == {"e": "Deux recruteurs vérifient."}


def test_reasons_given_on_a_french_page_answer_the_gaps_for_approval(
    owner_client, owner, system, impact
):
    fria = _start(owner_client, system)
    services.fria_submit(fria=fria, actor=owner)
    page = _page(owner_client, fria, "fr")
    keys = signoff.fria_gaps(fria=fria)
    assert keys and all(f'value="{key}"' in page for key in keys)
    assert "aucune mesure de contrôle humain n’est enregistrée</label>" in page
    response = owner_client.post(
        f"/o/acme/disclosure/fria/{fria.pk}/gaps/",
        {"gap": keys, "reason": ["Hors du champ"] * len(keys)},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 302
    fria.refresh_from_db()
    membership = Membership.objects.get(user=owner)
    with translation.override("fr"):
        services.fria_approve(fria=fria, membership=membership)
    assert fria.status == FriaStatus.APPROVED
